// Value: a 64-bit NaN-boxed JavaScript value.
//
// Doubles are stored as themselves, with every NaN canonicalized to the
// positive quiet NaN 0x7FF8'0000'0000'0000, which leaves the negative
// quiet-NaN space free for tags in the top 16 bits:
//
//   0xFFF9'0000'xxxx'xxxx  int32 (low 32 bits)
//   0xFFFA'0000'0000'000k  misc: undefined, null, false, true, empty
//   0xFFFB'pppp'pppp'pppp  String*   (48-bit pointer)
//   0xFFFC'pppp'pppp'pppp  Object*
//   0xFFFD'pppp'pppp'pppp  Symbol*
//   0xFFFE'pppp'pppp'pppp  BigInt*
//
// `empty` is an engine-internal marker (array holes, uninitialized lexical
// bindings); it never reaches JavaScript code.
#ifndef RATCHET_VM_VALUE_H_
#define RATCHET_VM_VALUE_H_

#include <cmath>
#include <cstdint>
#include <cstring>

#include "absl/base/attributes.h"

namespace ratchet::internal {

struct Cell;
struct String;
struct Object;
struct Symbol;
struct BigInt;

class Value {
 public:
  constexpr Value() : bits_(kUndefinedBits) {}

  static constexpr Value Undefined() { return FromBits(kUndefinedBits); }
  static constexpr Value Null() { return FromBits(kNullBits); }
  static constexpr Value Empty() { return FromBits(kEmptyBits); }
  static constexpr Value Boolean(bool b) { return FromBits(b ? kTrueBits : kFalseBits); }
  static constexpr Value Int32(int32_t i) {
    return FromBits(kInt32Tag | static_cast<uint32_t>(i));
  }
  ABSL_ATTRIBUTE_ALWAYS_INLINE static Value Double(double d) {
    if (std::isnan(d)) return FromBits(kCanonicalNaN);
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return FromBits(bits);
  }
  /// A number, stored as int32 when it is one exactly (not -0).
  ABSL_ATTRIBUTE_ALWAYS_INLINE static Value Number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) {
      int32_t i = static_cast<int32_t>(d);
      if (static_cast<double>(i) == d && !(i == 0 && std::signbit(d))) return Int32(i);
    }
    return Double(d);
  }
  static Value FromString(String* s) { return FromPointer(kStringTag, s); }
  static Value FromObject(Object* o) { return FromPointer(kObjectTag, o); }
  static Value FromSymbol(Symbol* s) { return FromPointer(kSymbolTag, s); }
  static Value FromBigInt(BigInt* b) { return FromPointer(kBigIntTag, b); }

  static constexpr Value FromBits(uint64_t bits) {
    Value v;
    v.bits_ = bits;
    return v;
  }
  constexpr uint64_t bits() const { return bits_; }

  bool IsUndefined() const { return bits_ == kUndefinedBits; }
  bool IsNull() const { return bits_ == kNullBits; }
  bool IsNullish() const { return (bits_ | 1) == kNullBits; }  // undefined=..0, null=..1
  bool IsEmpty() const { return bits_ == kEmptyBits; }
  bool IsBoolean() const { return (bits_ | 1) == kTrueBits; }
  bool IsTrue() const { return bits_ == kTrueBits; }
  bool IsFalse() const { return bits_ == kFalseBits; }
  bool AsBoolean() const { return bits_ == kTrueBits; }

  bool IsInt32() const { return (bits_ >> 32) == (kInt32Tag >> 32); }
  bool IsDouble() const { return (bits_ >> 48) < kFirstTag; }
  bool IsNumber() const { return IsInt32() || IsDouble(); }
  int32_t AsInt32() const { return static_cast<int32_t>(static_cast<uint32_t>(bits_)); }
  double AsDouble() const {
    double d;
    std::memcpy(&d, &bits_, sizeof d);
    return d;
  }
  double AsNumber() const { return IsInt32() ? AsInt32() : AsDouble(); }

  bool IsCell() const { return (bits_ >> 48) >= (kStringTag >> 48); }
  bool IsString() const { return (bits_ >> 48) == (kStringTag >> 48); }
  bool IsObject() const { return (bits_ >> 48) == (kObjectTag >> 48); }
  bool IsSymbol() const { return (bits_ >> 48) == (kSymbolTag >> 48); }
  bool IsBigInt() const { return (bits_ >> 48) == (kBigIntTag >> 48); }
  /// A property key: a string atom or a symbol.
  bool IsPropertyKey() const { return IsString() || IsSymbol(); }

  Cell* AsCell() const { return reinterpret_cast<Cell*>(bits_ & kPointerMask); }
  String* AsString() const { return reinterpret_cast<String*>(bits_ & kPointerMask); }
  Object* AsObject() const { return reinterpret_cast<Object*>(bits_ & kPointerMask); }
  Symbol* AsSymbol() const { return reinterpret_cast<Symbol*>(bits_ & kPointerMask); }
  BigInt* AsBigInt() const { return reinterpret_cast<BigInt*>(bits_ & kPointerMask); }

  friend bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }
  friend bool operator!=(Value a, Value b) { return a.bits_ != b.bits_; }

 private:
  static constexpr uint64_t kFirstTag = 0xFFF9;
  static constexpr uint64_t kInt32Tag = 0xFFF9'0000'0000'0000ull;
  static constexpr uint64_t kMiscTag = 0xFFFA'0000'0000'0000ull;
  static constexpr uint64_t kStringTag = 0xFFFB'0000'0000'0000ull;
  static constexpr uint64_t kObjectTag = 0xFFFC'0000'0000'0000ull;
  static constexpr uint64_t kSymbolTag = 0xFFFD'0000'0000'0000ull;
  static constexpr uint64_t kBigIntTag = 0xFFFE'0000'0000'0000ull;
  static constexpr uint64_t kPointerMask = 0x0000'FFFF'FFFF'FFFFull;
  static constexpr uint64_t kUndefinedBits = kMiscTag | 0;
  static constexpr uint64_t kNullBits = kMiscTag | 1;
  static constexpr uint64_t kFalseBits = kMiscTag | 2;
  static constexpr uint64_t kTrueBits = kMiscTag | 3;
  static constexpr uint64_t kEmptyBits = kMiscTag | 4;
  static constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ull;

  static Value FromPointer(uint64_t tag, const void* p) {
    return FromBits(tag | (reinterpret_cast<uint64_t>(p) & kPointerMask));
  }

  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_VALUE_H_
