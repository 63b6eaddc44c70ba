// 21.1 Number Objects, 21.3 The Math Object, 20.3 Boolean Objects,
// 20.4 Symbol Objects.
#include <cmath>
#include <gmp.h>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "double-conversion/double-conversion.h"
#include "runtime/builtins/builtins.h"
#include "vm/typed_array.h"
#include "vm/bigint.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

bool ThisNumber(Vm& vm, Value t, double* out) {
  if (t.IsNumber()) {
    *out = t.AsNumber();
    return true;
  }
  if (t.IsObject() && t.AsObject()->cls == ObjectClass::kNumber) {
    *out = static_cast<PrimitiveObject*>(t.AsObject())->primitive.AsNumber();
    return true;
  }
  vm.ThrowError(ErrorKind::kTypeError, "Number.prototype method called on an incompatible receiver");
  return false;
}

// 21.1.1.1 Number ( value )
Value NumberConstructor(Vm& vm, CallArgs& a) {
  double n = 0;
  if (a.argc > 0) {
    // 1.a. Let prim be ? ToNumeric(value).
    Value v = a.args[0];
    if (v.IsObject()) return ConvertArgument(vm, v, ConversionHint::kNumeric);
    // 1.b. If prim is a BigInt, let n be 𝔽(ℝ(prim)).
    if (v.IsBigInt()) {
      n = BigIntToNumber(v.AsBigInt());
    } else if (!ArgToNumber(vm, v, &n)) {
      return Value::Empty();
    }
  }
  if (a.new_target.IsUndefined()) return Value::Number(n);
  Object* proto = PrototypeFromConstructor(vm, a.new_target, vm.current_realm()->intrinsic(Intrinsic::kNumberPrototype));
  if (proto == nullptr) return Value::Empty();
  Object* o = NewObject(vm, proto, ObjectClass::kNumber, sizeof(PrimitiveObject));
  if (o == nullptr) return Oom(vm);
  static_cast<PrimitiveObject*>(o)->primitive = Value::Number(n);
  return Value::FromObject(o);
}

Value NumberProtoValueOf(Vm& vm, CallArgs& a) {
  double d;
  return ThisNumber(vm, a.this_value, &d) ? Value::Number(d) : Value::Empty();
}

// 21.1.3.6 Number.prototype.toString ( [ radix ] )
Value NumberProtoToString(Vm& vm, CallArgs& a) {
  double d;
  if (!ThisNumber(vm, a.this_value, &d)) return Value::Empty();
  double radix = 10;
  if (!a.arg(0).IsUndefined()) {
    if (!ArgToNumber(vm, a.arg(0), &radix)) return Value::Empty();
    radix = ToIntegerOrInfinity(radix);
    if (radix < 2 || radix > 36) return vm.ThrowError(ErrorKind::kRangeError, "toString() radix must be between 2 and 36");
  }
  String* s = NewStringFromLatin1(vm, NumberToRadixString(d, static_cast<int>(radix)));
  return s ? Value::FromString(s) : Oom(vm);
}

// 21.1.3.3 Number.prototype.toFixed ( fractionDigits )
Value NumberProtoToFixed(Vm& vm, CallArgs& a) {
  double d, f;
  if (!ThisNumber(vm, a.this_value, &d) || !ArgToNumber(vm, a.arg(0), &f)) return Value::Empty();
  f = ToIntegerOrInfinity(f);
  if (f < 0 || f > 100) return vm.ThrowError(ErrorKind::kRangeError, "toFixed() digits argument must be between 0 and 100");
  if (!std::isfinite(d) || std::fabs(d) >= 1e21) {
    String* s = NumberToString(vm, d);
    return s ? Value::FromString(s) : Oom(vm);
  }
  char buf[256];
  double_conversion::StringBuilder builder(buf, sizeof buf);
  static const double_conversion::DoubleToStringConverter converter(
      double_conversion::DoubleToStringConverter::NO_FLAGS, "Infinity", "NaN", 'e', -6, 21, 6, 0);
  converter.ToFixed(d == 0 ? 0.0 : d, static_cast<int>(f), &builder);
  String* s = NewStringFromLatin1(vm, builder.Finalize());
  return s ? Value::FromString(s) : Oom(vm);
}

