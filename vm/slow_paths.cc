#include "vm/slow_paths.h"

#include <cmath>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "vm/bigint.h"
#include "vm/calls.h"
#include "vm/conversions.h"
#include "vm/generator.h"
#include "vm/interpreter.h"
#include "vm/realm.h"
#include "vm/typed_array.h"
#include "vm/regexp_object.h"
#include "vm/string.h"
#include "vm/slow_paths_internal.h"
#include "vm/vm.h"

namespace ratchet::internal {

using namespace slow;  // NOLINT: the shared helpers of the slow paths

void ThrowTdzError(Vm& vm, String* name) {
  vm.ThrowError(ErrorKind::kReferenceError,
                absl::StrCat("Cannot access '", ToUtf8(name), "' before initialization"));
}

// ---- Arguments ---------------------------------------------------------------

SlowResult CreateArgumentsObject(Task& task, Frame& frame, uint32_t dst, String* map) {
  Vm& vm = task.vm();
  Realm& realm = *frame.realm;
  Object* args = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype), ObjectClass::kArguments);
  if (args == nullptr) return OutOfMemory(vm);
  uint32_t np = frame.code->num_params;
  uint32_t extra = frame.argc > np ? frame.argc - np : 0;
  for (uint32_t i = 0; i < frame.argc; ++i) {
    uint32_t slot = map != nullptr && i < map->length ? static_cast<uint32_t>(map->At(i)) : 0;
    if (slot != 0 && frame.env != nullptr && slot - 1 < frame.env->size) {
      // A mapped element: an indirection to the parameter's binding.
      Env* indirection = NewEnv(vm, frame.env, 1);
      if (indirection == nullptr) return OutOfMemory(vm);
      indirection->slots()[0] = Value::Int32(static_cast<int32_t>(slot - 1));
      if (!SetOwnData(vm, args, PropertyKey::Index(i), CellToValue(indirection), kDefaultAttrs | kMappedArgument)) {
        return OutOfMemory(vm);
      }
      continue;
    }
    Value v = i < np ? task.registers[frame.base + i] : task.registers[frame.base - extra + (i - np)];
    if (!SetOwnData(vm, args, PropertyKey::Index(i), v)) return OutOfMemory(vm);
  }
  if (!SetOwnData(vm, args, PropertyKey(Value::FromString(vm.atoms().length)),
                  Value::Number(frame.argc), kHiddenAttrs)) {
    return OutOfMemory(vm);
  }
  if (!SetOwnData(vm, args, PropertyKey(Value::FromSymbol(vm.symbols().iterator)),
                  Value::FromObject(realm.intrinsic(Intrinsic::kArrayProtoValues)), kHiddenAttrs)) {
    return OutOfMemory(vm);
  }
  if (frame.code->flags & Code::kUnmappedArguments) {
    // 10.4.4.6 CreateUnmappedArgumentsObject: "callee" throws.
    Value thrower = Value::FromObject(realm.intrinsic(Intrinsic::kThrowTypeError));
    PropertyDescriptor d;
    d.get = thrower;
    d.set = thrower;
    d.enumerable = 0;
    d.configurable = 0;
    if (DefineOwnProperty(vm, args, PropertyKey(Value::FromString(vm.atoms().callee)), d) !=
        DefineResult::kOk) {
      return OutOfMemory(vm);
    }
  } else if (!SetOwnData(vm, args, PropertyKey(Value::FromString(vm.atoms().callee)),
                         Value::FromObject(frame.callee), kHiddenAttrs)) {
    return OutOfMemory(vm);
  }
  Reg(task, frame, dst) = Value::FromObject(args);
  return SlowResult::kNext;
}

SlowResult CreateRestArray(Task& task, Frame& frame, uint32_t dst, uint32_t first) {
  Vm& vm = task.vm();
  Object* a = NewArray(vm, *frame.realm);
  if (a == nullptr) return OutOfMemory(vm);
  uint32_t np = frame.code->num_params;
  uint32_t extra = frame.argc > np ? frame.argc - np : 0;
  for (uint32_t i = first; i < frame.argc; ++i) {
    Value v = i < np ? task.registers[frame.base + i] : task.registers[frame.base - extra + (i - np)];
    if (!ArrayPush(vm, a, v)) return OutOfMemory(vm);
  }
  Reg(task, frame, dst) = Value::FromObject(a);
  return SlowResult::kNext;
}

// ---- Globals -------------------------------------------------------------------

SlowResult LoadGlobal(Task& task, Frame& frame, uint32_t dst, String* name, bool throw_if_missing,
                      uint32_t next, InlineCache* ic) {
  Vm& vm = task.vm();
  Realm& realm = *frame.realm;
  auto it = realm.lexicals->find(Value::FromString(name).bits());
  if (it != realm.lexicals->end()) {
    if (it->second.value.IsEmpty()) {
      ThrowTdzError(vm, name);
      return SlowResult::kThrow;
    }
    if (ic != nullptr) {
      ic->lexical = &it->second;
      ic->realm_uid = realm.uid;
    }
    Reg(task, frame, dst) = it->second.value;
    return SlowResult::kNext;
  }
  OwnProperty prop;
  Object* holder;
  if (!LookupProperty(vm, realm.global, PropertyKey(Value::FromString(name)), &prop, &holder)) {
    if (!throw_if_missing) {
      Reg(task, frame, dst) = Value::Undefined();
      return SlowResult::kNext;
    }
    vm.ThrowError(ErrorKind::kReferenceError, absl::StrCat(ToUtf8(name), " is not defined"));
    return SlowResult::kThrow;
  }
  if (prop.attrs & kAccessorBit) {
    Value getter = ValueToAccessor(prop.value)->getter;
    if (getter.IsUndefined()) {
      Reg(task, frame, dst) = Value::Undefined();
      return SlowResult::kNext;
    }
    return CallAccessor(task, frame, getter, Value::FromObject(realm.global), nullptr, 0, dst, false,
                        next);
  }
  // Cache data properties of a dictionary-mode global object (the usual
  // case: it has every builtin) by entry index, validated by key and epoch.
  if (ic != nullptr && holder == realm.global && realm.global->dict != nullptr) {
    auto it2 = realm.global->dict->index.find(Value::FromString(name).bits());
    if (it2 != realm.global->dict->index.end()) {
      ic->slot = it2->second + 1;
      ic->epoch = realm.lexical_epoch;
    }
  }
  Reg(task, frame, dst) = prop.value;
  return SlowResult::kNext;
}

SlowResult StoreGlobal(Task& task, Frame& frame, Value v, String* name, uint32_t next, InlineCache* ic) {
  Vm& vm = task.vm();
  Realm& realm = *frame.realm;
  auto it = realm.lexicals->find(Value::FromString(name).bits());
  if (it != realm.lexicals->end()) {
    if (it->second.value.IsEmpty()) {
      ThrowTdzError(vm, name);
      return SlowResult::kThrow;
    }
    if (it->second.is_const) return TypeError(vm, "Assignment to constant variable.");
    if (ic != nullptr) {
      ic->lexical = &it->second;
      ic->realm_uid = realm.uid;
    }
    it->second.value = v;
    return SlowResult::kNext;
  }
  PropertyKey key(Value::FromString(name));
  OwnProperty prop;
  Object* holder;
  if (!LookupProperty(vm, realm.global, key, &prop, &holder) && frame.code->strict) {
    vm.ThrowError(ErrorKind::kReferenceError, absl::StrCat(ToUtf8(name), " is not defined"));
    return SlowResult::kThrow;
  }
  Value setter;
  switch (SetProperty(vm, realm, Value::FromObject(realm.global), key, v, frame.code->strict,
                      &setter)) {
    case AccessStatus::kDone:
      // Cache writable data properties of the dictionary-mode global object
      // by entry index, validated by key, attributes and epoch (as LoadGlobal).
      if (ic != nullptr && realm.global->dict != nullptr) {
        PropertyDict* dict = realm.global->dict;
        auto it2 = dict->index.find(Value::FromString(name).bits());
        if (it2 != dict->index.end() &&
            (dict->entries[it2->second].attrs & (kAccessorBit | kWritable)) == kWritable) {
          ic->slot = it2->second + 1;
          ic->epoch = realm.lexical_epoch;
        }
      }
      return SlowResult::kNext;
    case AccessStatus::kThrow:
      return SlowResult::kThrow;
    case AccessStatus::kCallAccessor:
      return CallAccessor(task, frame, setter, Value::FromObject(realm.global), &v, 1, 0, true, next);
  }
  return SlowResult::kThrow;
}

