#include "vm/object.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "vm/code.h"
#include "vm/conversions.h"
#include "vm/collection.h"
#include "vm/regexp_object.h"
#include "vm/typed_array.h"
#include "vm/generator.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

namespace {

constexpr uint32_t kMaxShapeProperties = 64;  // beyond: dictionary mode
constexpr uint32_t kLinearLookupLimit = 8;

uint64_t TransitionKey(Value key, uint8_t attrs) {
  uint64_t ptr = key.bits() & 0x0000'FFFF'FFFF'FFFFull;
  return (ptr << 5) | (key.IsSymbol() ? 16 : 0) | attrs;
}

bool SameValueForDefine(Value a, Value b) {
  if (a.IsNumber() && b.IsNumber()) {
    double x = a.AsNumber(), y = b.AsNumber();
    if (std::isnan(x) && std::isnan(y)) return true;
    if (x == 0 && y == 0) return std::signbit(x) == std::signbit(y);
    return x == y;
  }
  if (a.IsString() && b.IsString()) return StringEquals(a.AsString(), b.AsString());
  return a == b;
}

// A shape's side tables (its entries, lookup table, transitions) are
// charged to the heap like any buffer — past the limit if need be (each is
// bounded by kMaxShapeProperties entries): a lookup must not fail, and the
// next allocation will. FinalizeShape releases them.
size_t TableBytes(size_t capacity, size_t slot) { return capacity * (slot + 1); }

void ChargeShape(Heap& heap, Shape* s, size_t before, size_t after) {
  if (after > before) {
    heap.Charge(after - before);
  } else {
    heap.ReleaseExternal(before - after);
  }
  s->side_bytes = static_cast<uint32_t>(s->side_bytes + after - before);
}

const std::vector<ShapeEntry>& Entries(Heap& heap, Shape* s) {
  if (s->entries == nullptr) {
    auto* v = new std::vector<ShapeEntry>(s->count);
    for (Shape* p = s; p->count > 0; p = p->parent) (*v)[p->count - 1] = {p->key, p->attrs};
    s->entries = v;
    ChargeShape(heap, s, 0, sizeof(*v) + v->capacity() * sizeof(ShapeEntry));
  }
  return *s->entries;
}

Shape* NewShape(Vm& vm, Shape* parent, Value key, uint8_t attrs) {
  Cell* c = vm.heap().AllocateCell(sizeof(Shape), CellKind::kShape);
  if (c == nullptr) return nullptr;
  Shape* s = static_cast<Shape*>(c);
  s->parent = parent;
  s->key = key;
  s->attrs = attrs;
  s->count = parent ? parent->count + 1 : 0;
  return s;
}

Shape* AddTransition(Vm& vm, Shape* from, Value key, uint8_t attrs) {
  uint64_t tk = TransitionKey(key, attrs);
  if (from->last_child != nullptr && from->last_key == tk) {
    if (vm.pin_intrinsics()) from->last_child->pinned = true;
    return from->last_child;
  }
  if (from->transitions != nullptr) {
    auto it = from->transitions->find(tk);
    if (it != from->transitions->end()) {
      // A realm's intrinsics reaching a shape user code made first pin it
      // too (every step from the root comes through here).
      if (vm.pin_intrinsics()) it->second->pinned = true;
      from->last_child = it->second;
      from->last_key = tk;
      return it->second;
    }
  }
  Shape* child = NewShape(vm, from, key, attrs);
  if (child == nullptr) return nullptr;
  child->pinned = vm.pin_intrinsics();
  constexpr size_t kSlot = sizeof(std::pair<const uint64_t, Shape*>);
  size_t before = from->transitions == nullptr ? 0 : sizeof(*from->transitions) + TableBytes(from->transitions->capacity(), kSlot);
  if (from->transitions == nullptr) from->transitions = new absl::flat_hash_map<uint64_t, Shape*>();
  (*from->transitions)[tk] = child;
  from->last_child = child;
  from->last_key = tk;
  ChargeShape(vm.heap(), from, before, sizeof(*from->transitions) + TableBytes(from->transitions->capacity(), kSlot));
  return child;
}

// Moves the named slots to a buffer of `cap` values (from the cell's
// inline slots, or by growing the buffer).
bool ResizeSlots(Vm& vm, Object* o, uint32_t cap) {
  if (HasInlineSlots(o)) {
    void* p = vm.heap().AllocateBuffer(cap * sizeof(Value));
    if (p == nullptr) return false;
    std::memcpy(p, o->slots, o->slot_capacity * sizeof(Value));
    o->slots = static_cast<Value*>(p);
    o->slot_capacity = cap;
    return true;
  }
  void* p = vm.heap().ReallocateBuffer(o->slots, o->slot_capacity * sizeof(Value), cap * sizeof(Value));
  if (p == nullptr) return false;
  o->slots = static_cast<Value*>(p);
  o->slot_capacity = cap;
  return true;
}

bool GrowSlots(Vm& vm, Object* o, uint32_t needed) {
  if (needed <= o->slot_capacity) return true;
  uint32_t cap = std::max<uint32_t>(4, o->slot_capacity * 2);
  while (cap < needed) cap *= 2;
  return ResizeSlots(vm, o, cap);
}

bool GrowElements(Vm& vm, Object* o, uint32_t needed) {
  if (needed <= o->elements_capacity) return true;
  uint64_t cap = std::max<uint64_t>(8, static_cast<uint64_t>(o->elements_capacity) * 3 / 2 + 1);
  while (cap < needed) cap = cap * 3 / 2 + 1;
  if (cap > 0xFFFFFFFFull) cap = 0xFFFFFFFFull;
  void* p;
  if (HasInlineElements(o)) {
    p = vm.heap().AllocateBuffer(cap * sizeof(Value));
    if (p != nullptr) std::memcpy(p, o->elements, o->elements_capacity * sizeof(Value));
  } else {
    p = vm.heap().ReallocateBuffer(o->elements, o->elements_capacity * sizeof(Value), cap * sizeof(Value));
  }
  if (p == nullptr) return false;
  o->elements = static_cast<Value*>(p);
  o->elements_capacity = static_cast<uint32_t>(cap);
  return true;
}

// Whether a write to index `i` should extend dense storage.
bool FitsDense(Object* o, uint32_t i) {
  return i < o->elements_size + 1024 || i < o->elements_capacity * 2;
}

int32_t DictFind(PropertyDict* d, Value key) {
  auto it = d->index.find(key.bits());
  return it == d->index.end() ? -1 : static_cast<int32_t>(it->second);
}

bool IsLengthKey(Vm& vm, PropertyKey key) { return key.v == Value::FromString(vm.atoms().length); }

// Sparse elements are charged to the heap at a fixed cost per entry (a
// btree node's share), kept equal to size() * kSparseEntryBytes by every
// insertion and erasure; FinalizeObject releases the rest.
constexpr size_t kSparseEntryBytes = 48;

void ChargeSparse(Heap& heap, size_t before, size_t after) {
  if (after > before) {
    heap.Charge((after - before) * kSparseEntryBytes);
  } else {
    heap.ReleaseExternal((before - after) * kSparseEntryBytes);
  }
}

// Writes element `i` with default attributes into dense storage when it fits,
// else into the sparse map. Keeps the invariant: dense[i] non-empty means i is
// not in the sparse map.
bool PutElement(Vm& vm, Object* o, uint32_t i, Value v, uint8_t attrs) {
  if (attrs == kDefaultAttrs && FitsDense(o, i)) {
    if (o->sparse != nullptr) {
      auto it = o->sparse->find(i);
      if (it != o->sparse->end()) {
        if (it->second.attrs & kMappedArgument) {
          *MappedBinding(it->second.value) = v;
          return true;
        }
        if (it->second.attrs != kDefaultAttrs) {
          it->second.value = v;
          return true;
        }
        o->sparse->erase(it);
        ChargeSparse(vm.heap(), 1, 0);
      }
    }
    if (i >= o->elements_size) {
      if (!GrowElements(vm, o, i + 1)) return false;
      for (uint32_t k = o->elements_size; k < i; ++k) o->elements[k] = Value::Empty();
      uint32_t old = o->elements_size;
      o->elements_size = i + 1;
      // Migrate default-attribute sparse entries now inside the dense range.
      if (o->sparse != nullptr) {
        auto it = o->sparse->lower_bound(old);
        while (it != o->sparse->end() && it->first < i) {
          if (it->second.attrs == kDefaultAttrs) {
            o->elements[it->first] = it->second.value;
            it = o->sparse->erase(it);
            ChargeSparse(vm.heap(), 1, 0);
          } else {
            ++it;
          }
        }
      }
    }
    o->elements[i] = v;
    return true;
  }
  if (i < o->elements_size) o->elements[i] = Value::Empty();
  if (o->sparse == nullptr) o->sparse = new absl::btree_map<uint32_t, SparseElement>();
  if (!vm.heap().CanAllocate(64)) return false;
  size_t before = o->sparse->size();
  (*o->sparse)[i] = {v, attrs};
  ChargeSparse(vm.heap(), before, o->sparse->size());
  return true;
}

void RemoveElement(Heap& heap, Object* o, uint32_t i) {
  if (i < o->elements_size && !o->elements[i].IsEmpty()) {
    o->elements[i] = Value::Empty();
    while (o->elements_size > 0 && o->elements[o->elements_size - 1].IsEmpty()) {
      --o->elements_size;
    }
    return;
  }
  if (o->sparse != nullptr) ChargeSparse(heap, o->sparse->erase(i), 0);
}

uint8_t ShapeAttrs(Heap& heap, Shape* shape, uint32_t slot) {
  if (shape->count <= kLinearLookupLimit) {
    for (Shape* s = shape; s->count > 0; s = s->parent) {
      if (s->count - 1 == slot) return s->attrs;
    }
    return 0;
  }
  return Entries(heap, shape)[slot].attrs;
}

}  // namespace

