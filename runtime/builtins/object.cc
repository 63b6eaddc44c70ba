// 20.1 Object Objects, https://tc39.es/ecma262/#sec-object-objects
#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"
#include "vm/typed_array.h"

namespace ratchet::internal {

namespace {

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

PropertyKey ArgKey(Vm& vm, Value v) {
  if (v.IsObject()) {
    if (!RequestArgumentConversion(vm, v, ConversionHint::kPropertyKey)) {
      vm.ThrowError(ErrorKind::kTypeError, "property keys must be primitives here");
    }
    return PropertyKey(Value::Empty());
  }
  return PrimitiveToPropertyKey(vm, v);
}

Value KeyToValue(Vm& vm, PropertyKey k) {
  if (!k.IsIndex()) return k.v;
  String* s = NumberToString(vm, k.index());
  return s ? Value::FromString(s) : Value::Empty();
}

bool IsProxyValue(Value v) { return v.IsObject() && v.AsObject()->is_proxy(); }

// 20.1.1.1 Object ( [ value ] )
Value ObjectConstructor(Vm& vm, CallArgs& a) {
  Value v = a.arg(0);
  if (v.IsNullish()) {
    Object* o = NewObject(vm, CurrentRealm(vm).intrinsic(Intrinsic::kObjectPrototype));
    return o ? Value::FromObject(o) : Oom(vm);
  }
  Object* o = ToObject(vm, CurrentRealm(vm), v);
  return o ? Value::FromObject(o) : Value::Empty();
}

// 20.1.2.20 Object.keys ( O ) and values/entries (kind 0, 1, 2).
Value EnumerableOwn(Vm& vm, CallArgs& a, int kind) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.arg(0));
  if (o == nullptr) return Value::Empty();
  if (o->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyOwnKeysFiltered, {a.arg(0), Value::Int32(3 + kind)});
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, o, &keys);
  Object* out = NewArray(vm, CurrentRealm(vm));
  if (out == nullptr) return Oom(vm);
  for (PropertyKey k : keys) {
    if (k.IsSymbol()) continue;
    OwnProperty prop;
    if (!GetOwnProperty(vm, o, k, &prop) || !(prop.attrs & kEnumerable)) continue;
    if (!(prop.attrs & kAccessorBit) && prop.value.IsEmpty()) {  // a namespace binding in its TDZ
      return vm.ThrowError(ErrorKind::kReferenceError, "Cannot access a module binding before initialization");
    }
    if (kind != 0 && (prop.attrs & kAccessorBit)) {
      // A getter runs user code (which may change the object): the
      // self-hosted EnumerableOwnProperties does the whole walk.
      auto* self = static_cast<NativeFunction*>(a.callee);
      return vm.RequestTailCall(self->data, Value::Undefined(), {Value::FromObject(o), Value::Int32(kind)});
    }
    Value key = KeyToValue(vm, k);
    if (key.IsEmpty()) return Oom(vm);
    Value item = kind == 0 ? key : prop.value;
    if (kind == 2) {
      Object* pair = NewArray(vm, CurrentRealm(vm));
      if (pair == nullptr || !ArrayPush(vm, pair, key) || !ArrayPush(vm, pair, prop.value)) return Oom(vm);
      item = Value::FromObject(pair);
    }
    if (!ArrayPush(vm, out, item)) return Oom(vm);
  }
  return Value::FromObject(out);
}
Value ObjectKeys(Vm& vm, CallArgs& a) { return EnumerableOwn(vm, a, 0); }
Value ObjectValues(Vm& vm, CallArgs& a) { return EnumerableOwn(vm, a, 1); }
Value ObjectEntries(Vm& vm, CallArgs& a) { return EnumerableOwn(vm, a, 2); }

// 20.1.2.11 Object.getOwnPropertyNames ( O ) / getOwnPropertySymbols
Value OwnKeysOfKind(Vm& vm, CallArgs& a, bool symbols) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.arg(0));
  if (o == nullptr) return Value::Empty();
  if (o->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyOwnKeysFiltered, {a.arg(0), Value::Int32(symbols ? 2 : 1)});
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, o, &keys);
  Object* out = NewArray(vm, CurrentRealm(vm));
  if (out == nullptr) return Oom(vm);
  for (PropertyKey k : keys) {
    if (k.IsSymbol() != symbols) continue;
    Value key = KeyToValue(vm, k);
    if (key.IsEmpty() || !ArrayPush(vm, out, key)) return Oom(vm);
  }
  return Value::FromObject(out);
}
Value ObjectGetOwnPropertyNames(Vm& vm, CallArgs& a) { return OwnKeysOfKind(vm, a, false); }
Value ObjectGetOwnPropertySymbols(Vm& vm, CallArgs& a) { return OwnKeysOfKind(vm, a, true); }

// 20.1.2.10 Object.getPrototypeOf ( O )
Value ObjectGetPrototypeOf(Vm& vm, CallArgs& a) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.arg(0));
  if (o == nullptr) return Value::Empty();
  if (o->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyGetPrototypeOf, {a.arg(0)});
  return o->proto ? Value::FromObject(o->proto) : Value::Null();
}

bool SetPrototype(Object* o, Object* proto) {
  if (o->proto == proto) return true;
  if (!o->extensible) return false;
  for (Object* p = proto; p != nullptr; p = p->proto) {
    if (p == o) return false;  // would create a cycle
  }
  o->proto = proto;
  return true;
}