SlowResult DeclareGlobal(Task& task, Frame& frame, String* name, GlobalDecl kind, Value v) {
  Vm& vm = task.vm();
  Realm& realm = *frame.realm;
  uint64_t k = Value::FromString(name).bits();
  PropertyKey key(Value::FromString(name));
  auto redeclared = [&] {
    vm.ThrowError(ErrorKind::kSyntaxError,
                  absl::StrCat("Identifier '", ToUtf8(name), "' has already been declared"));
    return SlowResult::kThrow;
  };
  if (realm.lexicals->contains(k)) return redeclared();
  OwnProperty prop;
  bool has_own = GetOwnProperty(vm, realm.global, key, &prop);
  switch (kind) {
    case GlobalDecl::kLet:
    case GlobalDecl::kConst:
      if (has_own && !(prop.attrs & kConfigurable)) return redeclared();
      (*realm.lexicals)[k] = GlobalLexical{Value::Empty(), kind == GlobalDecl::kConst};
      ++realm.lexical_epoch;  // invalidates LdGlobal caches
      return SlowResult::kNext;
    case GlobalDecl::kVar:
    case GlobalDecl::kEvalVar:
      if (!has_own) {
        if (!realm.global->extensible) return TypeError(vm, "Cannot define global variable");
        uint8_t attrs = kWritable | kEnumerable | (kind == GlobalDecl::kEvalVar ? kConfigurable : 0);
        if (!SetOwnData(vm, realm.global, key, Value::Undefined(), attrs)) {
          return OutOfMemory(vm);
        }
      }
      return SlowResult::kNext;
    case GlobalDecl::kCheckFunction:
      // 9.1.1.4.16 CanDeclareGlobalFunction.
      if (has_own ? !(prop.attrs & kConfigurable) &&
                        ((prop.attrs & kAccessorBit) || !(prop.attrs & kWritable) || !(prop.attrs & kEnumerable))
                  : !realm.global->extensible) {
        return TypeError(vm, absl::StrCat("Cannot declare global function '", ToUtf8(name), "'"));
      }
      return SlowResult::kNext;
    case GlobalDecl::kFunction:
    case GlobalDecl::kEvalFunction: {
      PropertyDescriptor d;
      d.value = v;
      if (!has_own || (prop.attrs & kConfigurable)) {
        d.writable = 1;
        d.enumerable = 1;
        d.configurable = kind == GlobalDecl::kEvalFunction ? 1 : 0;
      } else if ((prop.attrs & kAccessorBit) || !(prop.attrs & kWritable) ||
                 !(prop.attrs & kEnumerable)) {
        return TypeError(vm, absl::StrCat("Cannot redefine global function '", ToUtf8(name), "'"));
      }
      switch (DefineOwnProperty(vm, realm.global, key, d)) {
        case DefineResult::kOk:
          return SlowResult::kNext;
        case DefineResult::kRejected:
          return TypeError(vm, absl::StrCat("Cannot define global function '", ToUtf8(name), "'"));
        case DefineResult::kOutOfMemory:
          return OutOfMemory(vm);
      }
    }
  }
  return SlowResult::kNext;
}

// ---- Properties ----------------------------------------------------------------

// Receivers whose [[Get]] of a named key is the ordinary one, through their
// shape and prototype (no exotic own keys, no proxy).
static bool OrdinaryNamedGet(ObjectClass cls) {
  switch (cls) {
    case ObjectClass::kOrdinary:
    case ObjectClass::kArray:
    case ObjectClass::kClosure:
    case ObjectClass::kNative:
    case ObjectClass::kBound:
    case ObjectClass::kError:
    case ObjectClass::kDate:
    case ObjectClass::kRegExp:
    case ObjectClass::kPromise:
    case ObjectClass::kMap:
    case ObjectClass::kSet:
    case ObjectClass::kGenerator:
      return true;
    default:
      return false;
  }
}

// The data property `key` on `holder` (a prototype): its slot, or -1.
static int32_t PrototypeDataSlot(Vm& vm, Object* holder, Value key) {
  // (String.prototype, Number.prototype and Boolean.prototype are wrapper
  // objects: only indices and "length" are exotic there, never a named key
  // found in their shape.)
  if (holder == nullptr || holder->shape == nullptr) return -1;
  if (!OrdinaryNamedGet(holder->cls) && holder->cls != ObjectClass::kString && holder->cls != ObjectClass::kNumber &&
      holder->cls != ObjectClass::kBoolean) {
    return -1;
  }
  int32_t slot = ShapeLookup(vm.heap(), holder->shape, key);
  if (slot < 0) return -1;
  OwnProperty prop;
  if (!GetOwnProperty(vm, holder, PropertyKey(key), &prop) || (prop.attrs & kAccessorBit)) return -1;
  return slot;
}

// Caches a GetNamed that found a data property one or two prototypes up
// (methods of classes and built-ins). Never in the self-hosted library,
// whose code all realms share: its caches must not keep a realm's objects.
static void CachePrototypeGet(Vm& vm, Frame& frame, InlineCache* ic, Value base, Value key) {
  if (vm.selfhost_code() != nullptr && frame.code->source == vm.selfhost_code()->source) return;
  if (base.IsString()) {
    Object* proto = frame.realm->intrinsic(Intrinsic::kStringPrototype);
    int32_t slot = PrototypeDataSlot(vm, proto, key);
    if (slot < 0) return;
    ic->shape = nullptr;
    ic->slot = static_cast<uint32_t>(slot);
    ic->holder = proto;
    ic->holder_shape = proto->shape;
    ic->proto_shape = nullptr;
    ic->receiver_cls = InlineCache::kStringReceiver;
    return;
  }
  Object* obj = base.AsObject();
  if (obj->shape == nullptr || !OrdinaryNamedGet(obj->cls) || ShapeLookup(vm.heap(), obj->shape, key) >= 0) return;
  Object* p = obj->proto;
  if (p == nullptr) return;
  int32_t slot = PrototypeDataSlot(vm, p, key);
  Object* holder = p;
  Shape* proto_shape = nullptr;
  if (slot < 0) {
    if (p->cls != ObjectClass::kOrdinary || p->shape == nullptr || ShapeLookup(vm.heap(), p->shape, key) >= 0) return;
    holder = p->proto;
    slot = PrototypeDataSlot(vm, holder, key);
    if (slot < 0) return;
    proto_shape = p->shape;
  }
  ic->shape = obj->shape;
  ic->slot = static_cast<uint32_t>(slot);
  ic->holder = holder;
  ic->holder_shape = holder->shape;
  ic->proto_shape = proto_shape;
  ic->receiver_cls = static_cast<uint8_t>(obj->cls);
}

