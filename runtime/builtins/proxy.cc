// 28.2 Proxy objects: the constructor, Proxy.revocable and the natives of
// selfhost/proxy.js. The internal methods themselves are self-hosted (they
// call traps and check invariants); the interpreter and the natives that
// meet a proxy hand over to them.
#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"
#include "vm/realm.h"
#include "vm/vm.h"

namespace ratchet::internal {

int IsArrayValue(Vm& vm, Value v) {
  // 7.2.2 IsArray ( argument ): a proxy answers for its target.
  for (int depth = 0; v.IsObject(); ++depth) {
    Object* o = v.AsObject();
    if (o->is_array()) return 1;
    if (!o->is_proxy()) return 0;
    auto* p = static_cast<ProxyObject*>(o);
    if (p->handler.IsNull()) {
      vm.ThrowError(ErrorKind::kTypeError, "Cannot perform 'IsArray' on a proxy that has been revoked");
      return -1;
    }
    if (depth > 100000) {
      vm.ThrowStackOverflow();
      return -1;
    }
    v = p->target;
  }
  return 0;
}

Value ProxyHandOver(Vm& vm, SelfHosted id, std::vector<Value> args) {
  return vm.RequestTailCall(vm.current_realm()->self_hosted_fn(id), Value::Undefined(), std::move(args));
}

namespace {

// 10.5.14 ProxyCreate ( target, handler )
Value ProxyCreate(Vm& vm, Value target, Value handler) {
  if (!target.IsObject() || !handler.IsObject()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Cannot create proxy with a non-object as target or handler");
  }
  ObjectClass cls = IsCallable(target) ? ObjectClass::kCallableProxy : ObjectClass::kProxy;
  Object* o = NewObject(vm, nullptr, cls, sizeof(ProxyObject));
  if (o == nullptr) return Oom(vm);
  auto* p = static_cast<ProxyObject*>(o);
  p->target = target;
  p->handler = handler;
  p->is_constructor = IsConstructor(target);
  return Value::FromObject(o);
}

// 28.2.1.1 Proxy ( target, handler )
Value ProxyConstructor(Vm& vm, CallArgs& a) {
  if (a.new_target.IsUndefined()) return vm.ThrowError(ErrorKind::kTypeError, "Constructor Proxy requires 'new'");
  return ProxyCreate(vm, a.arg(0), a.arg(1));
}

// 28.2.2.1.1 Proxy Revocation Functions
Value ProxyRevoke(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  if (self->data.IsNull()) return Value::Undefined();
  auto* p = static_cast<ProxyObject*>(self->data.AsObject());
  self->data = Value::Null();
  p->target = Value::Null();
  p->handler = Value::Null();
  return Value::Undefined();
}

// 28.2.2.1 Proxy.revocable ( target, handler )
Value ProxyRevocable(Vm& vm, CallArgs& a) {
  Value proxy = ProxyCreate(vm, a.arg(0), a.arg(1));
  if (proxy.IsEmpty()) return proxy;
  Realm& realm = *vm.current_realm();
  Object* revoke = NewNativeFunction(vm, realm, "", ProxyRevoke, 0);
  Object* result = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  if (revoke == nullptr || result == nullptr) return Oom(vm);
  static_cast<NativeFunction*>(revoke)->data = proxy;
  if (!SetOwnData(vm, result, NameKey(vm, "proxy"), proxy) ||
      !SetOwnData(vm, result, NameKey(vm, "revoke"), Value::FromObject(revoke))) {
    return Oom(vm);
  }
  return Value::FromObject(result);
}

ProxyObject* AsProxy(Value v) {
  return v.IsObject() && v.AsObject()->is_proxy() ? static_cast<ProxyObject*>(v.AsObject()) : nullptr;
}

Value NativeIsProxy(Vm& vm, CallArgs& a) { return Value::Boolean(AsProxy(a.arg(0)) != nullptr); }
Value NativeProxyTarget(Vm& vm, CallArgs& a) { return AsProxy(a.arg(0))->target; }
Value NativeProxyHandler(Vm& vm, CallArgs& a) { return AsProxy(a.arg(0))->handler; }

// privateAdd(proxy, name, value, setter, kind): adds a private element to
// a proxy once PrivateAddToProxy has checked it may (kinds as DefinePrivate).
Value NativePrivateAdd(Vm& vm, CallArgs& a) {
  Object* o = a.arg(0).AsObject();
  PropertyKey key(a.arg(1));
  int32_t kind = a.arg(4).AsInt32();
  bool ok;
  if (kind == 2) {
    Accessor* acc = NewAccessor(vm, a.arg(2), a.arg(3));
    ok = acc != nullptr && SetOwnData(vm, o, key, AccessorToValue(acc), kAccessorBit);
  } else {
    ok = SetOwnData(vm, o, key, a.arg(2), kind == 0 ? kWritable : 0);
  }
  return ok ? Value::Undefined() : Oom(vm);
}

// proxyCreate(target, handler): 10.5.14 ProxyCreate (deferred namespaces).
Value NativeProxyCreate(Vm& vm, CallArgs& a) { return ProxyCreate(vm, a.arg(0), a.arg(1)); }

// reflectOp(i): the realm's original Reflect function i (selfhost/proxy.js).
Value NativeReflectOp(Vm& vm, CallArgs& a) {
  Object* ops = vm.current_realm()->intrinsic(Intrinsic::kReflectOps);
  int32_t i = a.arg(0).AsInt32();
  return ops->elements[i];
}

// forInState(array): [object, keys...] as the for-in iterator state, keys
// not re-checked for deletion (they came through traps).
Value NativeForInState(Vm& vm, CallArgs& a) {
  Object* state = a.arg(0).AsObject();
  state->proto = nullptr;
  state->pad2 = 1;
  state->pad = 1;
  return a.arg(0);
}

// constructWithPrototype(F, args, newTarget, proto): constructs with the
// prototype already read (vm.construct_proto).
Value NativeConstructWithPrototype(Vm& vm, CallArgs& a) {
  std::vector<Value> args;
  Object* list = a.arg(1).AsObject();
  for (uint32_t i = 0; i < list->elements_size; ++i) args.push_back(list->elements[i]);
  vm.construct_proto() = a.arg(3).IsObject() ? a.arg(3) : Value::Null();
  return vm.RequestTailCall(a.arg(0), Value::Undefined(), std::move(args), a.arg(2));
}

}  // namespace

const std::vector<NativeBinding>& ProxySelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"isProxy", NativeIsProxy, 1},
      {"proxyTarget", NativeProxyTarget, 1},
      {"proxyHandler", NativeProxyHandler, 1},
      {"reflectOp", NativeReflectOp, 1},
      {"forInState", NativeForInState, 1},
      {"constructWithPrototype", NativeConstructWithPrototype, 4},
      {"proxyCreate", NativeProxyCreate, 2},
      {"privateAdd", NativePrivateAdd, 5},
  };
  return natives;
}