// 20.1.2.23 Object.setPrototypeOf ( O, proto )
Value ObjectSetPrototypeOf(Vm& vm, CallArgs& a) {
  Value o = a.arg(0), proto = a.arg(1);
  if (o.IsNullish()) return vm.ThrowError(ErrorKind::kTypeError, "Object.setPrototypeOf called on null or undefined");
  if (!proto.IsObject() && !proto.IsNull()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Object prototype may only be an Object or null");
  }
  if (!o.IsObject()) return o;
  if (o.AsObject()->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxySetPrototypeOf, {o, proto, Value::Int32(1)});
  if (!SetPrototype(o.AsObject(), proto.IsNull() ? nullptr : proto.AsObject())) {
    return vm.ThrowError(ErrorKind::kTypeError, "Cannot set prototype");
  }
  return o;
}

// True when reading a descriptor's fields would run JavaScript (getters).
bool DescriptorNeedsJs(Vm& vm, Value v) {
  if (!v.IsObject()) return false;
  const Atoms& at = vm.atoms();
  for (String* name : {at.enumerable, at.configurable, at.value, at.writable, at.get, at.set}) {
    OwnProperty prop;
    Object* holder;
    if (LookupProperty(vm, v.AsObject(), PropertyKey(Value::FromString(name)), &prop, &holder) &&
        (prop.attrs & kAccessorBit)) {
      return true;
    }
  }
  return false;
}

bool ToDescriptor(Vm& vm, Value v, PropertyDescriptor* d) {
  if (!v.IsObject()) {
    vm.ThrowError(ErrorKind::kTypeError, "Property description must be an object");
    return false;
  }
  if (DescriptorNeedsJs(vm, v)) {
    // Getters run in JavaScript: the native re-runs with a plain record.
    if (!RequestArgumentConversion(vm, v, ConversionHint::kPropertyDescriptor)) {
      vm.ThrowError(ErrorKind::kTypeError, "Cannot read this property descriptor here");
    }
    return false;
  }
  Object* o = v.AsObject();
  auto field = [&](String* name, Value* out) {
    OwnProperty prop;
    Object* holder;
    if (!LookupProperty(vm, o, PropertyKey(Value::FromString(name)), &prop, &holder)) return false;
    *out = prop.value;
    return true;
  };
  Value f;
  const Atoms& at = vm.atoms();
  if (field(at.enumerable, &f)) {
    if (f.IsEmpty()) return false;
    d->enumerable = ToBoolean(f);
  }
  if (field(at.configurable, &f)) {
    if (f.IsEmpty()) return false;
    d->configurable = ToBoolean(f);
  }
  if (field(at.value, &f)) {
    if (f.IsEmpty()) return false;
    d->value = f;
  }
  if (field(at.writable, &f)) {
    if (f.IsEmpty()) return false;
    d->writable = ToBoolean(f);
  }
  if (field(at.get, &f)) {
    if (f.IsEmpty()) return false;
    if (!f.IsUndefined() && !IsCallable(f)) {
      vm.ThrowError(ErrorKind::kTypeError, "Getter must be a function");
      return false;
    }
    d->get = f;
  }
  if (field(at.set, &f)) {
    if (f.IsEmpty()) return false;
    if (!f.IsUndefined() && !IsCallable(f)) {
      vm.ThrowError(ErrorKind::kTypeError, "Setter must be a function");
      return false;
    }
    d->set = f;
  }
  if (d->IsAccessor() && d->IsData()) {
    vm.ThrowError(ErrorKind::kTypeError,
                  "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute");
    return false;
  }
  return true;
}

Value DefineFromDescriptor(Vm& vm, Object* o, Value key, Value desc_v) {
  PropertyKey k = ArgKey(vm, key);
  if (k.v.IsEmpty()) return Value::Empty();
  if (o->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyDefinePropertyOrThrow, {Value::FromObject(o), KeyToValue(vm, k), desc_v});
  }
  PropertyDescriptor d;
  if (!ToDescriptor(vm, desc_v, &d)) return Value::Empty();
  if (o->is_array() && k.v == Value::FromString(vm.atoms().length) && !d.value.IsEmpty()) {
    double n;
    if (!ArgToNumber(vm, d.value, &n)) return Value::Empty();
    if (static_cast<double>(DoubleToUint32(n)) != n) {
      return vm.ThrowError(ErrorKind::kRangeError, "Invalid array length");
    }
    d.value = Value::Number(n);
  }
  switch (DefineOwnProperty(vm, o, k, d)) {
    case DefineResult::kOk:
      return Value::FromObject(o);
    case DefineResult::kRejected:
      return vm.ThrowError(ErrorKind::kTypeError, "Cannot redefine property");
    case DefineResult::kOutOfMemory:
      return Oom(vm);
  }
  return Value::Empty();
}

// 20.1.2.4 Object.defineProperty ( O, P, Attributes )
Value ObjectDefineProperty(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "Object.defineProperty called on non-object");
  return DefineFromDescriptor(vm, a.arg(0).AsObject(), a.arg(1), a.arg(2));
}