// 21.1.3.2 Number.prototype.toExponential ( fractionDigits )
Value NumberProtoToExponential(Vm& vm, CallArgs& a) {
  double d, f = 0;
  if (!ThisNumber(vm, a.this_value, &d) || !ArgToNumber(vm, a.arg(0), &f)) return Value::Empty();
  f = ToIntegerOrInfinity(f);
  if (!std::isfinite(d)) {
    String* s = NumberToString(vm, d);
    return s ? Value::FromString(s) : Oom(vm);
  }
  if (f < 0 || f > 100) {
    return vm.ThrowError(ErrorKind::kRangeError, "toExponential() argument must be between 0 and 100");
  }
  char buf[256];
  double_conversion::StringBuilder builder(buf, sizeof buf);
  static const double_conversion::DoubleToStringConverter converter(
      double_conversion::DoubleToStringConverter::EMIT_POSITIVE_EXPONENT_SIGN, "Infinity", "NaN", 'e', -6, 21, 6,
      0);
  converter.ToExponential(d == 0 ? 0.0 : d, a.arg(0).IsUndefined() ? -1 : static_cast<int>(f), &builder);
  String* s = NewStringFromLatin1(vm, builder.Finalize());
  return s ? Value::FromString(s) : Oom(vm);
}

// 21.1.3.5 Number.prototype.toPrecision ( precision )
Value NumberProtoToPrecision(Vm& vm, CallArgs& a) {
  double d, p;
  if (!ThisNumber(vm, a.this_value, &d)) return Value::Empty();
  if (a.arg(0).IsUndefined()) {
    String* s = NumberToString(vm, d);
    return s ? Value::FromString(s) : Oom(vm);
  }
  if (!ArgToNumber(vm, a.arg(0), &p)) return Value::Empty();
  p = ToIntegerOrInfinity(p);
  if (!std::isfinite(d)) {
    String* s = NumberToString(vm, d);
    return s ? Value::FromString(s) : Oom(vm);
  }
  if (p < 1 || p > 100) return vm.ThrowError(ErrorKind::kRangeError, "toPrecision() argument must be between 1 and 100");
  char buf[256];
  double_conversion::StringBuilder builder(buf, sizeof buf);
  static const double_conversion::DoubleToStringConverter converter(
      double_conversion::DoubleToStringConverter::EMIT_POSITIVE_EXPONENT_SIGN, "Infinity", "NaN", 'e', -6, 21, 6,
      0);
  converter.ToPrecision(d == 0 ? 0.0 : d, static_cast<int>(p), &builder);
  String* s = NewStringFromLatin1(vm, builder.Finalize());
  return s ? Value::FromString(s) : Oom(vm);
}

Value NumberIsFinite(Vm& vm, CallArgs& a) {
  return Value::Boolean(a.arg(0).IsNumber() && std::isfinite(a.arg(0).AsNumber()));
}
Value NumberIsNaN(Vm& vm, CallArgs& a) {
  return Value::Boolean(a.arg(0).IsNumber() && std::isnan(a.arg(0).AsNumber()));
}
Value NumberIsInteger(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsNumber()) return Value::Boolean(false);
  double d = a.arg(0).AsNumber();
  return Value::Boolean(std::isfinite(d) && std::trunc(d) == d);
}
Value NumberIsSafeInteger(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsNumber()) return Value::Boolean(false);
  double d = a.arg(0).AsNumber();
  return Value::Boolean(std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9007199254740991.0);
}

// ---- Boolean ----

Value BooleanConstructor(Vm& vm, CallArgs& a) {
  bool b = ToBoolean(a.arg(0));
  if (a.new_target.IsUndefined()) return Value::Boolean(b);
  Object* o = ToObject(vm, *vm.current_realm(), Value::Boolean(b));
  return o ? Value::FromObject(o) : Value::Empty();
}

