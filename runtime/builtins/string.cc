// 22.1 String Objects, https://tc39.es/ecma262/#sec-string-objects
#include <algorithm>
#include <cmath>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ustring.h>

#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"
#include "vm/utf8.h"

namespace ratchet::internal {

namespace {

// RequireObjectCoercible(this) then ToString(this), for primitives and
// String wrappers.
String* ThisString(Vm& vm, CallArgs& a, const char* method) {
  Value t = a.this_value;
  if (t.IsNullish()) {
    vm.ThrowError(ErrorKind::kTypeError,
                  std::string("String.prototype.") + method + " called on null or undefined");
    return nullptr;
  }
  if (t.IsObject() && t.AsObject()->cls == ObjectClass::kString) {
    return static_cast<PrimitiveObject*>(t.AsObject())->primitive.AsString();
  }
  return ArgToString(vm, t);
}

bool ArgInteger(Vm& vm, Value v, double* out) {
  double d;
  if (!ArgToNumber(vm, v, &d)) return false;
  *out = ToIntegerOrInfinity(d);
  return true;
}

Value StringValue(Vm& vm, String* s) { return s ? Value::FromString(s) : Oom(vm); }

// 22.1.1.1 String ( value )
Value StringConstructor(Vm& vm, CallArgs& a) {
  String* s;
  if (a.argc == 0) {
    s = vm.atoms().empty;
  } else if (a.args[0].IsSymbol() && a.new_target.IsUndefined()) {
    Value d = a.args[0].AsSymbol()->description;
    std::u16string text = u"Symbol(";
    if (d.IsString()) text += ToU16String(d.AsString());
    text += u")";
    s = NewStringFromUtf16(vm, text);
    if (s == nullptr) return Oom(vm);
  } else if (a.args[0].IsObject()) {
    if (a.new_target.IsUndefined()) {
      Value fn = vm.current_realm()->self_hosted_fn(SelfHosted::kToStringSlow);
      return vm.RequestTailCall(fn, Value::Undefined(), {a.args[0]});
    }
    s = ArgToString(vm, a.args[0]);  // FIXME: new String(object) needs ToPrimitive
  } else {
    s = PrimitiveToString(vm, a.args[0]);
  }
  if (s == nullptr) return Value::Empty();
  if (a.new_target.IsUndefined()) return Value::FromString(s);
  Object* o = ToObject(vm, *vm.current_realm(), Value::FromString(s));
  return o ? Value::FromObject(o) : Value::Empty();
}

// 22.1.2.1 String.fromCharCode ( ...codeUnits )
Value StringFromCharCode(Vm& vm, CallArgs& a) {
  std::u16string out;
  for (uint32_t i = 0; i < a.argc; ++i) {
    double d;
    if (!ArgToNumber(vm, a.args[i], &d)) return Value::Empty();
    out.push_back(static_cast<char16_t>(DoubleToUint32(d) & 0xFFFF));
  }
  return StringValue(vm, NewStringFromUtf16(vm, out));
}

// 22.1.3.35 String.prototype.valueOf / 22.1.3.29 toString
Value StringProtoValueOf(Vm& vm, CallArgs& a) {
  Value t = a.this_value;
  if (t.IsString()) return t;
  if (t.IsObject() && t.AsObject()->cls == ObjectClass::kString) {
    return static_cast<PrimitiveObject*>(t.AsObject())->primitive;
  }
  return vm.ThrowError(ErrorKind::kTypeError, "String.prototype.valueOf requires that 'this' be a String");
}

Value StringProtoCharAt(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "charAt");
  double pos;
  if (s == nullptr || !ArgInteger(vm, a.arg(0), &pos)) return Value::Empty();
  if (pos < 0 || pos >= s->length) return Value::FromString(vm.atoms().empty);
  return StringValue(vm, Substring(vm, s, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos) + 1));
}

Value StringProtoCharCodeAt(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "charCodeAt");
  double pos;
  if (s == nullptr || !ArgInteger(vm, a.arg(0), &pos)) return Value::Empty();
  if (pos < 0 || pos >= s->length) return Value::Double(NAN);
  return Value::Int32(s->At(static_cast<uint32_t>(pos)));
}

