// 20.2 Function Objects, https://tc39.es/ecma262/#sec-function-objects
#include <cmath>

#include "absl/strings/str_cat.h"
#include "runtime/builtins/builtins.h"
#include "runtime/realm.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

// 20.2.1.1 Function ( ...parameterArgs, bodyArg ), also GeneratorFunction,
// AsyncFunction and AsyncGeneratorFunction (the callee's magic: 0..3).
Value FunctionConstructor(Vm& vm, CallArgs& a) {
  std::u16string params, body;
  for (uint32_t i = 0; i < a.argc; ++i) {
    String* s = ArgToString(vm, a.args[i]);
    if (s == nullptr) return Value::Empty();
    if (i + 1 == a.argc) {
      body = ToU16String(s);
    } else {
      if (i > 0) params += u",";
      params += ToU16String(s);
    }
  }
  static const char16_t* const kPrefixes[] = {u"function", u"function*", u"async function",
                                              u"async function*"};
  int kind = static_cast<NativeFunction*>(a.callee)->magic;
  if (kind < 0 || kind > 3) kind = 0;
  Object* f = CreateDynamicFunction(vm, *vm.current_realm(), params, body, kPrefixes[kind]);
  return f ? Value::FromObject(f) : Value::Empty();
}

// CreateListFromArrayLike for data-property array-likes.
bool ListFromArrayLike(Vm& vm, Value v, std::vector<Value>* out) {
  if (v.IsNullish()) return true;
  if (!v.IsObject()) {
    vm.ThrowError(ErrorKind::kTypeError, "CreateListFromArrayLike called on non-object");
    return false;
  }
  Object* o = v.AsObject();
  Value len_v, getter;
  // Accessors (or an object length) need JavaScript: the native re-runs
  // with a plain list built by self-hosted code.
  auto needs_js = [&] {
    if (!RequestArgumentConversion(vm, v, ConversionHint::kListFromArrayLike)) {
      vm.ThrowError(ErrorKind::kTypeError, "Cannot read this array-like here");
    }
    return false;
  };
  if (GetProperty(vm, *vm.current_realm(), v, PropertyKey(Value::FromString(vm.atoms().length)), &len_v,
                  &getter) != AccessStatus::kDone ||
      len_v.IsObject()) {
    return needs_js();
  }
  double len;
  if (!ArgToNumber(vm, len_v, &len)) return false;
  len = ToIntegerOrInfinity(len);
  if (len > 65535 * 16) {
    vm.ThrowError(ErrorKind::kRangeError, "Too many arguments in function call");
    return false;
  }
  for (uint32_t i = 0; i < len; ++i) {
    Value e;
    if (GetProperty(vm, *vm.current_realm(), v, PropertyKey::Index(i), &e, &getter) != AccessStatus::kDone) {
      return needs_js();
    }
    out->push_back(e);
  }
  (void)o;
  return true;
}

namespace {

// 20.2.3.3 Function.prototype.call ( thisArg, ...args )
Value FunctionProtoCall(Vm& vm, CallArgs& a) {
  if (!IsCallable(a.this_value)) return vm.ThrowError(ErrorKind::kTypeError, "Function.prototype.call called on non-function");
  std::vector<Value> args;
  for (uint32_t i = 1; i < a.argc; ++i) args.push_back(a.args[i]);
  return vm.RequestTailCall(a.this_value, a.arg(0), std::move(args));
}

// 20.2.3.1 Function.prototype.apply ( thisArg, argArray )
Value FunctionProtoApply(Vm& vm, CallArgs& a) {
  if (!IsCallable(a.this_value)) return vm.ThrowError(ErrorKind::kTypeError, "Function.prototype.apply called on non-function");
  std::vector<Value> args;
  if (!ListFromArrayLike(vm, a.arg(1), &args)) return Value::Empty();
  return vm.RequestTailCall(a.this_value, a.arg(0), std::move(args));
}

// 20.2.3.2 Function.prototype.bind ( thisArg, ...args )
Value FunctionProtoBind(Vm& vm, CallArgs& a) {
  if (!IsCallable(a.this_value)) return vm.ThrowError(ErrorKind::kTypeError, "Bind must be called on a function");
  Object* target = a.this_value.AsObject();
  Object* o = NewObject(vm, target->proto, ObjectClass::kBound, sizeof(BoundFunction));
  if (o == nullptr) return Oom(vm);
  auto* b = static_cast<BoundFunction*>(o);
  b->target = target;
  b->bound_this = a.arg(0);
  b->realm = vm.current_realm();
  uint32_t n = a.argc > 1 ? a.argc - 1 : 0;
  if (n > 0) {
    b->args = static_cast<Value*>(vm.heap().AllocateBuffer(n * sizeof(Value)));
    if (b->args == nullptr) return Oom(vm);
    for (uint32_t i = 0; i < n; ++i) b->args[i] = a.args[i + 1];
    b->argc = n;
  }
  // Steps 4-8 read the target's prototype, own "length" and "name"; when any
  // of that may run code (a proxy, an accessor), self-hosted code finishes.
  OwnProperty length_prop, name_prop;
  Object* holder = nullptr;
  Object* proxy = nullptr;
  bool has_length = GetOwnProperty(vm, target, PropertyKey(Value::FromString(vm.atoms().length)), &length_prop);
  bool has_name = LookupPropertyOrProxy(vm, target, PropertyKey(Value::FromString(vm.atoms().name)), &name_prop,
                                        &holder, &proxy);
  if (target->is_proxy() || proxy != nullptr || (has_length && (length_prop.attrs & kAccessorBit)) ||
      (has_name && (name_prop.attrs & kAccessorBit))) {
    return ProxyHandOver(vm, SelfHosted::kBoundFunctionFinish,
                         {Value::FromObject(o), Value::FromObject(target), Value::Number(n)});
  }
  double length = 0;
  if (has_length && length_prop.value.IsNumber()) {
    double l = length_prop.value.AsNumber();
    if (std::isinf(l)) {
      length = l > 0 ? l : 0;
    } else {
      length = std::max(0.0, ToIntegerOrInfinity(l) - n);
    }
  }
  std::string name;
  if (has_name && name_prop.value.IsString()) name = ToUtf8(name_prop.value.AsString());
  String* bound_name = NewStringFromUtf8(vm, absl::StrCat("bound ", name));
  if (bound_name == nullptr || !SetFunctionNameAndLength(vm, o, Value::FromString(bound_name), length)) {
    return Oom(vm);
  }
  return Value::FromObject(o);
}

// 20.2.3.5 Function.prototype.toString ( )
Value FunctionProtoToString(Vm& vm, CallArgs& a) {
  if (!IsCallable(a.this_value)) {
    return vm.ThrowError(ErrorKind::kTypeError, "Function.prototype.toString requires that 'this' be a Function");
  }
  String* s = FunctionToString(vm, a.this_value.AsObject());
  return s ? Value::FromString(s) : Oom(vm);
}

Value ThrowTypeErrorFunction(Vm& vm, CallArgs& a) {
  return vm.ThrowError(ErrorKind::kTypeError,
                       "'caller', 'callee', and 'arguments' properties may not be accessed");
}

}  // namespace