SlowResult GetNamedSlow(Task& task, Frame& frame, uint32_t dst, Value base, Value key,
                        InlineCache* ic, uint32_t next) {
  Vm& vm = task.vm();
  if (base.IsObject()) {
    Object* obj = base.AsObject();
    if (obj->shape != nullptr) {
      int32_t slot = ShapeLookup(vm.heap(), obj->shape, key);
      if (slot >= 0) {
        OwnProperty prop;
        GetOwnProperty(vm, obj, PropertyKey(key), &prop);
        if (!(prop.attrs & kAccessorBit)) {
          // The entry replaced moves to the second one (own properties
          // only), so sites seeing two shapes stay cached.
          if (ic->shape != nullptr && ic->holder == nullptr && ic->shape != obj->shape) {
            ic->shape2 = ic->shape;
            ic->slot2 = ic->slot;
          }
          ic->shape = obj->shape;
          ic->slot = static_cast<uint32_t>(slot);
          ic->holder = nullptr;
          Reg(task, frame, dst) = prop.value;
          return SlowResult::kNext;
        }
      }
    }
  }
  if (base.IsObject() || base.IsString()) CachePrototypeGet(vm, frame, ic, base, key);
  Value out, getter;
  switch (GetProperty(vm, *frame.realm, base, PropertyKey(key), &out, &getter)) {
    case AccessStatus::kDone:
      Reg(task, frame, dst) = out;
      return SlowResult::kNext;
    case AccessStatus::kThrow:
      return SlowResult::kThrow;
    case AccessStatus::kCallAccessor:
      return CallAccessor(task, frame, getter, base, nullptr, 0, dst, false, next);
  }
  return SlowResult::kThrow;
}

// [[Set]] of an object value into a typed array element: ToNumber/ToBigInt
// may run user code, so the self-hosted TypedArraySetSlow converts and
// stores (its result is discarded).
bool TypedArrayStoreNeedsConversion(Vm& vm, Value base, PropertyKey key, Value v) {
  double numeric;
  return v.IsObject() && base.IsObject() && base.AsObject()->cls == ObjectClass::kTypedArray &&
         TypedArrayNumericKey(vm, key, &numeric);
}

SlowResult TypedArrayStoreSlow(Task& task, Frame& frame, Value base, Value key, Value v, uint32_t next) {
  Value fn = frame.realm->self_hosted_fn(SelfHosted::kTypedArraySetSlow);
  Value args[3] = {base, key, v};
  Value result;
  CallStatus s = CallValue(task, fn, Value::Undefined(), args, 3, 0, Frame::kDiscardResult, Value::Undefined(),
                           next, &result);
  return FromCall(task, frame, s, 0, result, true);
}

// An object whose [[Get]] and [[Set]] of a string key are the ordinary
// ones, with its properties in a shape (a stable description of them).
static bool OrdinaryWithShape(const Object* o) {
  return o->shape != nullptr &&
         (o->cls == ObjectClass::kOrdinary || o->cls == ObjectClass::kClosure || o->cls == ObjectClass::kNative);
}

// SetNamed just added a property to `obj` (shape `before` -> its shape):
// cache the transition when the prototype chain is at most two ordinary
// objects long (class instances, object literals). Not in the self-hosted
// library (its caches must not keep a realm's objects: see below).
static void CacheAddTransition(Vm& vm, Frame& frame, Object* obj, Shape* before, InlineCache* ic) {
  if (vm.selfhost_code() != nullptr && frame.code->source == vm.selfhost_code()->source) return;
  if (obj->cls != ObjectClass::kOrdinary) return;
  Object* p1 = obj->proto;
  Object* p2 = p1 != nullptr ? p1->proto : nullptr;
  if (p1 != nullptr && !OrdinaryWithShape(p1)) return;
  if (p2 != nullptr && (!OrdinaryWithShape(p2) || p2->proto != nullptr)) return;
  ic->shape = before;
  ic->transition = obj->shape;
  ic->slot = obj->shape->count - 1;
  ic->holder = p1;
  ic->holder_shape = p1 != nullptr ? p1->shape : nullptr;
  ic->holder2 = p2;
  ic->proto_shape = p2 != nullptr ? p2->shape : nullptr;
}

SlowResult SetNamedSlow(Task& task, Frame& frame, Value base, Value key, Value v, InlineCache* ic,
                        uint32_t next) {
  Vm& vm = task.vm();
  if (TypedArrayStoreNeedsConversion(vm, base, PropertyKey(key), v)) {
    return TypedArrayStoreSlow(task, frame, base, key, v, next);
  }
  Value setter;
  Shape* before = base.IsObject() ? base.AsObject()->shape : nullptr;
  switch (SetProperty(vm, *frame.realm, base, PropertyKey(key), v, frame.code->strict, &setter)) {
    case AccessStatus::kDone:
      if (base.IsObject() && base.AsObject()->shape != nullptr) {
        Object* obj = base.AsObject();
        Shape* after = obj->shape;
        if (before != nullptr && after != before && after->parent == before && after->key == key &&
            after->attrs == kDefaultAttrs) {
          CacheAddTransition(vm, frame, obj, before, ic);
          return SlowResult::kNext;
        }
        // Cache writes to an own writable data property.
        int32_t slot = ShapeLookup(vm.heap(), obj->shape, key);
        if (slot >= 0) {
          OwnProperty prop;
          GetOwnProperty(vm, obj, PropertyKey(key), &prop);
          if ((prop.attrs & (kAccessorBit | kWritable)) == kWritable) {
            ic->shape = obj->shape;
            ic->slot = static_cast<uint32_t>(slot);
            ic->transition = nullptr;
            ic->holder = ic->holder2 = nullptr;
          }
        }
      }
      return SlowResult::kNext;
    case AccessStatus::kThrow:
      return SlowResult::kThrow;
    case AccessStatus::kCallAccessor:
      return CallAccessor(task, frame, setter, base, &v, 1, 0, true, next);
  }
  return SlowResult::kThrow;
}

Object* NewIteratorObject(Vm& vm, Realm& realm, Intrinsic proto, Value target, int32_t kind) {
  Object* it = NewObject(vm, realm.intrinsic(proto), ObjectClass::kIterator, sizeof(PrimitiveObject));
  if (it == nullptr) return nullptr;
  Object* state = NewArray(vm, realm);
  if (state == nullptr || !ArrayPush(vm, state, target) || !ArrayPush(vm, state, Value::Int32(0)) ||
      !ArrayPush(vm, state, Value::Int32(kind))) {
    return nullptr;
  }
  static_cast<PrimitiveObject*>(it)->primitive = Value::FromObject(state);
  return it;
}

SlowResult GetIteratorOp(Task& task, Frame& frame, uint32_t dst, Value obj, uint32_t next) {
  Vm& vm = task.vm();
  Realm& realm = *frame.realm;
  // The fast path: what Array.prototype.values would return, when that is
  // what obj[@@iterator] is (not overridden on the array or its prototype).
  if (obj.IsObject()) {
    Object* a = obj.AsObject();
    Object* proto = realm.intrinsic(Intrinsic::kArrayPrototype);
    Value key = Value::FromSymbol(vm.symbols().iterator);
    int32_t slot;
    if (a->cls == ObjectClass::kArray && a->proto == proto && a->shape != nullptr && proto->shape != nullptr &&
        ShapeLookup(vm.heap(), a->shape, key) < 0 && (slot = ShapeLookup(vm.heap(), proto->shape, key)) >= 0 &&
        proto->slots[slot] == Value::FromObject(realm.intrinsic(Intrinsic::kArrayProtoValues))) {
      // (A slot holds a value only for a data property; accessors keep a
      // separate cell, never the function itself.)
      Object* it = NewIteratorObject(vm, realm, Intrinsic::kArrayIteratorPrototype, obj, 1);
      if (it == nullptr) return OutOfMemory(vm);
      Reg(task, frame, dst) = Value::FromObject(it);
      return SlowResult::kNext;
    }
  }
  return CallHelper(task, frame, SelfHosted::kGetIterator, {obj}, dst, next);
}

