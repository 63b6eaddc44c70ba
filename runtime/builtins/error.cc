// 20.5 Error Objects, https://tc39.es/ecma262/#sec-error-objects
#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

std::string FormatStackTrace(Task* task, size_t max_frames);
std::string FormatStackTraceBelow(Task* task, size_t max_frames, Object* skip_through);

namespace {

struct ErrorType {
  const char* name;
  Intrinsic proto;
};

const ErrorType kErrorTypes[] = {
    {"Error", Intrinsic::kErrorPrototype},
    {"TypeError", Intrinsic::kTypeErrorPrototype},
    {"RangeError", Intrinsic::kRangeErrorPrototype},
    {"ReferenceError", Intrinsic::kReferenceErrorPrototype},
    {"SyntaxError", Intrinsic::kSyntaxErrorPrototype},
    {"EvalError", Intrinsic::kEvalErrorPrototype},
    {"URIError", Intrinsic::kURIErrorPrototype},
    {"InternalError", Intrinsic::kInternalErrorPrototype},
};

// 20.5.1.1 Error ( message [ , options ] ) and 20.5.6.1 NativeError.
Value ErrorConstructor(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  const ErrorType& type = kErrorTypes[self->magic];
  Realm& realm = *self->realm;
  // OrdinaryCreateFromConstructor(newTarget, "%NativeError.prototype%").
  Object* proto = PrototypeFromConstructor(vm, a.new_target, realm.intrinsic(type.proto));
  Object* e = NewObject(vm, proto, ObjectClass::kError, sizeof(PrimitiveObject));
  if (e == nullptr) return Oom(vm);
  if (!a.arg(0).IsUndefined()) {
    String* msg = ArgToString(vm, a.arg(0));
    if (msg == nullptr) return Value::Empty();
    if (!SetOwnData(vm, e, PropertyKey(Value::FromString(vm.atoms().message)), Value::FromString(msg),
                    kHiddenAttrs)) {
      return Oom(vm);
    }
  }
  std::string stack = type.name;
  OwnProperty msg;
  if (GetOwnProperty(vm, e, PropertyKey(Value::FromString(vm.atoms().message)), &msg) && msg.value.IsString()) {
    stack += ": " + ToUtf8(msg.value.AsString());
  }
  if (!SetErrorStack(vm, e, stack, a.task)) return Oom(vm);
  // 20.5.8.1 InstallErrorCause ( O, options )
  Value options = a.arg(1);
  if (options.IsObject()) {
    OwnProperty prop;
    Object* holder = nullptr;
    Object* proxy = nullptr;
    PropertyKey cause(Value::FromString(vm.atoms().cause));
    if (!LookupPropertyOrProxy(vm, options.AsObject(), cause, &prop, &holder, &proxy)) {
      if (proxy == nullptr) return Value::FromObject(e);  // absent all the way up
    } else if (!(prop.attrs & kAccessorBit)) {
      if (!SetOwnData(vm, e, cause, prop.value, kHiddenAttrs)) return Oom(vm);
      return Value::FromObject(e);
    }
    // A getter, or a proxy on the chain: HasProperty and Get may run code.
    return ProxyHandOver(vm, SelfHosted::kInstallErrorCause, {Value::FromObject(e), options});
  }
  return Value::FromObject(e);
}

// Error.captureStackTrace: the current frames below constructorOpt's, then
// the self-hosted ErrorCaptureStackTrace(target, frames) adds the header
// and defines "stack".
Value ErrorCaptureStackTrace(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Error.captureStackTrace: the target must be an object");
  }
  Object* skip = IsCallable(a.arg(1)) ? a.arg(1).AsObject() : nullptr;
  String* frames = NewStringFromUtf8(vm, a.task ? FormatStackTraceBelow(a.task, 10, skip) : std::string());
  if (frames == nullptr) return Oom(vm);
  auto* self = static_cast<NativeFunction*>(a.callee);
  return vm.RequestTailCall(self->data, Value::Undefined(), {a.arg(0), Value::FromString(frames)});
}

// Error.prototype.stack getter (the error-stack-accessor proposal): the
// stack string of an object with [[ErrorData]], else undefined.
Value ErrorProtoStackGetter(Vm& vm, CallArgs& a) {
  if (!a.this_value.IsObject()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Error.prototype.stack getter called on a non-object");
  }
  Object* o = a.this_value.AsObject();
  if (o->cls != ObjectClass::kError) return Value::Undefined();
  Value st = static_cast<PrimitiveObject*>(o)->primitive;
  return st.IsString() ? st : Value::FromString(vm.atoms().empty);
}

