#include "runtime/builtins/builtins.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "vm/code.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

PropertyKey NameKey(Vm& vm, std::string_view name) {
  String* s = vm.InternAscii(name);
  if (s == nullptr) return PropertyKey(Value::Empty());
  return vm.KeyFromString(s);
}

Object* NewNativeFunction(Vm& vm, Realm& realm, std::string_view name, NativeFn fn, int length,
                          bool constructor) {
  Object* proto = realm.intrinsic(Intrinsic::kFunctionPrototype);
  // Room for `length` and `name` in the cell (most builtins get no more).
  Object* o = NewObjectWithSlots(vm, proto, ObjectClass::kNative, sizeof(NativeFunction), 2);
  if (o == nullptr) return nullptr;
  auto* f = static_cast<NativeFunction*>(o);
  f->fn = fn;
  f->realm = &realm;
  f->data = Value::Undefined();
  f->is_constructor = constructor;
  String* n = vm.InternAscii(name);
  // A fresh object: add the two properties without looking them up first.
  const Atoms& atoms = vm.atoms();
  if (n == nullptr || !AddAbsentNamed(vm, o, Value::FromString(atoms.length), Value::Number(length), kConfigurable) ||
      !AddAbsentNamed(vm, o, Value::FromString(atoms.name), Value::FromString(n), kConfigurable)) {
    return nullptr;
  }
  return o;
}

Object* DefineNativeMethod(Vm& vm, Realm& realm, Object* target, std::string_view name, NativeFn fn,
                           int length) {
  Object* f = NewNativeFunction(vm, realm, name, fn, length);
  if (f == nullptr) return nullptr;
  PropertyKey k = NameKey(vm, name);
  if (k.v.IsEmpty() || !SetOwnData(vm, target, k, Value::FromObject(f), kHiddenAttrs)) return nullptr;
  return f;
}

bool DefineSelfHostedMethod(Vm& vm, Object* target, std::string_view name, Value fn, int length) {
  if (!fn.IsObject()) return false;
  String* n = vm.InternAscii(name);
  if (n == nullptr || !SetFunctionNameAndLength(vm, fn.AsObject(), Value::FromString(n), length)) {
    return false;
  }
  PropertyKey k = NameKey(vm, name);
  return !k.v.IsEmpty() && SetOwnData(vm, target, k, fn, kHiddenAttrs);
}

namespace {

// 7.3.24 GetFunctionRealm ( obj ), for the function kinds Ratchet has.
Realm* FunctionRealm(Object* f) {
  for (int depth = 0; f != nullptr && depth < 10000; ++depth) {
    switch (f->cls) {
      case ObjectClass::kClosure: return static_cast<Closure*>(f)->realm;
      case ObjectClass::kNative: return static_cast<NativeFunction*>(f)->realm;
      case ObjectClass::kBound: f = static_cast<BoundFunction*>(f)->target; break;
      case ObjectClass::kCallableProxy: {
        Value t = static_cast<ProxyObject*>(f)->target;
        f = t.IsObject() ? t.AsObject() : nullptr;  // revoked: the current realm
        break;
      }
      default: return nullptr;
    }
  }
  return nullptr;
}

}  // namespace

Object* PrototypeFromConstructor(Vm& vm, Value new_target, Object* fallback) {
  if (!new_target.IsObject()) return fallback;
  OwnProperty prop;
  Object* holder;
  Value computed = vm.native_construct_proto();
  if (!computed.IsEmpty()) {  // read by JavaScript (a getter or a proxy)
    vm.native_construct_proto() = Value::Empty();
    if (computed.IsObject()) return computed.AsObject();
  } else if (LookupProperty(vm, new_target.AsObject(), PropertyKey(Value::FromString(vm.atoms().prototype)), &prop,
                     &holder) &&
      !(prop.attrs & kAccessorBit) && prop.value.IsObject()) {
    return prop.value.AsObject();
  }
  // 10.1.14 step 4: the intrinsic of the constructor's realm. `fallback` is
  // an intrinsic of the current realm; find its counterpart.
  Realm* current = vm.current_realm();
  Realm* target = FunctionRealm(new_target.AsObject());
  if (current != nullptr && target != nullptr && target != current) {
    for (int i = 0; i < static_cast<int>(Intrinsic::kCount); ++i) {
      if (current->intrinsics[i] == fallback) return target->intrinsics[i];
    }
  }
  return fallback;
}

bool DefineValue(Vm& vm, Object* target, std::string_view name, Value v, uint8_t attrs) {
  PropertyKey k = NameKey(vm, name);
  return !k.v.IsEmpty() && SetOwnData(vm, target, k, v, attrs);
}