// 20.1.2.3 Object.defineProperties ( O, Properties )
Value ObjectDefineProperties(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "Object.defineProperties called on non-object");
  Object* props = ToObject(vm, CurrentRealm(vm), a.arg(1));
  if (props == nullptr) return Value::Empty();
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, props, &keys);
  // Every descriptor is read before any property is defined; when reading
  // them runs JavaScript, the native re-runs with plain records.
  for (PropertyKey k : keys) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, props, k, &prop) || !(prop.attrs & kEnumerable)) continue;
    if ((prop.attrs & kAccessorBit) || DescriptorNeedsJs(vm, prop.value)) {
      if (!RequestArgumentConversion(vm, a.arg(1), ConversionHint::kPropertyDescriptorMap)) {
        vm.ThrowError(ErrorKind::kTypeError, "Cannot read these property descriptors here");
      }
      return Value::Empty();
    }
    if (!prop.value.IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "Property description must be an object");
  }
  for (PropertyKey k : keys) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, props, k, &prop) || !(prop.attrs & kEnumerable)) continue;
    Value key = KeyToValue(vm, k);
    if (DefineFromDescriptor(vm, a.arg(0).AsObject(), key, prop.value).IsEmpty()) return Value::Empty();
  }
  return a.arg(0);
}

// HasOwnProperty ( O, P ), with the ReferenceError of a module
// namespace's uninitialized binding (10.4.6.5 [[GetOwnProperty]]).
Value HasOwnPropertyValue(Vm& vm, Object* o, PropertyKey k) {
  OwnProperty prop;
  if (!GetOwnProperty(vm, o, k, &prop)) return Value::Boolean(false);
  if (!(prop.attrs & kAccessorBit) && prop.value.IsEmpty()) {
    return vm.ThrowError(ErrorKind::kReferenceError, "Cannot access a module binding before initialization");
  }
  return Value::Boolean(true);
}

Value FromDescriptor(Vm& vm, const OwnProperty& prop) {
  if (!(prop.attrs & kAccessorBit) && prop.value.IsEmpty()) {
    // A module namespace's binding in its TDZ (10.4.6.5 [[GetOwnProperty]]).
    return vm.ThrowError(ErrorKind::kReferenceError, "Cannot access a module binding before initialization");
  }
  Object* d = NewObject(vm, CurrentRealm(vm).intrinsic(Intrinsic::kObjectPrototype));
  if (d == nullptr) return Oom(vm);
  const Atoms& at = vm.atoms();
  bool ok = true;
  if (prop.attrs & kAccessorBit) {
    Accessor* acc = ValueToAccessor(prop.value);
    ok &= SetOwnData(vm, d, PropertyKey(Value::FromString(at.get)), acc->getter);
    ok &= SetOwnData(vm, d, PropertyKey(Value::FromString(at.set)), acc->setter);
  } else {
    ok &= SetOwnData(vm, d, PropertyKey(Value::FromString(at.value)), prop.value);
    ok &= SetOwnData(vm, d, PropertyKey(Value::FromString(at.writable)),
                     Value::Boolean(prop.attrs & kWritable));
  }
  ok &= SetOwnData(vm, d, PropertyKey(Value::FromString(at.enumerable)), Value::Boolean(prop.attrs & kEnumerable));
  ok &= SetOwnData(vm, d, PropertyKey(Value::FromString(at.configurable)),
                   Value::Boolean(prop.attrs & kConfigurable));
  return ok ? Value::FromObject(d) : Oom(vm);
}

// 20.1.2.8 Object.getOwnPropertyDescriptor ( O, P )
Value ObjectGetOwnPropertyDescriptor(Vm& vm, CallArgs& a) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.arg(0));
  if (o == nullptr) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (o->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyGetOwnPropertyDescriptor, {Value::FromObject(o), KeyToValue(vm, k)});
  }
  OwnProperty prop;
  if (!GetOwnProperty(vm, o, k, &prop)) return Value::Undefined();
  return FromDescriptor(vm, prop);
}

// 20.1.2.9 Object.getOwnPropertyDescriptors ( O )
Value ObjectGetOwnPropertyDescriptors(Vm& vm, CallArgs& a) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.arg(0));
  if (o == nullptr) return Value::Empty();
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, o, &keys);
  Object* descriptors = NewObject(vm, CurrentRealm(vm).intrinsic(Intrinsic::kObjectPrototype));
  if (descriptors == nullptr) return Oom(vm);
  for (PropertyKey k : keys) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, o, k, &prop)) continue;
    Value d = FromDescriptor(vm, prop);
    if (d.IsEmpty() || !SetOwnData(vm, descriptors, k, d)) return Oom(vm);
  }
  return Value::FromObject(descriptors);
}

// B.2.2.2 Object.prototype.__defineGetter__ ( P, getter ) and
// B.2.2.3 Object.prototype.__defineSetter__ ( P, setter )
Value DefineLegacyAccessor(Vm& vm, CallArgs& a, bool getter) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.this_value);
  if (o == nullptr) return Value::Empty();
  if (!IsCallable(a.arg(1))) {
    return vm.ThrowError(ErrorKind::kTypeError, getter ? "Object.prototype.__defineGetter__: Expecting function"
                                                       : "Object.prototype.__defineSetter__: Expecting function");
  }
  PropertyKey k = ArgKey(vm, a.arg(0));
  if (k.v.IsEmpty()) return Value::Empty();
  PropertyDescriptor d;
  (getter ? d.get : d.set) = a.arg(1);
  d.enumerable = 1;
  d.configurable = 1;
  switch (DefineOwnProperty(vm, o, k, d)) {
    case DefineResult::kOk:
      return Value::Undefined();
    case DefineResult::kRejected:
      return vm.ThrowError(ErrorKind::kTypeError, "Cannot redefine property");
    case DefineResult::kOutOfMemory:
      return Oom(vm);
  }
  return Value::Empty();
}
Value ObjectProtoDefineGetter(Vm& vm, CallArgs& a) { return DefineLegacyAccessor(vm, a, true); }
Value ObjectProtoDefineSetter(Vm& vm, CallArgs& a) { return DefineLegacyAccessor(vm, a, false); }