bool InstallProxy(Vm& vm, Realm& realm) {
  Object* ctor = NewNativeFunction(vm, realm, "Proxy", ProxyConstructor, 2, true);
  if (ctor == nullptr || !DefineValue(vm, realm.global, "Proxy", Value::FromObject(ctor)) ||
      DefineNativeMethod(vm, realm, ctor, "revocable", ProxyRevocable, 2) == nullptr) {
    return false;
  }
  // The original Reflect functions, in the order selfhost/proxy.js uses.
  OwnProperty prop;
  if (!GetOwnProperty(vm, realm.global, NameKey(vm, "Reflect"), &prop) || !prop.value.IsObject()) return false;
  Object* reflect = prop.value.AsObject();
  Object* ops = NewArray(vm, realm);
  if (ops == nullptr) return false;
  for (const char* name : {"getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions",
                           "getOwnPropertyDescriptor", "defineProperty", "has", "get", "set", "deleteProperty",
                           "ownKeys", "apply", "construct"}) {
    OwnProperty fn;
    if (!GetOwnProperty(vm, reflect, NameKey(vm, name), &fn) || !ArrayPush(vm, ops, fn.value)) return false;
  }
  realm.intrinsics[static_cast<int>(Intrinsic::kReflectOps)] = ops;
  return true;
}

}  // namespace ratchet::internal
