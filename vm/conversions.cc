#include "vm/conversions.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "double-conversion/double-conversion.h"
#include "vm/code.h"
#include "vm/realm.h"
#include "vm/bigint.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

bool ToBoolean(Value v) {
  if (v.IsBoolean()) return v.AsBoolean();
  if (v.IsInt32()) return v.AsInt32() != 0;
  if (v.IsDouble()) {
    double d = v.AsDouble();
    return !(d == 0 || std::isnan(d));
  }
  if (v.IsNullish()) return false;
  if (v.IsString()) return v.AsString()->length != 0;
  if (v.IsBigInt()) return !v.AsBigInt()->is_zero();
  return true;  // objects, symbols
}

String* TypeOf(Vm& vm, Value v) {
  const Atoms& a = vm.atoms();
  if (v.IsUndefined()) return a.undefined;
  if (v.IsNull()) return a.object;
  if (v.IsBoolean()) return a.boolean;
  if (v.IsNumber()) return a.number;
  if (v.IsString()) return a.string;
  if (v.IsSymbol()) return a.symbol;
  if (v.IsBigInt()) return a.bigint;
  if (v.IsObject()) return v.AsObject()->is_callable() ? a.function : a.object;
  return a.undefined;
}

std::string NumberToStdString(double d) {
  if (std::isnan(d)) return "NaN";
  if (d == 0) return "0";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  double_conversion::StringBuilder builder(buf, sizeof buf);
  // ECMAScript's Number::toString: shortest digits, exponent past 21 digits
  // or below 1e-6.
  static const double_conversion::DoubleToStringConverter converter(
      double_conversion::DoubleToStringConverter::EMIT_POSITIVE_EXPONENT_SIGN, "Infinity", "NaN",
      'e', -6, 21, 6, 0);
  converter.ToShortest(d, &builder);
  return std::string(builder.Finalize());
}

String* NumberToString(Vm& vm, double d) {
  if (d >= 0 && d < 10 && d == std::floor(d)) {
    char c = static_cast<char>('0' + static_cast<int>(d));
    return vm.InternAscii(std::string_view(&c, 1));
  }
  return NewStringFromLatin1(vm, NumberToStdString(d));
}

std::string NumberToRadixString(double d, int radix) {
  if (radix == 10) return NumberToStdString(d);
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return "0";
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  bool negative = d < 0;
  if (negative) d = -d;
  double integer = std::floor(d);
  double fraction = d - integer;
  std::string int_part;
  if (integer == 0) {
    int_part = "0";
  } else {
    while (integer >= 1) {
      double q = std::floor(integer / radix);
      int digit = static_cast<int>(integer - q * radix);
      if (digit < 0 || digit >= radix) digit = 0;
      int_part.push_back(kDigits[digit]);
      integer = q;
    }
    std::reverse(int_part.begin(), int_part.end());
  }
  std::string out = negative ? "-" + int_part : int_part;
  if (fraction > 0) {
    out.push_back('.');
    // Emit digits until the fraction is exactly represented (at most 1100).
    double delta = 0.5 * (std::nextafter(d, std::numeric_limits<double>::infinity()) - d);
    delta = std::max(std::nextafter(0.0, 1.0), delta);
    if (fraction >= delta) {
      int n = 0;
      do {
        fraction *= radix;
        delta *= radix;
        int digit = static_cast<int>(fraction);
        out.push_back(kDigits[digit]);
        fraction -= digit;
        if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
          if (fraction + delta > 1) {
            // Round up and propagate.
            while (true) {
              char& c = out.back();
              if (c == '.') break;
              int v = (c >= 'a') ? c - 'a' + 10 : c - '0';
              if (v + 1 < radix) {
                c = kDigits[v + 1];
                break;
              }
              out.pop_back();
            }
            break;
          }
        }
      } while (fraction >= delta && ++n < 1100);
    }
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

bool IsJsWhitespace(char16_t c) {
  return c == 0x09 || c == 0x0B || c == 0x0C || c == 0x20 || c == 0xA0 || c == 0xFEFF ||
         c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

double StringToNumber(const String* s) {
  uint32_t start = 0, end = s->length;
  while (start < end && IsJsWhitespace(s->At(start))) ++start;
  while (end > start && IsJsWhitespace(s->At(end - 1))) --end;
  if (start == end) return 0;
  std::string ascii;
  ascii.reserve(end - start);
  for (uint32_t i = start; i < end; ++i) {
    char16_t c = s->At(i);
    if (c > 0x7F) return std::numeric_limits<double>::quiet_NaN();
    ascii.push_back(static_cast<char>(c));
  }
  if (ascii.size() > 2 && ascii[0] == '0') {
    int radix = 0;
    char p = ascii[1] | 0x20;
    if (p == 'x') radix = 16;
    if (p == 'o') radix = 8;
    if (p == 'b') radix = 2;
    if (radix != 0) {
      double v = 0;
      for (size_t i = 2; i < ascii.size(); ++i) {
        char c = ascii[i];
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= radix) return std::numeric_limits<double>::quiet_NaN();
        v = v * radix + d;
      }
      return v;
    }
  }
  std::string_view body = ascii;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "Infinity") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  // Validate StrDecimalLiteral: digits [. digits] [e[+-]digits], no
  // separators, no "inf"/"nan" spellings that strtod would accept.
  size_t i = 0;
  bool digits = false;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, digits = true;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, digits = true;
  }
  if (!digits) return std::numeric_limits<double>::quiet_NaN();
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    bool exp_digits = false;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, exp_digits = true;
    if (!exp_digits) return std::numeric_limits<double>::quiet_NaN();
  }
  if (i != body.size()) return std::numeric_limits<double>::quiet_NaN();
  static const double_conversion::StringToDoubleConverter converter(
      double_conversion::StringToDoubleConverter::NO_FLAGS, 0.0,
      std::numeric_limits<double>::quiet_NaN(), nullptr, nullptr);
  int processed = 0;
  double v = converter.StringToDouble(body.data(), static_cast<int>(body.size()), &processed);
  return negative ? -v : v;
}