Value StringProtoCodePointAt(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "codePointAt");
  double pos;
  if (s == nullptr || !ArgInteger(vm, a.arg(0), &pos)) return Value::Empty();
  if (pos < 0 || pos >= s->length) return Value::Undefined();
  uint32_t i = static_cast<uint32_t>(pos);
  char16_t c = s->At(i);
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->length) {
    char16_t d = s->At(i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return Value::Int32(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00));
  }
  return Value::Int32(c);
}

Value StringProtoAt(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "at");
  double pos;
  if (s == nullptr || !ArgInteger(vm, a.arg(0), &pos)) return Value::Empty();
  if (pos < 0) pos += s->length;
  if (pos < 0 || pos >= s->length) return Value::Undefined();
  return StringValue(vm, Substring(vm, s, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos) + 1));
}

int64_t IndexOf(String* s, String* search, uint32_t from) {
  if (search->length == 0) return from <= s->length ? from : s->length;
  for (uint64_t i = from; i + search->length <= s->length; ++i) {
    uint32_t k = 0;
    while (k < search->length && s->At(static_cast<uint32_t>(i) + k) == search->At(k)) ++k;
    if (k == search->length) return static_cast<int64_t>(i);
  }
  return -1;
}

Value StringProtoIndexOf(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "indexOf");
  if (s == nullptr) return Value::Empty();
  String* search = ArgToString(vm, a.arg(0));
  double pos;
  if (search == nullptr || !ArgInteger(vm, a.arg(1), &pos)) return Value::Empty();
  pos = std::clamp(pos, 0.0, static_cast<double>(s->length));
  return Value::Number(static_cast<double>(IndexOf(s, search, static_cast<uint32_t>(pos))));
}

Value StringProtoLastIndexOf(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "lastIndexOf");
  if (s == nullptr) return Value::Empty();
  String* search = ArgToString(vm, a.arg(0));
  if (search == nullptr) return Value::Empty();
  double pos = INFINITY;
  if (!a.arg(1).IsUndefined()) {
    double d;
    if (!ArgToNumber(vm, a.arg(1), &d)) return Value::Empty();
    pos = std::isnan(d) ? INFINITY : ToIntegerOrInfinity(d);
  }
  if (search->length > s->length) return Value::Int32(-1);
  int64_t start = static_cast<int64_t>(std::clamp(pos, 0.0, static_cast<double>(s->length - search->length)));
  for (int64_t i = start; i >= 0; --i) {
    uint32_t k = 0;
    while (k < search->length && s->At(static_cast<uint32_t>(i) + k) == search->At(k)) ++k;
    if (k == search->length) return Value::Number(static_cast<double>(i));
  }
  return Value::Int32(-1);
}

// Steps 3-5 of includes, startsWith and endsWith: an object searchString
// is rejected when IsRegExp says so. IsRegExp may run user code, so the
// self-hosted StringSearchArgument (the function's data) checks and
// converts it, then calls the method again with a string.
Value CheckSearchArgument(Vm& vm, CallArgs& a, String* s) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  return vm.RequestTailCall(self->data, Value::Undefined(),
                            {Value::FromObject(a.callee), Value::FromString(s), a.arg(0), a.arg(1)});
}

Value StringProtoIncludes(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "includes");
  if (s == nullptr) return Value::Empty();
  if (a.arg(0).IsObject()) return CheckSearchArgument(vm, a, s);
  String* search = ArgToString(vm, a.arg(0));
  double pos;
  if (search == nullptr || !ArgInteger(vm, a.arg(1), &pos)) return Value::Empty();
  pos = std::clamp(pos, 0.0, static_cast<double>(s->length));
  return Value::Boolean(IndexOf(s, search, static_cast<uint32_t>(pos)) >= 0);
}