bool DefineGetter(Vm& vm, Realm& realm, Object* target, PropertyKey key, std::string_view name,
                  NativeFn fn) {
  Object* f = NewNativeFunction(vm, realm, absl::StrCat("get ", std::string(name)), fn, 0);
  if (f == nullptr) return false;
  Accessor* acc = NewAccessor(vm, Value::FromObject(f), Value::Undefined());
  return acc != nullptr && SetOwnData(vm, target, key, AccessorToValue(acc), kConfigurable | kAccessorBit);
}

// Converting an object (valueOf, toString, Symbol.toPrimitive) runs
// JavaScript, which a native must not call. Instead the native asks to be
// called again with that argument (or its this value) converted: a tail call
// to the self-hosted ConvertArgumentAndRetry, which converts and re-calls the
// native. Natives convert their arguments before any side effect, so running
// them again from the start is unobservable, and conversions keep their spec
// order (one per round). False when `v` is not among the running native's
// arguments (the caller then reports a TypeError).
bool RequestArgumentConversion(Vm& vm, Value v, ConversionHint hint) {
  CallArgs* a = vm.current_native_args();
  if (a == nullptr || a->callee == nullptr || vm.current_realm() == nullptr) return false;
  int32_t index = -2;
  if (a->this_value == v) {
    index = -1;
  } else {
    for (uint32_t i = 0; i < a->argc; ++i) {
      if (a->args[i] == v) {
        index = static_cast<int32_t>(i);
        break;
      }
    }
  }
  if (index == -2) return false;
  Realm& realm = *vm.current_realm();
  Object* arr = NewArray(vm, realm);
  if (arr == nullptr) return false;
  for (uint32_t i = 0; i < a->argc; ++i) {
    if (!ArrayPush(vm, arr, a->args[i])) return false;
  }
  vm.RequestTailCall(realm.self_hosted_fn(SelfHosted::kConvertArgumentAndRetry), Value::Undefined(),
                     {Value::FromObject(a->callee), a->this_value, a->new_target, Value::Int32(index),
                      Value::Int32(static_cast<int32_t>(hint)), Value::FromObject(arr)});
  return true;
}

Value ConvertArgument(Vm& vm, Value v, ConversionHint hint) {
  if (!RequestArgumentConversion(vm, v, hint)) {
    vm.ThrowError(ErrorKind::kTypeError, "Cannot convert object argument here");
  }
  return Value::Empty();
}

String* ArgToString(Vm& vm, Value v) {
  if (v.IsObject()) {
    if (!RequestArgumentConversion(vm, v, ConversionHint::kString)) {
      vm.ThrowError(ErrorKind::kTypeError, "Cannot convert object argument to a string here");
    }
    return nullptr;
  }
  return PrimitiveToString(vm, v);
}

bool ArgToNumber(Vm& vm, Value v, double* out) {
  if (v.IsObject()) {
    if (!RequestArgumentConversion(vm, v, ConversionHint::kNumber)) {
      vm.ThrowError(ErrorKind::kTypeError, "Cannot convert object argument to a number here");
    }
    return false;
  }
  return PrimitiveToNumber(vm, v, out);
}

double ToIntegerOrInfinity(double d) {
  if (std::isnan(d) || d == 0) return 0;
  if (std::isinf(d)) return d;
  double t = std::trunc(d);
  return t == 0 ? 0 : t;
}

String* FunctionToString(Vm& vm, Object* fn) {
  if (fn->cls == ObjectClass::kClosure) {
    Code* code = static_cast<Closure*>(fn)->code;
    if (!(code->flags & Code::kNative) && code->source != nullptr && code->source->text != nullptr &&
        code->source_end > code->source_start && code->source_end <= code->source->text->size()) {
      return NewStringFromUtf16(vm, std::u16string_view(*code->source->text)
                                        .substr(code->source_start, code->source_end - code->source_start));
    }
  }
  OwnProperty prop;
  std::string name;
  if (GetOwnProperty(vm, fn, PropertyKey(Value::FromString(vm.atoms().name)), &prop) &&
      prop.value.IsString()) {
    name = ToUtf8(prop.value.AsString());
  }
  // NativeFunction syntax: `function` [get|set] [PropertyName] (...). A
  // name that is no IdentifierName (RegExp's legacy `$&`) is left out.
  std::string_view rest = name;
  std::string_view accessor;
  for (std::string_view prefix : {"get ", "set "}) {
    if (rest.substr(0, 4) == prefix) {
      accessor = prefix;
      rest.remove_prefix(4);
    }
  }
  bool identifier = !rest.empty() && rest[0] != '[' && !(rest[0] >= '0' && rest[0] <= '9');
  for (char c : rest) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80))) identifier = false;
  }
  if (!identifier && !(rest.size() > 2 && rest.front() == '[' && rest.back() == ']')) rest = {};
  return NewStringFromUtf8(vm, "function " + std::string(accessor) + std::string(rest) + "() { [native code] }");
}

