// 21.2 BigInt Objects, https://tc39.es/ecma262/#sec-bigint-objects
// Arithmetic lives in vm/bigint.cc; the operators are in the interpreter's
// slow paths. Conversions that may run user code (ToPrimitive of objects)
// re-run the native with the argument converted (RequestArgumentConversion).
#include "runtime/builtins/builtins.h"
#include "vm/bigint.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

// 7.1.13 ToBigInt ( argument ) for a primitive.
BigInt* PrimitiveToBigInt(Vm& vm, Value prim) {
  if (prim.IsBigInt()) return prim.AsBigInt();
  if (prim.IsBoolean()) return BigIntFromInt64(vm, prim.AsBoolean() ? 1 : 0);
  if (prim.IsString()) {
    BigInt* out;
    if (!StringToBigInt(vm, prim.AsString(), &out)) {
      vm.ThrowError(ErrorKind::kSyntaxError, "Cannot convert " + ToUtf8(prim.AsString()) + " to a BigInt");
      return nullptr;
    }
    return out;
  }
  std::string what = prim.IsUndefined() ? "undefined" : prim.IsNull() ? "null" : prim.IsSymbol() ? "a Symbol" : "a number";
  if (prim.IsNumber()) what = NumberToStdString(prim.AsNumber());
  vm.ThrowError(ErrorKind::kTypeError, "Cannot convert " + what + " to a BigInt");
  return nullptr;
}

// 21.2.3.4.1 ThisBigIntValue ( value )
BigInt* ThisBigIntValue(Vm& vm, Value v, const char* method) {
  if (v.IsBigInt()) return v.AsBigInt();
  if (v.IsObject() && v.AsObject()->cls == ObjectClass::kBigInt) {
    Value p = static_cast<PrimitiveObject*>(v.AsObject())->primitive;
    if (p.IsBigInt()) return p.AsBigInt();
  }
  vm.ThrowError(ErrorKind::kTypeError, std::string("BigInt.prototype.") + method + " requires that 'this' be a BigInt");
  return nullptr;
}

// 21.2.1.1 BigInt ( value )
Value BigIntConstructor(Vm& vm, CallArgs& a) {
  // 1. If NewTarget is not undefined, throw a TypeError exception.
  if (!a.new_target.IsUndefined()) return vm.ThrowError(ErrorKind::kTypeError, "BigInt is not a constructor");
  // 2. Let prim be ? ToPrimitive(value, number).
  Value v = a.arg(0);
  if (v.IsObject()) return ConvertArgument(vm, v, ConversionHint::kPrimitiveNumber);
  // 3. If prim is a Number, return ? NumberToBigInt(prim).
  BigInt* r = v.IsNumber() ? NumberToBigInt(vm, v.AsNumber()) : PrimitiveToBigInt(vm, v);
  return r ? Value::FromBigInt(r) : Value::Empty();
}

// 21.2.2.1 BigInt.asIntN ( bits, bigint ) / 21.2.2.2 BigInt.asUintN.
Value BigIntAsN(Vm& vm, CallArgs& a) {
  bool is_signed = static_cast<NativeFunction*>(a.callee)->magic == 0;
  // 1. Set bits to ? ToIndex(bits).
  double d;
  if (!ArgToNumber(vm, a.arg(0), &d)) return Value::Empty();
  double bits = ToIntegerOrInfinity(d);
  if (bits < 0 || bits > 9007199254740991.0) return vm.ThrowError(ErrorKind::kRangeError, "Invalid value: not (convertible to) a safe integer");
  // 2. Set bigint to ? ToBigInt(bigint).
  Value v = a.arg(1);
  if (v.IsObject()) return ConvertArgument(vm, v, ConversionHint::kPrimitiveNumber);
  BigInt* x = PrimitiveToBigInt(vm, v);
  if (x == nullptr) return Value::Empty();
  BigInt* r = BigIntAsIntN(vm, static_cast<uint64_t>(bits), x, is_signed);
  return r ? Value::FromBigInt(r) : Value::Empty();
}

// 21.2.3.3 BigInt.prototype.toString ( [ radix ] ) and 21.2.3.2 toLocaleString.
Value BigIntProtoToString(Vm& vm, CallArgs& a) {
  BigInt* x = ThisBigIntValue(vm, a.this_value, "toString");
  if (x == nullptr) return Value::Empty();
  int radix = 10;
  if (static_cast<NativeFunction*>(a.callee)->magic == 0 && !a.arg(0).IsUndefined()) {
    double d;
    if (!ArgToNumber(vm, a.arg(0), &d)) return Value::Empty();
    d = ToIntegerOrInfinity(d);
    if (d < 2 || d > 36) return vm.ThrowError(ErrorKind::kRangeError, "toString() radix must be between 2 and 36");
    radix = static_cast<int>(d);
  }
  String* s = BigIntToString(vm, x, radix);
  return s ? Value::FromString(s) : Value::Empty();
}

// 21.2.3.4 BigInt.prototype.valueOf ( )
Value BigIntProtoValueOf(Vm& vm, CallArgs& a) {
  BigInt* x = ThisBigIntValue(vm, a.this_value, "valueOf");
  return x ? Value::FromBigInt(x) : Value::Empty();
}

}  // namespace

bool InstallBigInt(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kBigIntPrototype);
  Object* ctor = NewNativeFunction(vm, realm, "BigInt", BigIntConstructor, 1, true);
  if (ctor == nullptr) return false;
  Object* as_int = DefineNativeMethod(vm, realm, ctor, "asIntN", BigIntAsN, 2);
  Object* as_uint = DefineNativeMethod(vm, realm, ctor, "asUintN", BigIntAsN, 2);
  Object* to_string = DefineNativeMethod(vm, realm, proto, "toString", BigIntProtoToString, 0);
  Object* to_locale = DefineNativeMethod(vm, realm, proto, "toLocaleString", BigIntProtoToString, 0);
  if (as_int == nullptr || as_uint == nullptr || to_string == nullptr || to_locale == nullptr) return false;
  static_cast<NativeFunction*>(as_int)->magic = 0;
  static_cast<NativeFunction*>(as_uint)->magic = 1;
  static_cast<NativeFunction*>(to_string)->magic = 0;
  static_cast<NativeFunction*>(to_locale)->magic = 1;
  String* tag = vm.InternAscii("BigInt");
  return tag != nullptr && DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
         DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
         DefineValue(vm, realm.global, "BigInt", Value::FromObject(ctor)) &&
         DefineNativeMethod(vm, realm, proto, "valueOf", BigIntProtoValueOf, 0) != nullptr &&
         SetOwnData(vm, proto, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), Value::FromString(tag),
                    kConfigurable);
}

}  // namespace ratchet::internal