Value StartsOrEndsWith(Vm& vm, CallArgs& a, bool ends) {
  String* s = ThisString(vm, a, ends ? "endsWith" : "startsWith");
  if (s == nullptr) return Value::Empty();
  if (a.arg(0).IsObject()) return CheckSearchArgument(vm, a, s);
  String* search = ArgToString(vm, a.arg(0));
  if (search == nullptr) return Value::Empty();
  double pos;
  if (a.arg(1).IsUndefined()) {
    pos = ends ? s->length : 0;
  } else if (!ArgInteger(vm, a.arg(1), &pos)) {
    return Value::Empty();
  }
  pos = std::clamp(pos, 0.0, static_cast<double>(s->length));
  int64_t start = ends ? static_cast<int64_t>(pos) - search->length : static_cast<int64_t>(pos);
  if (start < 0 || start + search->length > s->length) return Value::Boolean(false);
  for (uint32_t k = 0; k < search->length; ++k) {
    if (s->At(static_cast<uint32_t>(start) + k) != search->At(k)) return Value::Boolean(false);
  }
  return Value::Boolean(true);
}
Value StringProtoStartsWith(Vm& vm, CallArgs& a) { return StartsOrEndsWith(vm, a, false); }
Value StringProtoEndsWith(Vm& vm, CallArgs& a) { return StartsOrEndsWith(vm, a, true); }

Value StringProtoSlice(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "slice");
  if (s == nullptr) return Value::Empty();
  double len = s->length, start, end = len;
  if (!ArgInteger(vm, a.arg(0), &start)) return Value::Empty();
  if (!a.arg(1).IsUndefined() && !ArgInteger(vm, a.arg(1), &end)) return Value::Empty();
  start = start < 0 ? std::max(0.0, len + start) : std::min(start, len);
  end = end < 0 ? std::max(0.0, len + end) : std::min(end, len);
  if (start >= end) return Value::FromString(vm.atoms().empty);
  return StringValue(vm, Substring(vm, s, static_cast<uint32_t>(start), static_cast<uint32_t>(end)));
}

Value StringProtoSubstring(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "substring");
  if (s == nullptr) return Value::Empty();
  double len = s->length, start, end = len;
  if (!ArgInteger(vm, a.arg(0), &start)) return Value::Empty();
  if (!a.arg(1).IsUndefined() && !ArgInteger(vm, a.arg(1), &end)) return Value::Empty();
  start = std::clamp(start, 0.0, len);
  end = std::clamp(end, 0.0, len);
  if (start > end) std::swap(start, end);
  return StringValue(vm, Substring(vm, s, static_cast<uint32_t>(start), static_cast<uint32_t>(end)));
}

// B.2.2.1 String.prototype.substr ( start, length )
Value StringProtoSubstr(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "substr");
  if (s == nullptr) return Value::Empty();
  double size = s->length, start, length = size;
  if (!ArgInteger(vm, a.arg(0), &start)) return Value::Empty();
  if (!a.arg(1).IsUndefined() && !ArgInteger(vm, a.arg(1), &length)) return Value::Empty();
  if (start < 0) start = std::max(0.0, size + start);
  start = std::min(start, size);
  double end = std::min(start + length, size);
  if (start >= end) return Value::FromString(vm.atoms().empty);
  return StringValue(vm, Substring(vm, s, static_cast<uint32_t>(start), static_cast<uint32_t>(end)));
}