// B.2.2.4 Object.prototype.__lookupGetter__ ( P ) and
// B.2.2.5 Object.prototype.__lookupSetter__ ( P )
Value LookupLegacyAccessor(Vm& vm, CallArgs& a, bool getter) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.this_value);
  if (o == nullptr) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(0));
  if (k.v.IsEmpty()) return Value::Empty();
  for (; o != nullptr; o = o->proto) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, o, k, &prop)) continue;
    if (!(prop.attrs & kAccessorBit)) return Value::Undefined();
    Accessor* acc = ValueToAccessor(prop.value);
    return getter ? acc->getter : acc->setter;
  }
  return Value::Undefined();
}
Value ObjectProtoLookupGetter(Vm& vm, CallArgs& a) { return LookupLegacyAccessor(vm, a, true); }
Value ObjectProtoLookupSetter(Vm& vm, CallArgs& a) { return LookupLegacyAccessor(vm, a, false); }

// 20.1.2.2 Object.create ( O, Properties )
Value ObjectCreate(Vm& vm, CallArgs& a) {
  Value proto = a.arg(0);
  if (!proto.IsObject() && !proto.IsNull()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Object prototype may only be an Object or null");
  }
  Object* o = NewObject(vm, proto.IsNull() ? nullptr : proto.AsObject());
  if (o == nullptr) return Oom(vm);
  if (!a.arg(1).IsUndefined()) {
    Value args[2] = {Value::FromObject(o), a.arg(1)};
    CallArgs inner{Value::Undefined(), args, 2, Value::Undefined(), a.callee, a.task};
    if (ObjectDefineProperties(vm, inner).IsEmpty()) return Value::Empty();
  }
  return Value::FromObject(o);
}

// SetIntegrityLevel / TestIntegrityLevel (sealed: level 0, frozen: 1).
Value SetIntegrity(Vm& vm, CallArgs& a, bool frozen) {
  if (!a.arg(0).IsObject()) return a.arg(0);
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyIntegrity, {a.arg(0), Value::Int32(frozen), Value::Boolean(false)});
  }
  Object* o = a.arg(0).AsObject();
  o->extensible = false;
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, o, &keys);
  for (PropertyKey k : keys) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, o, k, &prop)) continue;
    PropertyDescriptor d;
    d.configurable = 0;
    if (frozen && !(prop.attrs & kAccessorBit)) d.writable = 0;
    DefineResult r = DefineOwnProperty(vm, o, k, d);
    if (r == DefineResult::kOutOfMemory) return Oom(vm);
    if (r == DefineResult::kRejected) {  // DefinePropertyOrThrow
      return vm.ThrowError(ErrorKind::kTypeError, frozen ? "Cannot freeze" : "Cannot seal");
    }
  }
  return a.arg(0);
}
Value ObjectFreeze(Vm& vm, CallArgs& a) { return SetIntegrity(vm, a, true); }
Value ObjectSeal(Vm& vm, CallArgs& a) { return SetIntegrity(vm, a, false); }

Value TestIntegrity(Vm& vm, CallArgs& a, bool frozen) {
  if (!a.arg(0).IsObject()) return Value::Boolean(true);
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyIntegrity, {a.arg(0), Value::Int32(frozen), Value::Boolean(true)});
  }
  Object* o = a.arg(0).AsObject();
  if (o->extensible) return Value::Boolean(false);
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, o, &keys);
  for (PropertyKey k : keys) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, o, k, &prop)) continue;
    if (prop.attrs & kConfigurable) return Value::Boolean(false);
    if (frozen && !(prop.attrs & kAccessorBit) && (prop.attrs & kWritable)) return Value::Boolean(false);
  }
  return Value::Boolean(true);
}
Value ObjectIsFrozen(Vm& vm, CallArgs& a) { return TestIntegrity(vm, a, true); }
Value ObjectIsSealed(Vm& vm, CallArgs& a) { return TestIntegrity(vm, a, false); }

Value ObjectPreventExtensions(Vm& vm, CallArgs& a) {
  if (IsProxyValue(a.arg(0))) return ProxyHandOver(vm, SelfHosted::kProxyPreventExtensions, {a.arg(0), Value::Int32(1)});
  if (a.arg(0).IsObject()) a.arg(0).AsObject()->extensible = false;
  return a.arg(0);
}
Value ObjectIsExtensible(Vm& vm, CallArgs& a) {
  if (IsProxyValue(a.arg(0))) return ProxyHandOver(vm, SelfHosted::kProxyIsExtensible, {a.arg(0)});
  return Value::Boolean(a.arg(0).IsObject() && a.arg(0).AsObject()->extensible);
}

