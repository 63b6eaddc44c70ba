#include "vm/collection.h"

#include "vm/bigint.h"

#include <algorithm>
#include <cmath>

#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

size_t CollectionKeyHash::operator()(Value v) const {
  if (v.IsString()) return StringHash(v.AsString());
  if (v.IsBigInt()) return BigIntHash(v.AsBigInt());
  uint64_t b = v.bits();
  b ^= b >> 33;
  b *= 0xff51afd7ed558ccdull;
  b ^= b >> 33;
  return static_cast<size_t>(b);
}

bool CollectionKeyEq::operator()(Value a, Value b) const {
  if (a.bits() == b.bits()) return true;
  if (a.IsBigInt() && b.IsBigInt()) return BigIntEquals(a.AsBigInt(), b.AsBigInt());
  return a.IsString() && b.IsString() && StringEquals(a.AsString(), b.AsString());
}

Value NormalizeCollectionKey(Value key) {
  if (!key.IsNumber()) return key;
  double d = key.AsNumber();
  if (d == 0) d = 0;  // -0 -> +0
  return Value::Number(d);
}

namespace {

// Keeps the heap's byte count in step with the table's capacity.
bool Account(Vm& vm, CollectionData* d) {
  size_t now = d->entries.capacity() * sizeof(CollectionEntry) +
               d->index.capacity() * (sizeof(Value) + sizeof(uint32_t) + 1);
  if (now > d->accounted) {
    if (!vm.heap().AccountExternal(now - d->accounted)) return false;
  } else {
    vm.heap().ReleaseExternal(d->accounted - now);
  }
  d->accounted = now;
  return true;
}

void Compact(CollectionData* d) {
  size_t out = 0;
  for (size_t i = 0; i < d->entries.size(); ++i) {
    if (d->entries[i].key.IsEmpty()) continue;
    d->entries[out++] = d->entries[i];
  }
  d->entries.resize(out);
  d->index.clear();
  for (uint32_t i = 0; i < out; ++i) d->index[d->entries[i].key] = i;
  ++d->epoch;
}

void MaybeCompact(CollectionData* d) {
  size_t dead = d->entries.size() - d->live;
  if (dead > 32 && dead > d->live) Compact(d);
}

void RemoveAt(CollectionData* d, uint32_t pos) {
  d->index.erase(d->entries[pos].key);
  d->entries[pos].key = Value::Empty();
  d->entries[pos].value = Value::Undefined();
  --d->live;
}

}  // namespace

CollectionObject* NewCollection(Vm& vm, Object* proto, ObjectClass cls) {
  Object* o = NewObject(vm, proto, cls, sizeof(CollectionObject));
  if (o == nullptr) return nullptr;
  auto* c = static_cast<CollectionObject*>(o);
  c->data = new CollectionData();
  return c;
}

CollectionIterator* NewCollectionIterator(Vm& vm, Object* proto, CollectionObject* target, uint8_t kind) {
  Object* o = NewObject(vm, proto, ObjectClass::kCollectionIterator, sizeof(CollectionIterator));
  if (o == nullptr) return nullptr;
  auto* it = static_cast<CollectionIterator*>(o);
  it->target = target;
  it->next_id = 0;
  it->pos = 0;
  it->epoch = target->data->epoch;
  it->kind = kind;
  return it;
}

const CollectionEntry* CollectionFind(const CollectionObject* c, Value key) {
  auto it = c->data->index.find(NormalizeCollectionKey(key));
  return it == c->data->index.end() ? nullptr : &c->data->entries[it->second];
}

bool CollectionSet(Vm& vm, CollectionObject* c, Value key, Value value) {
  CollectionData* d = c->data;
  key = NormalizeCollectionKey(key);
  if (auto it = d->index.find(key); it != d->index.end()) {
    d->entries[it->second].value = value;
    return true;
  }
  d->entries.push_back({key, value, d->next_id++});
  d->index[key] = static_cast<uint32_t>(d->entries.size() - 1);
  ++d->live;
  return Account(vm, d);
}

bool CollectionDelete(Vm& vm, CollectionObject* c, Value key) {
  CollectionData* d = c->data;
  auto it = d->index.find(NormalizeCollectionKey(key));
  if (it == d->index.end()) return false;
  RemoveAt(d, it->second);
  MaybeCompact(d);
  Account(vm, d);
  return true;
}

void CollectionClear(Vm& vm, CollectionObject* c) {
  CollectionData* d = c->data;
  d->entries.clear();
  d->index.clear();
  d->live = 0;
  ++d->epoch;
  Account(vm, d);
}