// 22.1.3.28 String.prototype.toUpperCase / 22.1.3.26 toLowerCase: full
// Unicode case mapping (SpecialCasing included) through ICU's root locale.
Value ChangeCase(Vm& vm, CallArgs& a, bool upper, const char* name) {
  String* s = ThisString(vm, a, name);
  if (s == nullptr) return Value::Empty();
  if (s->is_one_byte()) {
    // Latin-1 fast path: only the characters whose mapping leaves Latin-1
    // (ÿ, µ, ß) need ICU.
    bool simple = true;
    for (uint32_t i = 0; i < s->length && simple; ++i) {
      uint8_t c = s->chars8()[i];
      simple = !(upper && (c == 0xFF || c == 0xB5 || c == 0xDF));
    }
    if (simple) {
      String* r = NewRawString(vm, s->length, true);
      if (r == nullptr) return Oom(vm);
      for (uint32_t i = 0; i < s->length; ++i) {
        uint8_t c = s->chars8()[i];
        if (upper) {
          if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) c -= 32;
        } else {
          if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) c += 32;
        }
        r->mutable_chars8()[i] = c;
      }
      return Value::FromString(r);
    }
  }
  std::u16string in = ToU16String(s);
  std::u16string out(in.size() + 16, u'\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode status = U_ZERO_ERROR;
    auto* dst = reinterpret_cast<UChar*>(out.data());
    auto* src = reinterpret_cast<const UChar*>(in.data());
    int32_t n = upper ? u_strToUpper(dst, static_cast<int32_t>(out.size()), src, static_cast<int32_t>(in.size()), "", &status)
                      : u_strToLower(dst, static_cast<int32_t>(out.size()), src, static_cast<int32_t>(in.size()), "", &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.assign(static_cast<size_t>(n), u'\0');
      continue;
    }
    if (U_FAILURE(status)) return vm.ThrowError(ErrorKind::kRangeError, "case mapping failed");
    out.resize(static_cast<size_t>(n));
    break;
  }
  return StringValue(vm, NewStringFromUtf16(vm, out));
}
Value StringProtoToUpperCase(Vm& vm, CallArgs& a) { return ChangeCase(vm, a, true, "toUpperCase"); }
Value StringProtoToLowerCase(Vm& vm, CallArgs& a) { return ChangeCase(vm, a, false, "toLowerCase"); }
Value StringProtoToLocaleUpperCase(Vm& vm, CallArgs& a) { return ChangeCase(vm, a, true, "toLocaleUpperCase"); }
Value StringProtoToLocaleLowerCase(Vm& vm, CallArgs& a) { return ChangeCase(vm, a, false, "toLocaleLowerCase"); }

// 22.1.2.2 String.fromCodePoint ( ...codePoints )
Value StringFromCodePoint(Vm& vm, CallArgs& a) {
  std::u16string out;
  for (uint32_t i = 0; i < a.argc; ++i) {
    double d;
    if (!ArgToNumber(vm, a.args[i], &d)) return Value::Empty();
    // 2.c. If IsIntegralNumber(nextCP) is false, or outside 0..0x10FFFF, throw a RangeError.
    if (!(d >= 0 && d <= 0x10FFFF) || d != std::floor(d)) {
      return vm.ThrowError(ErrorKind::kRangeError, "Invalid code point " + NumberToStdString(d));
    }
    AppendCodePoint(&out, static_cast<uint32_t>(d));
    if (out.size() > kMaxStringLength) return Oom(vm);
  }
  return StringValue(vm, NewStringFromUtf16(vm, out));
}

// 22.1.3.10 String.prototype.isWellFormed ( ) and 22.1.3.32 toWellFormed ( ).
Value WellFormed(Vm& vm, CallArgs& a, bool fix) {
  String* s = ThisString(vm, a, fix ? "toWellFormed" : "isWellFormed");
  if (s == nullptr) return Value::Empty();
  if (s->is_one_byte()) return fix ? Value::FromString(s) : Value::Boolean(true);
  std::u16string out;
  bool well_formed = true;
  for (uint32_t i = 0; i < s->length; ++i) {
    char16_t c = s->chars16()[i];
    bool lone = false;
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 < s->length && s->chars16()[i + 1] >= 0xDC00 && s->chars16()[i + 1] <= 0xDFFF) {
        if (fix) {
          out.push_back(c);
          out.push_back(s->chars16()[i + 1]);
        }
        ++i;
        continue;
      }
      lone = true;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      lone = true;
    }
    if (lone) {
      if (!fix) return Value::Boolean(false);
      well_formed = false;
      c = 0xFFFD;
    }
    if (fix) out.push_back(c);
  }
  if (!fix) return Value::Boolean(true);
  if (well_formed) return Value::FromString(s);
  return StringValue(vm, NewStringFromUtf16(vm, out));
}
Value StringProtoIsWellFormed(Vm& vm, CallArgs& a) { return WellFormed(vm, a, false); }
Value StringProtoToWellFormed(Vm& vm, CallArgs& a) { return WellFormed(vm, a, true); }