const std::vector<ShapeEntry>& ShapeEntries(Heap& heap, Shape* s) { return Entries(heap, s); }

int32_t ShapeLookup(Heap& heap, Shape* shape, Value key) {
  if (shape->count == 0) return -1;
  if (shape->count <= kLinearLookupLimit) {
    for (Shape* s = shape; s->count > 0; s = s->parent) {
      if (s->key == key) return static_cast<int32_t>(s->count - 1);
    }
    return -1;
  }
  if (shape->table == nullptr) {
    auto* t = new absl::flat_hash_map<uint64_t, uint32_t>();
    const auto& entries = Entries(heap, shape);
    t->reserve(entries.size());
    for (uint32_t i = 0; i < entries.size(); ++i) (*t)[entries[i].key.bits()] = i;
    shape->table = t;
    ChargeShape(heap, shape, 0, sizeof(*t) + TableBytes(t->capacity(), sizeof(std::pair<const uint64_t, uint32_t>)));
  }
  auto it = shape->table->find(key.bits());
  return it == shape->table->end() ? -1 : static_cast<int32_t>(it->second);
}

Object* NewObject(Vm& vm, Object* proto, ObjectClass cls, size_t size) {
  // Ordinary objects carry their first named slots in the cell, arrays
  // their first elements.
  bool inline_slots = cls == ObjectClass::kOrdinary && size == sizeof(Object);
  bool inline_elements = cls == ObjectClass::kArray && size == sizeof(Object);
  Object* o = NewObjectWithSlots(vm, proto, cls, size + (inline_elements ? kInlineElements * sizeof(Value) : 0),
                                 inline_slots ? kInlineSlots : 0);
  if (o != nullptr && inline_elements) {
    o->elements = InlineElementsOf(o);
    o->elements_capacity = kInlineElements;
  }
  return o;
}