bool ThisBoolean(Vm& vm, Value t, bool* out) {
  if (t.IsBoolean()) {
    *out = t.AsBoolean();
    return true;
  }
  if (t.IsObject() && t.AsObject()->cls == ObjectClass::kBoolean) {
    *out = static_cast<PrimitiveObject*>(t.AsObject())->primitive.AsBoolean();
    return true;
  }
  vm.ThrowError(ErrorKind::kTypeError, "Boolean.prototype method called on an incompatible receiver");
  return false;
}
Value BooleanProtoValueOf(Vm& vm, CallArgs& a) {
  bool b;
  return ThisBoolean(vm, a.this_value, &b) ? Value::Boolean(b) : Value::Empty();
}
Value BooleanProtoToString(Vm& vm, CallArgs& a) {
  bool b;
  if (!ThisBoolean(vm, a.this_value, &b)) return Value::Empty();
  return Value::FromString(b ? vm.atoms().true_ : vm.atoms().false_);
}

// ---- Symbol ----

Value SymbolConstructor(Vm& vm, CallArgs& a) {
  if (!a.new_target.IsUndefined()) return vm.ThrowError(ErrorKind::kTypeError, "Symbol is not a constructor");
  Value desc = Value::Undefined();
  if (!a.arg(0).IsUndefined()) {
    String* s = ArgToString(vm, a.arg(0));
    if (s == nullptr) return Value::Empty();
    desc = Value::FromString(s);
  }
  Symbol* sym = NewSymbol(vm, desc);
  return sym ? Value::FromSymbol(sym) : Oom(vm);
}

bool ThisSymbol(Vm& vm, Value t, Symbol** out) {
  if (t.IsSymbol()) {
    *out = t.AsSymbol();
    return true;
  }
  if (t.IsObject() && t.AsObject()->cls == ObjectClass::kSymbol) {
    *out = static_cast<PrimitiveObject*>(t.AsObject())->primitive.AsSymbol();
    return true;
  }
  vm.ThrowError(ErrorKind::kTypeError, "Symbol.prototype method called on an incompatible receiver");
  return false;
}

Value SymbolProtoToString(Vm& vm, CallArgs& a) {
  Symbol* s;
  if (!ThisSymbol(vm, a.this_value, &s)) return Value::Empty();
  std::string text = absl::StrCat("Symbol(", s->description.IsString() ? ToUtf8(s->description.AsString()) : "", ")");
  String* r = NewStringFromUtf8(vm, text);
  return r ? Value::FromString(r) : Oom(vm);
}
Value SymbolProtoValueOf(Vm& vm, CallArgs& a) {
  Symbol* s;
  return ThisSymbol(vm, a.this_value, &s) ? Value::FromSymbol(s) : Value::Empty();
}
Value SymbolProtoDescription(Vm& vm, CallArgs& a) {
  Symbol* s;
  return ThisSymbol(vm, a.this_value, &s) ? s->description : Value::Empty();
}

// 20.4.3.5 Symbol.prototype [ %Symbol.toPrimitive% ] ( hint )
Value SymbolProtoToPrimitive(Vm& vm, CallArgs& a) {
  Symbol* s;
  return ThisSymbol(vm, a.this_value, &s) ? Value::FromSymbol(s) : Value::Empty();
}

// 20.4.2.2 Symbol.for ( key )
Value SymbolFor(Vm& vm, CallArgs& a) {
  String* key = ArgToString(vm, a.arg(0));
  if (key == nullptr) return Value::Empty();
  String* atom = vm.Intern(key);
  if (atom == nullptr) return Oom(vm);
  auto& registry = vm.symbol_registry();
  if (auto it = registry.find(atom); it != registry.end()) return Value::FromSymbol(it->second);
  // The registry entry is charged to the memory limit like the symbol and
  // the atom (released when the symbol dies: Vm::SweepWeakTables).
  if (!vm.heap().AccountExternal(sizeof(String*) + sizeof(Symbol*) + 8)) return Oom(vm);
  Symbol* sym = NewSymbol(vm, Value::FromString(atom));
  if (sym == nullptr) return Oom(vm);
  sym->registered = true;
  registry[atom] = sym;
  return Value::FromSymbol(sym);
}