// 20.1.2.14 Object.is ( value1, value2 )
Value ObjectIs(Vm& vm, CallArgs& a) { return Value::Boolean(SameValue(a.arg(0), a.arg(1))); }

// 20.1.2.13 Object.hasOwn ( O, P )
Value ObjectHasOwn(Vm& vm, CallArgs& a) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.arg(0));
  if (o == nullptr) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (o->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyHasOwn, {Value::FromObject(o), KeyToValue(vm, k), Value::Boolean(false)});
  return HasOwnPropertyValue(vm, o, k);
}

// 20.1.3.2 Object.prototype.hasOwnProperty ( V )
Value ObjectProtoHasOwnProperty(Vm& vm, CallArgs& a) {
  PropertyKey k = ArgKey(vm, a.arg(0));
  if (k.v.IsEmpty()) return Value::Empty();
  Object* o = ToObject(vm, CurrentRealm(vm), a.this_value);
  if (o == nullptr) return Value::Empty();
  if (o->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyHasOwn, {Value::FromObject(o), KeyToValue(vm, k), Value::Boolean(false)});
  return HasOwnPropertyValue(vm, o, k);
}

// 20.1.3.3 Object.prototype.isPrototypeOf ( V )
Value ObjectProtoIsPrototypeOf(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return Value::Boolean(false);
  Object* o = ToObject(vm, CurrentRealm(vm), a.this_value);
  if (o == nullptr) return Value::Empty();
  for (Object* p = a.arg(0).AsObject()->proto; p != nullptr; p = p->proto) {
    if (p == o) return Value::Boolean(true);
  }
  return Value::Boolean(false);
}

// 20.1.3.4 Object.prototype.propertyIsEnumerable ( V )
Value ObjectProtoPropertyIsEnumerable(Vm& vm, CallArgs& a) {
  PropertyKey k = ArgKey(vm, a.arg(0));
  if (k.v.IsEmpty()) return Value::Empty();
  Object* o = ToObject(vm, CurrentRealm(vm), a.this_value);
  if (o == nullptr) return Value::Empty();
  if (o->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyHasOwn, {Value::FromObject(o), KeyToValue(vm, k), Value::Boolean(true)});
  OwnProperty prop;
  return Value::Boolean(GetOwnProperty(vm, o, k, &prop) && (prop.attrs & kEnumerable));
}

// 20.1.3.6 Object.prototype.toString ( )
Value ObjectProtoToString(Vm& vm, CallArgs& a) {
  Value getter = Value::Undefined();
  Object* receiver = nullptr;
  std::string builtin;
  String* s = ObjectToStringTag(vm, a.this_value, &getter, &receiver, &builtin);
  if (s != nullptr) return Value::FromString(s);
  if (getter.IsUndefined()) return Value::Empty();
  // 15. Let tag be ? Get(O, %Symbol.toStringTag%): the getter runs as a frame.
  String* b = NewStringFromUtf8(vm, builtin);
  if (b == nullptr) return Oom(vm);
  auto* self = static_cast<NativeFunction*>(a.callee);
  return vm.RequestTailCall(self->data, Value::Undefined(),
                            {Value::FromObject(receiver), getter, Value::FromString(b)});
}

// 20.1.3.7 Object.prototype.valueOf ( )
Value ObjectProtoValueOf(Vm& vm, CallArgs& a) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.this_value);
  return o ? Value::FromObject(o) : Value::Empty();
}

// 20.1.3.5 Object.prototype.toLocaleString ( ): Invoke(O, "toString").
Value ObjectProtoToLocaleString(Vm& vm, CallArgs& a) {
  Value fn, getter;
  if (GetProperty(vm, CurrentRealm(vm), a.this_value, PropertyKey(Value::FromString(vm.atoms().toString)),
                  &fn, &getter) != AccessStatus::kDone) {
    return vm.ThrowError(ErrorKind::kTypeError, "toString is not reachable");
  }
  return vm.RequestTailCall(fn, a.this_value, {});
}

// B.2.2.1 Object.prototype.__proto__
Value ObjectProtoGetProto(Vm& vm, CallArgs& a) {
  Object* o = ToObject(vm, CurrentRealm(vm), a.this_value);
  if (o == nullptr) return Value::Empty();
  if (o->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyGetPrototypeOf, {Value::FromObject(o)});
  return o->proto ? Value::FromObject(o->proto) : Value::Null();
}
Value ObjectProtoSetProto(Vm& vm, CallArgs& a) {
  if (a.this_value.IsNullish()) return vm.ThrowError(ErrorKind::kTypeError, "__proto__ setter on null");
  Value proto = a.arg(0);
  if ((!proto.IsObject() && !proto.IsNull()) || !a.this_value.IsObject()) return Value::Undefined();
  if (a.this_value.AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxySetPrototypeOf, {a.this_value, proto, Value::Int32(2)});
  }
  if (!SetPrototype(a.this_value.AsObject(), proto.IsNull() ? nullptr : proto.AsObject())) {
    return vm.ThrowError(ErrorKind::kTypeError, "Cannot set prototype");
  }
  return Value::Undefined();
}

// ---- 28.1 The Reflect Object ----------------------------------------------------

bool RequireObjectTarget(Vm& vm, Value v, const char* method) {
  if (v.IsObject()) return true;
  vm.ThrowError(ErrorKind::kTypeError, std::string("Reflect.") + method + " called on non-object");
  return false;
}

