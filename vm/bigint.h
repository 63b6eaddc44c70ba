// BigInt values (6.1.6.2): immutable heap cells holding a sign and a
// magnitude in 64-bit limbs (least significant first, no leading zero
// limbs; zero has no limbs). Arithmetic runs on GMP's mpn kernels over
// engine-owned limbs; every allocation goes through the heap, so BigInts
// count toward the memory limit. Functions that allocate return null with
// an exception pending (RangeError past the size limit, or out of memory).
#ifndef RATCHET_VM_BIGINT_H_
#define RATCHET_VM_BIGINT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "vm/heap.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;
struct String;

struct BigInt : Cell {
  uint32_t length;  // limbs in use
  uint8_t negative;
  uint8_t pad[3];
  uint64_t* limbs() { return reinterpret_cast<uint64_t*>(this + 1); }
  const uint64_t* limbs() const { return reinterpret_cast<const uint64_t*>(this + 1); }
  bool is_zero() const { return length == 0; }
};

/// Largest BigInt magnitude, in bits.
inline constexpr uint64_t kMaxBigIntBits = uint64_t{1} << 26;

BigInt* BigIntFromInt64(Vm& vm, int64_t v);
BigInt* BigIntFromUint64(Vm& vm, uint64_t v, bool negative);
/// 21.2.1.1.1 NumberToBigInt: RangeError unless `d` is an integral number.
BigInt* NumberToBigInt(Vm& vm, double d);
/// Parses decimal digits (a literal already reduced to decimal).
BigInt* BigIntFromDecimal(Vm& vm, std::u16string_view digits);
/// 7.1.14 StringToBigInt: false (no exception) when the text is not a
/// StringIntegerLiteral; *out null with an exception on allocation failure.
bool StringToBigInt(Vm& vm, const String* s, BigInt** out);

/// 𝔽(ℝ(x)), rounded to nearest, ties to even.
double BigIntToNumber(const BigInt* x);
/// ℝ(x) modulo 2^64.
uint64_t BigIntToUint64(const BigInt* x);
/// Radix 2..36, lowercase.
String* BigIntToString(Vm& vm, const BigInt* x, int radix);
std::string BigIntToStdString(const BigInt* x);

int BigIntCompare(const BigInt* a, const BigInt* b);
/// -1, 0 or 1; 2 when `d` is NaN (unordered).
int BigIntCompareToNumber(const BigInt* a, double d);
bool BigIntEquals(const BigInt* a, const BigInt* b);
size_t BigIntHash(const BigInt* x);

enum class BigIntOp : uint8_t {
  kAdd, kSub, kMul, kDiv, kMod, kExp, kAnd, kOr, kXor, kShl, kSar,
};
/// 6.1.6.2 BigInt::add ... BigInt::signedRightShift. RangeError for
/// division by zero, a negative exponent or a result past the size limit.
BigInt* BigIntBinary(Vm& vm, BigIntOp op, const BigInt* a, const BigInt* b);
BigInt* BigIntNegate(Vm& vm, const BigInt* x);
BigInt* BigIntBitNot(Vm& vm, const BigInt* x);
/// BigInt::add(x, 1n) / subtract.
BigInt* BigIntIncrement(Vm& vm, const BigInt* x, int delta);
/// 21.2.2.1 BigInt.asIntN / 21.2.2.2 asUintN.
BigInt* BigIntAsIntN(Vm& vm, uint64_t bits, const BigInt* x, bool is_signed);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_BIGINT_H_