// 20.4.2.6 Symbol.keyFor ( sym )
Value SymbolKeyFor(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsSymbol()) return vm.ThrowError(ErrorKind::kTypeError, "Symbol.keyFor: not a symbol");
  Symbol* s = a.arg(0).AsSymbol();
  return s->registered ? s->description : Value::Undefined();
}

// ---- Math ----

bool MathArg(Vm& vm, CallArgs& a, uint32_t i, double* out) { return ArgToNumber(vm, a.arg(i), out); }

#define RATCHET_MATH1(name, expr)                    \
  Value Math_##name(Vm& vm, CallArgs& a) {           \
    double x;                                        \
    if (!MathArg(vm, a, 0, &x)) return Value::Empty(); \
    return Value::Number(expr);                      \
  }
RATCHET_MATH1(abs, std::fabs(x))
RATCHET_MATH1(floor, std::floor(x))
RATCHET_MATH1(ceil, std::ceil(x))
RATCHET_MATH1(trunc, std::trunc(x))
RATCHET_MATH1(sqrt, std::sqrt(x))
RATCHET_MATH1(cbrt, std::cbrt(x))
RATCHET_MATH1(sin, std::sin(x))
RATCHET_MATH1(cos, std::cos(x))
RATCHET_MATH1(tan, std::tan(x))
RATCHET_MATH1(asin, std::asin(x))
RATCHET_MATH1(acos, std::acos(x))
RATCHET_MATH1(atan, std::atan(x))
RATCHET_MATH1(sinh, std::sinh(x))
RATCHET_MATH1(cosh, std::cosh(x))
RATCHET_MATH1(tanh, std::tanh(x))
RATCHET_MATH1(asinh, std::asinh(x))
RATCHET_MATH1(acosh, std::acosh(x))
RATCHET_MATH1(atanh, std::atanh(x))
RATCHET_MATH1(exp, std::exp(x))
RATCHET_MATH1(expm1, std::expm1(x))
RATCHET_MATH1(log, std::log(x))
RATCHET_MATH1(log1p, std::log1p(x))
RATCHET_MATH1(log2, std::log2(x))
RATCHET_MATH1(log10, std::log10(x))
RATCHET_MATH1(fround, static_cast<double>(static_cast<float>(x)))
// 21.3.2.17 Math.f16round ( x ): the nearest binary16 value (ties to even).
RATCHET_MATH1(f16round, HalfToDouble(DoubleToHalf(x)))
RATCHET_MATH1(sign, std::isnan(x) ? x : x > 0 ? 1.0 : x < 0 ? -1.0 : x)
RATCHET_MATH1(clz32, static_cast<double>(DoubleToUint32(x) == 0 ? 32 : __builtin_clz(DoubleToUint32(x))))
#undef RATCHET_MATH1

// 21.3.2.28 Math.round ( x )
Value Math_round(Vm& vm, CallArgs& a) {
  double x;
  if (!MathArg(vm, a, 0, &x)) return Value::Empty();
  if (!std::isfinite(x) || x == 0) return Value::Number(x);
  if (x > 0 && x < 0.5) return Value::Number(0.0);
  if (x < 0 && x >= -0.5) return Value::Double(-0.0);
  return Value::Number(std::floor(x + 0.5));
}

Value Math_atan2(Vm& vm, CallArgs& a) {
  double y, x;
  if (!MathArg(vm, a, 0, &y) || !MathArg(vm, a, 1, &x)) return Value::Empty();
  return Value::Number(std::atan2(y, x));
}

Value Math_pow(Vm& vm, CallArgs& a) {
  double x, y;
  if (!MathArg(vm, a, 0, &x) || !MathArg(vm, a, 1, &y)) return Value::Empty();
  if (std::isnan(y) || ((x == 1 || x == -1) && std::isinf(y))) return Value::Double(NAN);
  return Value::Number(std::pow(x, y));
}

Value Math_imul(Vm& vm, CallArgs& a) {
  double x, y;
  if (!MathArg(vm, a, 0, &x) || !MathArg(vm, a, 1, &y)) return Value::Empty();
  return Value::Int32(static_cast<int32_t>(DoubleToUint32(x) * DoubleToUint32(y)));
}

