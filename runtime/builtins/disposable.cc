// 27.3 DisposableStack and 27.4 AsyncDisposableStack objects, 20.5.8
// SuppressedError and 20.5.7 AggregateError constructors, and the
// %Symbol.dispose% / %Symbol.asyncDispose% methods of the iterator
// prototypes (explicit resource management). The algorithms are
// self-hosted (runtime/selfhost/disposable.js); the objects keep their
// internal slots in a state record only natives can reach.
#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

// newDisposableStack(newTarget, async): OrdinaryCreateFromConstructor with
// [[DisposableState]] pending and an empty [[DisposeCapability]]; the
// state record is { state, stack } (stack: [value, hint, method, ...]).
Value NativeNewDisposableStack(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  bool async = a.arg(1).IsTrue();
  Object* proto = PrototypeFromConstructor(
      vm, a.arg(0), realm.intrinsic(async ? Intrinsic::kAsyncDisposableStackPrototype : Intrinsic::kDisposableStackPrototype));
  if (proto == nullptr) return Value::Empty();
  Object* o = NewObject(vm, proto, ObjectClass::kDisposableStack, sizeof(PrimitiveObject));
  Object* state = NewObject(vm, nullptr);
  Object* stack = NewArray(vm, realm);
  if (o == nullptr || state == nullptr || stack == nullptr ||
      !SetOwnData(vm, state, NameKey(vm, "async"), Value::Boolean(async)) ||
      !SetOwnData(vm, state, NameKey(vm, "disposed"), Value::Boolean(false)) ||
      !SetOwnData(vm, state, NameKey(vm, "stack"), Value::FromObject(stack))) {
    return Oom(vm);
  }
  static_cast<PrimitiveObject*>(o)->primitive = Value::FromObject(state);
  return Value::FromObject(o);
}

// disposableStackState(O, async): the state record, or undefined when O is
// not that kind of stack.
Value NativeDisposableStackState(Vm& vm, CallArgs& a) {
  Value v = a.arg(0);
  if (!v.IsObject() || v.AsObject()->cls != ObjectClass::kDisposableStack) return Value::Undefined();
  Value state = static_cast<PrimitiveObject*>(v.AsObject())->primitive;
  OwnProperty prop;
  if (!GetOwnProperty(vm, state.AsObject(), NameKey(vm, "async"), &prop) || prop.value != Value::Boolean(a.arg(1).IsTrue())) {
    return Value::Undefined();
  }
  return state;
}

// newErrorObject(newTarget, kind, proto): kind 0 AggregateError, 1
// SuppressedError; proto is Get(newTarget, "prototype"), read by the caller.
Value NativeNewErrorObject(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  bool suppressed = a.arg(1).AsInt32() == 1;
  Object* proto = a.arg(2).IsObject() ? a.arg(2).AsObject() : PrototypeFromConstructor(
      vm, a.arg(0), realm.intrinsic(suppressed ? Intrinsic::kSuppressedErrorPrototype : Intrinsic::kAggregateErrorPrototype));
  if (proto == nullptr) return Value::Empty();
  Object* e = NewObject(vm, proto, ObjectClass::kError, sizeof(PrimitiveObject));
  if (e == nullptr) return Oom(vm);
  if (!SetErrorStack(vm, e, suppressed ? "SuppressedError" : "AggregateError", a.task)) return Oom(vm);
  return Value::FromObject(e);
}

// defineHidden(O, key, value): CreateNonEnumerableDataPropertyOrThrow.
Value NativeDefineHidden(Vm& vm, CallArgs& a) {
  PropertyKey k = NameKey(vm, ToUtf8(a.arg(1).AsString()));
  if (!SetOwnData(vm, a.arg(0).AsObject(), k, a.arg(2), kHiddenAttrs)) return Oom(vm);
  return Value::Undefined();
}