bool CollectionIteratorNext(CollectionIterator* it, CollectionEntry* out) {
  if (it->target == nullptr) return false;
  CollectionData* d = static_cast<CollectionObject*>(it->target)->data;
  uint32_t pos = it->pos;
  if (it->epoch != d->epoch) {
    auto lb = std::lower_bound(d->entries.begin(), d->entries.end(), it->next_id,
                               [](const CollectionEntry& e, uint64_t id) { return e.id < id; });
    pos = static_cast<uint32_t>(lb - d->entries.begin());
    it->epoch = d->epoch;
  }
  while (pos < d->entries.size() && d->entries[pos].key.IsEmpty()) ++pos;
  if (pos >= d->entries.size()) {
    it->target = nullptr;  // 24.1.5.1: once done, always done
    return false;
  }
  *out = d->entries[pos];
  it->next_id = out->id + 1;
  it->pos = pos + 1;
  return true;
}

void TraceCollection(CollectionObject* c, Tracer& t) {
  if (c->data == nullptr) return;
  if (c->cls == ObjectClass::kWeakMap || c->cls == ObjectClass::kWeakSet) {
    t.AddWeak(c);
    return;
  }
  for (const CollectionEntry& e : c->data->entries) {
    t.Mark(e.key);
    t.Mark(e.value);
  }
}

bool MarkEphemerons(CollectionObject* c, Tracer& t) {
  bool marked = false;
  for (const CollectionEntry& e : c->data->entries) {
    if (e.key.IsEmpty() || !e.key.IsCell() || !e.key.AsCell()->marked) continue;
    if (e.value.IsCell() && !e.value.AsCell()->marked) {
      t.Mark(e.value);
      marked = true;
    }
  }
  return marked;
}

void ClearDeadEphemerons(Heap& heap, CollectionObject* c) {
  CollectionData* d = c->data;
  for (uint32_t i = 0; i < d->entries.size(); ++i) {
    Value k = d->entries[i].key;
    if (!k.IsEmpty() && k.IsCell() && !k.AsCell()->marked) RemoveAt(d, i);
  }
  if (d->live < d->entries.size()) Compact(d);
  (void)heap;
}

void FinalizeCollection(Heap& heap, CollectionObject* c) {
  if (c->data == nullptr) return;
  heap.ReleaseExternal(c->data->accounted);
  delete c->data;
  c->data = nullptr;
}

}  // namespace ratchet::internal

// ---- WeakRef and FinalizationRegistry ----------------------------------------

namespace ratchet::internal {

namespace {

bool IsDead(Value v) { return v.IsCell() && !v.AsCell()->marked; }

}  // namespace

void TraceFinalizationRegistry(FinalizationRegistryObject* r, Tracer& t) {
  t.Mark(r->cleanup);
  if (r->realm != nullptr) t.Mark(r->realm);
  if (r->cells != nullptr) {
    for (const FinalizationCell& c : *r->cells) t.Mark(c.held);
  }
  if (r->pending != nullptr) {
    for (Value v : *r->pending) t.Mark(v);
  }
  t.AddWeak(r);
}

void ClearDeadWeakRef(Object* weak_ref) {
  auto* w = static_cast<PrimitiveObject*>(weak_ref);
  if (IsDead(w->primitive)) w->primitive = Value::Undefined();
}

void ClearDeadFinalizationCells(Vm& vm, FinalizationRegistryObject* r) {
  if (r->cells == nullptr) return;
  std::vector<FinalizationCell>& cells = *r->cells;
  size_t out = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    FinalizationCell c = cells[i];
    if (IsDead(c.target)) {
      r->pending->push_back(c.held);
      continue;
    }
    if (IsDead(c.token)) c.token = Value::Empty();
    cells[out++] = c;
  }
  cells.resize(out);
  if (!r->pending->empty() && !r->job_queued && r->realm != nullptr) {
    // The job joins the running task's queue (or the next task's).
    Job job;
    job.function = r->realm->self_hosted_fn(SelfHosted::kFinalizationRegistryCleanup);
    job.args[0] = Value::FromObject(r);
    job.argc = 1;
    vm.EnqueueJob(job);
    r->job_queued = true;
  }
}

void FinalizeFinalizationRegistry(Heap& heap, FinalizationRegistryObject* r) {
  // Every registration is charged until its cleanup ran or it was unregistered.
  if (r->cells != nullptr) heap.ReleaseExternal(r->cells->size() * kFinalizationCellBytes);
  if (r->pending != nullptr) heap.ReleaseExternal(r->pending->size() * kFinalizationCellBytes);
  delete r->cells;
  delete r->pending;
}

}  // namespace ratchet::internal
