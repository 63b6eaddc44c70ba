// 27.1.3 The Iterator constructor, %Iterator.prototype% helpers (map,
// filter, take, drop, flatMap, reduce, toArray, forEach, some, every, find),
// Iterator.from and Iterator.concat. The helpers are self-hosted generator
// bodies (runtime/selfhost/*.js) whose generator objects are branded as
// iterator helpers and given %IteratorHelperPrototype%.
#include "runtime/builtins/builtins.h"
#include "vm/generator.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

// 27.1.3.1 Iterator ( ): abstract; only subclasses construct.
Value IteratorConstructor(Vm& vm, CallArgs& a) {
  if (a.new_target.IsUndefined() || (a.new_target.IsObject() && a.new_target.AsObject() == a.callee)) {
    return vm.ThrowError(ErrorKind::kTypeError, "Abstract class Iterator not directly constructable");
  }
  Object* proto = PrototypeFromConstructor(vm, a.new_target, CurrentRealm(vm).intrinsic(Intrinsic::kIteratorPrototype));
  Object* o = NewObject(vm, proto);
  return o != nullptr ? Value::FromObject(o) : Oom(vm);
}

// 27.1.2.1.1 %IteratorHelperPrototype%.next ( ) and .return ( ): the helper
// is a generator object with the helper brand.
Value HelperResume(Vm& vm, CallArgs& a, ResumeMode mode) {
  GeneratorObject* gen = AsGenerator(a.this_value);
  if (gen == nullptr || !gen->is_helper) {
    return vm.ThrowError(ErrorKind::kTypeError, "Iterator Helper method called on incompatible receiver");
  }
  switch (gen->state) {
    case GeneratorState::kExecuting:
    case GeneratorState::kAwaiting:
    case GeneratorState::kAwaitingReturn:
      return vm.ThrowError(ErrorKind::kTypeError, "Generator is already running");
    case GeneratorState::kCompleted:
    case GeneratorState::kSuspendedStart: {
      Object* r = NewIterResult(vm, CurrentRealm(vm), Value::Undefined(), true);
      return r ? Value::FromObject(r) : Oom(vm);
    }
    case GeneratorState::kSuspendedYield:
      break;
  }
  return vm.RequestResume(gen, static_cast<int32_t>(mode), Value::Undefined());
}
Value HelperNext(Vm& vm, CallArgs& a) { return HelperResume(vm, a, ResumeMode::kNext); }
Value HelperReturn(Vm& vm, CallArgs& a) { return HelperResume(vm, a, ResumeMode::kReturn); }

// markIteratorHelper(gen): brands a self-hosted generator as a helper.
Value NativeMarkIteratorHelper(Vm& vm, CallArgs& a) {
  GeneratorObject* gen = AsGenerator(a.arg(0));
  if (gen == nullptr) return vm.ThrowError(ErrorKind::kInternalError, "not a generator");
  gen->is_helper = true;
  gen->proto = CurrentRealm(vm).intrinsic(Intrinsic::kIteratorHelperPrototype);
  return a.arg(0);
}

// newWrappedIterator(iterator, next): an Iterator.from wrapper; its state
// is [iterator, next] (27.1.3.2.1.1 [[Iterated]]).
Value NativeNewWrappedIterator(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  Object* it = NewObject(vm, realm.intrinsic(Intrinsic::kWrapForValidIteratorPrototype), ObjectClass::kIterator,
                         sizeof(PrimitiveObject));
  Object* state = NewArray(vm, realm);
  if (it == nullptr || state == nullptr || !ArrayPush(vm, state, a.arg(0)) || !ArrayPush(vm, state, a.arg(1))) {
    return Oom(vm);
  }
  static_cast<PrimitiveObject*>(it)->primitive = Value::FromObject(state);
  return Value::FromObject(it);
}

// wrappedIteratorState(o): its [iterator, next], or undefined.
Value NativeWrappedIteratorState(Vm& vm, CallArgs& a) {
  Value v = a.arg(0);
  if (!v.IsObject() || v.AsObject()->cls != ObjectClass::kIterator) return Value::Undefined();
  Value state = static_cast<PrimitiveObject*>(v.AsObject())->primitive;
  if (!state.IsObject() || state.AsObject()->array_length != 2) return Value::Undefined();
  return state;
}