// 22.1.3.15 String.prototype.normalize ( [ form ] )
Value StringProtoNormalize(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "normalize");
  if (s == nullptr) return Value::Empty();
  std::string form = "NFC";
  if (!a.arg(0).IsUndefined()) {
    String* f = ArgToString(vm, a.arg(0));
    if (f == nullptr) return Value::Empty();
    form = ToUtf8(f);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n;
  if (form == "NFC") n = icu::Normalizer2::getNFCInstance(status);
  else if (form == "NFD") n = icu::Normalizer2::getNFDInstance(status);
  else if (form == "NFKC") n = icu::Normalizer2::getNFKCInstance(status);
  else if (form == "NFKD") n = icu::Normalizer2::getNFKDInstance(status);
  else return vm.ThrowError(ErrorKind::kRangeError, "The normalization form should be one of NFC, NFD, NFKC, NFKD");
  if (U_FAILURE(status)) return vm.ThrowError(ErrorKind::kRangeError, "normalization is unavailable");
  std::u16string in = ToU16String(s);
  icu::UnicodeString src(false, reinterpret_cast<const UChar*>(in.data()), static_cast<int32_t>(in.size()));
  icu::UnicodeString dst = n->normalize(src, status);
  if (U_FAILURE(status)) return vm.ThrowError(ErrorKind::kRangeError, "normalization failed");
  return StringValue(vm, NewStringFromUtf16(vm, std::u16string_view(reinterpret_cast<const char16_t*>(dst.getBuffer()),
                                                                   static_cast<size_t>(dst.length()))));
}

// 22.1.3.12 String.prototype.localeCompare ( that ): the root collation
// (canonically equivalent strings compare equal).
Value StringProtoLocaleCompare(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "localeCompare");
  if (s == nullptr) return Value::Empty();
  String* that = ArgToString(vm, a.arg(0));
  if (that == nullptr) return Value::Empty();
  static icu::Collator* collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Collator* c = icu::Collator::createInstance(icu::Locale::getRoot(), status);
    if (U_FAILURE(status)) return static_cast<icu::Collator*>(nullptr);
    c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
    return c;
  }();
  std::u16string x = ToU16String(s), y = ToU16String(that);
  if (collator == nullptr) return Value::Int32(x < y ? -1 : x > y ? 1 : 0);
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = collator->compare(reinterpret_cast<const UChar*>(x.data()), static_cast<int32_t>(x.size()),
                                         reinterpret_cast<const UChar*>(y.data()), static_cast<int32_t>(y.size()),
                                         status);
  return Value::Int32(r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0);
}

bool IsWhite(char16_t c) {
  return c == 0x09 || c == 0x0B || c == 0x0C || c == 0x20 || c == 0xA0 || c == 0xFEFF || c == 0x0A ||
         c == 0x0D || c == 0x2028 || c == 0x2029 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

Value Trim(Vm& vm, CallArgs& a, bool start, bool end) {
  String* s = ThisString(vm, a, "trim");
  if (s == nullptr) return Value::Empty();
  uint32_t b = 0, e = s->length;
  if (start) {
    while (b < e && IsWhite(s->At(b))) ++b;
  }
  if (end) {
    while (e > b && IsWhite(s->At(e - 1))) --e;
  }
  return StringValue(vm, Substring(vm, s, b, e));
}
Value StringProtoTrim(Vm& vm, CallArgs& a) { return Trim(vm, a, true, true); }
Value StringProtoTrimStart(Vm& vm, CallArgs& a) { return Trim(vm, a, true, false); }
Value StringProtoTrimEnd(Vm& vm, CallArgs& a) { return Trim(vm, a, false, true); }

}  // namespace