// 28.1.1 Reflect.apply ( target, thisArgument, argumentsList )
Value ReflectApply(Vm& vm, CallArgs& a) {
  if (!IsCallable(a.arg(0))) return vm.ThrowError(ErrorKind::kTypeError, "Reflect.apply target is not callable");
  if (!a.arg(2).IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "CreateListFromArrayLike called on non-object");
  std::vector<Value> args;
  if (!ListFromArrayLike(vm, a.arg(2), &args)) return Value::Empty();
  return vm.RequestTailCall(a.arg(0), a.arg(1), std::move(args));
}

// 28.1.2 Reflect.construct ( target, argumentsList [ , newTarget ] )
Value ReflectConstruct(Vm& vm, CallArgs& a) {
  if (!IsConstructor(a.arg(0))) return vm.ThrowError(ErrorKind::kTypeError, "Reflect.construct target is not a constructor");
  Value new_target = a.argc > 2 ? a.arg(2) : a.arg(0);
  if (!IsConstructor(new_target)) return vm.ThrowError(ErrorKind::kTypeError, "Reflect.construct newTarget is not a constructor");
  if (!a.arg(1).IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "CreateListFromArrayLike called on non-object");
  std::vector<Value> args;
  if (!ListFromArrayLike(vm, a.arg(1), &args)) return Value::Empty();
  return vm.RequestTailCall(a.arg(0), Value::Undefined(), std::move(args), new_target);
}

// 28.1.3 Reflect.defineProperty ( target, propertyKey, attributes )
Value ReflectDefineProperty(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "defineProperty")) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyDefineOwnProperty, {a.arg(0), KeyToValue(vm, k), a.arg(2)});
  }
  PropertyDescriptor d;
  if (!ToDescriptor(vm, a.arg(2), &d)) return Value::Empty();
  switch (DefineOwnProperty(vm, a.arg(0).AsObject(), k, d)) {
    case DefineResult::kOk:
      return Value::Boolean(true);
    case DefineResult::kRejected:
      return Value::Boolean(false);
    case DefineResult::kOutOfMemory:
      return Oom(vm);
  }
  return Value::Empty();
}

// 28.1.4 Reflect.deleteProperty ( target, propertyKey )
Value ReflectDeleteProperty(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "deleteProperty")) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyDelete, {a.arg(0), KeyToValue(vm, k), Value::Boolean(false)});
  }
  return Value::Boolean(DeleteOwnProperty(vm, a.arg(0).AsObject(), k));
}

// 28.1.5 Reflect.get ( target, propertyKey [ , receiver ] ): a getter runs
// as a tail call with the receiver as this.
Value ReflectGet(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "get")) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  Value receiver = a.argc > 2 ? a.arg(2) : a.arg(0);
  {
    OwnProperty prop;
    Object* holder;
    Object* proxy;
    LookupPropertyOrProxy(vm, a.arg(0).AsObject(), k, &prop, &holder, &proxy);
    if (proxy != nullptr) {
      return ProxyHandOver(vm, SelfHosted::kProxyGet, {Value::FromObject(proxy), KeyToValue(vm, k), receiver});
    }
  }
  Value out, getter;
  switch (GetProperty(vm, CurrentRealm(vm), a.arg(0), k, &out, &getter)) {
    case AccessStatus::kDone:
      return out;
    case AccessStatus::kThrow:
      return Value::Empty();
    case AccessStatus::kCallAccessor:
      return vm.RequestTailCall(getter, receiver, {});
  }
  return Value::Empty();
}

// 28.1.13 Reflect.set ( target, propertyKey, V [ , receiver ] ):
// 10.1.9.2 OrdinarySetWithOwnDescriptor, returning its boolean.
Value ReflectSet(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "set")) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  Value v = a.arg(2);
  Value receiver = a.argc > 3 ? a.arg(3) : a.arg(0);
  OwnProperty prop;
  Object* holder = nullptr;
  Object* proxy;
  bool found = LookupPropertyOrProxy(vm, a.arg(0).AsObject(), k, &prop, &holder, &proxy);
  if (proxy != nullptr) {
    return ProxyHandOver(vm, SelfHosted::kProxySetAccess,
                         {Value::FromObject(proxy), KeyToValue(vm, k), receiver, Value::Boolean(false), v});
  }
  if (a.arg(0).AsObject()->cls == ObjectClass::kModuleNamespace ||
      (found && holder->cls == ObjectClass::kModuleNamespace)) {
    return Value::Boolean(false);  // 10.4.6.9 [[Set]]
  }
  if (found && (prop.attrs & kAccessorBit)) {
    Value setter = ValueToAccessor(prop.value)->setter;
    if (setter.IsUndefined()) return Value::Boolean(false);
    // The setter runs as a frame; the self-hosted helper returns true.
    Value helper = static_cast<NativeFunction*>(a.callee)->data;
    return vm.RequestTailCall(helper, Value::Undefined(), {setter, receiver, v});
  }
  if (found && !(prop.attrs & kWritable)) return Value::Boolean(false);
  if (!found) {
    // 10.4.5.5 step 1.b: a typed array on the chain answers a numeric key
    // (an invalid index: a successful no-op).
    double numeric;
    for (Object* p = a.arg(0).AsObject(); p != nullptr && !p->is_proxy(); p = p->proto) {
      if (p->cls == ObjectClass::kTypedArray && TypedArrayNumericKey(vm, k, &numeric)) return Value::Boolean(true);
    }
  }
  if (!receiver.IsObject()) return Value::Boolean(false);
  Object* r = receiver.AsObject();
  OwnProperty existing;
  PropertyDescriptor d;
  d.value = v;
  if (r->is_proxy()) {
    // 10.1.9.2 step 2.c-e on a proxy receiver: its [[GetOwnProperty]] and
    // [[DefineOwnProperty]] traps.
    return ProxyHandOver(vm, SelfHosted::kProxyReceiverSet, {receiver, KeyToValue(vm, k), v});
  }
  if (GetOwnProperty(vm, r, k, &existing)) {
    if ((existing.attrs & kAccessorBit) || !(existing.attrs & kWritable)) return Value::Boolean(false);
  } else {
    d.writable = d.enumerable = d.configurable = 1;
  }
  switch (DefineOwnProperty(vm, r, k, d)) {
    case DefineResult::kOk:
      return Value::Boolean(true);
    case DefineResult::kRejected:
      return Value::Boolean(false);
    case DefineResult::kOutOfMemory:
      return Oom(vm);
  }
  return Value::Empty();
}