// The constructors: the self-hosted body gets the arguments, NewTarget and
// the active function.
Value SelfHostedErrorConstructor(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  Value new_target = a.new_target.IsUndefined() ? Value::FromObject(a.callee) : a.new_target;
  return vm.RequestTailCall(self->data, Value::Undefined(), {a.arg(0), a.arg(1), a.arg(2), new_target});
}

}  // namespace

const std::vector<NativeBinding>& DisposableSelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"newDisposableStack", NativeNewDisposableStack, 2},
      {"disposableStackState", NativeDisposableStackState, 2},
      {"newErrorObject", NativeNewErrorObject, 3},
      {"defineHidden", NativeDefineHidden, 3},
      {"throwReferenceError", [](Vm& vm, CallArgs& a) -> Value {
         return vm.ThrowError(ErrorKind::kReferenceError, a.arg(0).IsString() ? ToUtf8(a.arg(0).AsString()) : "ReferenceError");
       }, 1},
  };
  return natives;
}

bool InstallDisposables(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  auto methods = [&](Object* target, std::initializer_list<std::pair<const char*, const char*>> list, int length) {
    for (const auto& [name, impl] : list) {
      if (!DefineSelfHostedMethod(vm, target, name, sh.Get(impl), length)) return false;
    }
    return true;
  };
  auto tag = [&](Object* o, const char* text) {
    String* s = vm.InternAscii(text);
    return s != nullptr &&
           SetOwnData(vm, o, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), Value::FromString(s), kConfigurable);
  };
  auto symbol_alias = [&](Object* o, const char* from, Symbol* sym) {
    OwnProperty prop;
    return GetOwnProperty(vm, o, NameKey(vm, from), &prop) &&
           SetOwnData(vm, o, PropertyKey(Value::FromSymbol(sym)), prop.value, kHiddenAttrs);
  };
  auto getter = [&](Object* o, const char* name, const char* impl) {
    Value g = sh.Get(impl);
    String* n = NewStringFromLatin1(vm, std::string("get ") + name);
    Accessor* acc = g.IsObject() && n != nullptr ? NewAccessor(vm, g, Value::Undefined()) : nullptr;
    return acc != nullptr && SetFunctionNameAndLength(vm, g.AsObject(), Value::FromString(n), 0) &&
           SetOwnData(vm, o, NameKey(vm, name), AccessorToValue(acc), kConfigurable | kAccessorBit);
  };
  // AggregateError and SuppressedError.
  Object* error_ctor = realm.intrinsic(Intrinsic::kErrorPrototype);
  OwnProperty error_prop;
  GetOwnProperty(vm, error_ctor, NameKey(vm, "constructor"), &error_prop);
  struct E {
    const char* name;
    Intrinsic proto;
    const char* body;
    int length;
  };
  // The AggregateError prototype may exist already (promise combinators).
  if (realm.intrinsic(Intrinsic::kAggregateErrorPrototype) == nullptr) {
    Object* p = NewObject(vm, realm.intrinsic(Intrinsic::kErrorPrototype));
    if (p == nullptr) return false;
    realm.intrinsics[static_cast<int>(Intrinsic::kAggregateErrorPrototype)] = p;
  }
  Object* sp = NewObject(vm, realm.intrinsic(Intrinsic::kErrorPrototype));
  if (sp == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kSuppressedErrorPrototype)] = sp;
  for (const E& e : {E{"AggregateError", Intrinsic::kAggregateErrorPrototype, "AggregateErrorConstruct", 2},
                     E{"SuppressedError", Intrinsic::kSuppressedErrorPrototype, "SuppressedErrorConstruct", 3}}) {
    Object* ctor = NewNativeFunction(vm, realm, e.name, SelfHostedErrorConstructor, e.length, true);
    if (ctor == nullptr) return false;
    static_cast<NativeFunction*>(ctor)->data = sh.Get(e.body);
    ctor->proto = error_prop.value.AsObject();
    Object* proto = realm.intrinsic(e.proto);
    String* name = vm.InternAscii(e.name);
    if (name == nullptr || !DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) ||
        !DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) ||
        !DefineValue(vm, proto, "name", Value::FromString(name)) ||
        !DefineValue(vm, proto, "message", Value::FromString(vm.atoms().empty)) ||
        !DefineValue(vm, realm.global, e.name, Value::FromObject(ctor))) {
      return false;
    }
  }
  // DisposableStack and AsyncDisposableStack.
  for (int async = 0; async < 2; ++async) {
    const char* name = async ? "AsyncDisposableStack" : "DisposableStack";
    Object* proto = realm.intrinsic(async ? Intrinsic::kAsyncDisposableStackPrototype : Intrinsic::kDisposableStackPrototype);
    Object* ctor = NewNativeFunction(vm, realm, name, [](Vm& vm, CallArgs& a) -> Value {
      auto* self = static_cast<NativeFunction*>(a.callee);
      if (a.new_target.IsUndefined()) {
        return vm.ThrowError(ErrorKind::kTypeError, std::string("Constructor ") +
                                                        (self->magic ? "AsyncDisposableStack" : "DisposableStack") +
                                                        " requires 'new'");
      }
      return vm.RequestTailCall(self->data, Value::Undefined(), {a.new_target});
    }, 0, true);
    if (ctor == nullptr) return false;
    static_cast<NativeFunction*>(ctor)->magic = async;
    static_cast<NativeFunction*>(ctor)->data = sh.Get(async ? "AsyncDisposableStackConstruct" : "DisposableStackConstruct");
    if (!DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) ||
        !DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) ||
        !DefineValue(vm, realm.global, name, Value::FromObject(ctor)) || !tag(proto, name)) {
      return false;
    }
    bool ok = async ? methods(proto, {{"disposeAsync", "AsyncDisposableStackDisposeAsync"}, {"move", "AsyncDisposableStackMove"}}, 0) &&
                          methods(proto, {{"use", "AsyncDisposableStackUse"}, {"defer", "AsyncDisposableStackDefer"}}, 1) &&
                          methods(proto, {{"adopt", "AsyncDisposableStackAdopt"}}, 2) &&
                          getter(proto, "disposed", "AsyncDisposableStackDisposed") &&
                          symbol_alias(proto, "disposeAsync", vm.symbols().asyncDispose)
                    : methods(proto, {{"dispose", "DisposableStackDispose"}, {"move", "DisposableStackMove"}}, 0) &&
                          methods(proto, {{"use", "DisposableStackUse"}, {"defer", "DisposableStackDefer"}}, 1) &&
                          methods(proto, {{"adopt", "DisposableStackAdopt"}}, 2) &&
                          getter(proto, "disposed", "DisposableStackDisposed") &&
                          symbol_alias(proto, "dispose", vm.symbols().dispose);
    if (!ok) return false;
  }
  // %IteratorPrototype% [ %Symbol.dispose% ] and %AsyncIteratorPrototype% [ %Symbol.asyncDispose% ].
  auto symbol_method = [&](Object* target, Symbol* sym, const char* name, const char* impl) {
    Value fn = sh.Get(impl);
    String* n = NewStringFromLatin1(vm, name);
    return fn.IsObject() && n != nullptr && SetFunctionNameAndLength(vm, fn.AsObject(), Value::FromString(n), 0) &&
           SetOwnData(vm, target, PropertyKey(Value::FromSymbol(sym)), fn, kHiddenAttrs);
  };
  return symbol_method(realm.intrinsic(Intrinsic::kIteratorPrototype), vm.symbols().dispose, "[Symbol.dispose]",
                       "IteratorDispose") &&
         symbol_method(realm.intrinsic(Intrinsic::kAsyncIteratorPrototype), vm.symbols().asyncDispose,
                       "[Symbol.asyncDispose]", "AsyncIteratorDispose");
}

}  // namespace ratchet::internal
