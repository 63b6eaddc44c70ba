// 20.5 Error Objects, https://tc39.es/ecma262/#sec-error-objects
#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

std::string FormatStackTrace(Task* task, size_t max_frames);

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
  // InstallErrorCause ( O, options )
  Value options = a.arg(1);
  if (options.IsObject()) {
    OwnProperty prop;
    Object* holder;
    if (LookupProperty(vm, options.AsObject(), PropertyKey(Value::FromString(vm.atoms().cause)), &prop, &holder)) {
      if (prop.attrs & kAccessorBit) {
        return vm.ThrowError(ErrorKind::kTypeError, "an accessor 'cause' is not supported yet");
      }
      if (!SetOwnData(vm, e, PropertyKey(Value::FromString(vm.atoms().cause)), prop.value, kHiddenAttrs)) {
        return Oom(vm);
      }
    }
  }
  std::string stack = type.name;
  OwnProperty msg;
  if (GetOwnProperty(vm, e, PropertyKey(Value::FromString(vm.atoms().message)), &msg) && msg.value.IsString()) {
    stack += ": " + ToUtf8(msg.value.AsString());
  }
  if (!SetErrorStack(vm, e, stack, a.task)) return Oom(vm);
  return Value::FromObject(e);
}

}  // namespace

bool SetErrorStack(Vm& vm, Object* e, std::string header, Task* task) {
  if (task != nullptr) header += FormatStackTrace(task, 10);
  String* st = NewStringFromUtf8(vm, header);
  return st != nullptr &&
         SetOwnData(vm, e, PropertyKey(Value::FromString(vm.atoms().stack)), Value::FromString(st), kHiddenAttrs);
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
  return DefineSelfHostedMethod(vm, realm.intrinsic(Intrinsic::kErrorPrototype), "toString",
                                sh.Get("ErrorToString"), 0);
}

}  // namespace ratchet::internal