// 28.1.6 Reflect.getOwnPropertyDescriptor ( target, propertyKey )
Value ReflectGetOwnPropertyDescriptor(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "getOwnPropertyDescriptor")) return Value::Empty();
  return ObjectGetOwnPropertyDescriptor(vm, a);
}

// 28.1.7 Reflect.getPrototypeOf ( target )
Value ReflectGetPrototypeOf(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "getPrototypeOf")) return Value::Empty();
  if (IsProxyValue(a.arg(0))) return ProxyHandOver(vm, SelfHosted::kProxyGetPrototypeOf, {a.arg(0)});
  Object* p = a.arg(0).AsObject()->proto;
  return p != nullptr ? Value::FromObject(p) : Value::Null();
}

// 28.1.14 Reflect.setPrototypeOf ( target, proto )
Value ReflectSetPrototypeOf(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "setPrototypeOf")) return Value::Empty();
  Value proto = a.arg(1);
  if (!proto.IsObject() && !proto.IsNull()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Object prototype may only be an Object or null");
  }
  if (IsProxyValue(a.arg(0))) return ProxyHandOver(vm, SelfHosted::kProxySetPrototypeOf, {a.arg(0), proto, Value::Int32(0)});
  return Value::Boolean(SetPrototype(a.arg(0).AsObject(), proto.IsNull() ? nullptr : proto.AsObject()));
}

// 28.1.8 Reflect.has ( target, propertyKey )
Value ReflectHas(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "has")) return Value::Empty();
  PropertyKey k = ArgKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  OwnProperty prop;
  Object* holder;
  Object* proxy;
  bool found = LookupPropertyOrProxy(vm, a.arg(0).AsObject(), k, &prop, &holder, &proxy);
  if (proxy != nullptr) return ProxyHandOver(vm, SelfHosted::kProxyHas, {Value::FromObject(proxy), KeyToValue(vm, k)});
  return Value::Boolean(found);
}

// 28.1.9 Reflect.isExtensible ( target ) / 28.1.12 Reflect.preventExtensions
Value ReflectIsExtensible(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "isExtensible")) return Value::Empty();
  if (IsProxyValue(a.arg(0))) return ProxyHandOver(vm, SelfHosted::kProxyIsExtensible, {a.arg(0)});
  return Value::Boolean(a.arg(0).AsObject()->extensible);
}
Value ReflectPreventExtensions(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "preventExtensions")) return Value::Empty();
  if (IsProxyValue(a.arg(0))) return ProxyHandOver(vm, SelfHosted::kProxyPreventExtensions, {a.arg(0), Value::Int32(0)});
  a.arg(0).AsObject()->extensible = false;
  return Value::Boolean(true);
}

// 28.1.11 Reflect.ownKeys ( target )
Value ReflectOwnKeys(Vm& vm, CallArgs& a) {
  if (!RequireObjectTarget(vm, a.arg(0), "ownKeys")) return Value::Empty();
  if (IsProxyValue(a.arg(0))) return ProxyHandOver(vm, SelfHosted::kProxyOwnKeys, {a.arg(0)});
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, a.arg(0).AsObject(), &keys);
  Object* arr = NewArray(vm, CurrentRealm(vm));
  if (arr == nullptr) return Oom(vm);
  for (PropertyKey k : keys) {
    if (!ArrayPush(vm, arr, KeyToValue(vm, k))) return Oom(vm);
  }
  return Value::FromObject(arr);
}

