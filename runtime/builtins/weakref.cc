// 26.1 WeakRef objects and 26.2 FinalizationRegistry objects. The collector
// side (weak targets, dead cells, the cleanup job) is in vm/collection.cc;
// the cleanup callbacks run in the self-hosted FinalizationRegistryCleanup,
// a job of the task that was running when the collector found the targets
// dead.
#include "runtime/builtins/builtins.h"
#include "vm/collection.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

Object* ThisOfClass(Vm& vm, Value v, ObjectClass cls, const char* method) {
  if (v.IsObject() && v.AsObject()->cls == cls) return v.AsObject();
  vm.ThrowError(ErrorKind::kTypeError, std::string(method) + " called on incompatible receiver");
  return nullptr;
}

// 26.1.1.1 WeakRef ( target )
Value WeakRefConstructor(Vm& vm, CallArgs& a) {
  if (a.new_target.IsUndefined()) return vm.ThrowError(ErrorKind::kTypeError, "Constructor WeakRef requires 'new'");
  Value target = a.arg(0);
  if (!CanBeHeldWeakly(target)) return vm.ThrowError(ErrorKind::kTypeError, "WeakRef: invalid target");
  Object* proto = PrototypeFromConstructor(vm, a.new_target, CurrentRealm(vm).intrinsic(Intrinsic::kWeakRefPrototype));
  if (proto == nullptr) return Value::Empty();
  Object* o = NewObject(vm, proto, ObjectClass::kWeakRef, sizeof(PrimitiveObject));
  if (o == nullptr) return Oom(vm);
  static_cast<PrimitiveObject*>(o)->primitive = target;
  vm.AddToKeptObjects(target);
  return Value::FromObject(o);
}

// 26.1.3.2 WeakRef.prototype.deref ( )
Value WeakRefDeref(Vm& vm, CallArgs& a) {
  Object* o = ThisOfClass(vm, a.this_value, ObjectClass::kWeakRef, "WeakRef.prototype.deref");
  if (o == nullptr) return Value::Empty();
  Value target = static_cast<PrimitiveObject*>(o)->primitive;
  if (!target.IsUndefined()) vm.AddToKeptObjects(target);
  return target;
}

// 26.2.1.1 FinalizationRegistry ( cleanupCallback )
Value FinalizationRegistryConstructor(Vm& vm, CallArgs& a) {
  if (a.new_target.IsUndefined()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Constructor FinalizationRegistry requires 'new'");
  }
  if (!IsCallable(a.arg(0))) {
    return vm.ThrowError(ErrorKind::kTypeError, "FinalizationRegistry: the cleanup callback is not a function");
  }
  Realm& realm = CurrentRealm(vm);
  Object* proto = PrototypeFromConstructor(vm, a.new_target, realm.intrinsic(Intrinsic::kFinalizationRegistryPrototype));
  if (proto == nullptr) return Value::Empty();
  Object* o = NewObject(vm, proto, ObjectClass::kFinalizationRegistry, sizeof(FinalizationRegistryObject));
  if (o == nullptr) return Oom(vm);
  auto* r = static_cast<FinalizationRegistryObject*>(o);
  r->cleanup = a.arg(0);
  r->realm = &realm;
  r->cells = new std::vector<FinalizationCell>();
  r->pending = new std::vector<Value>();
  r->job_queued = false;
  return Value::FromObject(o);
}

FinalizationRegistryObject* ThisRegistry(Vm& vm, CallArgs& a, const char* method) {
  return static_cast<FinalizationRegistryObject*>(ThisOfClass(vm, a.this_value, ObjectClass::kFinalizationRegistry, method));
}