Object* NewObjectWithSlots(Vm& vm, Object* proto, ObjectClass cls, size_t size, uint32_t slots) {
  static_assert(alignof(Value) == 8);
  size = (size + 7) & ~size_t{7};
  Cell* c = vm.heap().AllocateCell(size + slots * sizeof(Value), CellKind::kObject);
  if (c == nullptr) return nullptr;
  Object* o = static_cast<Object*>(c);
  if (slots > 0) {
    o->slots = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + size);
    o->slot_capacity = slots;
  }
  o->cls = cls;
  o->extensible = true;
  o->proto = proto;
  o->shape = vm.root_shape();
  return o;
}

Object* NewArray(Vm& vm, Realm& realm, uint32_t length) {
  Object* a = NewObject(vm, realm.intrinsic(Intrinsic::kArrayPrototype), ObjectClass::kArray);
  if (a == nullptr) return nullptr;
  a->array_length = length;
  a->length_writable = true;
  return a;
}

Symbol* NewSymbol(Vm& vm, Value description) {
  Cell* c = vm.heap().AllocateCell(sizeof(Symbol), CellKind::kSymbol);
  if (c == nullptr) return nullptr;
  Symbol* s = static_cast<Symbol*>(c);
  s->description = description;
  return s;
}

Accessor* NewAccessor(Vm& vm, Value getter, Value setter) {
  Cell* c = vm.heap().AllocateCell(sizeof(Accessor), CellKind::kAccessor);
  if (c == nullptr) return nullptr;
  Accessor* a = static_cast<Accessor*>(c);
  a->getter = getter;
  a->setter = setter;
  return a;
}

Env* NewEnv(Vm& vm, Env* parent, uint32_t size) {
  Cell* c = vm.heap().AllocateCell(sizeof(Env) + size * sizeof(Value), CellKind::kEnv);
  if (c == nullptr) return nullptr;
  Env* e = static_cast<Env*>(c);
  e->parent = parent;
  e->size = size;
  for (uint32_t i = 0; i < size; ++i) e->slots()[i] = Value::Empty();
  return e;
}

bool GetOwnProperty(Vm& vm, Object* o, PropertyKey key, OwnProperty* out) {
  // (Callers that may meet a proxy dispatch to its handler first; a
  // proxy's own storage holds only its private elements.)
  if (o->is_proxy() && !(key.v.IsSymbol() && key.v.AsSymbol()->is_private)) return false;
  double numeric;
  if (o->cls == ObjectClass::kTypedArray && TypedArrayNumericKey(vm, key, &numeric)) {
    // 10.4.5.1 [[GetOwnProperty]]: elements only, never ordinary properties.
    auto* t = static_cast<TypedArrayObject*>(o);
    Value v = TypedArrayGet(vm, t, numeric);
    if (v.IsUndefined() || v.IsEmpty()) return false;
    out->value = v;
    // Elements of an immutable buffer are neither writable nor configurable.
    out->attrs = t->buffer->immutable ? kEnumerable : kDefaultAttrs;
    return true;
  }
  if (key.IsIndex()) {
    uint32_t i = key.index();
    if (o->cls == ObjectClass::kString) {
      String* s = static_cast<PrimitiveObject*>(o)->primitive.AsString();
      if (i < s->length) {
        String* ch = Substring(vm, s, i, i + 1);
        if (ch == nullptr) return false;
        out->value = Value::FromString(ch);
        out->attrs = kEnumerable;
        return true;
      }
    }
    if (i < o->elements_size && !o->elements[i].IsEmpty()) {
      out->value = o->elements[i];
      out->attrs = kDefaultAttrs;
      return true;
    }
    if (o->sparse != nullptr) {
      auto it = o->sparse->find(i);
      if (it != o->sparse->end()) {
        out->value = it->second.value;
        out->attrs = it->second.attrs;
        if (o->cls == ObjectClass::kModuleNamespace) out->value = ModuleNamespaceValue(out->value);
        if (out->attrs & kMappedArgument) {
          out->value = *MappedBinding(out->value);
          out->attrs &= ~kMappedArgument;
        }
        return true;
      }
    }
    return false;
  }
  if (o->cls == ObjectClass::kArray && IsLengthKey(vm, key)) {
    out->value = Value::Number(o->array_length);
    out->attrs = o->length_writable ? kWritable : 0;
    return true;
  }
  if (o->cls == ObjectClass::kString && IsLengthKey(vm, key)) {
    out->value = Value::Int32(static_cast<int32_t>(
        static_cast<PrimitiveObject*>(o)->primitive.AsString()->length));
    out->attrs = 0;
    return true;
  }
  if (o->shape != nullptr) {
    int32_t slot = ShapeLookup(vm.heap(), o->shape, key.v);
    if (slot < 0) return false;
    out->value = o->slots[slot];
    out->attrs = ShapeAttrs(vm.heap(), o->shape, static_cast<uint32_t>(slot));
    return true;
  }
  int32_t idx = DictFind(o->dict, key.v);
  if (idx < 0) return false;
  out->value = o->dict->entries[idx].value;
  out->attrs = o->dict->entries[idx].attrs;
  if (o->cls == ObjectClass::kModuleNamespace) out->value = ModuleNamespaceValue(out->value);
  return true;
}

Value* MappedBinding(Value indirection) {
  Env* e = static_cast<Env*>(indirection.AsCell());
  return &e->parent->slots()[e->slots()[0].AsInt32()];
}

Value ModuleNamespaceValue(Value stored) {
  if (!stored.IsCell() || stored.AsCell()->kind != CellKind::kEnv) return stored;
  Env* indirection = static_cast<Env*>(stored.AsCell());
  return indirection->parent->slots()[indirection->slots()[0].AsInt32()];
}

bool LookupPropertyOrProxy(Vm& vm, Object* o, PropertyKey key, OwnProperty* out, Object** holder,
                           Object** proxy) {
  *proxy = nullptr;
  for (int depth = 0; o != nullptr && depth < 100000; ++depth) {
    if (o->is_proxy()) {
      *proxy = o;
      return false;
    }
    if (GetOwnProperty(vm, o, key, out)) {
      *holder = o;
      return true;
    }
    double numeric;
    if (o->cls == ObjectClass::kTypedArray && TypedArrayNumericKey(vm, key, &numeric)) return false;
    o = o->proto;
  }
  return false;
}

