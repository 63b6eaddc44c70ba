// Storage of Map, Set, WeakMap and WeakSet: an insertion-ordered hash table
// (entries in a vector, deleted ones left as tombstones, an index from key
// to position). Iterators remember the id of the next entry, so they survive
// deletion, insertion, clear() and compaction (24.1.5.1, 24.2.5.1).
// WeakMap/WeakSet entries are ephemerons: the collector keeps a value alive
// only while its key is reachable, and drops entries whose key died.
#ifndef RATCHET_VM_COLLECTION_H_
#define RATCHET_VM_COLLECTION_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "vm/heap.h"
#include "vm/object.h"

namespace ratchet::internal {

struct CollectionEntry {
  Value key;    // Empty(): deleted
  Value value;  // Set/WeakSet: the key again
  uint64_t id;  // insertion counter, increasing along `entries`
};

/// SameValueZero on normalized keys (see NormalizeCollectionKey).
struct CollectionKeyHash {
  size_t operator()(Value v) const;
};
struct CollectionKeyEq {
  bool operator()(Value a, Value b) const;
};

struct CollectionData {
  std::vector<CollectionEntry> entries;
  absl::flat_hash_map<Value, uint32_t, CollectionKeyHash, CollectionKeyEq> index;
  uint64_t next_id = 0;
  uint32_t live = 0;
  uint32_t epoch = 0;      // bumped when positions change (compaction)
  size_t accounted = 0;    // bytes reported to the heap
};

/// ObjectClass kMap, kSet, kWeakMap, kWeakSet.
struct CollectionObject : Object {
  CollectionData* data;
};

/// ObjectClass kFinalizationRegistry. Targets and unregister tokens are held
/// weakly; when the collector finds a target dead, its cell's held value
/// moves to `pending` and a cleanup job is queued (HostEnqueueFinalization-
/// RegistryCleanupJob) that calls the cleanup callback for each.
struct FinalizationCell {
  Value target;
  Value held;
  Value token;  // Empty: no unregister token
};
struct FinalizationRegistryObject : Object {
  Value cleanup;
  Realm* realm;  // the registry's [[Realm]] (runs the cleanup job)
  std::vector<FinalizationCell>* cells;
  std::vector<Value>* pending;
  bool job_queued;
};
/// Bytes charged to the memory limit per registration.
inline constexpr size_t kFinalizationCellBytes = sizeof(FinalizationCell) * 2;

void TraceFinalizationRegistry(FinalizationRegistryObject* r, Tracer& t);
/// After marking: clears dead WeakRef targets and moves dead registry cells
/// to pending (queueing the cleanup job).
void ClearDeadWeakRef(Object* weak_ref);
void ClearDeadFinalizationCells(Vm& vm, FinalizationRegistryObject* r);
void FinalizeFinalizationRegistry(Heap& heap, FinalizationRegistryObject* r);

/// ObjectClass kCollectionIterator: %MapIteratorPrototype% and
/// %SetIteratorPrototype% instances.
struct CollectionIterator : Object {
  Object* target;    // null once exhausted
  uint64_t next_id;  // the first entry id not visited yet
  uint32_t pos;      // position of that entry when epoch matches
  uint32_t epoch;
  uint8_t kind;      // 0 keys, 1 values, 2 entries
};

/// -0 becomes +0 and numbers take one canonical encoding.
Value NormalizeCollectionKey(Value key);

CollectionObject* NewCollection(Vm& vm, Object* proto, ObjectClass cls);
CollectionIterator* NewCollectionIterator(Vm& vm, Object* proto, CollectionObject* target, uint8_t kind);

/// Looks `key` up; returns the entry or null.
const CollectionEntry* CollectionFind(const CollectionObject* c, Value key);
/// Adds or updates; false when over the memory limit.
bool CollectionSet(Vm& vm, CollectionObject* c, Value key, Value value);
bool CollectionDelete(Vm& vm, CollectionObject* c, Value key);
void CollectionClear(Vm& vm, CollectionObject* c);
/// The next live entry of an iterator, or false when it is done.
bool CollectionIteratorNext(CollectionIterator* it, CollectionEntry* out);

/// GC support.
void TraceCollection(CollectionObject* c, Tracer& t);
/// Weak collections: marks the values of entries whose key is marked;
/// true when it marked something new.
bool MarkEphemerons(CollectionObject* c, Tracer& t);
/// Weak collections: removes entries whose key is not marked.
void ClearDeadEphemerons(Heap& heap, CollectionObject* c);
void FinalizeCollection(Heap& heap, CollectionObject* c);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_COLLECTION_H_