SlowResult GetKeyedSlow(Task& task, Frame& frame, uint32_t dst, Value base, Value key,
                        uint32_t next) {
  Vm& vm = task.vm();
  if (key.IsObject()) return CallHelper(task, frame, SelfHosted::kGetKeyedSlow, {base, key}, dst, next);
  if (base.IsNullish()) {
    // Spec order: the key's ToPropertyKey happens first, but on a primitive
    // key it cannot be observed.
    Value out, getter;
    GetProperty(vm, *frame.realm, base, PrimitiveToPropertyKey(vm, key), &out, &getter);
    return SlowResult::kThrow;
  }
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  Value out, getter;
  switch (GetProperty(vm, *frame.realm, base, k, &out, &getter)) {
    case AccessStatus::kDone:
      Reg(task, frame, dst) = out;
      return SlowResult::kNext;
    case AccessStatus::kThrow:
      return SlowResult::kThrow;
    case AccessStatus::kCallAccessor:
      return CallAccessor(task, frame, getter, base, nullptr, 0, dst, false, next);
  }
  return SlowResult::kThrow;
}

// No object on the chain from `p` has an indexed property (ordinary objects
// and arrays without elements; anything else may have or intercept one).
static bool NoIndexedPropertiesOnChain(Object* p) {
  for (; p != nullptr; p = p->proto) {
    if (p->cls != ObjectClass::kOrdinary && p->cls != ObjectClass::kArray) return false;
    if (p->elements_size != 0 || p->sparse != nullptr) return false;
  }
  return true;
}

SlowResult SetKeyedSlow(Task& task, Frame& frame, Value base, Value key, Value v, uint32_t next) {
  Vm& vm = task.vm();
  if (key.IsObject()) {
    // The helper's result is dropped into register 0 of... no: keep it in a
    // scratch: SetKeyed has no destination, so the helper's value is
    // discarded by calling it with kDiscardResult.
    Value fn = frame.realm->self_hosted_fn(SelfHosted::kSetKeyedSlow);
    Value args[3] = {base, key, v};
    Value result;
    CallStatus s = CallValue(task, fn, Value::Undefined(), args, 3, 0, Frame::kDiscardResult,
                             Value::Undefined(), next, &result);
    return FromCall(task, frame, s, 0, result, true);
  }
  if (base.IsObject() && key.IsInt32() && key.AsInt32() >= 0) {
    // Appending to a dense array (a[a.length] = v) when nothing on the
    // prototype chain has an index that could intercept the store.
    Object* obj = base.AsObject();
    uint32_t i = static_cast<uint32_t>(key.AsInt32());
    if (obj->cls == ObjectClass::kArray && i == obj->array_length && i == obj->elements_size && obj->extensible &&
        obj->length_writable && obj->sparse == nullptr && NoIndexedPropertiesOnChain(obj->proto)) {
      if (!ArrayPush(vm, obj, v)) return OutOfMemory(vm);
      return SlowResult::kNext;
    }
  }
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  if (TypedArrayStoreNeedsConversion(vm, base, k, v)) return TypedArrayStoreSlow(task, frame, base, key, v, next);
  Value setter;
  switch (SetProperty(vm, *frame.realm, base, k, v, frame.code->strict, &setter)) {
    case AccessStatus::kDone:
      return SlowResult::kNext;
    case AccessStatus::kThrow:
      return SlowResult::kThrow;
    case AccessStatus::kCallAccessor:
      return CallAccessor(task, frame, setter, base, &v, 1, 0, true, next);
  }
  return SlowResult::kThrow;
}

SlowResult DefineKeyed(Task& task, Value obj, Value key, Value v) {
  Vm& vm = task.vm();
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  if (!SetOwnData(vm, obj.AsObject(), k, v)) return OutOfMemory(vm);
  return SlowResult::kNext;
}

SlowResult DefineAccessorProperty(Task& task, Value obj, Value key, Value fn, int32_t kind) {
  Vm& vm = task.vm();
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  Object* o = obj.AsObject();
  OwnProperty cur;
  Value get = Value::Undefined(), set = Value::Undefined();
  if (GetOwnProperty(vm, o, k, &cur) && (cur.attrs & kAccessorBit)) {
    get = ValueToAccessor(cur.value)->getter;
    set = ValueToAccessor(cur.value)->setter;
  }
  if ((kind & 1) == 0) {
    get = fn;
  } else {
    set = fn;
  }
  Accessor* acc = NewAccessor(vm, get, set);
  if (acc == nullptr) return OutOfMemory(vm);
  uint8_t attrs = kConfigurable | kAccessorBit | ((kind & 2) ? 0 : kEnumerable);
  if (!SetOwnData(vm, o, k, AccessorToValue(acc), attrs)) return OutOfMemory(vm);
  return SlowResult::kNext;
}

SlowResult DefineMethodProperty(Task& task, Value obj, Value key, Value fn) {
  Vm& vm = task.vm();
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  if (!SetOwnData(vm, obj.AsObject(), k, fn, kWritable | kConfigurable)) return OutOfMemory(vm);
  return SlowResult::kNext;
}

SlowResult DeleteKeyedSlow(Task& task, Frame& frame, uint32_t dst, Value obj, Value key,
                           uint32_t next) {
  Vm& vm = task.vm();
  if (key.IsObject()) return CallHelper(task, frame, SelfHosted::kDeleteKeyedSlow, {obj, key}, dst, next);
  Object* o = ToObject(vm, *frame.realm, obj);
  if (o == nullptr) return SlowResult::kThrow;
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  if (o->is_proxy()) {  // 10.5.10 [[Delete]]
    Value kv = PropertyKeyValue(vm, k);
    if (kv.IsEmpty()) return OutOfMemory(vm);
    return CallHelper(task, frame, SelfHosted::kProxyDelete,
                      {Value::FromObject(o), kv, Value::Boolean(frame.code->strict)}, dst, next);
  }
  bool ok = DeleteOwnProperty(vm, o, k);
  if (!ok && frame.code->strict) return TypeError(vm, "Cannot delete property");
  Reg(task, frame, dst) = Value::Boolean(ok);
  return SlowResult::kNext;
}

SlowResult InSlow(Task& task, Frame& frame, uint32_t dst, Value key, Value obj, uint32_t next) {
  Vm& vm = task.vm();
  if (!obj.IsObject()) return TypeError(vm, "Cannot use 'in' operator to search for a key in a non-object");
  if (key.IsObject()) return CallHelper(task, frame, SelfHosted::kInSlow, {key, obj}, dst, next);
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  OwnProperty prop;
  Object* holder;
  Object* proxy;
  bool found = LookupPropertyOrProxy(vm, obj.AsObject(), k, &prop, &holder, &proxy);
  if (proxy != nullptr) {  // 10.5.7 [[HasProperty]]
    Value kv = PropertyKeyValue(vm, k);
    if (kv.IsEmpty()) return OutOfMemory(vm);
    return CallHelper(task, frame, SelfHosted::kProxyHas, {Value::FromObject(proxy), kv}, dst, next);
  }
  Reg(task, frame, dst) = Value::Boolean(found);
  return SlowResult::kNext;
}