bool LookupProperty(Vm& vm, Object* o, PropertyKey key, OwnProperty* out, Object** holder) {
  Object* proxy;  // a proxy ends the walk: it has no own properties here
  return LookupPropertyOrProxy(vm, o, key, out, holder, &proxy);
}

// A dictionary's entries and index are charged to the heap: the bytes its
// containers hold now (capacity, not size), the change since the last call.
size_t DictBytes(const PropertyDict* d) {
  return sizeof(PropertyDict) + d->entries.capacity() * sizeof(DictEntry) +
         d->index.capacity() * (sizeof(std::pair<const uint64_t, uint32_t>) + 1);
}

void ChargeDict(Heap& heap, PropertyDict* d) {
  size_t now = DictBytes(d);
  if (now > d->accounted) {
    heap.Charge(now - d->accounted);
  } else {
    heap.ReleaseExternal(d->accounted - now);
  }
  d->accounted = now;
}

bool ToDictionaryMode(Vm& vm, Object* o) {
  if (o->shape == nullptr) return true;
  if (!vm.heap().CanAllocate(o->shape->count * 48 + 64)) return false;
  auto* d = new PropertyDict();
  const auto& entries = Entries(vm.heap(), o->shape);
  d->entries.reserve(entries.size());
  for (uint32_t i = 0; i < entries.size(); ++i) {
    d->entries.push_back({entries[i].key, o->slots[i], entries[i].attrs});
    d->index[entries[i].key.bits()] = i;
  }
  d->live = static_cast<uint32_t>(entries.size());
  ChargeDict(vm.heap(), d);
  if (!HasInlineSlots(o)) vm.heap().FreeBuffer(o->slots, o->slot_capacity * sizeof(Value));
  o->slots = nullptr;
  o->slot_capacity = 0;
  o->shape = nullptr;
  o->dict = d;
  return true;
}

namespace {

// Adds a new named property (not present).
bool AddNamed(Vm& vm, Object* o, Value key, Value value, uint8_t attrs) {
  if (o->shape != nullptr && o->shape->count >= kMaxShapeProperties) {
    if (!ToDictionaryMode(vm, o)) return false;
  }
  if (o->shape != nullptr) {
    Shape* next = AddTransition(vm, o->shape, key, attrs);
    if (next == nullptr || !GrowSlots(vm, o, next->count)) return false;
    o->slots[next->count - 1] = value;
    o->shape = next;
    return true;
  }
  PropertyDict* d = o->dict;
  // Growing doubles the containers: that must fit under the limit.
  size_t growth = 48;
  if (d->entries.size() == d->entries.capacity()) growth += d->entries.capacity() * sizeof(DictEntry);
  if (d->index.size() * 8 >= d->index.capacity() * 7) growth += d->index.capacity() * 17;
  if (!vm.heap().CanAllocate(growth)) return false;
  d->index[key.bits()] = static_cast<uint32_t>(d->entries.size());
  d->entries.push_back({key, value, attrs});
  ++d->live;
  ChargeDict(vm.heap(), d);
  return true;
}

// Replaces value and attributes of an existing named property.
bool UpdateNamed(Vm& vm, Object* o, Value key, Value value, uint8_t attrs) {
  if (o->shape != nullptr) {
    int32_t slot = ShapeLookup(vm.heap(), o->shape, key);
    OwnProperty cur;
    GetOwnProperty(vm, o, PropertyKey(key), &cur);
    if (cur.attrs == attrs) {
      o->slots[slot] = value;
      return true;
    }
    if (!ToDictionaryMode(vm, o)) return false;
  }
  int32_t idx = DictFind(o->dict, key);
  o->dict->entries[idx].value = value;
  o->dict->entries[idx].attrs = attrs;
  return true;
}

}  // namespace

bool ReserveNamedSlots(Vm& vm, Object* o, uint32_t count) {
  if (o->shape == nullptr || count <= o->slot_capacity) return true;
  return ResizeSlots(vm, o, count);
}

bool AddAbsentNamed(Vm& vm, Object* o, Value key, Value value, uint8_t attrs) {
  return AddNamed(vm, o, key, value, attrs);
}

bool SetOwnData(Vm& vm, Object* o, PropertyKey key, Value value, uint8_t attrs) {
  if (key.IsIndex()) {
    uint32_t i = key.index();
    if (!PutElement(vm, o, i, value, attrs)) return false;
    if (o->cls == ObjectClass::kArray && i >= o->array_length) o->array_length = i + 1;
    return true;
  }
  if (o->cls == ObjectClass::kArray && IsLengthKey(vm, key)) {
    if (value.IsNumber()) SetArrayLength(vm, o, static_cast<uint32_t>(value.AsNumber()));
    return true;
  }
  OwnProperty cur;
  bool exists = o->shape != nullptr ? ShapeLookup(vm.heap(), o->shape, key.v) >= 0
                                    : DictFind(o->dict, key.v) >= 0;
  if (exists) {
    (void)cur;
    return UpdateNamed(vm, o, key.v, value, attrs);
  }
  return AddNamed(vm, o, key.v, value, attrs);
}

bool WriteOwnData(Vm& vm, Object* o, PropertyKey key, Value value) {
  if (key.IsIndex()) {
    uint32_t i = key.index();
    if (i < o->elements_size && !o->elements[i].IsEmpty()) {
      o->elements[i] = value;
      return true;
    }
    if (o->sparse != nullptr) {
      auto it = o->sparse->find(i);
      if (it != o->sparse->end()) {
        if (it->second.attrs & kMappedArgument) {
          *MappedBinding(it->second.value) = value;
        } else {
          it->second.value = value;
        }
        return true;
      }
    }
    return true;
  }
  if (o->cls == ObjectClass::kArray && IsLengthKey(vm, key)) {
    return SetArrayLength(vm, o, static_cast<uint32_t>(value.AsNumber()));
  }
  if (o->shape != nullptr) {
    int32_t slot = ShapeLookup(vm.heap(), o->shape, key.v);
    if (slot >= 0) o->slots[slot] = value;
    return true;
  }
  int32_t idx = DictFind(o->dict, key.v);
  if (idx >= 0) o->dict->entries[idx].value = value;
  return true;
}

