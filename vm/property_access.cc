// [[Get]] and [[Set]] for the interpreter and builtins. Accessors are never
// called from here: the caller runs them as frames.
#include <cmath>

#include "absl/strings/str_cat.h"
#include "vm/code.h"
#include "vm/conversions.h"
#include "vm/interpreter.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/typed_array.h"
#include "vm/vm.h"

namespace ratchet::internal {

namespace {

std::string KeyForMessage(PropertyKey key) {
  if (key.IsIndex()) return absl::StrCat(key.index());
  if (key.v.IsString()) return ToUtf8(key.v.AsString());
  if (key.v.IsSymbol()) {
    Value d = key.v.AsSymbol()->description;
    return absl::StrCat("Symbol(", d.IsString() ? ToUtf8(d.AsString()) : "", ")");
  }
  return "?";
}

}  // namespace

bool ChainHasProxy(Object* o) {
  for (int depth = 0; o != nullptr && depth < 100000; ++depth, o = o->proto) {
    if (o->is_proxy()) return true;
  }
  return false;
}

Value PropertyKeyValue(Vm& vm, PropertyKey key) {
  if (!key.IsIndex()) return key.v;
  String* s = NumberToString(vm, key.index());
  if (s == nullptr) return Value::Empty();
  s = vm.Intern(s);
  return s != nullptr ? Value::FromString(s) : Value::Empty();
}

Value BoundSelfHostedCall(Vm& vm, Realm& realm, SelfHosted id, std::initializer_list<Value> args) {
  Object* target = realm.self_hosted_fn(id).AsObject();
  Object* o = NewObject(vm, target->proto, ObjectClass::kBound, sizeof(BoundFunction));
  if (o == nullptr) return Value::Empty();
  auto* b = static_cast<BoundFunction*>(o);
  b->target = target;
  b->bound_this = Value::Undefined();
  b->realm = &realm;
  b->args = static_cast<Value*>(vm.heap().AllocateBuffer(args.size() * sizeof(Value)));
  if (b->args == nullptr) return Value::Empty();
  uint32_t i = 0;
  for (Value v : args) b->args[i++] = v;
  b->argc = static_cast<uint32_t>(args.size());
  return Value::FromObject(o);
}

namespace {

// A proxy met by [[Get]]/[[Set]]: the trap call, as an accessor to run.
AccessStatus ProxyAccess(Vm& vm, Realm& realm, SelfHosted id, std::initializer_list<Value> args,
                         Value* accessor) {
  *accessor = BoundSelfHostedCall(vm, realm, id, args);
  if (accessor->IsEmpty()) {
    vm.ThrowOutOfMemory();
    return AccessStatus::kThrow;
  }
  return AccessStatus::kCallAccessor;
}

}  // namespace

AccessStatus GetProperty(Vm& vm, Realm& realm, Value base, PropertyKey key, Value* out,
                         Value* accessor) {
  Object* obj;
  if (base.IsObject()) {
    obj = base.AsObject();
  } else {
    if (base.IsString()) {
      String* s = base.AsString();
      if (key.IsIndex()) {
        uint32_t i = key.index();
        if (i < s->length) {
          String* ch = Substring(vm, s, i, i + 1);
          if (ch == nullptr) {
            vm.ThrowOutOfMemory();
            return AccessStatus::kThrow;
          }
          *out = Value::FromString(ch);
          return AccessStatus::kDone;
        }
      } else if (key.v == Value::FromString(vm.atoms().length)) {
        *out = Value::Int32(static_cast<int32_t>(s->length));
        return AccessStatus::kDone;
      }
    }
    obj = PrototypeForPrimitive(realm, base);
    if (obj == nullptr) {
      vm.ThrowError(ErrorKind::kTypeError,
                    absl::StrCat("Cannot read properties of ", base.IsNull() ? "null" : "undefined",
                                 " (reading '", KeyForMessage(key), "')"));
      return AccessStatus::kThrow;
    }
  }
  OwnProperty prop;
  Object* holder;
  Object* proxy;
  if (!LookupPropertyOrProxy(vm, obj, key, &prop, &holder, &proxy)) {
    if (proxy != nullptr) {  // 10.5.8 [[Get]] of the proxy, with the original receiver
      Value k = PropertyKeyValue(vm, key);
      if (k.IsEmpty()) return vm.ThrowOutOfMemory(), AccessStatus::kThrow;
      Value receiver = base;
      return ProxyAccess(vm, realm, SelfHosted::kProxyGet, {Value::FromObject(proxy), k, receiver}, accessor);
    }
    *out = Value::Undefined();
    return AccessStatus::kDone;
  }
  if (!(prop.attrs & kAccessorBit)) {
    if (prop.value.IsEmpty()) {
      // 10.4.6.8 [[Get]] of a module namespace: the binding is in its TDZ.
      vm.ThrowError(ErrorKind::kReferenceError,
                    absl::StrCat("Cannot access '", KeyForMessage(key), "' before initialization"));
      return AccessStatus::kThrow;
    }
    *out = prop.value;
    return AccessStatus::kDone;
  }
  Value getter = ValueToAccessor(prop.value)->getter;
  if (getter.IsUndefined()) {
    *out = Value::Undefined();
    return AccessStatus::kDone;
  }
  *accessor = getter;
  return AccessStatus::kCallAccessor;
}

AccessStatus SetProperty(Vm& vm, Realm& realm, Value base, PropertyKey key, Value v, bool strict,
                         Value* accessor) {
  auto fail = [&](const char* what) {
    if (!strict) return AccessStatus::kDone;
    vm.ThrowError(ErrorKind::kTypeError,
                  absl::StrCat("Cannot ", what, " property '", KeyForMessage(key), "'"));
    return AccessStatus::kThrow;
  };
  if (base.IsNullish()) {
    vm.ThrowError(ErrorKind::kTypeError,
                  absl::StrCat("Cannot set properties of ", base.IsNull() ? "null" : "undefined",
                               " (setting '", KeyForMessage(key), "')"));
    return AccessStatus::kThrow;
  }
  Object* obj = base.IsObject() ? base.AsObject() : PrototypeForPrimitive(realm, base);
  if (obj->cls == ObjectClass::kModuleNamespace) return fail("assign to read only");  // 10.4.6.9
  double numeric;
  if (obj->cls == ObjectClass::kTypedArray && base.IsObject() && TypedArrayNumericKey(vm, key, &numeric)) {
    // 10.4.5.5 [[Set]] with the typed array as receiver: TypedArraySetElement
    // (an object value was converted by the caller, SetKeyedSlow).
    auto* t = static_cast<TypedArrayObject*>(obj);
    // An element of an immutable ArrayBuffer is read-only.
    if (t->buffer->immutable && IsValidIntegerIndex(t, numeric)) return fail("assign to read only");
    if (v.IsObject()) {
      vm.ThrowError(ErrorKind::kTypeError, "Cannot convert object to a typed array element here");
      return AccessStatus::kThrow;
    }
    Value converted;
    if (!ConvertPrimitiveForElement(vm, t->kind, v, &converted)) return AccessStatus::kThrow;
    TypedArraySet(t, numeric, converted);
    return AccessStatus::kDone;
  }
  // Find the property on the receiver or its prototype chain.
  OwnProperty prop;
  Object* holder = nullptr;
  Object* proxy;
  bool found = LookupPropertyOrProxy(vm, obj, key, &prop, &holder, &proxy);
  if (proxy != nullptr) {  // 10.5.9 [[Set]] of the proxy, with the original receiver
    Value k = PropertyKeyValue(vm, key);
    if (k.IsEmpty()) return vm.ThrowOutOfMemory(), AccessStatus::kThrow;
    return ProxyAccess(vm, realm, SelfHosted::kProxySetAccess,
                       {Value::FromObject(proxy), k, base, Value::Boolean(strict)}, accessor);
  }
  if (found && (prop.attrs & kAccessorBit)) {
    Value setter = ValueToAccessor(prop.value)->setter;
    if (setter.IsUndefined()) return fail("set getter-only");
    *accessor = setter;
    return AccessStatus::kCallAccessor;
  }
  if (found && !(prop.attrs & kWritable)) return fail("assign to read only");
  if (!base.IsObject()) return fail("create");  // primitives have no own properties
  if (found && holder == obj) {
    if (obj->cls == ObjectClass::kArray && key.v == Value::FromString(vm.atoms().length)) {
      double d;
      if (v.IsObject()) {
        // FIXME: ToNumber of an object here needs a frame (valueOf).
        vm.ThrowError(ErrorKind::kTypeError, "array length must be a primitive");
        return AccessStatus::kThrow;
      }
      if (!PrimitiveToNumber(vm, v, &d)) return AccessStatus::kThrow;
      uint32_t n = DoubleToUint32(d);
      if (static_cast<double>(n) != d) {
        vm.ThrowError(ErrorKind::kRangeError, "Invalid array length");
        return AccessStatus::kThrow;
      }
      if (!SetArrayLength(vm, obj, n)) return fail("delete non-configurable array element for");
      return AccessStatus::kDone;
    }
    WriteOwnData(vm, obj, key, v);
    return AccessStatus::kDone;
  }
  if (!found) {
    // 10.4.5.5 step 1.b.ii: a typed array on the prototype chain answers a
    // numeric key itself; an invalid index is a successful no-op.
    for (Object* p = obj->proto; p != nullptr && !p->is_proxy(); p = p->proto) {
      if (p->cls == ObjectClass::kTypedArray && TypedArrayNumericKey(vm, key, &numeric)) return AccessStatus::kDone;
    }
  }
  // CreateDataProperty on the receiver.
  if (!obj->extensible) return fail("add");
  if (obj->cls == ObjectClass::kArray && key.IsIndex() && key.index() >= obj->array_length &&
      !obj->length_writable) {
    return fail("add");
  }
  if (!SetOwnData(vm, obj, key, v, kDefaultAttrs)) {
    vm.ThrowOutOfMemory();
    return AccessStatus::kThrow;
  }
  return AccessStatus::kDone;
}

bool SetFunctionNameAndLength(Vm& vm, Object* fn, Value name, double length) {
  return SetOwnData(vm, fn, PropertyKey(Value::FromString(vm.atoms().length)), Value::Number(length),
                    kConfigurable) &&
         SetOwnData(vm, fn, PropertyKey(Value::FromString(vm.atoms().name)), name, kConfigurable);
}

Object* NewIterResult(Vm& vm, Realm& realm, Value value, bool done) {
  Object* o = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  if (o == nullptr || !SetOwnData(vm, o, PropertyKey(Value::FromString(vm.atoms().value)), value) ||
      !SetOwnData(vm, o, PropertyKey(Value::FromString(vm.atoms().done)), Value::Boolean(done))) {
    return nullptr;
  }
  return o;
}

Object* NewClosure(Vm& vm, Realm& realm, Code* code, Env* env) {
  Intrinsic proto_id = Intrinsic::kFunctionPrototype;
  if (code->is_generator) {
    proto_id = code->is_async ? Intrinsic::kAsyncGeneratorFunctionPrototype
                              : Intrinsic::kGeneratorFunctionPrototype;
  } else if (code->is_async) {
    proto_id = Intrinsic::kAsyncFunctionPrototype;
  }
  bool plain = code->code_kind == CodeKind::kFunction && !code->is_async && !code->is_generator;
  bool legacy = plain && !code->strict;
  bool has_prototype = plain || code->is_generator;
  // The standard properties' slots are in the cell.
  Object* proto = realm.intrinsic(proto_id);
  Object* o = NewObjectWithSlots(vm, proto, ObjectClass::kClosure, sizeof(Closure),
                                 2 + (legacy ? 2 : 0) + (has_prototype ? 1 : 0));
  if (o == nullptr) return nullptr;
  Closure* f = static_cast<Closure*>(o);
  f->code = code;
  f->env = env;
  f->realm = &realm;
  f->fields = Value::Undefined();
  bool constructor = code->code_kind == CodeKind::kFunction ||
                     code->code_kind == CodeKind::kClassConstructor ||
                     code->code_kind == CodeKind::kDerivedConstructor;
  if (code->is_async || code->is_generator) constructor = false;
  f->is_constructor = constructor;
  // length first, then name (spec order of CreateBuiltinFunction/OrdinaryFunctionCreate).
  const Atoms& atoms = vm.atoms();
  if (!AddAbsentNamed(vm, o, Value::FromString(atoms.length), Value::Number(code->length), kConfigurable) ||
      !AddAbsentNamed(vm, o, Value::FromString(atoms.name),
                      Value::FromString(code->name ? code->name : atoms.empty), kConfigurable)) {
    return nullptr;
  }
  // Sloppy plain functions carry the legacy "arguments" and "caller" own
  // properties (17.1 allows them; their value is never a strict function),
  // so reads of f.caller do not reach Function.prototype's %ThrowTypeError%.
  // Ratchet does not expose the call stack: "arguments" is null and
  // "caller" undefined, as if the function were not running.
  if (legacy && (!AddAbsentNamed(vm, o, Value::FromString(atoms.arguments), Value::Null(), 0) ||
                 !AddAbsentNamed(vm, o, Value::FromString(atoms.caller), Value::Undefined(), 0))) {
    return nullptr;
  }
  if (plain) {
    Object* proto_obj = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
    if (proto_obj == nullptr || !ReserveNamedSlots(vm, proto_obj, 1) ||
        !AddAbsentNamed(vm, proto_obj, Value::FromString(atoms.constructor), Value::FromObject(o), kHiddenAttrs) ||
        !AddAbsentNamed(vm, o, Value::FromString(atoms.prototype), Value::FromObject(proto_obj), kWritable)) {
      return nullptr;
    }
  }
  if (code->is_generator) {
    // Generator functions: a fresh `prototype` inheriting from
    // %GeneratorPrototype% (or %AsyncGeneratorPrototype%), no constructor.
    Object* proto_obj = NewObject(vm, realm.intrinsic(code->is_async ? Intrinsic::kAsyncGeneratorPrototype
                                                                     : Intrinsic::kGeneratorPrototype));
    if (proto_obj == nullptr ||
        !SetOwnData(vm, o, PropertyKey(Value::FromString(vm.atoms().prototype)),
                    Value::FromObject(proto_obj), kWritable)) {
      return nullptr;
    }
  }
  return o;
}

}  // namespace ratchet::internal
