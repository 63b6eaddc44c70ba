// Objects: shapes (hidden classes with transition trees) for named
// properties, a dictionary-mode fallback, and separate element storage
// (dense values plus a sparse map for holes far away and non-default
// attributes). Also symbols, accessor pairs and environment records.
#ifndef RATCHET_VM_OBJECT_H_
#define RATCHET_VM_OBJECT_H_

#include <cstdint>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "vm/heap.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;
struct Realm;
struct String;
struct Code;

// Property attributes.
inline constexpr uint8_t kWritable = 1;
inline constexpr uint8_t kEnumerable = 2;
inline constexpr uint8_t kConfigurable = 4;
inline constexpr uint8_t kAccessorBit = 8;  // the slot holds an Accessor
inline constexpr uint8_t kDefaultAttrs = kWritable | kEnumerable | kConfigurable;
inline constexpr uint8_t kHiddenAttrs = kWritable | kConfigurable;  // builtins
/// A mapped arguments object's element (10.4.4): kept in the sparse map,
/// its value an Env indirection to the parameter's binding.
inline constexpr uint8_t kMappedArgument = 0x80;

/// A property key: an atom (interned String), a Symbol, or an array index
/// 0..2^32-2 stored as a number.
struct PropertyKey {
  Value v;
  PropertyKey() = default;
  explicit PropertyKey(Value value) : v(value) {}
  static PropertyKey Index(uint32_t i) { return PropertyKey(Value::Number(i)); }
  bool IsIndex() const { return v.IsNumber(); }
  uint32_t index() const { return static_cast<uint32_t>(v.AsNumber()); }
  bool IsSymbol() const { return v.IsSymbol(); }
  bool IsString() const { return v.IsString(); }
  friend bool operator==(PropertyKey a, PropertyKey b) { return a.v == b.v; }
};

struct Symbol : Cell {
  Value description;  // a String or undefined
  bool registered;    // created by Symbol.for
  bool is_private;    // a private name (#x): never exposed by reflection
};

struct Accessor : Cell {
  Value getter;  // a callable object or undefined
  Value setter;
};