// 10.4.4.2 [[DefineOwnProperty]] of a mapped arguments object's mapped
// element: the ordinary definition on an unmapped copy, then the map
// follows (a value is written through; an accessor or a non-writable
// property ends the mapping).
DefineResult DefineMappedArgument(Vm& vm, Object* o, PropertyKey key, const PropertyDescriptor& desc,
                                  SparseElement* entry) {
  uint32_t i = key.index();
  Value indirection = entry->value;
  Value* binding = MappedBinding(indirection);
  entry->value = *binding;
  entry->attrs &= ~kMappedArgument;
  PropertyDescriptor d = desc;
  if (desc.IsData() && desc.value.IsEmpty() && desc.writable == 0) d.value = *binding;
  DefineResult r = DefineOwnProperty(vm, o, key, d);
  if (r != DefineResult::kOk) {
    // Rejected before anything changed: the element stays mapped.
    auto it = o->sparse != nullptr ? o->sparse->find(i) : o->sparse->end();
    if (o->sparse != nullptr && it != o->sparse->end() && !(it->second.attrs & kAccessorBit)) {
      it->second.value = indirection;
      it->second.attrs |= kMappedArgument;
    }
    return r;
  }
  if (desc.IsAccessor()) return DefineResult::kOk;
  if (!desc.value.IsEmpty()) *binding = desc.value;
  if (desc.writable == 0) return DefineResult::kOk;
  OwnProperty now;
  if (!GetOwnProperty(vm, o, key, &now)) return DefineResult::kOk;
  RemoveElement(vm.heap(), o, i);
  if (o->sparse == nullptr) o->sparse = new absl::btree_map<uint32_t, SparseElement>();
  size_t before = o->sparse->size();
  (*o->sparse)[i] = {indirection, static_cast<uint8_t>(now.attrs | kMappedArgument)};
  ChargeSparse(vm.heap(), before, o->sparse->size());
  return DefineResult::kOk;
}