SlowResult InstanceOfSlow(Task& task, Frame& frame, uint32_t dst, Value v, Value target,
                          uint32_t next) {
  Vm& vm = task.vm();
  if (!target.IsObject()) return TypeError(vm, "Right-hand side of 'instanceof' is not an object");
  // A custom @@hasInstance needs a call, and so does every step through a
  // proxy: the self-hosted InstanceOf handles them.
  auto self_hosted = [&] { return CallHelper(task, frame, SelfHosted::kInstanceOf, {v, target}, dst, next); };
  OwnProperty prop;
  Object* holder;
  Object* proxy;
  // %Function.prototype%[@@hasInstance] is non-writable and non-configurable:
  // finding it there means OrdinaryHasInstance, done inline below.
  bool found_has_instance =
      LookupPropertyOrProxy(vm, target.AsObject(), PropertyKey(Value::FromSymbol(vm.symbols().hasInstance)),
                            &prop, &holder, &proxy);
  if (proxy != nullptr ||
      (found_has_instance && holder != frame.realm->intrinsic(Intrinsic::kFunctionPrototype))) {
    return self_hosted();
  }
  if (!IsCallable(target)) return TypeError(vm, "Right-hand side of 'instanceof' is not callable");
  Object* t = target.AsObject();
  while (t->cls == ObjectClass::kBound) t = static_cast<BoundFunction*>(t)->target;
  if (!v.IsObject()) {
    Reg(task, frame, dst) = Value::Boolean(false);
    return SlowResult::kNext;
  }
  if (!LookupPropertyOrProxy(vm, t, PropertyKey(Value::FromString(vm.atoms().prototype)), &prop, &holder, &proxy)) {
    if (proxy != nullptr) return self_hosted();
    return TypeError(vm, "Function has non-object prototype in instanceof check");
  }
  if (prop.attrs & kAccessorBit) return self_hosted();
  if (!prop.value.IsObject()) return TypeError(vm, "Function has non-object prototype in instanceof check");
  Object* proto = prop.value.AsObject();
  bool found = false;
  for (Object* o = v.AsObject(); o != nullptr; o = o->proto) {
    if (o->is_proxy()) return self_hosted();  // its [[GetPrototypeOf]] is a trap
    if (o->proto == proto) {
      found = true;
      break;
    }
  }
  Reg(task, frame, dst) = Value::Boolean(found);
  return SlowResult::kNext;
}

// 13.3.7.1 super[key] / super.name: GetSuperBase (the home object's
// [[Prototype]]) then [[Get]] with this as the receiver.
SlowResult GetSuperSlow(Task& task, Frame& frame, uint32_t dst, Value key, Value this_value,
                        Value home, uint32_t next) {
  Vm& vm = task.vm();
  if (!home.IsObject()) return TypeError(vm, "'super' keyword unexpected here");
  Object* proto = home.AsObject()->proto;
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  if (proto == nullptr) return TypeError(vm, "Cannot read properties of null (super)");
  Value out, getter;
  switch (GetProperty(vm, *frame.realm, Value::FromObject(proto), k, &out, &getter)) {
    case AccessStatus::kDone:
      Reg(task, frame, dst) = out;
      return SlowResult::kNext;
    case AccessStatus::kThrow:
      return SlowResult::kThrow;
    case AccessStatus::kCallAccessor:
      return CallAccessor(task, frame, getter, this_value, nullptr, 0, dst, false, next);
  }
  return SlowResult::kThrow;
}

// super[key] = v: the home object's prototype's [[Set]] with this as the
// receiver (10.1.9.2 OrdinarySetWithOwnDescriptor). Class code is strict;
// object-literal methods in sloppy code fail silently.
SlowResult SetSuperSlow(Task& task, Frame& frame, Value key, Value v, Value this_value, Value home,
                        uint32_t next) {
  Vm& vm = task.vm();
  if (!home.IsObject()) return TypeError(vm, "'super' keyword unexpected here");
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  Object* proto = home.AsObject()->proto;
  if (proto == nullptr) return TypeError(vm, "Cannot set properties of null (super)");
  bool strict = frame.code->strict;
  if (ChainHasProxy(proto) || (this_value.IsObject() && this_value.AsObject()->is_proxy())) {
    // A proxy on the chain or as the receiver: [[Set]] with its traps, in JS.
    Value fn = frame.realm->self_hosted_fn(SelfHosted::kSuperSetWithProxy);
    Value args[] = {Value::FromObject(proto), k.IsIndex() ? Value::Number(k.index()) : k.v, v, this_value,
                    Value::Boolean(strict)};
    return CallAccessor(task, frame, fn, Value::Undefined(), args, 5, 0, true, next);
  }
  auto fail = [&](const char* what) {
    if (!strict) return SlowResult::kNext;
    return TypeError(vm, absl::StrCat("Cannot ", what, " property of super"));
  };
  OwnProperty prop;
  Object* holder = nullptr;
  bool found = LookupProperty(vm, proto, k, &prop, &holder);
  if (found && (prop.attrs & kAccessorBit)) {
    Value setter = ValueToAccessor(prop.value)->setter;
    if (setter.IsUndefined()) return fail("set getter-only");
    return CallAccessor(task, frame, setter, this_value, &v, 1, 0, true, next);
  }
  if (found && !(prop.attrs & kWritable)) return fail("assign to read only");
  if (!this_value.IsObject()) return fail("create");
  Object* receiver = this_value.AsObject();
  OwnProperty existing;
  PropertyDescriptor desc;
  desc.value = v;
  if (GetOwnProperty(vm, receiver, k, &existing)) {
    if (existing.attrs & kAccessorBit) return fail("redefine accessor");
    if (!(existing.attrs & kWritable)) return fail("assign to read only");
  } else {
    desc.writable = desc.enumerable = desc.configurable = 1;
  }
  switch (DefineOwnProperty(vm, receiver, k, desc)) {
    case DefineResult::kOk:
      return SlowResult::kNext;
    case DefineResult::kRejected:
      return fail("define");
    case DefineResult::kOutOfMemory:
      return OutOfMemory(vm);
  }
  return SlowResult::kThrow;
}

// 13.2.7.3 RegularExpressionLiteral evaluation: RegExpCreate(pattern, flags)
// with %RegExp% as the constructor. The pattern was validated at parse time.
SlowResult NewRegExpSlow(Task& task, Frame& frame, uint32_t dst, uint32_t k) {
  Vm& vm = task.vm();
  Code* code = frame.code;
  if (static_cast<uint64_t>(k) + 1 >= code->num_constants || !code->constants[k].IsString() ||
      !code->constants[k + 1].IsString()) {
    return TypeError(vm, "invalid regular expression literal");
  }
  RegExpObject* r = NewRegExpObject(vm, frame.realm->intrinsic(Intrinsic::kRegExpPrototype), frame.realm, true);
  if (r == nullptr) return OutOfMemory(vm);
  if (!InitializeRegExp(vm, r, code->constants[k].AsString(), code->constants[k + 1].AsString())) {
    return SlowResult::kThrow;
  }
  if (!SetOwnData(vm, r, PropertyKey(Value::FromString(vm.atoms().lastIndex)), Value::Int32(0), kWritable)) {
    return OutOfMemory(vm);
  }
  Reg(task, frame, dst) = Value::FromObject(r);
  return SlowResult::kNext;
}