bool InstallReflect(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* reflect = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  if (reflect == nullptr || !DefineValue(vm, realm.global, "Reflect", Value::FromObject(reflect))) return false;
  String* tag = vm.InternAscii("Reflect");
  if (tag == nullptr || !SetOwnData(vm, reflect, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)),
                                    Value::FromString(tag), kConfigurable)) {
    return false;
  }
  struct M {
    const char* name;
    NativeFn fn;
    int length;
  };
  static const M kMethods[] = {
      {"apply", ReflectApply, 3},
      {"construct", ReflectConstruct, 2},
      {"defineProperty", ReflectDefineProperty, 3},
      {"deleteProperty", ReflectDeleteProperty, 2},
      {"get", ReflectGet, 2},
      {"getOwnPropertyDescriptor", ReflectGetOwnPropertyDescriptor, 2},
      {"getPrototypeOf", ReflectGetPrototypeOf, 1},
      {"has", ReflectHas, 2},
      {"isExtensible", ReflectIsExtensible, 1},
      {"ownKeys", ReflectOwnKeys, 1},
      {"preventExtensions", ReflectPreventExtensions, 1},
      {"set", ReflectSet, 3},
      {"setPrototypeOf", ReflectSetPrototypeOf, 2},
  };
  for (const M& m : kMethods) {
    Object* f = DefineNativeMethod(vm, realm, reflect, m.name, m.fn, m.length);
    if (f == nullptr) return false;
    if (m.fn == ReflectSet) static_cast<NativeFunction*>(f)->data = sh.Get("CallSetterReturnTrue");
  }
  return true;
}

}  // namespace

bool InstallObject(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  if (!InstallReflect(vm, realm, sh)) return false;
  Object* proto = realm.intrinsic(Intrinsic::kObjectPrototype);
  Object* ctor = NewNativeFunction(vm, realm, "Object", ObjectConstructor, 1, true);
  if (ctor == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kObject)] = ctor;
  bool ok = DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
            DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
            DefineValue(vm, realm.global, "Object", Value::FromObject(ctor));
  struct M {
    const char* name;
    NativeFn fn;
    int length;
  };
  static const M kStatics[] = {
      {"keys", ObjectKeys, 1},
      {"values", ObjectValues, 1},
      {"entries", ObjectEntries, 1},
      {"getOwnPropertyNames", ObjectGetOwnPropertyNames, 1},
      {"getOwnPropertySymbols", ObjectGetOwnPropertySymbols, 1},
      {"getPrototypeOf", ObjectGetPrototypeOf, 1},
      {"setPrototypeOf", ObjectSetPrototypeOf, 2},
      {"defineProperty", ObjectDefineProperty, 3},
      {"defineProperties", ObjectDefineProperties, 2},
      {"getOwnPropertyDescriptor", ObjectGetOwnPropertyDescriptor, 2},
      {"getOwnPropertyDescriptors", ObjectGetOwnPropertyDescriptors, 1},
      {"create", ObjectCreate, 2},
      {"freeze", ObjectFreeze, 1},
      {"seal", ObjectSeal, 1},
      {"isFrozen", ObjectIsFrozen, 1},
      {"isSealed", ObjectIsSealed, 1},
      {"preventExtensions", ObjectPreventExtensions, 1},
      {"isExtensible", ObjectIsExtensible, 1},
      {"is", ObjectIs, 2},
      {"hasOwn", ObjectHasOwn, 2},
  };
  for (const M& m : kStatics) ok = ok && DefineNativeMethod(vm, realm, ctor, m.name, m.fn, m.length);
  for (const char* name : {"values", "entries"}) {
    OwnProperty prop;
    if (ok && GetOwnProperty(vm, ctor, NameKey(vm, name), &prop)) {
      static_cast<NativeFunction*>(prop.value.AsObject())->data = sh.Get("EnumerableOwnPropertiesSlow");
    }
  }
  ok = ok && DefineSelfHostedMethod(vm, ctor, "fromEntries", sh.Get("ObjectFromEntries"), 1);
  ok = ok && DefineSelfHostedMethod(vm, ctor, "assign", sh.Get("ObjectAssign"), 2);
  static const M kProto[] = {
      {"hasOwnProperty", ObjectProtoHasOwnProperty, 1},
      {"isPrototypeOf", ObjectProtoIsPrototypeOf, 1},
      {"propertyIsEnumerable", ObjectProtoPropertyIsEnumerable, 1},
      {"toString", ObjectProtoToString, 0},
      {"toLocaleString", ObjectProtoToLocaleString, 0},
      {"valueOf", ObjectProtoValueOf, 0},
      {"__defineGetter__", ObjectProtoDefineGetter, 2},
      {"__defineSetter__", ObjectProtoDefineSetter, 2},
      {"__lookupGetter__", ObjectProtoLookupGetter, 1},
      {"__lookupSetter__", ObjectProtoLookupSetter, 1},
  };
  for (const M& m : kProto) ok = ok && DefineNativeMethod(vm, realm, proto, m.name, m.fn, m.length);
  if (ok) {
    OwnProperty prop;
    GetOwnProperty(vm, proto, NameKey(vm, "toString"), &prop);
    static_cast<NativeFunction*>(prop.value.AsObject())->data = sh.Get("ObjectToStringAccessorTag");
  }
  if (!ok) return false;
  Object* getter = NewNativeFunction(vm, realm, "get __proto__", ObjectProtoGetProto, 0);
  Object* setter = NewNativeFunction(vm, realm, "set __proto__", ObjectProtoSetProto, 1);
  if (getter == nullptr || setter == nullptr) return false;
  Accessor* acc = NewAccessor(vm, Value::FromObject(getter), Value::FromObject(setter));
  return acc != nullptr &&
         SetOwnData(vm, proto, PropertyKey(Value::FromString(vm.atoms().__proto__)), AccessorToValue(acc),
                    kConfigurable | kAccessorBit);
}

}  // namespace ratchet::internal