DefineResult DefineOwnProperty(Vm& vm, Object* o, PropertyKey key, const PropertyDescriptor& desc) {
  if (o->is_proxy()) return DefineResult::kRejected;
  if (o->cls == ObjectClass::kArguments && key.IsIndex() && o->sparse != nullptr) {
    auto it = o->sparse->find(key.index());
    if (it != o->sparse->end() && (it->second.attrs & kMappedArgument)) {
      return DefineMappedArgument(vm, o, key, desc, &it->second);
    }
  }
  if (o->cls == ObjectClass::kModuleNamespace && !key.v.IsSymbol()) {
    // 10.4.6.6 [[DefineOwnProperty]]: only what changes nothing succeeds.
    OwnProperty current;
    if (!GetOwnProperty(vm, o, key, &current)) return DefineResult::kRejected;
    if (desc.configurable == 1 || desc.enumerable == 0 || desc.IsAccessor() || desc.writable == 0) {
      return DefineResult::kRejected;
    }
    if (!desc.value.IsEmpty() && !SameValue(desc.value, current.value)) return DefineResult::kRejected;
    return DefineResult::kOk;
  }
  double numeric;
  if (o->cls == ObjectClass::kTypedArray && TypedArrayNumericKey(vm, key, &numeric)) {
    // 10.4.5.3 [[DefineOwnProperty]].
    auto* t = static_cast<TypedArrayObject*>(o);
    if (!IsValidIntegerIndex(t, numeric)) return DefineResult::kRejected;
    if (t->buffer->immutable) {
      // Immutable: only a redefinition that changes nothing succeeds.
      if (desc.configurable == 1 || desc.enumerable == 0 || desc.IsAccessor() || desc.writable == 1) {
        return DefineResult::kRejected;
      }
      if (desc.value.IsEmpty()) return DefineResult::kOk;
      Value converted;
      if (desc.value.IsObject()) return DefineResult::kRejected;
      if (!ConvertPrimitiveForElement(vm, t->kind, desc.value, &converted)) {
        vm.TakeException();
        return DefineResult::kRejected;
      }
      Value current = TypedArrayGet(vm, t, numeric);
      bool same = current.IsNumber() && converted.IsNumber()
                      ? (current.AsNumber() == converted.AsNumber() &&
                         std::signbit(current.AsNumber()) == std::signbit(converted.AsNumber())) ||
                            (std::isnan(current.AsNumber()) && std::isnan(converted.AsNumber()))
                      : StrictEquals(current, converted);
      return same ? DefineResult::kOk : DefineResult::kRejected;
    }
    if (desc.configurable == 0 || desc.enumerable == 0 || desc.IsAccessor() || desc.writable == 0) {
      return DefineResult::kRejected;
    }
    if (!desc.value.IsEmpty()) {
      Value converted;
      if (desc.value.IsObject()) return DefineResult::kRejected;  // FIXME: ToNumber(object) needs a frame
      if (!ConvertPrimitiveForElement(vm, t->kind, desc.value, &converted)) {
        vm.TakeException();
        return DefineResult::kRejected;
      }
      TypedArraySet(t, numeric, converted);
    }
    return DefineResult::kOk;
  }
  OwnProperty cur;
  bool found = GetOwnProperty(vm, o, key, &cur);
  // Array `length` (ArraySetLength); the caller has validated the value.
  if (o->cls == ObjectClass::kArray && IsLengthKey(vm, key)) {
    if (desc.configurable == 1 || desc.enumerable == 1 || desc.IsAccessor()) {
      return DefineResult::kRejected;
    }
    if (desc.value.IsEmpty()) {
      if (desc.writable == 1 && !o->length_writable) return DefineResult::kRejected;
      if (desc.writable == 0) o->length_writable = false;
      return DefineResult::kOk;
    }
    uint32_t new_len = static_cast<uint32_t>(desc.value.AsNumber());
    if (new_len == o->array_length) {
      if (desc.writable == 1 && !o->length_writable) return DefineResult::kRejected;
      if (desc.writable == 0) o->length_writable = false;
      return DefineResult::kOk;
    }
    if (!o->length_writable) return DefineResult::kRejected;
    bool ok = SetArrayLength(vm, o, new_len);
    if (desc.writable == 0) o->length_writable = false;
    return ok ? DefineResult::kOk : DefineResult::kRejected;
  }
  if (!found) {
    if (!o->extensible) return DefineResult::kRejected;
    if (o->cls == ObjectClass::kArray && key.IsIndex() && key.index() >= o->array_length &&
        !o->length_writable) {
      return DefineResult::kRejected;
    }
    uint8_t attrs = (desc.enumerable == 1 ? kEnumerable : 0) |
                    (desc.configurable == 1 ? kConfigurable : 0);
    Value stored;
    if (desc.IsAccessor()) {
      Accessor* acc = NewAccessor(vm, desc.get.IsEmpty() ? Value::Undefined() : desc.get,
                                  desc.set.IsEmpty() ? Value::Undefined() : desc.set);
      if (acc == nullptr) return DefineResult::kOutOfMemory;
      stored = AccessorToValue(acc);
      attrs |= kAccessorBit;
    } else {
      stored = desc.value.IsEmpty() ? Value::Undefined() : desc.value;
      if (desc.writable == 1) attrs |= kWritable;
    }
    return SetOwnData(vm, o, key, stored, attrs) ? DefineResult::kOk : DefineResult::kOutOfMemory;
  }
  bool cur_accessor = cur.attrs & kAccessorBit;
  bool generic = !desc.IsAccessor() && !desc.IsData();
  if (!(cur.attrs & kConfigurable)) {
    if (desc.configurable == 1) return DefineResult::kRejected;
    if (desc.enumerable >= 0 && (desc.enumerable == 1) != ((cur.attrs & kEnumerable) != 0)) {
      return DefineResult::kRejected;
    }
    if (!generic && desc.IsAccessor() != cur_accessor) return DefineResult::kRejected;
    if (cur_accessor) {
      Accessor* a = ValueToAccessor(cur.value);
      if (!desc.get.IsEmpty() && !SameValueForDefine(desc.get, a->getter)) return DefineResult::kRejected;
      if (!desc.set.IsEmpty() && !SameValueForDefine(desc.set, a->setter)) return DefineResult::kRejected;
    } else if (!(cur.attrs & kWritable)) {
      if (desc.writable == 1) return DefineResult::kRejected;
      if (!desc.value.IsEmpty() && !SameValueForDefine(desc.value, cur.value)) {
        return DefineResult::kRejected;
      }
    }
  }
  uint8_t attrs = cur.attrs & (kEnumerable | kConfigurable);
  if (desc.enumerable >= 0) attrs = (attrs & ~kEnumerable) | (desc.enumerable == 1 ? kEnumerable : 0);
  if (desc.configurable >= 0) {
    attrs = (attrs & ~kConfigurable) | (desc.configurable == 1 ? kConfigurable : 0);
  }
  Value stored;
  if (desc.IsAccessor()) {
    Value get = Value::Undefined(), set = Value::Undefined();
    if (cur_accessor) {
      get = ValueToAccessor(cur.value)->getter;
      set = ValueToAccessor(cur.value)->setter;
    }
    if (!desc.get.IsEmpty()) get = desc.get;
    if (!desc.set.IsEmpty()) set = desc.set;
    Accessor* acc = NewAccessor(vm, get, set);
    if (acc == nullptr) return DefineResult::kOutOfMemory;
    stored = AccessorToValue(acc);
    attrs |= kAccessorBit;
  } else if (desc.IsData() || !cur_accessor) {
    bool writable = cur_accessor ? false : (cur.attrs & kWritable) != 0;
    if (desc.writable >= 0) writable = desc.writable == 1;
    stored = !desc.value.IsEmpty() ? desc.value : cur_accessor ? Value::Undefined() : cur.value;
    if (writable) attrs |= kWritable;
  } else {
    stored = cur.value;  // generic descriptor on an accessor
    attrs |= kAccessorBit;
  }
  if (key.IsIndex()) {
    if (o->cls == ObjectClass::kString &&
        key.index() < static_cast<PrimitiveObject*>(o)->primitive.AsString()->length) {
      return DefineResult::kOk;  // validated above: nothing can change
    }
    RemoveElement(vm.heap(), o, key.index());
    return PutElement(vm, o, key.index(), stored, attrs) ? DefineResult::kOk
                                                         : DefineResult::kOutOfMemory;
  }
  if (o->cls == ObjectClass::kString && IsLengthKey(vm, key)) return DefineResult::kOk;
  return UpdateNamed(vm, o, key.v, stored, attrs) ? DefineResult::kOk : DefineResult::kOutOfMemory;
}