// 13.2.8.4 GetTemplateObject: made once per site (cached in the site's first
// constant), a frozen array of cooked strings whose `raw` is a frozen array.
SlowResult GetTemplateObjectSlow(Task& task, Frame& frame, uint32_t dst, uint32_t k, uint32_t n) {
  Vm& vm = task.vm();
  Code* code = frame.code;
  if (static_cast<uint64_t>(k) + 2 * static_cast<uint64_t>(n) >= code->num_constants) {
    return TypeError(vm, "invalid template site");
  }
  Value& cache = code->constants[k];
  if (cache.IsObject()) {
    Reg(task, frame, dst) = cache;
    return SlowResult::kNext;
  }
  Realm& realm = *frame.realm;
  Object* tmpl = NewArray(vm, realm);
  Object* raw = NewArray(vm, realm);
  if (tmpl == nullptr || raw == nullptr) return OutOfMemory(vm);
  for (uint32_t i = 0; i < n; ++i) {
    if (!ArrayPush(vm, raw, code->constants[k + 1 + i]) || !ArrayPush(vm, tmpl, code->constants[k + 1 + n + i])) {
      return OutOfMemory(vm);
    }
  }
  auto freeze = [&](Object* a) {
    PropertyDescriptor d;
    d.writable = 0;
    d.configurable = 0;
    for (uint32_t i = 0; i < n; ++i) {
      if (DefineOwnProperty(vm, a, PropertyKey::Index(i), d) == DefineResult::kOutOfMemory) return false;
    }
    PropertyDescriptor len;
    len.writable = 0;
    if (DefineOwnProperty(vm, a, PropertyKey(Value::FromString(vm.atoms().length)), len) ==
        DefineResult::kOutOfMemory) {
      return false;
    }
    a->extensible = false;
    return true;
  };
  String* raw_name = vm.InternAscii("raw");
  if (raw_name == nullptr || !freeze(raw) ||
      !SetOwnData(vm, tmpl, PropertyKey(Value::FromString(raw_name)), Value::FromObject(raw), 0) || !freeze(tmpl)) {
    return OutOfMemory(vm);
  }
  cache = Value::FromObject(tmpl);
  Reg(task, frame, dst) = cache;
  return SlowResult::kNext;
}

// 10.2.9 SetFunctionName for computed keys.
SlowResult SetFunctionNameSlow(Task& task, Value fn, Value key, int32_t prefix) {
  Vm& vm = task.vm();
  if (!fn.IsObject()) return SlowResult::kNext;
  Value name = key;
  if (key.IsSymbol()) {
    Value d = key.AsSymbol()->description;
    if (d.IsUndefined()) {
      name = Value::FromString(vm.atoms().empty);
    } else {
      String* open = NewStringFromLatin1(vm, "[");
      String* close = NewStringFromLatin1(vm, "]");
      String* s = open && close ? ConcatStrings(vm, open, d.AsString()) : nullptr;
      s = s ? ConcatStrings(vm, s, close) : nullptr;
      if (s == nullptr) return OutOfMemory(vm);
      name = Value::FromString(s);
    }
  } else if (key.IsNumber()) {
    String* s = NumberToString(vm, key.AsNumber());
    if (s == nullptr) return OutOfMemory(vm);
    name = Value::FromString(s);
  }
  if (!name.IsString()) return SlowResult::kNext;
  if (prefix != 0) {
    String* p = NewStringFromLatin1(vm, prefix == 1 ? "get " : "set ");
    String* s = p ? ConcatStrings(vm, p, name.AsString()) : nullptr;
    if (s == nullptr) return OutOfMemory(vm);
    name = Value::FromString(s);
  }
  if (!SetOwnData(vm, fn.AsObject(), PropertyKey(Value::FromString(vm.atoms().name)), name,
                  kConfigurable)) {
    return OutOfMemory(vm);
  }
  return SlowResult::kNext;
}

// ---- Private names (7.3.27-7.3.32) ------------------------------------------------

namespace {

std::string PrivateNameForMessage(Value key) {
  Value d = key.IsSymbol() ? key.AsSymbol()->description : Value::Undefined();
  return d.IsString() ? ToUtf8(d.AsString()) : "#<private>";
}

// PrivateElementFind: only the object's own private elements count.
bool FindPrivate(Vm& vm, Value obj, Value key, OwnProperty* out) {
  return obj.IsObject() && GetOwnProperty(vm, obj.AsObject(), PropertyKey(key), out);
}

}  // namespace

SlowResult NewPrivateNameSlow(Task& task, uint32_t dst, Frame& frame, Value description) {
  Vm& vm = task.vm();
  Symbol* sym = NewSymbol(vm, description);
  if (sym == nullptr) return OutOfMemory(vm);
  sym->is_private = true;
  Reg(task, frame, dst) = Value::FromSymbol(sym);
  return SlowResult::kNext;
}

// 7.3.31 PrivateGet.
SlowResult GetPrivateSlow(Task& task, Frame& frame, uint32_t dst, Value obj, Value key,
                          uint32_t next) {
  Vm& vm = task.vm();
  OwnProperty prop;
  if (!FindPrivate(vm, obj, key, &prop)) {
    return TypeError(vm, absl::StrCat("Cannot read private member ", PrivateNameForMessage(key),
                                      " from an object whose class did not declare it"));
  }
  if (!(prop.attrs & kAccessorBit)) {
    Reg(task, frame, dst) = prop.value;
    return SlowResult::kNext;
  }
  Value getter = ValueToAccessor(prop.value)->getter;
  if (getter.IsUndefined()) {
    return TypeError(vm, absl::StrCat("'", PrivateNameForMessage(key), "' was defined without a getter"));
  }
  return CallAccessor(task, frame, getter, obj, nullptr, 0, dst, false, next);
}

// 7.3.32 PrivateSet.
SlowResult SetPrivateSlow(Task& task, Frame& frame, Value obj, Value key, Value v, uint32_t next) {
  Vm& vm = task.vm();
  OwnProperty prop;
  if (!FindPrivate(vm, obj, key, &prop)) {
    return TypeError(vm, absl::StrCat("Cannot write private member ", PrivateNameForMessage(key),
                                      " to an object whose class did not declare it"));
  }
  if (!(prop.attrs & kAccessorBit)) {
    if (!(prop.attrs & kWritable)) {
      return TypeError(vm, absl::StrCat("Private method '", PrivateNameForMessage(key), "' is not writable"));
    }
    if (!WriteOwnData(vm, obj.AsObject(), PropertyKey(key), v)) return OutOfMemory(vm);
    return SlowResult::kNext;
  }
  Value setter = ValueToAccessor(prop.value)->setter;
  if (setter.IsUndefined()) {
    return TypeError(vm, absl::StrCat("'", PrivateNameForMessage(key), "' was defined without a setter"));
  }
  return CallAccessor(task, frame, setter, obj, &v, 1, 0, true, next);
}

