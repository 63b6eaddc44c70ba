// 27.3 GeneratorFunction, 27.5 Generator objects, 27.7 AsyncFunction,
// 27.4 AsyncGeneratorFunction and 27.1.3 %AsyncIteratorPrototype%.
// https://tc39.es/ecma262/#sec-generator-objects
//
// A generator's frame is parked in its object (vm/generator.h); next, return
// and throw ask the interpreter to reattach it in place of the native call,
// so the generator body runs as an ordinary frame of the calling task.
#include "runtime/builtins/builtins.h"
#include "vm/generator.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

// 27.5.3.3 GeneratorResume / 27.5.3.4 GeneratorResumeAbrupt.
Value GeneratorResumeCommon(Vm& vm, CallArgs& a, ResumeMode mode, const char* method) {
  GeneratorObject* gen = AsGenerator(a.this_value);
  // 27.5.3.2 GeneratorValidate: RequireInternalSlot(generator, [[GeneratorState]]).
  if (gen == nullptr || gen->kind != GeneratorKind::kSync || gen->is_helper) {
    return vm.ThrowError(ErrorKind::kTypeError,
                         std::string("Generator.prototype.") + method + " called on incompatible receiver");
  }
  Value v = a.arg(0);
  Realm& realm = *vm.current_realm();
  switch (gen->state) {
    case GeneratorState::kExecuting:
    case GeneratorState::kAwaiting:
    case GeneratorState::kAwaitingReturn:
      return vm.ThrowError(ErrorKind::kTypeError, "Generator is already running");
    case GeneratorState::kSuspendedStart:
      if (mode == ResumeMode::kNext) break;
      // GeneratorResumeAbrupt: a generator that never started completes.
      FinishGenerator(vm, gen);
      [[fallthrough]];
    case GeneratorState::kCompleted: {
      if (mode == ResumeMode::kThrow) return vm.Throw(v);
      Object* r = NewIterResult(vm, realm, mode == ResumeMode::kReturn ? v : Value::Undefined(), true);
      return r ? Value::FromObject(r) : Oom(vm);
    }
    case GeneratorState::kSuspendedYield:
      break;
  }
  return vm.RequestResume(gen, static_cast<int32_t>(mode), v);
}

// 27.5.1.2 %GeneratorPrototype%.next ( value )
Value GeneratorNext(Vm& vm, CallArgs& a) { return GeneratorResumeCommon(vm, a, ResumeMode::kNext, "next"); }
// 27.5.1.3 %GeneratorPrototype%.return ( value )
Value GeneratorReturn(Vm& vm, CallArgs& a) {
  return GeneratorResumeCommon(vm, a, ResumeMode::kReturn, "return");
}
// 27.5.1.4 %GeneratorPrototype%.throw ( exception )
Value GeneratorThrow(Vm& vm, CallArgs& a) { return GeneratorResumeCommon(vm, a, ResumeMode::kThrow, "throw"); }

// 27.1.3.1 %AsyncIteratorPrototype% [ @@asyncIterator ] ( )
Value ReturnThis(Vm& vm, CallArgs& a) { return a.this_value; }

bool DefineTag(Vm& vm, Object* o, std::string_view tag) {
  String* s = vm.InternAscii(tag);
  return s != nullptr && SetOwnData(vm, o, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)),
                                    Value::FromString(s), kConfigurable);
}

// One of the Function constructor's siblings: %GeneratorFunction% and co.
// `fn_proto` is its `prototype`; `instance_proto` (if any) the prototype of
// the generator objects, reachable as fn_proto.prototype.
bool InstallFunctionKind(Vm& vm, Realm& realm, const char* name, int magic, Object* fn_proto,
                         Object* instance_proto, const char* fn_tag, const char* instance_tag) {
  Object* ctor = NewNativeFunction(vm, realm, name, FunctionConstructor, 1, true);
  if (ctor == nullptr) return false;
  static_cast<NativeFunction*>(ctor)->magic = magic;
  ctor->proto = realm.intrinsic(Intrinsic::kFunction);
  if (!DefineValue(vm, ctor, "prototype", Value::FromObject(fn_proto), 0) ||
      !DefineValue(vm, fn_proto, "constructor", Value::FromObject(ctor), kConfigurable) ||
      !DefineTag(vm, fn_proto, fn_tag)) {
    return false;
  }
  if (instance_proto != nullptr) {
    if (!DefineValue(vm, fn_proto, "prototype", Value::FromObject(instance_proto), kConfigurable) ||
        !DefineValue(vm, instance_proto, "constructor", Value::FromObject(fn_proto), kConfigurable) ||
        !DefineTag(vm, instance_proto, instance_tag)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool InstallGenerators(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* gen_proto = realm.intrinsic(Intrinsic::kGeneratorPrototype);
  if (!InstallFunctionKind(vm, realm, "GeneratorFunction", 1,
                           realm.intrinsic(Intrinsic::kGeneratorFunctionPrototype), gen_proto,
                           "GeneratorFunction", "Generator") ||
      !InstallFunctionKind(vm, realm, "AsyncFunction", 2, realm.intrinsic(Intrinsic::kAsyncFunctionPrototype),
                           nullptr, "AsyncFunction", nullptr) ||
      !InstallFunctionKind(vm, realm, "AsyncGeneratorFunction", 3,
                           realm.intrinsic(Intrinsic::kAsyncGeneratorFunctionPrototype),
                           realm.intrinsic(Intrinsic::kAsyncGeneratorPrototype), "AsyncGeneratorFunction",
                           "AsyncGenerator")) {
    return false;
  }
  if (DefineNativeMethod(vm, realm, gen_proto, "next", GeneratorNext, 1) == nullptr ||
      DefineNativeMethod(vm, realm, gen_proto, "return", GeneratorReturn, 1) == nullptr ||
      DefineNativeMethod(vm, realm, gen_proto, "throw", GeneratorThrow, 1) == nullptr) {
    return false;
  }
  Object* agen_proto = realm.intrinsic(Intrinsic::kAsyncGeneratorPrototype);
  if (!DefineSelfHostedMethod(vm, agen_proto, "next", sh.Get("AsyncGeneratorNext"), 1) ||
      !DefineSelfHostedMethod(vm, agen_proto, "return", sh.Get("AsyncGeneratorReturn"), 1) ||
      !DefineSelfHostedMethod(vm, agen_proto, "throw", sh.Get("AsyncGeneratorThrow"), 1)) {
    return false;
  }
  Object* async_iter = NewNativeFunction(vm, realm, "[Symbol.asyncIterator]", ReturnThis, 0);
  return async_iter != nullptr &&
         SetOwnData(vm, realm.intrinsic(Intrinsic::kAsyncIteratorPrototype),
                    PropertyKey(Value::FromSymbol(vm.symbols().asyncIterator)), Value::FromObject(async_iter),
                    kHiddenAttrs);
}

}  // namespace ratchet::internal