bool DeleteOwnProperty(Vm& vm, Object* o, PropertyKey key) {
  double numeric;
  if (o->cls == ObjectClass::kTypedArray && TypedArrayNumericKey(vm, key, &numeric)) {
    // 10.4.5.6 [[Delete]].
    return !IsValidIntegerIndex(static_cast<TypedArrayObject*>(o), numeric);
  }
  OwnProperty cur;
  if (!GetOwnProperty(vm, o, key, &cur)) return true;
  if (!(cur.attrs & kConfigurable)) return false;
  if (key.IsIndex()) {
    RemoveElement(vm.heap(), o, key.index());
    return true;
  }
  if (o->shape != nullptr) {
    if (o->shape->key == key.v) {  // the last added property: step back
      o->shape = o->shape->parent;
      return true;
    }
    if (!ToDictionaryMode(vm, o)) {
      // Out of memory while converting: leave the property (fail closed).
      return true;
    }
  }
  PropertyDict* d = o->dict;
  int32_t idx = DictFind(d, key.v);
  d->index.erase(key.v.bits());
  d->entries[idx].key = Value::Empty();
  d->entries[idx].value = Value::Undefined();
  --d->live;
  // Compact when mostly tombstones.
  if (d->entries.size() > 16 && d->live < d->entries.size() / 2) {
    std::vector<DictEntry> kept;
    kept.reserve(d->live);
    for (auto& e : d->entries) {
      if (!e.key.IsEmpty()) kept.push_back(e);
    }
    d->entries = std::move(kept);
    d->index.clear();
    for (uint32_t i = 0; i < d->entries.size(); ++i) d->index[d->entries[i].key.bits()] = i;
    ChargeDict(vm.heap(), d);
  }
  return true;
}

void OwnPropertyKeys(Vm& vm, Object* o, std::vector<PropertyKey>* keys) {
  if (o->cls == ObjectClass::kTypedArray) {
    // 10.4.5.7 [[OwnPropertyKeys]]: the valid indices first.
    size_t n = TypedArrayLength(static_cast<TypedArrayObject*>(o));
    for (size_t i = 0; i < n && i < 0xFFFFFFFFu; ++i) keys->push_back(PropertyKey::Index(static_cast<uint32_t>(i)));
  }
  if (o->cls == ObjectClass::kString) {
    uint32_t n = static_cast<PrimitiveObject*>(o)->primitive.AsString()->length;
    for (uint32_t i = 0; i < n; ++i) keys->push_back(PropertyKey::Index(i));
  }
  // Indices: dense and sparse, ascending.
  auto sp = o->sparse ? o->sparse->begin() : absl::btree_map<uint32_t, SparseElement>::iterator();
  auto sp_end = o->sparse ? o->sparse->end() : sp;
  for (uint32_t i = 0; i < o->elements_size; ++i) {
    while (sp != sp_end && sp->first < i) keys->push_back(PropertyKey::Index((sp++)->first));
    if (!o->elements[i].IsEmpty()) keys->push_back(PropertyKey::Index(i));
  }
  while (sp != sp_end) keys->push_back(PropertyKey::Index((sp++)->first));
  if (o->cls == ObjectClass::kArray || o->cls == ObjectClass::kString) {
    keys->push_back(PropertyKey(Value::FromString(vm.atoms().length)));
  }
  auto add_named = [&](bool symbols) {
    auto want = [&](Value k) {
      if (k.IsEmpty()) return false;
      if (k.IsSymbol()) return symbols && !k.AsSymbol()->is_private;
      return !symbols;
    };
    if (o->shape != nullptr) {
      for (const ShapeEntry& e : Entries(vm.heap(), o->shape)) {
        if (want(e.key)) keys->push_back(PropertyKey(e.key));
      }
    } else {
      for (const DictEntry& e : o->dict->entries) {
        if (want(e.key)) keys->push_back(PropertyKey(e.key));
      }
    }
  };
  add_named(false);
  add_named(true);
}

bool SetArrayLength(Vm& vm, Object* a, uint32_t new_length) {
  if (new_length >= a->array_length) {
    a->array_length = new_length;
    return true;
  }
  // Delete from the end; a non-configurable element stops the deletion.
  if (a->sparse != nullptr) {
    while (!a->sparse->empty()) {
      auto last = std::prev(a->sparse->end());
      if (last->first < new_length) break;
      if (!(last->second.attrs & kConfigurable)) {
        a->array_length = last->first + 1;
        if (a->elements_size > a->array_length) a->elements_size = a->array_length;
        return false;
      }
      a->sparse->erase(last);
      ChargeSparse(vm.heap(), 1, 0);
    }
  }
  if (a->elements_size > new_length) a->elements_size = new_length;
  a->array_length = new_length;
  return true;
}

bool ArrayPush(Vm& vm, Object* a, Value v) {
  uint32_t i = a->array_length;
  if (i == 0xFFFFFFFFu) return false;
  if (!PutElement(vm, a, i, v, kDefaultAttrs)) return false;
  a->array_length = i + 1;
  return true;
}

PromiseObject* NewPromiseObject(Vm& vm, Object* proto) {
  Object* o = NewObject(vm, proto, ObjectClass::kPromise, sizeof(PromiseObject));
  if (o == nullptr) return nullptr;
  auto* p = static_cast<PromiseObject*>(o);
  p->state = 0;
  p->is_handled = false;
  p->result = Value::Undefined();
  p->fulfill_reactions = Value::Undefined();
  p->reject_reactions = Value::Undefined();
  return p;
}

