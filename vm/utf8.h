// UTF-8 <-> UTF-16 conversion shared by the compiler and the VM.
#ifndef RATCHET_VM_UTF8_H_
#define RATCHET_VM_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ratchet::internal {

/// Decodes UTF-8; invalid sequences (overlong, surrogates, truncated) become
/// U+FFFD.
std::u16string DecodeUtf8(std::string_view utf8);

/// Encodes UTF-16 as UTF-8; lone surrogates become U+FFFD.
std::string EncodeUtf8(std::u16string_view utf16);

/// Appends a code point as one or two UTF-16 code units.
inline void AppendCodePoint(std::u16string* out, uint32_t cp) {
  if (cp >= 0x10000) {
    cp -= 0x10000;
    out->push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
    out->push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
  } else {
    out->push_back(static_cast<char16_t>(cp));
  }
}

}  // namespace ratchet::internal

#endif  // RATCHET_VM_UTF8_H_
