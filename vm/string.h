// Strings: immutable, Latin-1 (one byte per code unit) or UTF-16, with a
// cached hash; interned strings ("atoms") are the property keys.
//
// Repeated concatenation is amortized O(1) per appended unit: a long result
// of ConcatStrings is a *slice* — a header pointing at a prefix of an
// append buffer (a String cell with spare capacity, never exposed to JS).
// Concatenating onto a slice that covers the buffer's whole used prefix
// appends in place and returns a new, longer slice; the characters of every
// existing string never change and never move.
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
  static constexpr uint16_t kSlice = 16;        // chars are a prefix of parent()'s
  static constexpr uint16_t kBuffer = 32;       // an append buffer (only slices refer to it)
  static constexpr uint16_t kPinned = 64;       // an atom of the intrinsics: a root (Vm::Intern)

  uint32_t length;
  uint32_t hash;  // 0 until computed
  uint32_t index; // array index value when kIsIndex
  uint32_t pad;
  // Followed by `length` bytes (one-byte) or char16_t units.

  bool is_one_byte() const { return flags & kOneByte; }
  bool is_atom() const { return flags & kAtom; }
  bool is_slice() const { return flags & kSlice; }
  /// The append buffer of a slice.
  String* parent() const { return *reinterpret_cast<String* const*>(this + 1); }
  const void* storage() const { return is_slice() ? static_cast<const void*>(parent() + 1) : this + 1; }
  const uint8_t* chars8() const { return static_cast<const uint8_t*>(storage()); }
  const char16_t* chars16() const { return static_cast<const char16_t*>(storage()); }
  uint8_t* mutable_chars8() { return reinterpret_cast<uint8_t*>(this + 1); }
  char16_t* mutable_chars16() { return reinterpret_cast<char16_t*>(this + 1); }
  char16_t At(uint32_t i) const { return is_one_byte() ? chars8()[i] : chars16()[i]; }
  /// Code units an append buffer can hold.
  uint32_t capacity() const {
    return static_cast<uint32_t>((alloc_size - sizeof(String)) / (is_one_byte() ? 1 : 2));
  }
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