String* ObjectToStringTag(Vm& vm, Value v, Value* tag_getter, Object** receiver, std::string* builtin_tag) {
  std::string tag;
  if (v.IsUndefined()) {
    tag = "Undefined";
  } else if (v.IsNull()) {
    tag = "Null";
  } else {
    Object* o = v.IsObject() ? v.AsObject() : ToObject(vm, *vm.current_realm(), v);
    if (o == nullptr) return nullptr;
    switch (o->cls) {
      case ObjectClass::kArray: tag = "Array"; break;
      case ObjectClass::kArguments: tag = "Arguments"; break;
      case ObjectClass::kClosure:
      case ObjectClass::kNative:
      case ObjectClass::kBound: tag = "Function"; break;
      case ObjectClass::kError: tag = "Error"; break;
      case ObjectClass::kBoolean: tag = "Boolean"; break;
      case ObjectClass::kNumber: tag = "Number"; break;
      case ObjectClass::kString: tag = "String"; break;
      case ObjectClass::kDate: tag = "Date"; break;
      case ObjectClass::kRegExp: tag = "RegExp"; break;
      case ObjectClass::kCallableProxy: tag = "Function"; break;
      case ObjectClass::kProxy: {
        int is_array = IsArrayValue(vm, Value::FromObject(o));
        if (is_array < 0) return nullptr;
        tag = is_array ? "Array" : "Object";
        break;
      }
      default: tag = "Object"; break;
    }
    // @@toStringTag: a data property here; a getter (or a proxy's [[Get]])
    // is reported to the caller, which runs it as a frame.
    OwnProperty prop;
    Object* holder;
    Object* proxy;
    PropertyKey tag_key(Value::FromSymbol(vm.symbols().toStringTag));
    bool found = LookupPropertyOrProxy(vm, o, tag_key, &prop, &holder, &proxy);
    if (proxy != nullptr && tag_getter != nullptr) {
      *tag_getter = BoundSelfHostedCall(vm, *vm.current_realm(), SelfHosted::kProxyGet,
                                        {Value::FromObject(proxy), tag_key.v, Value::FromObject(o)});
      if (tag_getter->IsEmpty()) {
        vm.ThrowOutOfMemory();
        *tag_getter = Value::Undefined();
        return nullptr;
      }
      *receiver = o;
      *builtin_tag = tag;
      return nullptr;
    }
    if (found) {
      if (!(prop.attrs & kAccessorBit)) {
        if (prop.value.IsString()) tag = ToUtf8(prop.value.AsString());
      } else if (tag_getter != nullptr && !ValueToAccessor(prop.value)->getter.IsUndefined()) {
        *tag_getter = ValueToAccessor(prop.value)->getter;
        *receiver = o;
        *builtin_tag = tag;
        return nullptr;
      }
    }
  }
  return NewStringFromUtf8(vm, absl::StrCat("[object ", tag, "]"));
}

String* JsonQuote(Vm& vm, String* s) {
  std::u16string out;
  out.reserve(s->length + 2);
  out.push_back(u'"');
  for (uint32_t i = 0; i < s->length; ++i) {
    char16_t c = s->At(i);
    switch (c) {
      case u'"': out += u"\\\""; break;
      case u'\\': out += u"\\\\"; break;
      case u'\b': out += u"\\b"; break;
      case u'\f': out += u"\\f"; break;
      case u'\n': out += u"\\n"; break;
      case u'\r': out += u"\\r"; break;
      case u'\t': out += u"\\t"; break;
      default: {
        bool lone = false;
        if (c >= 0xD800 && c <= 0xDBFF) {
          lone = !(i + 1 < s->length && s->At(i + 1) >= 0xDC00 && s->At(i + 1) <= 0xDFFF);
          if (!lone) {
            out.push_back(c);
            out.push_back(s->At(++i));
            continue;
          }
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
          lone = true;
        }
        if (c < 0x20 || lone) {
          static const char kHex[] = "0123456789abcdef";
          out += u"\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(c >> shift) & 0xF]);
        } else {
          out.push_back(c);
        }
      }
    }
  }
  out.push_back(u'"');
  return NewStringFromUtf16(vm, out);
}

}  // namespace ratchet::internal