Value MinMax(Vm& vm, CallArgs& a, bool is_max) {
  double r = is_max ? -INFINITY : INFINITY;
  bool nan = false;
  for (uint32_t i = 0; i < a.argc; ++i) {
    double x;
    if (!MathArg(vm, a, i, &x)) return Value::Empty();
    if (std::isnan(x)) nan = true;
    if (is_max ? (x > r || (x == 0 && r == 0 && !std::signbit(x))) : (x < r || (x == 0 && r == 0 && std::signbit(x)))) {
      r = x;
    }
  }
  return nan ? Value::Double(NAN) : Value::Number(r);
}
Value Math_max(Vm& vm, CallArgs& a) { return MinMax(vm, a, true); }
Value Math_min(Vm& vm, CallArgs& a) { return MinMax(vm, a, false); }

Value Math_hypot(Vm& vm, CallArgs& a) {
  double sum = 0;
  bool inf = false, nan = false;
  for (uint32_t i = 0; i < a.argc; ++i) {
    double x;
    if (!MathArg(vm, a, i, &x)) return Value::Empty();
    if (std::isinf(x)) inf = true;
    if (std::isnan(x)) nan = true;
    sum += x * x;
  }
  if (inf) return Value::Double(INFINITY);
  if (nan) return Value::Double(NAN);
  return Value::Number(std::sqrt(sum));
}

}  // namespace

// Math.sumPrecise's exact sum (the self-hosted MathSumPrecise iterates and
// checks the values): sumPreciseExact(array of finite Numbers, not all -0)
// adds them exactly as integers in units of 2^-1074 and rounds once.
Value NativeSumPreciseExact(Vm& vm, CallArgs& a) {
  Object* list = a.arg(0).AsObject();
  mpz_t acc, term;
  mpz_init(acc);
  mpz_init(term);
  for (uint32_t i = 0; i < list->elements_size; ++i) {
    double d = list->elements[i].AsNumber();
    if (d == 0) continue;
    int exp;
    double m = std::frexp(std::fabs(d), &exp);  // |d| = m * 2^exp, 0.5 <= m < 1
    uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));  // |d| = mant * 2^(exp - 53)
    int shift = exp - 53 + 1074;  // |d| in units of 2^-1074
    if (shift < 0) {
      mant >>= -shift;  // subnormals: the dropped bits are zero
      shift = 0;
    }
    mpz_set_ui(term, mant);
    mpz_mul_2exp(term, term, static_cast<mp_bitcnt_t>(shift));
    if (d < 0) mpz_sub(acc, acc, term);
    else mpz_add(acc, acc, term);
  }
  double result = 0;
  int sign = mpz_sgn(acc);
  if (sign != 0) {
    mpz_abs(acc, acc);
    size_t bits = mpz_sizeinbase(acc, 2);
    if (bits <= 53) {
      result = std::ldexp(static_cast<double>(mpz_get_ui(acc)), -1074);
    } else {
      // Round to nearest, ties to even, keeping 53 significant bits.
      mp_bitcnt_t shift = bits - 53;
      mpz_fdiv_q_2exp(term, acc, shift);
      uint64_t q = mpz_get_ui(term);
      bool half = mpz_tstbit(acc, shift - 1);
      bool sticky = mpz_scan1(acc, 0) < shift - 1;
      if (half && (sticky || (q & 1))) ++q;
      result = std::ldexp(static_cast<double>(q), static_cast<int>(shift) - 1074);
    }
    if (sign < 0) result = -result;
  }
  mpz_clear(acc);
  mpz_clear(term);
  return Value::Number(result);
}

namespace {

Value Math_random(Vm& vm, CallArgs& a) {
  Realm* r = vm.current_realm();
  if (r != nullptr && r->random_hook != nullptr) {
    // The embedder's source (determinism): anything outside [0, 1) reads as 0.
    double d = (*r->random_hook)();
    return Value::Double(d >= 0 && d < 1 ? d : 0);
  }
  static thread_local std::mt19937_64 rng(std::random_device{}());
  return Value::Double(std::uniform_real_distribution<double>(0.0, 1.0)(rng));
}

}  // namespace