// 7.3.28 PrivateFieldAdd / 7.3.29 PrivateMethodOrAccessorAdd. `values`
// points at the field value or method, or at getter and setter.
SlowResult DefinePrivateSlow(Task& task, Frame& frame, Value obj, Value key, const Value* values, int32_t kind,
                             uint32_t next) {
  Vm& vm = task.vm();
  OwnProperty prop;
  if (!obj.IsObject()) return TypeError(vm, "Cannot define a private member on a non-object");
  if (FindPrivate(vm, obj, key, &prop)) {
    return TypeError(vm, absl::StrCat("Cannot initialize ", PrivateNameForMessage(key),
                                      " twice on the same object"));
  }
  // PrivateFieldAdd / PrivateMethodOrAccessorAdd: a non-extensible object
  // takes no private elements (a proxy's isExtensible trap decides first).
  Object* o = obj.AsObject();
  if (o->is_proxy()) {
    Value fn = frame.realm->self_hosted_fn(SelfHosted::kPrivateAddToProxy);
    Value args[] = {obj, key, values[0], kind == 2 ? values[1] : Value::Undefined(), Value::Int32(kind)};
    return CallAccessor(task, frame, fn, Value::Undefined(), args, 5, 0, true, next);
  }
  if (!o->extensible) return TypeError(vm, "Cannot add a private member to a non-extensible object");
  bool ok;
  if (kind == 2) {
    Accessor* acc = NewAccessor(vm, values[0], values[1]);
    ok = acc != nullptr && SetOwnData(vm, obj.AsObject(), PropertyKey(key), AccessorToValue(acc),
                                      kAccessorBit);
  } else {
    ok = SetOwnData(vm, obj.AsObject(), PropertyKey(key), values[0], kind == 0 ? kWritable : 0);
  }
  return ok ? SlowResult::kNext : OutOfMemory(vm);
}

// 13.10.1 RelationalExpression : PrivateIdentifier in ShiftExpression.
SlowResult HasPrivateSlow(Task& task, Frame& frame, uint32_t dst, Value obj, Value key) {
  Vm& vm = task.vm();
  if (!obj.IsObject()) return TypeError(vm, "Cannot use 'in' operator to search for a private field in a non-object");
  OwnProperty prop;
  Reg(task, frame, dst) = Value::Boolean(FindPrivate(vm, obj, key, &prop));
  return SlowResult::kNext;
}

// 7.3.34 DefineField for public fields: CreateDataPropertyOrThrow.
SlowResult DefineFieldSlow(Task& task, Frame& frame, Value obj, Value key, Value v, uint32_t next) {
  Vm& vm = task.vm();
  PropertyKey k = PrimitiveToPropertyKey(vm, key);
  if (k.v.IsEmpty()) return SlowResult::kThrow;
  if (obj.AsObject()->is_proxy()) {
    // The proxy's defineProperty trap (a frame; its result is dropped).
    Value fn = frame.realm->self_hosted_fn(SelfHosted::kProxyCreateDataProperty);
    Value args[] = {obj, k.IsIndex() ? Value::Number(k.index()) : k.v, v, Value::Boolean(true)};
    return CallAccessor(task, frame, fn, Value::Undefined(), args, 4, 0, true, next);
  }
  PropertyDescriptor desc;
  desc.value = v;
  desc.writable = desc.enumerable = desc.configurable = 1;
  switch (DefineOwnProperty(vm, obj.AsObject(), k, desc)) {
    case DefineResult::kOk:
      return SlowResult::kNext;
    case DefineResult::kRejected:
      return TypeError(vm, "Cannot define field on this object");
    case DefineResult::kOutOfMemory:
      return OutOfMemory(vm);
  }
  return SlowResult::kThrow;
}

// ---- Arrays, classes -------------------------------------------------------------

SlowResult ArraySpreadAppend(Task& task, Value arr, Value src) {
  Vm& vm = task.vm();
  Object* a = arr.AsObject();
  Object* s = src.AsObject();
  for (uint32_t i = 0; i < s->array_length; ++i) {
    Value v = i < s->elements_size ? s->elements[i] : Value::Undefined();
    if (v.IsEmpty()) v = Value::Undefined();
    if (!ArrayPush(vm, a, v)) return OutOfMemory(vm);
  }
  return SlowResult::kNext;
}

SlowResult TaskStackEmpty(Task& task, Value v) {
  Vm& vm = task.vm();
  if (!task.in_jobs) {
    task.set_result(v);
    task.in_jobs = true;
  }
  vm.AdoptOrphanJobs(task);
  vm.ClearKeptObjects();  // a job (the script or a previous job) ended
  while (!task.jobs.empty()) {
    Job job = task.jobs.front();
    task.jobs.pop_front();
    task.current_id = vm.NewTaskId();  // a new microtask
    Value result;
    CallStatus s = CallValue(task, job.function, Value::Undefined(), job.args, job.argc, 0,
                             Frame::kDiscardResult, Value::Undefined(), 0, &result);
    if (s == CallStatus::kPushed) return SlowResult::kFrame;
    if (s == CallStatus::kThrow) return SlowResult::kThrow;
  }
  if (task.host_waits > 0) return SlowResult::kStop;  // waiting for the host (Task::waiting)
  CompleteTask(task, TaskState::kCompleted, task.result());
  return SlowResult::kStop;
}

SlowResult PopFrameWithValue(Task& task, Value v) {
  Frame done = task.frames.back();
  task.frames.pop_back();
  if (task.frames.empty()) return TaskStackEmpty(task, v);
  if (!(done.flags & Frame::kDiscardResult)) {
    task.registers[task.frames.back().base + done.return_reg] = v;
  }
  return SlowResult::kFrame;
}

SlowResult GeneratorCreateSlow(Task& task, uint32_t dst, uint32_t next) {
  Vm& vm = task.vm();
  Frame& frame = task.frames.back();
  GeneratorObject* gen = NewGeneratorObject(vm, frame);
  if (gen == nullptr) {
    vm.ThrowOutOfMemory();
    return SlowResult::kThrow;
  }
  frame.generator = gen;
  if (gen->kind == GeneratorKind::kAsync) {
    // Async functions: R[dst] := the promise the call returns.
    PromiseObject* p = NewPromiseObject(vm, frame.realm->intrinsic(Intrinsic::kPromisePrototype));
    if (p == nullptr) {
      vm.ThrowOutOfMemory();
      return SlowResult::kThrow;
    }
    task.registers[frame.base + dst] = Value::FromObject(p);
    return SlowResult::kNext;
  }
  if (!ParkGeneratorFrame(task, gen, next, kNoResumeRegister, GeneratorState::kSuspendedStart)) {
    vm.ThrowOutOfMemory();
    return SlowResult::kThrow;
  }
  return PopFrameWithValue(task, Value::FromObject(gen));
}

SlowResult SuspendSlow(Task& task, uint32_t dst, Value v, bool is_await, uint32_t next) {
  Vm& vm = task.vm();
  Frame& frame = task.frames.back();
  if (frame.generator == nullptr) {
    vm.ThrowError(ErrorKind::kInternalError, "Suspend outside a generator");
    return SlowResult::kThrow;
  }
  auto* gen = static_cast<GeneratorObject*>(frame.generator);
  if (!ParkGeneratorFrame(task, gen, next, dst,
                          is_await ? GeneratorState::kAwaiting : GeneratorState::kSuspendedYield)) {
    vm.ThrowOutOfMemory();
    return SlowResult::kThrow;
  }
  return PopFrameWithValue(task, v);
}

