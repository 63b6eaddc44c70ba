// 19.2.6 URI Handling Functions (encodeURI, encodeURIComponent, decodeURI,
// decodeURIComponent) and B.2.1 escape / unescape.
#include <string>

#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"
#include "vm/utf8.h"

namespace ratchet::internal {

namespace {

bool IsAlnum(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c >= '0' && c <= '9'; }

bool InSet(uint32_t c, std::u16string_view set) {
  return c < 128 && set.find(static_cast<char16_t>(c)) != std::u16string_view::npos;
}

constexpr std::u16string_view kUriMark = u"-_.!~*'()";
constexpr std::u16string_view kUriReserved = u";/?:@&=+$,";

void AppendHexByte(std::u16string* out, uint32_t b) {
  static const char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(static_cast<char16_t>(kHex[b >> 4]));
  out->push_back(static_cast<char16_t>(kHex[b & 15]));
}

int HexDigit(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

Value UriError(Vm& vm) { return vm.ThrowError(ErrorKind::kURIError, "URI malformed"); }

// 19.2.6.5 Encode ( string, extraUnescaped )
Value Encode(Vm& vm, CallArgs& a, bool component) {
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  std::u16string out;
  uint32_t len = s->length;
  for (uint32_t k = 0; k < len; ++k) {
    uint32_t c = s->At(k);
    if (IsAlnum(c) || InSet(c, kUriMark) || (!component && (InSet(c, kUriReserved) || c == '#'))) {
      out.push_back(static_cast<char16_t>(c));
      continue;
    }
    // CodePointAt: a lone surrogate is a URIError.
    if (c >= 0xDC00 && c <= 0xDFFF) return UriError(vm);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (k + 1 >= len || s->At(k + 1) < 0xDC00 || s->At(k + 1) > 0xDFFF) return UriError(vm);
      c = 0x10000 + ((c - 0xD800) << 10) + (s->At(k + 1) - 0xDC00);
      ++k;
    }
    if (c < 0x80) {
      AppendHexByte(&out, c);
    } else if (c < 0x800) {
      AppendHexByte(&out, 0xC0 | (c >> 6));
      AppendHexByte(&out, 0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      AppendHexByte(&out, 0xE0 | (c >> 12));
      AppendHexByte(&out, 0x80 | ((c >> 6) & 0x3F));
      AppendHexByte(&out, 0x80 | (c & 0x3F));
    } else {
      AppendHexByte(&out, 0xF0 | (c >> 18));
      AppendHexByte(&out, 0x80 | ((c >> 12) & 0x3F));
      AppendHexByte(&out, 0x80 | ((c >> 6) & 0x3F));
      AppendHexByte(&out, 0x80 | (c & 0x3F));
    }
    if (out.size() > kMaxStringLength) return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
  }
  String* r = NewStringFromUtf16(vm, out);
  return r ? Value::FromString(r) : Oom(vm);
}

// 19.2.6.6 Decode ( string, preserveEscapeSet )
Value Decode(Vm& vm, CallArgs& a, bool component) {
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  std::u16string out;
  uint32_t len = s->length;
  auto byte_at = [&](uint32_t k, uint32_t* b) {
    if (k + 2 >= len || s->At(k) != '%') return false;
    int h = HexDigit(s->At(k + 1)), l = HexDigit(s->At(k + 2));
    if (h < 0 || l < 0) return false;
    *b = static_cast<uint32_t>(h * 16 + l);
    return true;
  };
  for (uint32_t k = 0; k < len; ++k) {
    char16_t c = s->At(k);
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    uint32_t start = k, b;
    if (!byte_at(k, &b)) return UriError(vm);
    k += 2;
    if (b < 0x80) {
      if (!component && (InSet(b, kUriReserved) || b == '#')) {
        for (uint32_t i = start; i <= k; ++i) out.push_back(s->At(i));
      } else {
        out.push_back(static_cast<char16_t>(b));
      }
      continue;
    }
    int n = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC0 && b < 0xE0 ? 2 : 0;
    if (n == 0) return UriError(vm);
    uint32_t cp = b & (0xFF >> (n + 1));
    for (int j = 1; j < n; ++j) {
      uint32_t cb;
      if (!byte_at(k + 1, &cb) || (cb & 0xC0) != 0x80) return UriError(vm);
      k += 3;
      cp = (cp << 6) | (cb & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return UriError(vm);
    AppendCodePoint(&out, cp);
  }
  String* r = NewStringFromUtf16(vm, out);
  return r ? Value::FromString(r) : Oom(vm);
}

Value EncodeUri(Vm& vm, CallArgs& a) { return Encode(vm, a, false); }
Value EncodeUriComponent(Vm& vm, CallArgs& a) { return Encode(vm, a, true); }
Value DecodeUri(Vm& vm, CallArgs& a) { return Decode(vm, a, false); }
Value DecodeUriComponent(Vm& vm, CallArgs& a) { return Decode(vm, a, true); }

// B.2.1.1 escape ( string )
Value Escape(Vm& vm, CallArgs& a) {
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  static const char kHex[] = "0123456789ABCDEF";
  std::u16string out;
  for (uint32_t k = 0; k < s->length; ++k) {
    char16_t c = s->At(k);
    if (IsAlnum(c) || InSet(c, u"@*_+-./")) {
      out.push_back(c);
    } else if (c < 256) {
      AppendHexByte(&out, c);
    } else {
      out += u"%u";
      for (int shift = 12; shift >= 0; shift -= 4) out.push_back(static_cast<char16_t>(kHex[(c >> shift) & 15]));
    }
  }
  String* r = NewStringFromUtf16(vm, out);
  return r ? Value::FromString(r) : Oom(vm);
}

// B.2.1.2 unescape ( string )
Value Unescape(Vm& vm, CallArgs& a) {
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  std::u16string out;
  uint32_t len = s->length;
  for (uint32_t k = 0; k < len; ++k) {
    char16_t c = s->At(k);
    if (c == '%') {
      if (k + 6 <= len && s->At(k + 1) == 'u') {
        int v = 0;
        bool ok = true;
        for (uint32_t i = k + 2; i < k + 6; ++i) {
          int h = HexDigit(s->At(i));
          ok = ok && h >= 0;
          v = v * 16 + (h < 0 ? 0 : h);
        }
        if (ok) {
          out.push_back(static_cast<char16_t>(v));
          k += 5;
          continue;
        }
      }
      if (k + 3 <= len) {
        int h = HexDigit(s->At(k + 1)), l = HexDigit(s->At(k + 2));
        if (h >= 0 && l >= 0) {
          out.push_back(static_cast<char16_t>(h * 16 + l));
          k += 2;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  String* r = NewStringFromUtf16(vm, out);
  return r ? Value::FromString(r) : Oom(vm);
}

}  // namespace

bool InstallUriFunctions(Vm& vm, Realm& realm) {
  Object* g = realm.global;
  return DefineNativeMethod(vm, realm, g, "encodeURI", EncodeUri, 1) &&
         DefineNativeMethod(vm, realm, g, "encodeURIComponent", EncodeUriComponent, 1) &&
         DefineNativeMethod(vm, realm, g, "decodeURI", DecodeUri, 1) &&
         DefineNativeMethod(vm, realm, g, "decodeURIComponent", DecodeUriComponent, 1) &&
         DefineNativeMethod(vm, realm, g, "escape", Escape, 1) &&
         DefineNativeMethod(vm, realm, g, "unescape", Unescape, 1);
}

}  // namespace ratchet::internal
