#include "vm/string.h"

#include <algorithm>
#include <cstring>

#include "vm/utf8.h"
#include "vm/vm.h"

namespace ratchet::internal {

String* NewRawString(Vm& vm, uint32_t length, bool one_byte) {
  if (length > kMaxStringLength) return nullptr;
  size_t bytes = sizeof(String) + static_cast<size_t>(length) * (one_byte ? 1 : 2);
  Cell* c = vm.heap().AllocateCell(bytes, CellKind::kString);
  if (c == nullptr) return nullptr;
  String* s = static_cast<String*>(c);
  s->length = length;
  s->flags = one_byte ? String::kOneByte : 0;
  return s;
}

String* NewStringFromLatin1(Vm& vm, std::string_view latin1) {
  String* s = NewRawString(vm, static_cast<uint32_t>(std::min<size_t>(latin1.size(), kMaxStringLength + 1ull)), true);
  if (s == nullptr) return nullptr;
  std::memcpy(s->mutable_chars8(), latin1.data(), latin1.size());
  return s;
}

String* NewStringFromUtf16(Vm& vm, std::u16string_view u) {
  if (u.size() > kMaxStringLength) return nullptr;
  bool one_byte = std::all_of(u.begin(), u.end(), [](char16_t c) { return c <= 0xFF; });
  String* s = NewRawString(vm, static_cast<uint32_t>(u.size()), one_byte);
  if (s == nullptr) return nullptr;
  if (one_byte) {
    for (size_t i = 0; i < u.size(); ++i) s->mutable_chars8()[i] = static_cast<uint8_t>(u[i]);
  } else {
    std::memcpy(s->mutable_chars16(), u.data(), u.size() * 2);
  }
  return s;
}

String* NewStringFromUtf8(Vm& vm, std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return NewStringFromLatin1(vm, utf8);
  std::u16string out = DecodeUtf8(utf8);
  return NewStringFromUtf16(vm, out);
}

namespace {

// Results at least this long become slices of an append buffer.
constexpr uint32_t kMinSliceLength = 256;

void CopyChars(String* dst, uint32_t at, const String* src) {
  if (dst->is_one_byte()) {
    std::memcpy(dst->mutable_chars8() + at, src->chars8(), src->length);
  } else if (!src->is_one_byte()) {
    std::memcpy(dst->mutable_chars16() + at, src->chars16(), src->length * 2);
  } else {
    char16_t* out = dst->mutable_chars16() + at;
    const uint8_t* in = src->chars8();
    for (uint32_t i = 0; i < src->length; ++i) out[i] = in[i];
  }
}

String* NewSlice(Vm& vm, String* buffer, uint32_t length) {
  Cell* c = vm.heap().AllocateCell(sizeof(String) + sizeof(String*), CellKind::kString);
  if (c == nullptr) return nullptr;
  String* s = static_cast<String*>(c);
  s->length = length;
  s->flags = String::kSlice | (buffer->flags & String::kOneByte);
  *reinterpret_cast<String**>(s + 1) = buffer;
  return s;
}

}  // namespace

String* ConcatStrings(Vm& vm, String* a, String* b) {
  if (a->length == 0) return b;
  if (b->length == 0) return a;
  uint64_t len = static_cast<uint64_t>(a->length) + b->length;
  if (len > kMaxStringLength) return nullptr;
  bool one_byte = a->is_one_byte() && b->is_one_byte();
  // Append in place when `a` is the whole used prefix of its buffer.
  if (a->is_slice()) {
    String* buffer = a->parent();
    if (buffer->length == a->length && (one_byte || !buffer->is_one_byte()) && len <= buffer->capacity()) {
      String* s = NewSlice(vm, buffer, static_cast<uint32_t>(len));
      if (s == nullptr) return nullptr;
      CopyChars(buffer, buffer->length, b);
      buffer->length = static_cast<uint32_t>(len);
      return s;
    }
  }
  if (len >= kMinSliceLength) {
    uint64_t capacity = std::min<uint64_t>(len * 2, kMaxStringLength);
    String* buffer = NewRawString(vm, static_cast<uint32_t>(capacity), one_byte);
    if (buffer != nullptr) {
      buffer->flags |= String::kBuffer;
      buffer->length = 0;
      CopyChars(buffer, 0, a);
      CopyChars(buffer, a->length, b);
      buffer->length = static_cast<uint32_t>(len);
      String* s = NewSlice(vm, buffer, static_cast<uint32_t>(len));
      if (s != nullptr) return s;
    }
  }
  String* s = NewRawString(vm, static_cast<uint32_t>(len), one_byte);
  if (s == nullptr) return nullptr;
  CopyChars(s, 0, a);
  CopyChars(s, a->length, b);
  return s;
}

String* Substring(Vm& vm, String* s, uint32_t start, uint32_t end) {
  if (start == 0 && end == s->length) return s;
  uint32_t len = end - start;
  if (len == 1 && s->At(start) < 256) return vm.SingleCharString(static_cast<uint8_t>(s->At(start)));
  bool one_byte = s->is_one_byte();
  if (!one_byte) {
    one_byte = true;
    for (uint32_t i = start; i < end; ++i) {
      if (s->chars16()[i] > 0xFF) {
        one_byte = false;
        break;
      }
    }
  }
  String* r = NewRawString(vm, len, one_byte);
  if (r == nullptr) return nullptr;
  if (one_byte) {
    for (uint32_t i = 0; i < len; ++i) r->mutable_chars8()[i] = static_cast<uint8_t>(s->At(start + i));
  } else {
    std::memcpy(r->mutable_chars16(), s->chars16() + start, len * 2);
  }
  return r;
}

uint32_t StringHash(String* s) {
  if (s->hash != 0) return s->hash;
  // FNV-1a over code units; the same for Latin-1 and UTF-16 forms.
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < s->length; ++i) {
    h ^= s->At(i);
    h *= 16777619u;
  }
  if (h == 0) h = 1;
  s->hash = h;
  return h;
}