/// Stores an Accessor in a property slot (the slot's attrs say so).
inline Value AccessorToValue(Accessor* a) {
  return Value::FromBits(0xFFFF'0000'0000'0000ull | reinterpret_cast<uint64_t>(a));
}
inline Accessor* ValueToAccessor(Value v) { return reinterpret_cast<Accessor*>(v.AsCell()); }
/// Any internal cell stored in a Value (constants pool, slots).
inline Value CellToValue(Cell* c) {
  return Value::FromBits(0xFFFF'0000'0000'0000ull | reinterpret_cast<uint64_t>(c));
}

struct ShapeEntry {
  Value key;  // atom or symbol
  uint8_t attrs;
};

/// A hidden class: the ordered list of an object's named properties and
/// their attributes. Shapes form a transition tree from the empty root; the
/// slot of the i-th property is i.
struct Shape : Cell {
  Shape* parent;
  Value key;        // the property this shape adds (undefined for the root)
  uint8_t attrs;
  // Created while a realm's intrinsics were built (Vm::pin_intrinsics): its
  // parent's transition to it is strong, so every realm of the runtime
  // shares these shapes (and their lookup tables) even after all die.
  bool pinned;
  uint32_t count;   // number of properties
  uint32_t side_bytes;  // charged to the heap for the tables below
  absl::flat_hash_map<uint64_t, Shape*>* transitions;  // (key, attrs) -> child
  // The transition taken last (one of `transitions`, or null): shapes
  // mostly have one child, taken again by every object built the same way.
  Shape* last_child;
  uint64_t last_key;
  std::vector<ShapeEntry>* entries;                    // lazily built
  absl::flat_hash_map<uint64_t, uint32_t>* table;      // lazily, when large
};

/// Dictionary-mode named properties: insertion-ordered with tombstones.
struct DictEntry {
  Value key;  // Empty() when deleted
  Value value;
  uint8_t attrs;
};
struct PropertyDict {
  std::vector<DictEntry> entries;
  absl::flat_hash_map<uint64_t, uint32_t> index;
  uint32_t live = 0;
  size_t accounted = 0;  // bytes charged to the heap (ChargeDict in vm/object.cc)
};

struct SparseElement {
  Value value;
  uint8_t attrs;
};

enum class ObjectClass : uint8_t {
  kOrdinary,
  kArray,
  kClosure,      // a bytecode function
  kNative,       // a C++ function
  kBound,        // Function.prototype.bind
  kError,
  kBoolean,      // primitive wrappers
  kNumber,
  kString,
  kSymbol,
  kBigInt,
  kArguments,
  kGlobal,
  kDate,
  kRegExp,
  kIterator,  // built-in iterators: state in PrimitiveObject::primitive
  kGenerator,  // generator, async function and async generator instances (vm/generator.h)
  kPromise,    // PromiseObject
  kMap,        // CollectionObject (vm/collection.h)
  kSet,
  kWeakMap,
  kWeakSet,
  kCollectionIterator,  // CollectionIterator
  kRegExpMatchState,    // RegExpMatchState (vm/regexp_object.h)
  kRegExpStringIterator,  // %RegExpStringIteratorPrototype% instances (PrimitiveObject)
  kArrayBuffer,         // ArrayBufferObject (vm/typed_array.h)
  kSharedArrayBuffer,   // ArrayBufferObject
  kTypedArray,          // TypedArrayObject: integer-indexed exotic object
  kDataView,            // DataViewObject
  kDisposableStack,     // DisposableStack / AsyncDisposableStack (PrimitiveObject: state record)
  kRawJSON,             // JSON.rawJSON results (ordinary, frozen)
  kWeakRef,             // PrimitiveObject: primitive is the target (held weakly)
  kFinalizationRegistry,  // FinalizationRegistryObject (vm/collection.h)
  kModuleRecord,        // PrimitiveObject: primitive is the module environment (runtime/module.h)
  kModuleNamespace,     // 10.4.6 module namespace exotic object (dictionary mode; see
                        // ModuleNamespaceValue)
  kProxy,               // ProxyObject (10.5): its internal methods run in selfhost/proxy.js
  kCallableProxy,       // a ProxyObject whose target is callable
};

struct Object : Cell {
  ObjectClass cls;
  bool extensible;
  bool length_writable;  // arrays
  uint8_t pad;           // errors: the LimitError that threw it; for-in states: a flag
  uint32_t slot_capacity;
  Object* proto;
  Shape* shape;         // null in dictionary mode
  PropertyDict* dict;   // dictionary mode
  Value* slots;
  Value* elements;      // dense elements; holes are Empty()
  uint32_t elements_size;  // dense elements in use
  uint32_t elements_capacity;
  uint32_t array_length;   // arrays: the length property
  uint32_t pad2;
  absl::btree_map<uint32_t, SparseElement>* sparse;

  bool is_array() const { return cls == ObjectClass::kArray; }
  bool is_callable() const {
    return cls == ObjectClass::kClosure || cls == ObjectClass::kNative ||
           cls == ObjectClass::kBound || cls == ObjectClass::kCallableProxy;
  }
  bool is_proxy() const { return cls == ObjectClass::kProxy || cls == ObjectClass::kCallableProxy; }
};

/// Why the engine threw an error object, when a limit did (kept in the
/// error's Object::pad): the host tells an exhausted limit from a script's
/// own exception by it, even after the script caught and rethrew it.
enum class LimitError : uint8_t { kNone = 0, kOutOfMemory = 1, kStackOverflow = 2 };
inline LimitError LimitErrorOf(Value v) {
  if (!v.IsObject() || v.AsObject()->cls != ObjectClass::kError) return LimitError::kNone;
  return static_cast<LimitError>(v.AsObject()->pad);
}

/// Ordinary objects are allocated with this many named slots inside their
/// cell, right after the header (no separate buffer until they outgrow it).
/// Functions carry exactly the slots of their standard properties after
/// their own struct (NewObjectWithSlots).
inline constexpr uint32_t kInlineSlots = 4;
inline Value* InlineSlotsOf(Object* o) { return reinterpret_cast<Value*>(o + 1); }
inline bool HasInlineSlots(Object* o) {
  const char* p = reinterpret_cast<const char*>(o->slots);
  const char* cell = reinterpret_cast<const char*>(o);
  return p > cell && p < cell + o->alloc_size;
}
/// Arrays likewise carry their first elements in the cell (same place).
inline constexpr uint32_t kInlineElements = 4;
inline Value* InlineElementsOf(Object* o) { return reinterpret_cast<Value*>(o + 1); }
inline bool HasInlineElements(Object* o) { return o->elements == InlineElementsOf(o); }

/// A Proxy exotic object. Its own property storage stays empty and its
/// `proto` null: the interpreter and the natives send every internal method
/// to the self-hosted handlers (runtime/selfhost/proxy.js). Target and
/// handler become null when the proxy is revoked.
struct ProxyObject : Object {
  Value target;
  Value handler;
  bool is_constructor;
};

struct Env : Cell {
  Env* parent;
  uint32_t size;
  uint32_t pad;
  // Followed by `size` Values.
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
};

/// A bytecode function instance.
struct Closure : Object {
  Code* code;
  Env* env;
  Realm* realm;
  Object* home_object;  // methods: for super lookups
  Value fields;         // class constructors: the field initializer closure
  bool is_constructor;
};

struct CallArgs;
/// A native function. Returns the result, or sets the pending exception and
/// returns Value::Empty() to throw. Natives never call into JavaScript.
using NativeFn = Value (*)(Vm& vm, CallArgs& args);

struct NativeFunction : Object {
  NativeFn fn;
  Realm* realm;
  Value data;  // per-function data (e.g. a promise capability)
  int32_t magic;
  bool is_constructor;
};

struct BoundFunction : Object {
  Object* target;
  Value bound_this;
  Value* args;
  uint32_t argc;
  Realm* realm;
};

/// Boolean/Number/String/Symbol wrapper objects, errors, dates.
struct PrimitiveObject : Object {
  Value primitive;
};

/// A promise: [[PromiseState]] (0 pending, 1 fulfilled, 2 rejected),
/// [[PromiseResult]], the reaction lists (arrays of reaction records, built
/// by runtime/builtins/promise.cc) and [[PromiseIsHandled]].
struct PromiseObject : Object {
  int32_t state;
  bool is_handled;
  Value result;
  Value fulfill_reactions;
  Value reject_reactions;
};

// ---- Object operations (no JavaScript runs in any of these) ----------------

/// Allocation; null when over the memory limit.
Object* NewObject(Vm& vm, Object* proto, ObjectClass cls = ObjectClass::kOrdinary,
                  size_t size = sizeof(Object));
/// NewObject of a `size`-byte struct (a multiple of 8) followed in the same
/// cell by room for `slots` named properties.
Object* NewObjectWithSlots(Vm& vm, Object* proto, ObjectClass cls, size_t size, uint32_t slots);
Object* NewArray(Vm& vm, Realm& realm, uint32_t length = 0);
/// A pending promise with the given prototype.
PromiseObject* NewPromiseObject(Vm& vm, Object* proto);
Symbol* NewSymbol(Vm& vm, Value description);
Accessor* NewAccessor(Vm& vm, Value getter, Value setter);
Env* NewEnv(Vm& vm, Env* parent, uint32_t size);

/// Result of looking up an own property.
struct OwnProperty {
  Value value;  // the data value, or the Accessor (attrs & kAccessorBit)
  uint8_t attrs = 0;
};

/// Own property lookup. Arrays report `length`, String wrappers their
/// characters and `length`.
bool GetOwnProperty(Vm& vm, Object* o, PropertyKey key, OwnProperty* out);

/// Walks the prototype chain. Sets *holder to the object owning the property.
bool LookupProperty(Vm& vm, Object* o, PropertyKey key, OwnProperty* out, Object** holder);
/// LookupProperty that reports a proxy on the prototype chain (*proxy set,
/// false returned): the caller hands the rest of the operation to it.
bool LookupPropertyOrProxy(Vm& vm, Object* o, PropertyKey key, OwnProperty* out, Object** holder,
                           Object** proxy);

/// A module namespace's export properties hold an indirection to the
/// exporting module's binding (an Env of one slot: parent is the module
/// environment, slot 0 the binding's index). The live value; Empty while
/// the binding is uninitialized (the reader throws a ReferenceError).
Value ModuleNamespaceValue(Value stored);
/// The binding a mapped arguments element's indirection (kMappedArgument)
/// refers to.
Value* MappedBinding(Value indirection);

/// A property descriptor with optional fields, as the spec's.
struct PropertyDescriptor {
  Value value = Value::Empty();  // Empty: absent
  Value get = Value::Empty();
  Value set = Value::Empty();
  int8_t writable = -1;  // -1 absent, 0 false, 1 true
  int8_t enumerable = -1;
  int8_t configurable = -1;
  bool IsAccessor() const { return !get.IsEmpty() || !set.IsEmpty(); }
  bool IsData() const { return !value.IsEmpty() || writable >= 0; }
};

enum class DefineResult { kOk, kRejected, kOutOfMemory };

/// ValidateAndApplyPropertyDescriptor on an ordinary object (plus the array
/// `length` and index rules of ArraySetLength / array exotic
/// [[DefineOwnProperty]]).
DefineResult DefineOwnProperty(Vm& vm, Object* o, PropertyKey key, const PropertyDescriptor& desc);

/// Adds or overwrites an own data property with the given attributes,
/// ignoring existing attributes (object literals, realm setup). False on OOM.
bool SetOwnData(Vm& vm, Object* o, PropertyKey key, Value value, uint8_t attrs = kDefaultAttrs);
/// Fast paths for freshly built objects (closures): room for `count` named
/// properties in one allocation, and adding a named key known to be absent.
bool ReserveNamedSlots(Vm& vm, Object* o, uint32_t count);
bool AddAbsentNamed(Vm& vm, Object* o, Value key, Value value, uint8_t attrs);

/// Writes the value of an existing own data property found by
/// GetOwnProperty (which must be writable). False on OOM.
bool WriteOwnData(Vm& vm, Object* o, PropertyKey key, Value value);

/// [[Delete]]: false when the property is non-configurable.
bool DeleteOwnProperty(Vm& vm, Object* o, PropertyKey key);

/// [[OwnPropertyKeys]] in spec order: indices ascending, strings in
/// insertion order, then symbols. Private symbols are skipped.
void OwnPropertyKeys(Vm& vm, Object* o, std::vector<PropertyKey>* keys);
/// A shape's properties in insertion order (slot i is entry i).
const std::vector<ShapeEntry>& ShapeEntries(Heap& heap, Shape* s);

/// Sets an array's length (ArraySetLength with a valid uint32). Returns false
/// when a non-configurable element stopped the deletion (length is then one
/// past it).
bool SetArrayLength(Vm& vm, Object* a, uint32_t new_length);

/// Appends to a dense array (Array.prototype.push fast path, literals).
bool ArrayPush(Vm& vm, Object* a, Value v);

/// Turns the object into dictionary mode (before deletes and attribute
/// changes on shaped objects).
bool ToDictionaryMode(Vm& vm, Object* o);

/// Reads the slot index of a named own property in shape mode, or -1.
int32_t ShapeLookup(Heap& heap, Shape* shape, Value key);

/// GC support.
void TraceObject(Object* o, Tracer& t);
void FinalizeObject(Heap& heap, Object* o);
void TraceShape(Shape* s, Tracer& t);
/// Drops the transitions of a live shape whose child shapes were not marked.
void PruneDeadTransitions(Heap& heap, Shape* s);
void FinalizeShape(Heap& heap, Shape* s);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_OBJECT_H_