bool InstallNumberAndMath(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  struct M {
    const char* name;
    NativeFn fn;
    int length;
  };
  // Number
  Object* nproto = realm.intrinsic(Intrinsic::kNumberPrototype);
  Object* number = NewNativeFunction(vm, realm, "Number", NumberConstructor, 1, true);
  if (number == nullptr) return false;
  bool ok = DefineValue(vm, number, "prototype", Value::FromObject(nproto), 0) &&
            DefineValue(vm, nproto, "constructor", Value::FromObject(number)) &&
            DefineValue(vm, realm.global, "Number", Value::FromObject(number)) &&
            DefineNativeMethod(vm, realm, nproto, "toString", NumberProtoToString, 1) &&
            DefineNativeMethod(vm, realm, nproto, "toLocaleString", NumberProtoToString, 0) &&
            DefineNativeMethod(vm, realm, nproto, "valueOf", NumberProtoValueOf, 0) &&
            DefineNativeMethod(vm, realm, nproto, "toFixed", NumberProtoToFixed, 1) &&
            DefineNativeMethod(vm, realm, nproto, "toExponential", NumberProtoToExponential, 1) &&
            DefineNativeMethod(vm, realm, nproto, "toPrecision", NumberProtoToPrecision, 1) &&
            DefineNativeMethod(vm, realm, number, "isFinite", NumberIsFinite, 1) &&
            DefineNativeMethod(vm, realm, number, "isNaN", NumberIsNaN, 1) &&
            DefineNativeMethod(vm, realm, number, "isInteger", NumberIsInteger, 1) &&
            DefineNativeMethod(vm, realm, number, "isSafeInteger", NumberIsSafeInteger, 1) &&
            DefineValue(vm, number, "MAX_SAFE_INTEGER", Value::Number(9007199254740991.0), 0) &&
            DefineValue(vm, number, "MIN_SAFE_INTEGER", Value::Number(-9007199254740991.0), 0) &&
            DefineValue(vm, number, "EPSILON", Value::Number(2.220446049250313e-16), 0) &&
            DefineValue(vm, number, "MAX_VALUE", Value::Number(1.7976931348623157e308), 0) &&
            DefineValue(vm, number, "MIN_VALUE", Value::Number(5e-324), 0) &&
            DefineValue(vm, number, "NaN", Value::Double(NAN), 0) &&
            DefineValue(vm, number, "POSITIVE_INFINITY", Value::Double(INFINITY), 0) &&
            DefineValue(vm, number, "NEGATIVE_INFINITY", Value::Double(-INFINITY), 0);
  // Boolean
  Object* bproto = realm.intrinsic(Intrinsic::kBooleanPrototype);
  Object* boolean = NewNativeFunction(vm, realm, "Boolean", BooleanConstructor, 1, true);
  ok = ok && boolean != nullptr && DefineValue(vm, boolean, "prototype", Value::FromObject(bproto), 0) &&
       DefineValue(vm, bproto, "constructor", Value::FromObject(boolean)) &&
       DefineValue(vm, realm.global, "Boolean", Value::FromObject(boolean)) &&
       DefineNativeMethod(vm, realm, bproto, "toString", BooleanProtoToString, 0) &&
       DefineNativeMethod(vm, realm, bproto, "valueOf", BooleanProtoValueOf, 0);
  // Symbol
  Object* sproto = realm.intrinsic(Intrinsic::kSymbolPrototype);
  Object* symbol = NewNativeFunction(vm, realm, "Symbol", SymbolConstructor, 0, true);
  ok = ok && symbol != nullptr && DefineValue(vm, symbol, "prototype", Value::FromObject(sproto), 0) &&
       DefineValue(vm, sproto, "constructor", Value::FromObject(symbol)) &&
       DefineValue(vm, realm.global, "Symbol", Value::FromObject(symbol)) &&
       DefineNativeMethod(vm, realm, sproto, "toString", SymbolProtoToString, 0) &&
       DefineNativeMethod(vm, realm, sproto, "valueOf", SymbolProtoValueOf, 0) &&
       DefineGetter(vm, realm, sproto, NameKey(vm, "description"), "description", SymbolProtoDescription) &&
       DefineNativeMethod(vm, realm, symbol, "for", SymbolFor, 1) &&
       DefineNativeMethod(vm, realm, symbol, "keyFor", SymbolKeyFor, 1);
  if (!ok) return false;
  {
    Object* to_prim = NewNativeFunction(vm, realm, "[Symbol.toPrimitive]", SymbolProtoToPrimitive, 1);
    if (to_prim == nullptr ||
        !SetOwnData(vm, sproto, PropertyKey(Value::FromSymbol(vm.symbols().toPrimitive)),
                    Value::FromObject(to_prim), kConfigurable)) {
      return false;
    }
  }
  String* sym_tag = NewStringFromLatin1(vm, "Symbol");
  if (sym_tag == nullptr ||
      !SetOwnData(vm, sproto, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), Value::FromString(sym_tag),
                  kConfigurable)) {
    return false;
  }
