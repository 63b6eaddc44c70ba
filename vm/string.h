// Strings: immutable, Latin-1 (one byte per code unit) or UTF-16, with a
// cached hash; interned strings ("atoms") are the property keys.
#ifndef RATCHET_VM_STRING_H_
#define RATCHET_VM_STRING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/heap.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;

struct String : Cell {
  static constexpr uint16_t kOneByte = 1;
  static constexpr uint16_t kAtom = 2;
  static constexpr uint16_t kIndexChecked = 4;  // index_ is valid
  static constexpr uint16_t kIsIndex = 8;       // canonical array index

  uint32_t length;
  uint32_t hash;  // 0 until computed
  uint32_t index; // array index value when kIsIndex
  uint32_t pad;
  // Followed by `length` bytes (one-byte) or char16_t units.

  bool is_one_byte() const { return flags & kOneByte; }
  bool is_atom() const { return flags & kAtom; }
  const uint8_t* chars8() const { return reinterpret_cast<const uint8_t*>(this + 1); }
  const char16_t* chars16() const { return reinterpret_cast<const char16_t*>(this + 1); }
  uint8_t* mutable_chars8() { return reinterpret_cast<uint8_t*>(this + 1); }
  char16_t* mutable_chars16() { return reinterpret_cast<char16_t*>(this + 1); }
  char16_t At(uint32_t i) const { return is_one_byte() ? chars8()[i] : chars16()[i]; }
};

/// Allocation (null when over the memory limit).
String* NewStringFromLatin1(Vm& vm, std::string_view latin1);
String* NewStringFromUtf16(Vm& vm, std::u16string_view s);
String* NewStringFromUtf8(Vm& vm, std::string_view utf8);
/// A string of `length` code units to be filled by the caller.
String* NewRawString(Vm& vm, uint32_t length, bool one_byte);
String* ConcatStrings(Vm& vm, String* a, String* b);
String* Substring(Vm& vm, String* s, uint32_t start, uint32_t end);

/// Largest string length (code units) the engine creates.
inline constexpr uint32_t kMaxStringLength = (1u << 30) - 25;

uint32_t StringHash(String* s);
bool StringEquals(const String* a, const String* b);
/// <0, 0, >0 by code units, as the spec's IsLessThan for strings.
int CompareStrings(const String* a, const String* b);
bool StringEqualsAscii(const String* s, std::string_view ascii);

/// Conversion for the host.
std::u16string ToU16String(const String* s);
std::string ToUtf8(const String* s);
void AppendUtf8(const String* s, std::string* out);

/// If `s` is a canonical array index ("0".."4294967294"), sets *index.
bool StringToArrayIndex(String* s, uint32_t* index);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_STRING_H_