bool PrimitiveToNumber(Vm& vm, Value v, double* out) {
  if (v.IsNumber()) {
    *out = v.AsNumber();
    return true;
  }
  if (v.IsUndefined()) {
    *out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (v.IsNull()) {
    *out = 0;
    return true;
  }
  if (v.IsBoolean()) {
    *out = v.AsBoolean() ? 1 : 0;
    return true;
  }
  if (v.IsString()) {
    *out = StringToNumber(v.AsString());
    return true;
  }
  if (v.IsSymbol()) {
    vm.ThrowError(ErrorKind::kTypeError, "Cannot convert a Symbol value to a number");
    return false;
  }
  vm.ThrowError(ErrorKind::kTypeError, "Cannot convert a BigInt value to a number");
  return false;
}

String* PrimitiveToString(Vm& vm, Value v) {
  const Atoms& a = vm.atoms();
  String* s = nullptr;
  if (v.IsString()) return v.AsString();
  if (v.IsUndefined()) return a.undefined;
  if (v.IsNull()) return a.null;
  if (v.IsBoolean()) return v.AsBoolean() ? a.true_ : a.false_;
  if (v.IsNumber()) {
    s = NumberToString(vm, v.AsNumber());
  } else if (v.IsSymbol()) {
    vm.ThrowError(ErrorKind::kTypeError, "Cannot convert a Symbol value to a string");
    return nullptr;
  } else if (v.IsBigInt()) {
    return BigIntToString(vm, v.AsBigInt(), 10);  // throws on failure
  } else {
    vm.ThrowError(ErrorKind::kTypeError, "Cannot convert this value to a string");
    return nullptr;
  }
  if (s == nullptr) vm.ThrowOutOfMemory();
  return s;
}

PropertyKey PrimitiveToPropertyKey(Vm& vm, Value v) {
  if (v.IsSymbol()) return PropertyKey(v);
  if (v.IsInt32() && v.AsInt32() >= 0) return PropertyKey::Index(static_cast<uint32_t>(v.AsInt32()));
  if (v.IsDouble()) {
    double d = v.AsDouble();
    if (d >= 0 && d <= 4294967294.0 && d == std::floor(d) && !(d == 0 && std::signbit(d))) {
      return PropertyKey::Index(static_cast<uint32_t>(d));
    }
  }
  String* s = PrimitiveToString(vm, v);
  if (s == nullptr) return PropertyKey(Value::Empty());
  PropertyKey k = vm.KeyFromString(s);
  if (k.v.IsEmpty()) vm.ThrowOutOfMemory();
  return k;
}

int32_t DoubleToInt32(double d) {
  if (std::isnan(d) || std::isinf(d)) return 0;
  if (d >= -2147483648.0 && d <= 2147483647.0) return static_cast<int32_t>(d);
  double t = std::trunc(d);
  double m = std::fmod(t, 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<int32_t>(static_cast<uint32_t>(m));
}

uint32_t DoubleToUint32(double d) { return static_cast<uint32_t>(DoubleToInt32(d)); }

bool StrictEquals(Value a, Value b) {
  if (a.IsNumber() && b.IsNumber()) return a.AsNumber() == b.AsNumber();
  if (a.IsString() && b.IsString()) return StringEquals(a.AsString(), b.AsString());
  if (a.IsBigInt() && b.IsBigInt()) return BigIntEquals(a.AsBigInt(), b.AsBigInt());
  return a == b;
}

bool SameValue(Value a, Value b) {
  if (a.IsNumber() && b.IsNumber()) {
    double x = a.AsNumber(), y = b.AsNumber();
    if (std::isnan(x)) return std::isnan(y);
    if (x == 0 && y == 0) return std::signbit(x) == std::signbit(y);
    return x == y;
  }
  return StrictEquals(a, b);
}

bool SameValueZero(Value a, Value b) {
  if (a.IsNumber() && b.IsNumber()) {
    double x = a.AsNumber(), y = b.AsNumber();
    if (std::isnan(x)) return std::isnan(y);
    return x == y;
  }
  return StrictEquals(a, b);
}

bool LoosePrimitiveEquals(Vm& vm, Value a, Value b) {
  if (a.IsNullish() && b.IsNullish()) return true;
  if (a.IsNullish() || b.IsNullish()) return false;
  if ((a.IsNumber() && b.IsNumber()) || (a.IsString() && b.IsString())) return StrictEquals(a, b);
  if (a.IsSymbol() || b.IsSymbol()) return a == b;
  // 7.2.14 IsLooselyEqual steps 6-13 with BigInts.
  if (a.IsBigInt() || b.IsBigInt()) {
    if (a.IsBigInt() && b.IsBigInt()) return BigIntEquals(a.AsBigInt(), b.AsBigInt());
    Value big = a.IsBigInt() ? a : b, other = a.IsBigInt() ? b : a;
    if (other.IsString()) {
      BigInt* n;
      if (!StringToBigInt(vm, other.AsString(), &n)) return false;
      if (n == nullptr) {
        vm.TakeException();
        return false;
      }
      return BigIntEquals(big.AsBigInt(), n);
    }
    double d = other.IsBoolean() ? (other.AsBoolean() ? 1 : 0) : other.AsNumber();
    return BigIntCompareToNumber(big.AsBigInt(), d) == 0;
  }
  // Numbers, strings and booleans compare as numbers.
  double x, y;
  if (!PrimitiveToNumber(vm, a, &x) || !PrimitiveToNumber(vm, b, &y)) {
    vm.TakeException();
    return false;
  }
  return x == y;
}

Object* PrototypeForPrimitive(Realm& realm, Value v) {
  if (v.IsString()) return realm.intrinsic(Intrinsic::kStringPrototype);
  if (v.IsNumber()) return realm.intrinsic(Intrinsic::kNumberPrototype);
  if (v.IsBoolean()) return realm.intrinsic(Intrinsic::kBooleanPrototype);
  if (v.IsSymbol()) return realm.intrinsic(Intrinsic::kSymbolPrototype);
  if (v.IsBigInt()) return realm.intrinsic(Intrinsic::kBigIntPrototype);
  return nullptr;
}

Object* ToObject(Vm& vm, Realm& realm, Value v) {
  if (v.IsObject()) return v.AsObject();
  if (v.IsNullish()) {
    vm.ThrowError(ErrorKind::kTypeError,
                  v.IsNull() ? "Cannot convert null to object" : "Cannot convert undefined to object");
    return nullptr;
  }
  ObjectClass cls = v.IsString()   ? ObjectClass::kString
                    : v.IsNumber() ? ObjectClass::kNumber
                    : v.IsBoolean() ? ObjectClass::kBoolean
                    : v.IsSymbol()  ? ObjectClass::kSymbol
                                    : ObjectClass::kBigInt;
  Object* o = NewObject(vm, PrototypeForPrimitive(realm, v), cls, sizeof(PrimitiveObject));
  if (o == nullptr) {
    vm.ThrowOutOfMemory();
    return nullptr;
  }
  static_cast<PrimitiveObject*>(o)->primitive = v;
  return o;
}

bool IsCallable(Value v) { return v.IsObject() && v.AsObject()->is_callable(); }

bool IsConstructor(Value v) {
  if (!v.IsObject()) return false;
  Object* o = v.AsObject();
  switch (o->cls) {
    case ObjectClass::kClosure:
      return static_cast<Closure*>(o)->is_constructor;
    case ObjectClass::kNative:
      return static_cast<NativeFunction*>(o)->is_constructor;
    case ObjectClass::kBound:
      return IsConstructor(Value::FromObject(static_cast<BoundFunction*>(o)->target));
    case ObjectClass::kCallableProxy:
      return static_cast<ProxyObject*>(o)->is_constructor;
    default:
      return false;
  }
}

}  // namespace ratchet::internal