// 22.1.3.23 String.prototype.split steps 6-: `s` split at every occurrence of
// `sep` (null: the separator was undefined), at most `lim` parts. The
// dispatch to @@split and the conversions are self-hosted (StringSplit).
Value SplitString(Vm& vm, String* s, String* sep, double lim) {
  Object* out = NewArray(vm, *vm.current_realm());
  if (out == nullptr) return Oom(vm);
  if (lim == 0) return Value::FromObject(out);
  if (sep == nullptr) {
    if (!ArrayPush(vm, out, Value::FromString(s))) return Oom(vm);
    return Value::FromObject(out);
  }
  if (sep->length == 0) {
    for (uint32_t i = 0; i < s->length && out->array_length < lim; ++i) {
      String* ch = Substring(vm, s, i, i + 1);
      if (ch == nullptr || !ArrayPush(vm, out, Value::FromString(ch))) return Oom(vm);
    }
    return Value::FromObject(out);
  }
  uint32_t p = 0;
  int64_t q;
  while ((q = IndexOf(s, sep, p)) >= 0 && q + sep->length <= s->length) {
    if (static_cast<uint32_t>(q) == s->length) break;
    String* part = Substring(vm, s, p, static_cast<uint32_t>(q));
    if (part == nullptr || !ArrayPush(vm, out, Value::FromString(part))) return Oom(vm);
    if (out->array_length >= lim) return Value::FromObject(out);
    p = static_cast<uint32_t>(q) + sep->length;
  }
  String* rest = Substring(vm, s, p, s->length);
  if (rest == nullptr || !ArrayPush(vm, out, Value::FromString(rest))) return Oom(vm);
  return Value::FromObject(out);
}

int64_t StringIndexOf(String* s, String* search, uint32_t from) { return IndexOf(s, search, from); }

namespace {

// 22.1.3.18 String.prototype.repeat ( count )
Value StringProtoRepeat(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "repeat");
  double n;
  if (s == nullptr || !ArgInteger(vm, a.arg(0), &n)) return Value::Empty();
  if (n < 0 || std::isinf(n)) return vm.ThrowError(ErrorKind::kRangeError, "Invalid count value");
  if (n == 0 || s->length == 0) return Value::FromString(vm.atoms().empty);
  double total = n * s->length;
  if (total > kMaxStringLength) return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
  String* r = NewRawString(vm, static_cast<uint32_t>(total), s->is_one_byte());
  if (r == nullptr) return Oom(vm);
  for (uint32_t k = 0; k < static_cast<uint32_t>(n); ++k) {
    for (uint32_t i = 0; i < s->length; ++i) {
      if (s->is_one_byte()) {
        r->mutable_chars8()[k * s->length + i] = s->chars8()[i];
      } else {
        r->mutable_chars16()[k * s->length + i] = s->chars16()[i];
      }
    }
  }
  return Value::FromString(r);
}

Value Pad(Vm& vm, CallArgs& a, bool at_start) {
  String* s = ThisString(vm, a, at_start ? "padStart" : "padEnd");
  double max_len;
  if (s == nullptr || !ArgInteger(vm, a.arg(0), &max_len)) return Value::Empty();
  if (max_len <= s->length) return Value::FromString(s);
  String* filler = a.arg(1).IsUndefined() ? vm.InternAscii(" ") : ArgToString(vm, a.arg(1));
  if (filler == nullptr) return Value::Empty();
  if (filler->length == 0) return Value::FromString(s);
  if (max_len > kMaxStringLength) return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
  uint32_t total = static_cast<uint32_t>(max_len);
  uint32_t need = total - s->length;
  bool one_byte = s->is_one_byte() && filler->is_one_byte();
  String* r = NewRawString(vm, total, one_byte);
  if (r == nullptr) return Oom(vm);
  uint32_t pad_at = at_start ? 0 : s->length;
  uint32_t body_at = at_start ? need : 0;
  auto put = [&](uint32_t i, char16_t c) {
    if (one_byte) {
      r->mutable_chars8()[i] = static_cast<uint8_t>(c);
    } else {
      r->mutable_chars16()[i] = c;
    }
  };
  for (uint32_t i = 0; i < need; ++i) put(pad_at + i, filler->At(i % filler->length));
  for (uint32_t i = 0; i < s->length; ++i) put(body_at + i, s->At(i));
  return Value::FromString(r);
}
Value StringProtoPadStart(Vm& vm, CallArgs& a) { return Pad(vm, a, true); }
Value StringProtoPadEnd(Vm& vm, CallArgs& a) { return Pad(vm, a, false); }