#define RATCHET_WELL_KNOWN(field, text)                                                              \
  ok = ok && DefineValue(vm, symbol, std::string_view(text).substr(7), Value::FromSymbol(vm.symbols().field), 0);
  RATCHET_WELL_KNOWN_SYMBOLS(RATCHET_WELL_KNOWN)
#undef RATCHET_WELL_KNOWN
  // Math
  Object* math = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  ok = ok && math != nullptr && DefineValue(vm, realm.global, "Math", Value::FromObject(math));
  if (!ok) return false;
  static const M kMath[] = {
      {"abs", Math_abs, 1},     {"floor", Math_floor, 1}, {"ceil", Math_ceil, 1},   {"trunc", Math_trunc, 1},
      {"sqrt", Math_sqrt, 1},   {"cbrt", Math_cbrt, 1},   {"sin", Math_sin, 1},     {"cos", Math_cos, 1},
      {"tan", Math_tan, 1},     {"asin", Math_asin, 1},   {"acos", Math_acos, 1},   {"atan", Math_atan, 1},
      {"sinh", Math_sinh, 1},   {"cosh", Math_cosh, 1},   {"tanh", Math_tanh, 1},   {"asinh", Math_asinh, 1},
      {"acosh", Math_acosh, 1}, {"atanh", Math_atanh, 1}, {"exp", Math_exp, 1},     {"expm1", Math_expm1, 1},
      {"log", Math_log, 1},     {"log1p", Math_log1p, 1}, {"log2", Math_log2, 1},   {"log10", Math_log10, 1},
      {"fround", Math_fround, 1}, {"sign", Math_sign, 1}, {"clz32", Math_clz32, 1}, {"round", Math_round, 1},
      {"atan2", Math_atan2, 2}, {"pow", Math_pow, 2},     {"imul", Math_imul, 2},   {"max", Math_max, 2},
      {"min", Math_min, 2},     {"hypot", Math_hypot, 2}, {"random", Math_random, 0},
      {"f16round", Math_f16round, 1},
  };
  for (const M& m : kMath) ok = ok && DefineNativeMethod(vm, realm, math, m.name, m.fn, m.length);
  ok = ok && DefineSelfHostedMethod(vm, math, "sumPrecise", sh.Get("MathSumPrecise"), 1);
  struct C {
    const char* name;
    double value;
  };
  static const C kConsts[] = {{"E", M_E},         {"LN10", M_LN10},   {"LN2", M_LN2},     {"LOG10E", M_LOG10E},
                              {"LOG2E", M_LOG2E}, {"PI", M_PI},       {"SQRT1_2", M_SQRT1_2}, {"SQRT2", M_SQRT2}};
  for (const C& c : kConsts) ok = ok && DefineValue(vm, math, c.name, Value::Double(c.value), 0);
  String* math_tag = NewStringFromLatin1(vm, "Math");
  return ok && math_tag != nullptr &&
         SetOwnData(vm, math, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), Value::FromString(math_tag),
                    kConfigurable);
}

}  // namespace ratchet::internal
