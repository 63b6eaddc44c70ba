// 6.1.6.2 The BigInt Type, on GMP's mpn layer. Operations compute into
// temporary limb vectors and then allocate the (normalized) result cell.
#include "vm/bigint.h"

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "vm/conversions.h"
#include "vm/string.h"
#include "vm/vm.h"

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "64-bit GMP limbs expected");

namespace ratchet::internal {

namespace {

using Limbs = std::vector<uint64_t>;

void Trim(Limbs* v) {
  while (!v->empty() && v->back() == 0) v->pop_back();
}

Limbs MagnitudeOf(const BigInt* x) { return Limbs(x->limbs(), x->limbs() + x->length); }

mp_limb_t* P(Limbs& v) { return reinterpret_cast<mp_limb_t*>(v.data()); }
const mp_limb_t* P(const Limbs& v) { return reinterpret_cast<const mp_limb_t*>(v.data()); }

int CompareMag(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  if (a.empty()) return 0;
  int c = mpn_cmp(P(a), P(b), static_cast<mp_size_t>(a.size()));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

Limbs AddMag(const Limbs& a, const Limbs& b) {
  const Limbs& big = a.size() >= b.size() ? a : b;
  const Limbs& small = a.size() >= b.size() ? b : a;
  if (small.empty()) return big;
  Limbs r(big.size() + 1);
  r.back() = mpn_add(P(r), P(big), static_cast<mp_size_t>(big.size()), P(small), static_cast<mp_size_t>(small.size()));
  Trim(&r);
  return r;
}

// |a| - |b| with |a| >= |b|.
Limbs SubMag(const Limbs& a, const Limbs& b) {
  if (b.empty()) return a;
  Limbs r(a.size());
  mpn_sub(P(r), P(a), static_cast<mp_size_t>(a.size()), P(b), static_cast<mp_size_t>(b.size()));
  Trim(&r);
  return r;
}

Limbs MulMag(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  const Limbs& big = a.size() >= b.size() ? a : b;
  const Limbs& small = a.size() >= b.size() ? b : a;
  Limbs r(big.size() + small.size());
  mpn_mul(P(r), P(big), static_cast<mp_size_t>(big.size()), P(small), static_cast<mp_size_t>(small.size()));
  Trim(&r);
  return r;
}

// Truncating division of magnitudes; b non-empty.
void DivMag(const Limbs& a, const Limbs& b, Limbs* q, Limbs* r) {
  if (CompareMag(a, b) < 0) {
    q->clear();
    *r = a;
    return;
  }
  q->assign(a.size() - b.size() + 1, 0);
  r->assign(b.size(), 0);
  mpn_tdiv_qr(P(*q), P(*r), 0, P(a), static_cast<mp_size_t>(a.size()), P(b), static_cast<mp_size_t>(b.size()));
  Trim(q);
  Trim(r);
}

uint64_t BitLength(const Limbs& v) {
  if (v.empty()) return 0;
  return (v.size() - 1) * 64 + (64 - static_cast<uint64_t>(__builtin_clzll(v.back())));
}

Limbs ShiftLeftMag(const Limbs& a, uint64_t n) {
  if (a.empty()) return {};
  size_t words = n / 64;
  unsigned bits = static_cast<unsigned>(n % 64);
  Limbs r(a.size() + words + 1, 0);
  if (bits == 0) {
    std::copy(a.begin(), a.end(), r.begin() + static_cast<ptrdiff_t>(words));
  } else {
    r[a.size() + words] = mpn_lshift(P(r) + words, P(a), static_cast<mp_size_t>(a.size()), bits);
  }
  Trim(&r);
  return r;
}

// Floor of |a| / 2^n, and whether any shifted-out bit was set.
Limbs ShiftRightMag(const Limbs& a, uint64_t n, bool* lost) {
  *lost = false;
  size_t words = n / 64;
  if (words >= a.size()) {
    *lost = !a.empty();
    return {};
  }
  unsigned bits = static_cast<unsigned>(n % 64);
  for (size_t i = 0; i < words; ++i) *lost |= a[i] != 0;
  Limbs r(a.size() - words);
  if (bits == 0) {
    std::copy(a.begin() + static_cast<ptrdiff_t>(words), a.end(), r.begin());
  } else {
    mp_limb_t out = mpn_rshift(P(r), P(a) + words, static_cast<mp_size_t>(r.size()), bits);
    *lost |= out != 0;
  }
  Trim(&r);
  return r;
}

BigInt* Make(Vm& vm, Limbs mag, bool negative) {
  Trim(&mag);
  if (BitLength(mag) > kMaxBigIntBits) {
    vm.ThrowError(ErrorKind::kRangeError, "Maximum BigInt size exceeded");
    return nullptr;
  }
  size_t bytes = sizeof(BigInt) + mag.size() * sizeof(uint64_t);
  Cell* c = vm.heap().AllocateCell(bytes, CellKind::kBigInt);
  if (c == nullptr) {
    vm.ThrowOutOfMemory();
    return nullptr;
  }
  auto* b = static_cast<BigInt*>(c);
  b->length = static_cast<uint32_t>(mag.size());
  b->negative = mag.empty() ? 0 : (negative ? 1 : 0);
  if (!mag.empty()) std::memcpy(b->limbs(), mag.data(), mag.size() * sizeof(uint64_t));
  return b;
}

// Signed add of (sa, a) and (sb, b).
BigInt* SignedAdd(Vm& vm, const Limbs& a, bool sa, const Limbs& b, bool sb) {
  if (sa == sb) return Make(vm, AddMag(a, b), sa);
  int c = CompareMag(a, b);
  if (c == 0) return Make(vm, {}, false);
  if (c > 0) return Make(vm, SubMag(a, b), sa);
  return Make(vm, SubMag(b, a), sb);
}

// Two's complement of x in `n` limbs (x fits: n > its limb count).
Limbs ToTwos(const BigInt* x, size_t n) {
  Limbs r(n, 0);
  std::copy(x->limbs(), x->limbs() + x->length, r.begin());
  if (x->negative) {
    // ~(|x| - 1)
    mpn_sub_1(P(r), P(r), static_cast<mp_size_t>(n), 1);
    for (uint64_t& w : r) w = ~w;
  }
  return r;
}

// Interprets `r` as an n-limb two's complement number.
BigInt* FromTwos(Vm& vm, Limbs r) {
  bool negative = !r.empty() && (r.back() >> 63) != 0;
  if (negative) {
    for (uint64_t& w : r) w = ~w;
    mpn_add_1(P(r), P(r), static_cast<mp_size_t>(r.size()), 1);
  }
  return Make(vm, std::move(r), negative);
}

int DigitValue(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Digits (values) in `radix` to a magnitude.
Limbs FromDigits(std::vector<unsigned char>* digits, int radix) {
  // Strip leading zeros (mpn_set_str accepts them, but sizes stay small).
  size_t first = 0;
  while (first < digits->size() && (*digits)[first] == 0) ++first;
  if (first == digits->size()) return {};
  size_t n = digits->size() - first;
  Limbs r(n * 6 / 64 + 2);  // log2(36) < 6 bits per digit
  mp_size_t len = mpn_set_str(P(r), digits->data() + first, n, radix);
  r.resize(static_cast<size_t>(len));
  Trim(&r);
  return r;
}

}  // namespace

BigInt* BigIntFromUint64(Vm& vm, uint64_t v, bool negative) {
  Limbs mag;
  if (v != 0) mag.push_back(v);
  return Make(vm, std::move(mag), negative);
}

BigInt* BigIntFromInt64(Vm& vm, int64_t v) {
  uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  return BigIntFromUint64(vm, mag, v < 0);
}

BigInt* NumberToBigInt(Vm& vm, double d) {
  if (!std::isfinite(d) || d != std::trunc(d)) {
    vm.ThrowError(ErrorKind::kRangeError, "The number " + NumberToStdString(d) +
                                              " cannot be converted to a BigInt because it is not an integer");
    return nullptr;
  }
  bool negative = d < 0;
  double a = std::fabs(d);
  if (a < 18446744073709551616.0) return BigIntFromUint64(vm, static_cast<uint64_t>(a), negative);
  int e;
  double f = std::frexp(a, &e);  // a = f * 2^e, f in [0.5, 1)
  auto m = static_cast<uint64_t>(std::ldexp(f, 53));
  return Make(vm, ShiftLeftMag(Limbs{m}, static_cast<uint64_t>(e - 53)), negative);
}

BigInt* BigIntFromDecimal(Vm& vm, std::u16string_view text) {
  std::vector<unsigned char> digits;
  for (char16_t c : text) digits.push_back(static_cast<unsigned char>(c - '0'));
  return Make(vm, FromDigits(&digits, 10), false);
}

// StringIntegerLiteral: whitespace, then empty, or a signed decimal, or a
// 0x/0o/0b non-decimal literal (no sign), then whitespace. No separators.
bool StringToBigInt(Vm& vm, const String* s, BigInt** out) {
  *out = nullptr;
  uint32_t b = 0, e = s->length;
  while (b < e && IsJsWhitespace(s->At(b))) ++b;
  while (e > b && IsJsWhitespace(s->At(e - 1))) --e;
  bool negative = false;
  int radix = 10;
  if (e - b >= 2 && s->At(b) == '0') {
    char16_t p = s->At(b + 1) | 0x20;
    radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (radix != 10) b += 2;
    if (radix != 10 && b == e) return false;
  }
  if (radix == 10 && b < e && (s->At(b) == '+' || s->At(b) == '-')) {
    negative = s->At(b) == '-';
    ++b;
    if (b == e) return false;
  }
  std::vector<unsigned char> digits;
  digits.reserve(e - b);
  for (uint32_t i = b; i < e; ++i) {
    int d = DigitValue(s->At(i));
    if (d >= radix) return false;
    digits.push_back(static_cast<unsigned char>(d));
  }
  *out = Make(vm, FromDigits(&digits, radix), negative);
  return true;
}

double BigIntToNumber(const BigInt* x) {
  if (x->length == 0) return 0;
  Limbs mag = MagnitudeOf(x);
  uint64_t bits = BitLength(mag);
  double r;
  if (bits <= 64) {
    r = static_cast<double>(mag[0]);
  } else if (bits > 1024 + 64) {
    r = INFINITY;
  } else {
    // The top 64 bits with a sticky bit for everything below: the
    // conversion of that word rounds exactly as the whole value would.
    bool lost;
    Limbs top = ShiftRightMag(mag, bits - 64, &lost);
    uint64_t m = top[0] | (lost ? 1 : 0);
    r = std::ldexp(static_cast<double>(m), static_cast<int>(bits - 64));
  }
  return x->negative ? -r : r;
}

uint64_t BigIntToUint64(const BigInt* x) {
  if (x->length == 0) return 0;
  uint64_t low = x->limbs()[0];
  return x->negative ? 0 - low : low;
}

std::string BigIntToStdString(const BigInt* x) {
  if (x->length == 0) return "0";
  Limbs mag = MagnitudeOf(x);
  mag.push_back(0);  // mpn_get_str needs one extra limb and clobbers its input
  std::vector<unsigned char> digits(x->length * 20 + 2);
  size_t n = mpn_get_str(digits.data(), 10, P(mag), static_cast<mp_size_t>(x->length));
  std::string out = x->negative ? "-" : "";
  size_t i = 0;
  while (i + 1 < n && digits[i] == 0) ++i;
  for (; i < n; ++i) out.push_back(static_cast<char>('0' + digits[i]));
  return out;
}

String* BigIntToString(Vm& vm, const BigInt* x, int radix) {
  if (x->length == 0) return NewStringFromLatin1(vm, "0");
  Limbs mag = MagnitudeOf(x);
  mag.push_back(0);
  std::vector<unsigned char> digits(static_cast<size_t>(x->length) * 64 + 2);
  size_t n = mpn_get_str(digits.data(), radix, P(mag), static_cast<mp_size_t>(x->length));
  size_t i = 0;
  while (i + 1 < n && digits[i] == 0) ++i;
  std::string out = x->negative ? "-" : "";
  for (; i < n; ++i) out.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[digits[i]]);
  if (out.size() > kMaxStringLength) {
    vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
    return nullptr;
  }
  String* s = NewStringFromLatin1(vm, out);
  if (s == nullptr) vm.ThrowOutOfMemory();
  return s;
}

int BigIntCompare(const BigInt* a, const BigInt* b) {
  if (a->negative != b->negative) return a->negative ? -1 : 1;
  int c = CompareMag(MagnitudeOf(a), MagnitudeOf(b));
  return a->negative ? -c : c;
}

int BigIntCompareToNumber(const BigInt* a, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  bool dneg = d < 0;
  bool aneg = a->negative;
  if (a->length == 0 && d == 0) return 0;
  if (aneg != dneg || d == 0 || a->length == 0) {
    // Different signs (or one side zero).
    if (a->length == 0) return d > 0 ? -1 : 1;
    if (d == 0) return aneg ? -1 : 1;
    return aneg ? -1 : 1;
  }
  // Same sign: compare magnitudes |a| with |d|.
  double ad = std::fabs(d);
  double t = std::trunc(ad);
  Limbs tm;
  if (t < 18446744073709551616.0) {
    if (t != 0) tm.push_back(static_cast<uint64_t>(t));
  } else {
    int e;
    double f = std::frexp(t, &e);
    tm = ShiftLeftMag(Limbs{static_cast<uint64_t>(std::ldexp(f, 53))}, static_cast<uint64_t>(e - 53));
  }
  int c = CompareMag(MagnitudeOf(a), tm);
  if (c == 0 && ad > t) c = -1;  // |a| == trunc(|d|) < |d|
  return aneg ? -c : c;
}

bool BigIntEquals(const BigInt* a, const BigInt* b) {
  return a->negative == b->negative && a->length == b->length &&
         std::memcmp(a->limbs(), b->limbs(), a->length * sizeof(uint64_t)) == 0;
}

size_t BigIntHash(const BigInt* x) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ x->negative;
  for (uint32_t i = 0; i < x->length; ++i) h = (h ^ x->limbs()[i]) * 0x100000001B3ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

BigInt* BigIntNegate(Vm& vm, const BigInt* x) { return Make(vm, MagnitudeOf(x), !x->negative); }

BigInt* BigIntBitNot(Vm& vm, const BigInt* x) {
  // ~x = -x - 1
  return SignedAdd(vm, MagnitudeOf(x), !x->negative, Limbs{1}, true);
}

BigInt* BigIntIncrement(Vm& vm, const BigInt* x, int delta) {
  return SignedAdd(vm, MagnitudeOf(x), x->negative, Limbs{1}, delta < 0);
}

BigInt* BigIntBinary(Vm& vm, BigIntOp op, const BigInt* a, const BigInt* b) {
  Limbs ma = MagnitudeOf(a), mb = MagnitudeOf(b);
  bool sa = a->negative, sb = b->negative;
  switch (op) {
    case BigIntOp::kAdd:
      return SignedAdd(vm, ma, sa, mb, sb);
    case BigIntOp::kSub:
      return SignedAdd(vm, ma, sa, mb, !sb);
    case BigIntOp::kMul:
      if (BitLength(ma) + BitLength(mb) > kMaxBigIntBits + 1) {
        vm.ThrowError(ErrorKind::kRangeError, "Maximum BigInt size exceeded");
        return nullptr;
      }
      return Make(vm, MulMag(ma, mb), sa != sb);
    case BigIntOp::kDiv:
    case BigIntOp::kMod: {
      if (mb.empty()) {
        vm.ThrowError(ErrorKind::kRangeError, "Division by zero");
        return nullptr;
      }
      Limbs q, r;
      DivMag(ma, mb, &q, &r);
      // Truncating division; the remainder takes the dividend's sign.
      return op == BigIntOp::kDiv ? Make(vm, std::move(q), sa != sb) : Make(vm, std::move(r), sa);
    }
    case BigIntOp::kExp: {
      if (sb) {
        vm.ThrowError(ErrorKind::kRangeError, "Exponent must be non-negative");
        return nullptr;
      }
      if (mb.empty()) return Make(vm, Limbs{1}, false);
      if (ma.empty()) return Make(vm, {}, false);
      if (ma.size() == 1 && ma[0] == 1) return Make(vm, Limbs{1}, sa && (mb[0] & 1));
      // |base| >= 2 here, so the result has at least exponent + 1 bits; test
      // the exponent alone first so the product below cannot overflow.
      if (mb.size() > 1 || mb[0] > kMaxBigIntBits || BitLength(ma) * mb[0] > kMaxBigIntBits + 64) {
        vm.ThrowError(ErrorKind::kRangeError, "Maximum BigInt size exceeded");
        return nullptr;
      }
      uint64_t e = mb[0];
      Limbs result{1}, base = ma;
      while (true) {
        if (e & 1) result = MulMag(result, base);
        e >>= 1;
        if (e == 0) break;
        base = MulMag(base, base);
      }
      return Make(vm, std::move(result), sa && (mb[0] & 1));
    }
    case BigIntOp::kShl:
    case BigIntOp::kSar: {
      // x << y is x >> -y.
      bool left = (op == BigIntOp::kShl) != sb;
      if (mb.size() > 1 || (!mb.empty() && mb[0] > kMaxBigIntBits + 64)) {
        if (left && !ma.empty()) {
          vm.ThrowError(ErrorKind::kRangeError, "Maximum BigInt size exceeded");
          return nullptr;
        }
        return Make(vm, sa && !ma.empty() ? Limbs{1} : Limbs{}, sa);
      }
      uint64_t n = mb.empty() ? 0 : mb[0];
      if (left) {
        if (BitLength(ma) + n > kMaxBigIntBits) {
          if (ma.empty()) return Make(vm, {}, false);
          vm.ThrowError(ErrorKind::kRangeError, "Maximum BigInt size exceeded");
          return nullptr;
        }
        return Make(vm, ShiftLeftMag(ma, n), sa);
      }
      bool lost;
      Limbs r = ShiftRightMag(ma, n, &lost);
      // Floor for negatives: -(|x| >> n) - (1 if bits were lost).
      if (sa && lost) r = AddMag(r, Limbs{1});
      return Make(vm, std::move(r), sa);
    }
    case BigIntOp::kAnd:
    case BigIntOp::kOr:
    case BigIntOp::kXor: {
      size_t n = std::max(ma.size(), mb.size()) + 1;
      Limbs x = ToTwos(a, n), y = ToTwos(b, n);
      for (size_t i = 0; i < n; ++i) {
        x[i] = op == BigIntOp::kAnd ? (x[i] & y[i]) : op == BigIntOp::kOr ? (x[i] | y[i]) : (x[i] ^ y[i]);
      }
      return FromTwos(vm, std::move(x));
    }
  }
  return nullptr;
}

BigInt* BigIntAsIntN(Vm& vm, uint64_t bits, const BigInt* x, bool is_signed) {
  if (bits == 0) return Make(vm, {}, false);
  // x mod 2^bits as a non-negative magnitude, then (signed) wrap.
  uint64_t words = (bits + 63) / 64;
  // Values already in range come back unchanged (also for huge `bits`).
  uint64_t x_bits = BitLength(MagnitudeOf(x));
  if (!x->negative && x_bits < bits) return Make(vm, MagnitudeOf(x), false);
  if (is_signed && x_bits < bits) return Make(vm, MagnitudeOf(x), x->negative);
  if (words > (kMaxBigIntBits + 64) / 64) {
    // Only reachable for negative x and asUintN with huge `bits`.
    vm.ThrowError(ErrorKind::kRangeError, "Maximum BigInt size exceeded");
    return nullptr;
  }
  size_t n = std::max<size_t>(static_cast<size_t>(words), x->length) + 1;
  Limbs t = ToTwos(x, n);
  t.resize(static_cast<size_t>(words));
  unsigned top = static_cast<unsigned>(bits % 64);
  if (top != 0) t.back() &= (uint64_t{1} << top) - 1;
  if (is_signed) {
    // If bit (bits-1) is set, the value is t - 2^bits.
    uint64_t b = bits - 1;
    bool set = (t[b / 64] >> (b % 64)) & 1;
    if (set) {
      // 2^bits - t, negated.
      Limbs twos = t;
      for (uint64_t& w : twos) w = ~w;
      if (top != 0) twos.back() &= (uint64_t{1} << top) - 1;
      mpn_add_1(P(twos), P(twos), static_cast<mp_size_t>(twos.size()), 1);
      if (top != 0) twos.back() &= (uint64_t{1} << top) - 1;
      Trim(&twos);
      if (twos.empty()) {
        // -2^(bits-1) when only the sign bit is set... handled by the
        // complement: the magnitude is 2^(bits-1).
        twos = ShiftLeftMag(Limbs{1}, bits - 1);
      }
      return Make(vm, std::move(twos), true);
    }
  }
  return Make(vm, std::move(t), false);
}

}  // namespace ratchet::internal