Value StringProtoConcat(Vm& vm, CallArgs& a) {
  String* s = ThisString(vm, a, "concat");
  if (s == nullptr) return Value::Empty();
  for (uint32_t i = 0; i < a.argc; ++i) {
    String* t = ArgToString(vm, a.args[i]);
    if (t == nullptr) return Value::Empty();
    if (static_cast<uint64_t>(s->length) + t->length > kMaxStringLength) {
      return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
    }
    s = ConcatStrings(vm, s, t);
    if (s == nullptr) return Oom(vm);
  }
  return Value::FromString(s);
}

}  // namespace

bool InstallString(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kStringPrototype);
  Object* ctor = NewNativeFunction(vm, realm, "String", StringConstructor, 1, true);
  if (ctor == nullptr) return false;
  bool ok = DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
            DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
            DefineValue(vm, realm.global, "String", Value::FromObject(ctor)) &&
            DefineNativeMethod(vm, realm, ctor, "fromCharCode", StringFromCharCode, 1) &&
            DefineNativeMethod(vm, realm, ctor, "fromCodePoint", StringFromCodePoint, 1) &&
            DefineSelfHostedMethod(vm, ctor, "raw", sh.Get("StringRaw"), 1);
  struct M {
    const char* name;
    NativeFn fn;
    int length;
  };
  static const M kMethods[] = {
      {"toString", StringProtoValueOf, 0},      {"valueOf", StringProtoValueOf, 0},
      {"charAt", StringProtoCharAt, 1},         {"charCodeAt", StringProtoCharCodeAt, 1},
      {"codePointAt", StringProtoCodePointAt, 1}, {"at", StringProtoAt, 1},
      {"indexOf", StringProtoIndexOf, 1},       {"lastIndexOf", StringProtoLastIndexOf, 1},
      {"includes", StringProtoIncludes, 1},     {"startsWith", StringProtoStartsWith, 1},
      {"endsWith", StringProtoEndsWith, 1},     {"slice", StringProtoSlice, 2},
      {"substring", StringProtoSubstring, 2},   {"substr", StringProtoSubstr, 2},
      {"toUpperCase", StringProtoToUpperCase, 0}, {"toLowerCase", StringProtoToLowerCase, 0},
      {"trim", StringProtoTrim, 0},             {"trimStart", StringProtoTrimStart, 0},
      {"trimEnd", StringProtoTrimEnd, 0},       
      {"repeat", StringProtoRepeat, 1},         {"padStart", StringProtoPadStart, 1},
      {"padEnd", StringProtoPadEnd, 1},         {"concat", StringProtoConcat, 1},
      {"toLocaleUpperCase", StringProtoToLocaleUpperCase, 0},
      {"toLocaleLowerCase", StringProtoToLocaleLowerCase, 0},
      {"isWellFormed", StringProtoIsWellFormed, 0}, {"toWellFormed", StringProtoToWellFormed, 0},
      {"normalize", StringProtoNormalize, 0},   {"localeCompare", StringProtoLocaleCompare, 1},
  };
  for (const M& m : kMethods) ok = ok && DefineNativeMethod(vm, realm, proto, m.name, m.fn, m.length);
  if (!ok) return false;
  for (const char* name : {"includes", "startsWith", "endsWith"}) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, proto, NameKey(vm, name), &prop)) return false;
    static_cast<NativeFunction*>(prop.value.AsObject())->data = sh.Get("StringSearchArgument");
  }
  // B.2.2.15 / B.2.2.16: trimLeft and trimRight are trimStart and trimEnd.
  for (auto [alias, name] : {std::pair{"trimLeft", "trimStart"}, std::pair{"trimRight", "trimEnd"}}) {
    OwnProperty prop;
    if (!GetOwnProperty(vm, proto, NameKey(vm, name), &prop) || !DefineValue(vm, proto, alias, prop.value)) {
      return false;
    }
  }
  Value iter = sh.Get("StringIterator");
  String* name = NewStringFromLatin1(vm, "[Symbol.iterator]");
  return name != nullptr && SetFunctionNameAndLength(vm, iter.AsObject(), Value::FromString(name), 0) &&
         SetOwnData(vm, proto, PropertyKey(Value::FromSymbol(vm.symbols().iterator)), iter, kHiddenAttrs);
}

}  // namespace ratchet::internal