bool StringEquals(const String* a, const String* b) {
  if (a == b) return true;
  if (a->length != b->length) return false;
  if (a->is_atom() && b->is_atom()) return false;
  if (a->hash != 0 && b->hash != 0 && a->hash != b->hash) return false;
  if (a->is_one_byte() && b->is_one_byte()) {
    return std::memcmp(a->chars8(), b->chars8(), a->length) == 0;
  }
  if (!a->is_one_byte() && !b->is_one_byte()) {
    return std::memcmp(a->chars16(), b->chars16(), a->length * 2) == 0;
  }
  for (uint32_t i = 0; i < a->length; ++i) {
    if (a->At(i) != b->At(i)) return false;
  }
  return true;
}

int CompareStrings(const String* a, const String* b) {
  uint32_t n = std::min(a->length, b->length);
  for (uint32_t i = 0; i < n; ++i) {
    char16_t x = a->At(i), y = b->At(i);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a->length == b->length) return 0;
  return a->length < b->length ? -1 : 1;
}

bool StringEqualsAscii(const String* s, std::string_view ascii) {
  if (s->length != ascii.size()) return false;
  for (uint32_t i = 0; i < s->length; ++i) {
    if (s->At(i) != static_cast<unsigned char>(ascii[i])) return false;
  }
  return true;
}

std::u16string ToU16String(const String* s) {
  std::u16string out(s->length, u'\0');
  for (uint32_t i = 0; i < s->length; ++i) out[i] = s->At(i);
  return out;
}

void AppendUtf8(const String* s, std::string* out) {
  for (uint32_t i = 0; i < s->length; ++i) {
    uint32_t c = s->At(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->length) {
      uint32_t d = s->At(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        ++i;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;  // lone surrogate
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

std::string ToUtf8(const String* s) {
  std::string out;
  out.reserve(s->length);
  AppendUtf8(s, &out);
  return out;
}

bool StringToArrayIndex(String* s, uint32_t* index) {
  if (s->flags & String::kIndexChecked) {
    if (s->flags & String::kIsIndex) {
      *index = s->index;
      return true;
    }
    return false;
  }
  bool ok = false;
  uint64_t v = 0;
  if (s->length > 0 && s->length <= 10) {
    ok = true;
    for (uint32_t i = 0; i < s->length; ++i) {
      char16_t c = s->At(i);
      if (c < '0' || c > '9' || (i == 0 && c == '0' && s->length > 1)) {
        ok = false;
        break;
      }
      v = v * 10 + (c - '0');
    }
    if (v > 4294967294ull) ok = false;
  }
  s->flags |= String::kIndexChecked;
  if (ok) {
    s->flags |= String::kIsIndex;
    s->index = static_cast<uint32_t>(v);
    *index = s->index;
  }
  return ok;
}

}  // namespace ratchet::internal