// Error.prototype.stack setter: SetterThatIgnoresPrototypeProperties(this
// value, %Error.prototype%, "stack", V).
Value ErrorProtoStackSetter(Vm& vm, CallArgs& a) {
  if (!a.this_value.IsObject()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Error.prototype.stack setter called on a non-object");
  }
  if (a.argc < 1) return vm.ThrowError(ErrorKind::kTypeError, "Error.prototype.stack setter requires a value");
  if (!a.arg(0).IsString()) return vm.ThrowError(ErrorKind::kTypeError, "Error.prototype.stack must be a string");
  Object* home = static_cast<NativeFunction*>(a.callee)->realm->intrinsic(Intrinsic::kErrorPrototype);
  if (a.this_value.AsObject() == home) {
    return vm.ThrowError(ErrorKind::kTypeError, "Cannot set 'stack' on Error.prototype");
  }
  return ProxyHandOver(vm, SelfHosted::kSetterIgnoringPrototype,
                       {a.this_value, Value::FromString(vm.atoms().stack), a.arg(0)});
}

}  // namespace

bool SetErrorStack(Vm& vm, Object* e, std::string header, Task* task) {
  if (task != nullptr) header += FormatStackTrace(task, 10);
  String* st = NewStringFromUtf8(vm, header);
  if (st == nullptr) return false;
  static_cast<PrimitiveObject*>(e)->primitive = Value::FromString(st);
  return true;
}

bool InstallErrors(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* error_ctor = nullptr;
  for (int i = 0; i < static_cast<int>(std::size(kErrorTypes)); ++i) {
    const ErrorType& t = kErrorTypes[i];
    Object* parent_proto = i == 0 ? realm.intrinsic(Intrinsic::kObjectPrototype)
                                  : realm.intrinsic(Intrinsic::kErrorPrototype);
    Object* proto = NewObject(vm, parent_proto);
    if (proto == nullptr) return false;
    realm.intrinsics[static_cast<int>(t.proto)] = proto;
    Object* ctor = NewNativeFunction(vm, realm, t.name, ErrorConstructor, 1, true);
    if (ctor == nullptr) return false;
    static_cast<NativeFunction*>(ctor)->magic = i;
    if (i == 0) {
      error_ctor = ctor;
      // Error.isError ( arg ): whether arg has an [[ErrorData]] internal slot.
      // Error.captureStackTrace ( targetObject [ , constructorOpt ] ) (the
      // V8 API): the header (Error.prototype.toString of the target, which
      // may run getters) comes from the self-hosted half, this native's
      // data; the frames from here.
      Object* capture = DefineNativeMethod(vm, realm, ctor, "captureStackTrace", ErrorCaptureStackTrace, 2);
      if (capture == nullptr) return false;
      static_cast<NativeFunction*>(capture)->data = sh.Get("ErrorCaptureStackTrace");
      if (DefineNativeMethod(vm, realm, ctor, "isError", [](Vm& vm, CallArgs& a) -> Value {
            return Value::Boolean(a.arg(0).IsObject() && a.arg(0).AsObject()->cls == ObjectClass::kError);
          }, 1) == nullptr) {
        return false;
      }
    } else {
      ctor->proto = error_ctor;
    }
    String* name = vm.InternAscii(t.name);
    if (name == nullptr || !DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) ||
        !DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) ||
        !DefineValue(vm, proto, "name", Value::FromString(name)) ||
        !DefineValue(vm, proto, "message", Value::FromString(vm.atoms().empty)) ||
        !DefineValue(vm, realm.global, t.name, Value::FromObject(ctor))) {
      return false;
    }
  }
  Object* proto = realm.intrinsic(Intrinsic::kErrorPrototype);
  Object* getter = NewNativeFunction(vm, realm, "get stack", ErrorProtoStackGetter, 0);
  Object* setter = NewNativeFunction(vm, realm, "set stack", ErrorProtoStackSetter, 1);
  if (getter == nullptr || setter == nullptr) return false;
  PropertyDescriptor stack;
  stack.get = Value::FromObject(getter);
  stack.set = Value::FromObject(setter);
  stack.enumerable = 0;
  stack.configurable = 1;
  return DefineOwnProperty(vm, proto, PropertyKey(Value::FromString(vm.atoms().stack)), stack) ==
             DefineResult::kOk &&
         DefineSelfHostedMethod(vm, proto, "toString", sh.Get("ErrorToString"), 0);
}

}  // namespace ratchet::internal