Value NativeIntrinsicIterator(Vm& vm, CallArgs& a) {
  return Value::FromObject(CurrentRealm(vm).intrinsic(Intrinsic::kIterator));
}
Value NativeIntrinsicIteratorPrototype(Vm& vm, CallArgs& a) {
  return Value::FromObject(CurrentRealm(vm).intrinsic(Intrinsic::kIteratorPrototype));
}

bool DefineTag(Vm& vm, Object* o, const char* tag) {
  String* s = vm.InternAscii(tag);
  return s != nullptr &&
         SetOwnData(vm, o, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), Value::FromString(s), kConfigurable);
}

}  // namespace

const std::vector<NativeBinding>& IteratorSelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"markIteratorHelper", NativeMarkIteratorHelper, 1},
      {"newWrappedIterator", NativeNewWrappedIterator, 2},
      {"wrappedIteratorState", NativeWrappedIteratorState, 1},
      {"intrinsicIterator", NativeIntrinsicIterator, 0},
      {"intrinsicIteratorPrototype", NativeIntrinsicIteratorPrototype, 0},
  };
  return natives;
}

bool InstallIterator(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kIteratorPrototype);
  Object* ctor = NewNativeFunction(vm, realm, "Iterator", IteratorConstructor, 0, true);
  if (ctor == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kIterator)] = ctor;
  if (!DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) ||
      !DefineValue(vm, realm.global, "Iterator", Value::FromObject(ctor))) {
    return false;
  }
  // 27.1.4.1 / 27.1.4.14: `constructor` and @@toStringTag are accessors
  // whose setters ignore the prototype itself.
  auto accessor = [&](PropertyKey key, const char* getter, const char* setter) {
    Value g = sh.Get(getter), s = sh.Get(setter);
    Accessor* acc = g.IsObject() && s.IsObject() ? NewAccessor(vm, g, s) : nullptr;
    return acc != nullptr && SetOwnData(vm, proto, key, AccessorToValue(acc), kConfigurable | kAccessorBit);
  };
  if (!accessor(NameKey(vm, "constructor"), "IteratorConstructorGetter", "IteratorConstructorSetter") ||
      !accessor(PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), "IteratorTagGetter",
                "IteratorTagSetter")) {
    return false;
  }
  struct M {
    Object* target;
    const char* name;
    const char* impl;
    int length;
  };
  Object* helper_proto = realm.intrinsic(Intrinsic::kIteratorHelperPrototype);
  Object* wrap_proto = realm.intrinsic(Intrinsic::kWrapForValidIteratorPrototype);
  const M methods[] = {
      {proto, "map", "IteratorMap", 1},         {proto, "filter", "IteratorFilter", 1},
      {proto, "take", "IteratorTake", 1},       {proto, "drop", "IteratorDrop", 1},
      {proto, "chunks", "IteratorChunks", 1},   {proto, "windows", "IteratorWindows", 1},
      {proto, "includes", "IteratorIncludes", 1}, {proto, "join", "IteratorJoin", 1},
      {proto, "flatMap", "IteratorFlatMap", 1}, {proto, "reduce", "IteratorReduce", 1},
      {proto, "toArray", "IteratorToArray", 0}, {proto, "forEach", "IteratorForEach", 1},
      {proto, "some", "IteratorSome", 1},       {proto, "every", "IteratorEvery", 1},
      {proto, "find", "IteratorFind", 1},       {ctor, "from", "IteratorFrom", 1},
      {ctor, "concat", "IteratorConcat", 0},    {ctor, "zip", "IteratorZip", 1},
      {ctor, "zipKeyed", "IteratorZipKeyed", 1}, {wrap_proto, "next", "WrapForValidNext", 0},
      {wrap_proto, "return", "WrapForValidReturn", 0},
  };
  for (const M& m : methods) {
    if (!DefineSelfHostedMethod(vm, m.target, m.name, sh.Get(m.impl), m.length)) return false;
  }
  return DefineNativeMethod(vm, realm, helper_proto, "next", HelperNext, 0) != nullptr &&
         DefineNativeMethod(vm, realm, helper_proto, "return", HelperReturn, 0) != nullptr &&
         DefineTag(vm, helper_proto, "Iterator Helper");
}

}  // namespace ratchet::internal