SlowResult CreateClassSlow(Task& task, Frame& frame, uint32_t dst, Value ctor, Value parent, Value parent_proto) {
  Vm& vm = task.vm();
  Realm& realm = *frame.realm;
  Object* proto_parent = realm.intrinsic(Intrinsic::kObjectPrototype);
  Object* ctor_parent = realm.intrinsic(Intrinsic::kFunctionPrototype);
  if (!parent.IsEmpty()) {
    // The self-hosted ClassProtoParent checked the heritage and read its
    // prototype (parent_proto).
    proto_parent = parent_proto.IsObject() ? parent_proto.AsObject() : nullptr;
    if (!parent.IsNull()) ctor_parent = parent.AsObject();
  }
  Object* proto = NewObject(vm, proto_parent);
  if (proto == nullptr) return OutOfMemory(vm);
  Object* c = ctor.AsObject();
  c->proto = ctor_parent;
  if (!SetOwnData(vm, c, PropertyKey(Value::FromString(vm.atoms().prototype)),
                  Value::FromObject(proto), 0) ||
      !SetOwnData(vm, proto, PropertyKey(Value::FromString(vm.atoms().constructor)), ctor,
                  kWritable | kConfigurable)) {
    return OutOfMemory(vm);
  }
  if (c->cls == ObjectClass::kClosure) static_cast<Closure*>(c)->home_object = proto;
  Reg(task, frame, dst) = Value::FromObject(proto);
  return SlowResult::kNext;
}

// ---- Calls -------------------------------------------------------------------------

SlowResult CallSpreadSlow(Task& task, Frame& frame, uint32_t dst, Value callee, Value this_value,
                          Value args, bool construct, uint32_t next) {
  Object* a = args.AsObject();
  std::vector<Value> list;
  list.reserve(a->array_length);
  for (uint32_t i = 0; i < a->array_length; ++i) {
    Value v = i < a->elements_size ? a->elements[i] : Value::Undefined();
    list.push_back(v.IsEmpty() ? Value::Undefined() : v);
  }
  Value result;
  CallStatus s = CallValue(task, callee, this_value, list.data(), static_cast<uint32_t>(list.size()),
                           dst, construct ? Frame::kConstruct : 0,
                           construct ? callee : Value::Undefined(), next, &result);
  return FromCall(task, frame, s, dst, result);
}

// 19.2.1.1 PerformEval for a direct call `eval(x)`; an ordinary call when
// the callee is not this realm's %eval%.
SlowResult CallEvalSlow(Task& task, Frame& frame, uint32_t dst, Value callee, uint32_t argv,
                        uint32_t argc, int32_t flags, uint32_t next) {
  Vm& vm = task.vm();
  Realm& realm = *frame.realm;
  std::vector<Value> args(&Reg(task, frame, argv), &Reg(task, frame, argv) + argc);
  Value result;
  if (!callee.IsObject() || callee.AsObject() != realm.intrinsic(Intrinsic::kEval)) {
    CallStatus s = CallValue(task, callee, Value::Undefined(), args.data(), argc, dst, 0,
                             Value::Undefined(), next, &result);
    return FromCall(task, frame, s, dst, result);
  }
  if (argc == 0 || !args[0].IsString()) {
    Reg(task, frame, dst) = argc == 0 ? Value::Undefined() : args[0];
    return SlowResult::kNext;
  }
  if (vm.eval_compiler() == nullptr) {
    vm.ThrowError(ErrorKind::kInternalError, "eval is not available");
    return SlowResult::kThrow;
  }
  // Flag 128: the constant (flags >> 8) describes the caller's scopes.
  String* scopes = nullptr;
  if ((flags & 128) != 0) {
    uint32_t k = static_cast<uint32_t>(flags) >> 8;
    Code* code = frame.code;
    if (k >= code->num_constants || !code->constants[k].IsString()) {
      vm.ThrowError(ErrorKind::kInternalError, "invalid eval scope description");
      return SlowResult::kThrow;
    }
    scopes = code->constants[k].AsString();
  }
  Object* fn = vm.eval_compiler()(vm, realm, args[0].AsString(), flags & 127, scopes, frame.env);
  if (fn == nullptr) return SlowResult::kThrow;
  CallStatus s = CallValue(task, Value::FromObject(fn), frame.this_value, nullptr, 0, dst, 0,
                           Value::Undefined(), next, &result);
  return FromCall(task, frame, s, dst, result);
}

SlowResult SuperCallSlow(Task& task, Frame& frame, uint32_t dst, Value args, Value active_fn,
                         Value new_target, uint32_t next) {
  Vm& vm = task.vm();
  Object* active = active_fn.IsObject() ? active_fn.AsObject() : nullptr;
  Object* super_ctor = active != nullptr ? active->proto : nullptr;
  if (super_ctor == nullptr || !IsConstructor(Value::FromObject(super_ctor))) {
    return TypeError(vm, "Super constructor is not a constructor");
  }
  Object* a = args.AsObject();
  std::vector<Value> list;
  for (uint32_t i = 0; i < a->array_length; ++i) {
    Value v = i < a->elements_size ? a->elements[i] : Value::Undefined();
    list.push_back(v.IsEmpty() ? Value::Undefined() : v);
  }
  Value result;
  CallStatus s = CallValue(task, Value::FromObject(super_ctor), Value::Undefined(), list.data(),
                           static_cast<uint32_t>(list.size()), dst, Frame::kConstruct,
                           new_target, next, &result);
  return FromCall(task, frame, s, dst, result);
}

// ---- for-in -----------------------------------------------------------------------

SlowResult ForInPrepareSlow(Task& task, Frame& frame, uint32_t dst, Value obj, uint32_t next) {
  Vm& vm = task.vm();
  Object* iter = NewArray(vm, *frame.realm);
  if (iter == nullptr) return OutOfMemory(vm);
  iter->proto = nullptr;
  if (!obj.IsNullish()) {
    Object* o = ToObject(vm, *frame.realm, obj);
    if (o == nullptr) return SlowResult::kThrow;
    if (ChainHasProxy(o)) {
      return CallHelper(task, frame, SelfHosted::kProxyForInKeys, {Value::FromObject(o)}, dst, next);
    }
    // Store the object first, then its keys and those of its prototypes
    // (shadowed and non-enumerable ones excluded).
    if (!ArrayPush(vm, iter, Value::FromObject(o))) return OutOfMemory(vm);
    absl::flat_hash_set<uint64_t> seen;
    std::vector<PropertyKey> keys;
    for (Object* p = o; p != nullptr; p = p->proto) {
      keys.clear();
      OwnPropertyKeys(vm, p, &keys);
      for (PropertyKey k : keys) {
        if (k.IsSymbol()) continue;
        Value name = k.v;
        if (k.IsIndex()) {
          String* s = NumberToString(vm, k.index());
          if (s == nullptr) return OutOfMemory(vm);
          name = Value::FromString(vm.Intern(s));
        }
        if (!seen.insert(name.bits()).second) continue;
        OwnProperty prop;
        if (GetOwnProperty(vm, p, k, &prop) && (prop.attrs & kEnumerable)) {
          if (!ArrayPush(vm, iter, name)) return OutOfMemory(vm);
        }
      }
    }
  }
  iter->pad2 = 1;  // position: element 0 is the object
  Reg(task, frame, dst) = Value::FromObject(iter);
  return SlowResult::kNext;
}

bool ForInStep(Vm& vm, Object* iter, Value* key) {
  if (iter->elements_size == 0) return false;
  Object* o = iter->elements[0].AsObject();
  while (iter->pad2 < iter->elements_size) {
    Value name = iter->elements[iter->pad2++];
    if (iter->pad == 1) {  // keys gathered through a proxy's traps: no deletion check
      *key = name;
      return true;
    }
    // Skip keys deleted during the iteration.
    OwnProperty prop;
    Object* holder;
    if (LookupProperty(vm, o, vm.KeyFromString(name.AsString()), &prop, &holder)) {
      *key = name;
      return true;
    }
  }
  return false;
}

}  // namespace ratchet::internal