// 26.2.3.2 FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] )
Value FinalizationRegistryRegister(Vm& vm, CallArgs& a) {
  FinalizationRegistryObject* r = ThisRegistry(vm, a, "FinalizationRegistry.prototype.register");
  if (r == nullptr) return Value::Empty();
  Value target = a.arg(0), held = a.arg(1), token = a.arg(2);
  if (!CanBeHeldWeakly(target)) return vm.ThrowError(ErrorKind::kTypeError, "FinalizationRegistry.prototype.register: invalid target");
  if (SameValue(target, held)) {
    return vm.ThrowError(ErrorKind::kTypeError, "FinalizationRegistry.prototype.register: the target and the held value are the same");
  }
  if (!CanBeHeldWeakly(token)) {
    if (!token.IsUndefined()) {
      return vm.ThrowError(ErrorKind::kTypeError, "FinalizationRegistry.prototype.register: invalid unregister token");
    }
    token = Value::Empty();
  }
  if (!vm.heap().AccountExternal(kFinalizationCellBytes)) return Oom(vm);
  r->cells->push_back({target, held, token});
  return Value::Undefined();
}

// 26.2.3.3 FinalizationRegistry.prototype.unregister ( unregisterToken )
Value FinalizationRegistryUnregister(Vm& vm, CallArgs& a) {
  FinalizationRegistryObject* r = ThisRegistry(vm, a, "FinalizationRegistry.prototype.unregister");
  if (r == nullptr) return Value::Empty();
  Value token = a.arg(0);
  if (!CanBeHeldWeakly(token)) {
    return vm.ThrowError(ErrorKind::kTypeError, "FinalizationRegistry.prototype.unregister: invalid unregister token");
  }
  std::vector<FinalizationCell>& cells = *r->cells;
  size_t out = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!cells[i].token.IsEmpty() && SameValue(cells[i].token, token)) continue;
    cells[out++] = cells[i];
  }
  bool removed = out != cells.size();
  vm.heap().ReleaseExternal((cells.size() - out) * kFinalizationCellBytes);
  cells.resize(out);
  return Value::Boolean(removed);
}

}  // namespace

// finalizationRegistryTakePending(registry): [callback, ...held values of
// collected targets]; the registry may queue another cleanup job after this.
Value NativeFinalizationRegistryTakePending(Vm& vm, CallArgs& a) {
  auto* r = static_cast<FinalizationRegistryObject*>(a.arg(0).AsObject());
  Object* out = NewArray(vm, CurrentRealm(vm));
  if (out == nullptr || !ArrayPush(vm, out, r->cleanup)) return Oom(vm);
  for (Value v : *r->pending) {
    if (!ArrayPush(vm, out, v)) return Oom(vm);
  }
  vm.heap().ReleaseExternal(r->pending->size() * kFinalizationCellBytes);
  r->pending->clear();
  r->job_queued = false;
  return Value::FromObject(out);
}

bool InstallWeakRefs(Vm& vm, Realm& realm) {
  PropertyKey tag_key(Value::FromSymbol(vm.symbols().toStringTag));
  struct Kind {
    const char* name;
    NativeFn ctor;
    int length;
    Intrinsic proto;
  };
  const Kind kinds[] = {{"WeakRef", WeakRefConstructor, 1, Intrinsic::kWeakRefPrototype},
                        {"FinalizationRegistry", FinalizationRegistryConstructor, 1,
                         Intrinsic::kFinalizationRegistryPrototype}};
  for (const Kind& k : kinds) {
    Object* proto = realm.intrinsic(k.proto);
    Object* ctor = NewNativeFunction(vm, realm, k.name, k.ctor, k.length, true);
    String* tag = vm.InternAscii(k.name);
    if (ctor == nullptr || tag == nullptr || !DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) ||
        !DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) ||
        !DefineValue(vm, realm.global, k.name, Value::FromObject(ctor)) ||
        !SetOwnData(vm, proto, tag_key, Value::FromString(tag), kConfigurable)) {
      return false;
    }
  }
  Object* wr = realm.intrinsic(Intrinsic::kWeakRefPrototype);
  Object* fr = realm.intrinsic(Intrinsic::kFinalizationRegistryPrototype);
  return DefineNativeMethod(vm, realm, wr, "deref", WeakRefDeref, 0) &&
         DefineNativeMethod(vm, realm, fr, "register", FinalizationRegistryRegister, 2) &&
         DefineNativeMethod(vm, realm, fr, "unregister", FinalizationRegistryUnregister, 1);
}

}  // namespace ratchet::internal