void TraceObject(Object* o, Tracer& t) {
  t.Mark(o->proto);
  t.Mark(o->shape);
  if (o->shape != nullptr) {
    t.MarkRange(o->slots, o->shape->count);
  } else if (o->dict != nullptr) {
    for (const DictEntry& e : o->dict->entries) {
      t.Mark(e.key);
      t.Mark(e.value);
    }
  }
  t.MarkRange(o->elements, o->elements_size);
  if (o->sparse != nullptr) {
    for (const auto& [i, e] : *o->sparse) t.Mark(e.value);
  }
  switch (o->cls) {
    case ObjectClass::kMap:
    case ObjectClass::kSet:
    case ObjectClass::kWeakMap:
    case ObjectClass::kWeakSet:
      TraceCollection(static_cast<CollectionObject*>(o), t);
      break;
    case ObjectClass::kWeakRef:
      t.AddWeak(o);  // the target is held weakly
      break;
    case ObjectClass::kFinalizationRegistry:
      TraceFinalizationRegistry(static_cast<FinalizationRegistryObject*>(o), t);
      break;
    case ObjectClass::kCollectionIterator:
      t.Mark(static_cast<CollectionIterator*>(o)->target);
      break;
    case ObjectClass::kProxy:
    case ObjectClass::kCallableProxy:
      t.Mark(static_cast<ProxyObject*>(o)->target);
      t.Mark(static_cast<ProxyObject*>(o)->handler);
      break;
    case ObjectClass::kRegExp:
    case ObjectClass::kRegExpMatchState:
      TraceRegExpObject(o, t);
      break;
    case ObjectClass::kTypedArray:
    case ObjectClass::kDataView:
      TraceTypedArrayObject(o, t);
      break;
    case ObjectClass::kClosure: {
      auto* f = static_cast<Closure*>(o);
      t.Mark(f->code);
      t.Mark(f->env);
      t.Mark(f->realm);
      t.Mark(f->home_object);
      t.Mark(f->fields);
      break;
    }
    case ObjectClass::kNative: {
      auto* f = static_cast<NativeFunction*>(o);
      t.Mark(f->realm);
      t.Mark(f->data);
      break;
    }
    case ObjectClass::kBound: {
      auto* f = static_cast<BoundFunction*>(o);
      t.Mark(f->target);
      t.Mark(f->bound_this);
      t.MarkRange(f->args, f->argc);
      t.Mark(f->realm);
      break;
    }
    case ObjectClass::kBoolean:
    case ObjectClass::kNumber:
    case ObjectClass::kString:
    case ObjectClass::kSymbol:
    case ObjectClass::kBigInt:
    case ObjectClass::kError:
    case ObjectClass::kDate:
    case ObjectClass::kIterator:
    case ObjectClass::kRegExpStringIterator:
    case ObjectClass::kDisposableStack:
    case ObjectClass::kArguments:
    case ObjectClass::kModuleRecord:
      if (o->alloc_size >= sizeof(PrimitiveObject)) t.Mark(static_cast<PrimitiveObject*>(o)->primitive);
      break;
    case ObjectClass::kGenerator: {
      auto* g = static_cast<GeneratorObject*>(o);
      t.Mark(g->frame.code);
      t.Mark(g->frame.callee);
      t.Mark(g->frame.env);
      t.Mark(g->frame.realm);
      t.Mark(g->frame.this_value);
      t.Mark(g->frame.new_target);
      t.MarkRange(g->regs, g->num_regs);
      t.Mark(g->queue);
      break;
    }
    case ObjectClass::kPromise: {
      auto* p = static_cast<PromiseObject*>(o);
      t.Mark(p->result);
      t.Mark(p->fulfill_reactions);
      t.Mark(p->reject_reactions);
      break;
    }
    default:
      break;
  }
}

void FinalizeObject(Heap& heap, Object* o) {
  if (!HasInlineSlots(o)) heap.FreeBuffer(o->slots, o->slot_capacity * sizeof(Value));
  if (!HasInlineElements(o)) heap.FreeBuffer(o->elements, o->elements_capacity * sizeof(Value));
  if (o->dict != nullptr) heap.ReleaseExternal(o->dict->accounted);
  delete o->dict;
  if (o->sparse != nullptr) ChargeSparse(heap, o->sparse->size(), 0);
  delete o->sparse;
  if (o->cls == ObjectClass::kBound) {
    auto* f = static_cast<BoundFunction*>(o);
    heap.FreeBuffer(f->args, f->argc * sizeof(Value));
  }
  if (o->cls == ObjectClass::kGenerator) {
    auto* g = static_cast<GeneratorObject*>(o);
    if (g->regs != nullptr) heap.FreeBuffer(g->regs, g->num_regs * sizeof(Value));
  }
  if (o->cls == ObjectClass::kMap || o->cls == ObjectClass::kSet || o->cls == ObjectClass::kWeakMap ||
      o->cls == ObjectClass::kWeakSet) {
    FinalizeCollection(heap, static_cast<CollectionObject*>(o));
  }
  if (o->cls == ObjectClass::kRegExp || o->cls == ObjectClass::kRegExpMatchState) FinalizeRegExpObject(heap, o);
  if (o->cls == ObjectClass::kFinalizationRegistry) {
    FinalizeFinalizationRegistry(heap, static_cast<FinalizationRegistryObject*>(o));
  }
  if (o->cls == ObjectClass::kArrayBuffer || o->cls == ObjectClass::kSharedArrayBuffer) {
    FinalizeTypedArrayObject(heap, o);
  }
}

void TraceShape(Shape* s, Tracer& t) {
  t.Mark(s->parent);
  t.Mark(s->key);
  // Transitions are weak: a child shape lives while an object, an inline
  // cache or a longer shape uses it (each marks its parent chain). Dead
  // children are dropped before the sweep (PruneDeadTransitions), so shapes
  // — and the property keys they hold — do not accumulate for the life of
  // the runtime.
  // Pinned children (the intrinsics' shapes) are strong.
  if (s->transitions != nullptr) {
    bool weak = false;
    for (const auto& [k, child] : *s->transitions) {
      if (child->pinned) {
        t.Mark(child);
      } else {
        weak = true;
      }
    }
    if (weak) t.AddWeakTable(s);
  }
}

void PruneDeadTransitions(Heap& heap, Shape* s) {
  if (s->last_child != nullptr && !s->last_child->marked) s->last_child = nullptr;
  if (s->transitions == nullptr) return;
  absl::erase_if(*s->transitions, [](const auto& entry) { return !entry.second->marked; });
  if (s->transitions->empty()) {
    constexpr size_t kSlot = sizeof(std::pair<const uint64_t, Shape*>);
    ChargeShape(heap, s, sizeof(*s->transitions) + TableBytes(s->transitions->capacity(), kSlot), 0);
    delete s->transitions;
    s->transitions = nullptr;
  }
}

void FinalizeShape(Heap& heap, Shape* s) {
  heap.ReleaseExternal(s->side_bytes);
  delete s->transitions;
  delete s->entries;
  delete s->table;
}

}  // namespace ratchet::internal