// 20.2.3.6 Function.prototype [ %Symbol.hasInstance% ] ( V ): not writable,
// not enumerable, not configurable.
static bool DefineHasInstance(Vm& vm, Realm& realm, Object* proto, const SelfHostedTable& sh) {
  Value fn = sh.Get("FunctionProtoHasInstance");
  String* name = NewStringFromLatin1(vm, "[Symbol.hasInstance]");
  return fn.IsObject() && name != nullptr &&
         SetFunctionNameAndLength(vm, fn.AsObject(), Value::FromString(name), 1) &&
         SetOwnData(vm, proto, PropertyKey(Value::FromSymbol(vm.symbols().hasInstance)), fn, 0);
}

// 10.2.4.1 %ThrowTypeError% ( ): frozen, its "length" and "name" not
// configurable; 10.2.4 AddRestrictedFunctionProperties ( F, realm ) gives
// Function.prototype "caller" and "arguments" accessors that both use it.
static bool InstallThrowTypeError(Vm& vm, Object* proto, Object* thrower) {
  PropertyDescriptor frozen;
  frozen.configurable = 0;
  for (String* atom : {vm.atoms().length, vm.atoms().name}) {
    if (DefineOwnProperty(vm, thrower, PropertyKey(Value::FromString(atom)), frozen) != DefineResult::kOk) {
      return false;
    }
  }
  thrower->extensible = false;
  PropertyDescriptor accessor;
  accessor.get = Value::FromObject(thrower);
  accessor.set = Value::FromObject(thrower);
  accessor.enumerable = 0;
  accessor.configurable = 1;
  for (const char* name : {"caller", "arguments"}) {
    PropertyKey key = NameKey(vm, name);
    if (key.v.IsEmpty() || DefineOwnProperty(vm, proto, key, accessor) != DefineResult::kOk) {
      return false;
    }
  }
  return true;
}

bool InstallFunction(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kFunctionPrototype);
  Object* ctor = NewNativeFunction(vm, realm, "Function", FunctionConstructor, 1, true);
  if (ctor == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kFunction)] = ctor;
  Object* thrower = NewNativeFunction(vm, realm, "", ThrowTypeErrorFunction, 0);
  if (thrower == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kThrowTypeError)] = thrower;
  return InstallThrowTypeError(vm, proto, thrower) &&
         DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
         DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
         DefineValue(vm, realm.global, "Function", Value::FromObject(ctor)) &&
         DefineNativeMethod(vm, realm, proto, "call", FunctionProtoCall, 1) &&
         DefineNativeMethod(vm, realm, proto, "apply", FunctionProtoApply, 2) &&
         DefineNativeMethod(vm, realm, proto, "bind", FunctionProtoBind, 1) &&
         DefineNativeMethod(vm, realm, proto, "toString", FunctionProtoToString, 0) &&
         DefineHasInstance(vm, realm, proto, sh);
}

}  // namespace ratchet::internal
