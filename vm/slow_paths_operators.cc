// The slow paths of operators: arithmetic on non-int32 numbers and BigInts,
// comparisons with BigInts, unary operators, `+` on anything, and the
// conversions the interpreter hands over (ToNumeric, ToPropertyKey,
// ToString). Split from vm/slow_paths.cc.
#include <cmath>

#include "absl/strings/str_cat.h"
#include "vm/bigint.h"
#include "vm/conversions.h"
#include "vm/slow_paths.h"
#include "vm/slow_paths_internal.h"
#include "vm/string.h"

namespace ratchet::internal {

using namespace slow;  // NOLINT: the shared helpers of the slow paths

// ---- Operators -------------------------------------------------------------------

Value ArithmeticOnNumbers(Op op, Value l, Value r) {
  if (l.IsInt32() && r.IsInt32()) {
    int64_t a = l.AsInt32(), b = r.AsInt32();
    switch (op) {
      case Op::kSub: return Value::Number(static_cast<double>(a - b));
      case Op::kMul: {
        int64_t p = a * b;
        if (p == 0 && (a < 0 || b < 0)) return Value::Double(-0.0);
        return Value::Number(static_cast<double>(p));
      }
      case Op::kBitAnd: return Value::Int32(static_cast<int32_t>(a & b));
      case Op::kBitOr: return Value::Int32(static_cast<int32_t>(a | b));
      case Op::kBitXor: return Value::Int32(static_cast<int32_t>(a ^ b));
      case Op::kShl: return Value::Int32(static_cast<int32_t>(static_cast<uint32_t>(a) << (b & 31)));
      case Op::kSar: return Value::Int32(static_cast<int32_t>(a) >> (b & 31));
      case Op::kShr: return Value::Number(static_cast<uint32_t>(a) >> (b & 31));
      case Op::kMod:
        if (b != 0 && a >= 0 && b > 0) return Value::Int32(static_cast<int32_t>(a % b));
        break;
      default:
        break;
    }
  }
  double a = l.AsNumber(), b = r.AsNumber();
  switch (op) {
    case Op::kAdd: return Value::Number(a + b);
    case Op::kSub: return Value::Number(a - b);
    case Op::kMul: return Value::Number(a * b);
    case Op::kDiv: return Value::Number(a / b);
    case Op::kMod: return Value::Number(std::fmod(a, b));
    case Op::kExp: {
      // Number::exponentiate: NaN exponent, and |base| = 1 with an infinite
      // exponent, give NaN (unlike C's pow).
      if (std::isnan(b)) return Value::Double(NAN);
      if ((a == 1 || a == -1) && std::isinf(b)) return Value::Double(NAN);
      return Value::Number(std::pow(a, b));
    }
    case Op::kBitAnd: return Value::Int32(DoubleToInt32(a) & DoubleToInt32(b));
    case Op::kBitOr: return Value::Int32(DoubleToInt32(a) | DoubleToInt32(b));
    case Op::kBitXor: return Value::Int32(DoubleToInt32(a) ^ DoubleToInt32(b));
    case Op::kShl:
      return Value::Int32(static_cast<int32_t>(DoubleToUint32(a) << (DoubleToUint32(b) & 31)));
    case Op::kSar: return Value::Int32(DoubleToInt32(a) >> (DoubleToUint32(b) & 31));
    case Op::kShr: return Value::Number(DoubleToUint32(a) >> (DoubleToUint32(b) & 31));
    default: return Value::Double(NAN);
  }
}

namespace {

int ArithCode(Op op) {
  switch (op) {
    case Op::kSub: return 0;
    case Op::kMul: return 1;
    case Op::kDiv: return 2;
    case Op::kMod: return 3;
    case Op::kExp: return 4;
    case Op::kBitAnd: return 5;
    case Op::kBitOr: return 6;
    case Op::kBitXor: return 7;
    case Op::kShl: return 8;
    case Op::kSar: return 9;
    case Op::kShr: return 10;
    case Op::kAdd: return 11;  // numeric add (increment)
    default: return 0;
  }
}

}  // namespace

namespace {

// Binary arithmetic with a BigInt operand (6.1.6.2; objects were converted
// already): both BigInts, or a TypeError.
SlowResult BigIntArith(Task& task, Frame& frame, Op op, uint32_t dst, Value l, Value r) {
  Vm& vm = task.vm();
  if (!l.IsBigInt() || !r.IsBigInt()) {
    return TypeError(vm, "Cannot mix BigInt and other types, use explicit conversions");
  }
  BigIntOp bop;
  switch (op) {
    case Op::kAdd: bop = BigIntOp::kAdd; break;
    case Op::kSub: bop = BigIntOp::kSub; break;
    case Op::kMul: bop = BigIntOp::kMul; break;
    case Op::kDiv: bop = BigIntOp::kDiv; break;
    case Op::kMod: bop = BigIntOp::kMod; break;
    case Op::kExp: bop = BigIntOp::kExp; break;
    case Op::kBitAnd: bop = BigIntOp::kAnd; break;
    case Op::kBitOr: bop = BigIntOp::kOr; break;
    case Op::kBitXor: bop = BigIntOp::kXor; break;
    case Op::kShl: bop = BigIntOp::kShl; break;
    case Op::kSar: bop = BigIntOp::kSar; break;
    default:
      return TypeError(vm, "BigInts have no unsigned right shift, use >> instead");
  }
  BigInt* result = BigIntBinary(vm, bop, l.AsBigInt(), r.AsBigInt());
  if (result == nullptr) return SlowResult::kThrow;
  Reg(task, frame, dst) = Value::FromBigInt(result);
  return SlowResult::kNext;
}

// IsLessThan(l, r) with at least one BigInt and no objects: *c is -1, 0, 1
// or 2 (undefined).
bool CompareWithBigInt(Vm& vm, Value l, Value r, int* c) {
  if (l.IsBigInt() && r.IsBigInt()) {
    *c = BigIntCompare(l.AsBigInt(), r.AsBigInt());
    return true;
  }
  bool flip = !l.IsBigInt();
  BigInt* big = flip ? r.AsBigInt() : l.AsBigInt();
  Value other = flip ? l : r;
  int cmp;
  if (other.IsString()) {
    BigInt* n;
    if (!StringToBigInt(vm, other.AsString(), &n)) {
      *c = 2;
      return true;
    }
    if (n == nullptr) return false;
    cmp = BigIntCompare(big, n);
  } else {
    double d;
    if (!PrimitiveToNumber(vm, other, &d)) return false;
    cmp = BigIntCompareToNumber(big, d);
  }
  *c = cmp == 2 ? 2 : (flip ? -cmp : cmp);
  return true;
}

}  // namespace

// Unary -, ~, ++ and -- on a non-number: kind 0 negate, 1 bitwise not,
// 2 increment, 3 decrement.
SlowResult UnarySlow(Task& task, Frame& frame, int kind, uint32_t dst, Value v, uint32_t next) {
  Vm& vm = task.vm();
  if (v.IsObject()) return CallHelper(task, frame, SelfHosted::kUnaryArith, {v, Value::Int32(kind)}, dst, next);
  if (v.IsBigInt()) {
    BigInt* x = v.AsBigInt();
    BigInt* r = kind == 0 ? BigIntNegate(vm, x) : kind == 1 ? BigIntBitNot(vm, x) : BigIntIncrement(vm, x, kind == 2 ? 1 : -1);
    if (r == nullptr) return SlowResult::kThrow;
    Reg(task, frame, dst) = Value::FromBigInt(r);
    return SlowResult::kNext;
  }
  double d;
  if (!PrimitiveToNumber(vm, v, &d)) return SlowResult::kThrow;
  Value result = kind == 0 ? Value::Number(-d)
                 : kind == 1 ? Value::Int32(~DoubleToInt32(d))
                             : Value::Number(d + (kind == 2 ? 1 : -1));
  if (kind == 0 && d == 0) result = Value::Double(-d);
  Reg(task, frame, dst) = result;
  return SlowResult::kNext;
}

SlowResult AddSlow(Task& task, Frame& frame, uint32_t dst, Value l, Value r, uint32_t next) {
  Vm& vm = task.vm();
  if (l.IsObject() || r.IsObject()) return CallHelper(task, frame, SelfHosted::kAdd, {l, r}, dst, next);
  if (l.IsString() || r.IsString()) {
    String* a = PrimitiveToString(vm, l);
    if (a == nullptr) return SlowResult::kThrow;
    String* b = PrimitiveToString(vm, r);
    if (b == nullptr) return SlowResult::kThrow;
    if (static_cast<uint64_t>(a->length) + b->length > kMaxStringLength) {
      vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
      return SlowResult::kThrow;
    }
    String* s = ConcatStrings(vm, a, b);
    if (s == nullptr) return OutOfMemory(vm);
    Reg(task, frame, dst) = Value::FromString(s);
    return SlowResult::kNext;
  }
  if (l.IsBigInt() || r.IsBigInt()) return BigIntArith(task, frame, Op::kAdd, dst, l, r);
  double a, b;
  if (!PrimitiveToNumber(vm, l, &a) || !PrimitiveToNumber(vm, r, &b)) return SlowResult::kThrow;
  Reg(task, frame, dst) = Value::Number(a + b);
  return SlowResult::kNext;
}

SlowResult ArithSlow(Task& task, Frame& frame, Op op, uint32_t dst, Value l, Value r,
                     uint32_t next) {
  Vm& vm = task.vm();
  if (l.IsObject() || r.IsObject()) {
    return CallHelper(task, frame, SelfHosted::kArith, {l, r, Value::Int32(ArithCode(op))}, dst, next);
  }
  if (l.IsBigInt() || r.IsBigInt()) return BigIntArith(task, frame, op, dst, l, r);
  double a, b;
  if (!PrimitiveToNumber(vm, l, &a) || !PrimitiveToNumber(vm, r, &b)) return SlowResult::kThrow;
  Reg(task, frame, dst) = ArithmeticOnNumbers(op, Value::Number(a), Value::Number(b));
  return SlowResult::kNext;
}

SlowResult CompareSlow(Task& task, Frame& frame, Op op, uint32_t dst, Value l, Value r,
                       uint32_t next) {
  Vm& vm = task.vm();
  int code = op == Op::kLt ? 0 : op == Op::kLe ? 1 : op == Op::kGt ? 2 : 3;
  if (l.IsObject() || r.IsObject()) {
    return CallHelper(task, frame, SelfHosted::kCompare, {l, r, Value::Int32(code)}, dst, next);
  }
  bool result;
  if (l.IsString() && r.IsString()) {
    int c = CompareStrings(l.AsString(), r.AsString());
    result = code == 0 ? c < 0 : code == 1 ? c <= 0 : code == 2 ? c > 0 : c >= 0;
  } else if (l.IsBigInt() || r.IsBigInt()) {
    // 7.2.13 IsLessThan with a BigInt: -1, 0, 1, or 2 for undefined.
    int c;
    if (!CompareWithBigInt(vm, l, r, &c)) return SlowResult::kThrow;
    result = c != 2 && (code == 0 ? c < 0 : code == 1 ? c <= 0 : code == 2 ? c > 0 : c >= 0);
  } else {
    double a, b;
    if (!PrimitiveToNumber(vm, l, &a) || !PrimitiveToNumber(vm, r, &b)) return SlowResult::kThrow;
    result = code == 0 ? a < b : code == 1 ? a <= b : code == 2 ? a > b : a >= b;
  }
  Reg(task, frame, dst) = Value::Boolean(result);
  return SlowResult::kNext;
}

SlowResult LooseEqualsSlow(Task& task, Frame& frame, bool negate, uint32_t dst, Value l, Value r,
                           uint32_t next) {
  return CallHelper(task, frame, SelfHosted::kLooseEquals, {l, r, Value::Boolean(negate)}, dst, next);
}

SlowResult ToNumericSlow(Task& task, Frame& frame, uint32_t dst, Value v, bool to_number, uint32_t next) {
  Vm& vm = task.vm();
  if (v.IsObject()) {
    return CallHelper(task, frame, SelfHosted::kToNumericSlow, {v, Value::Boolean(to_number)}, dst, next);
  }
  if (v.IsBigInt() && !to_number) {
    Reg(task, frame, dst) = v;
    return SlowResult::kNext;
  }
  double d;
  if (!PrimitiveToNumber(vm, v, &d)) return SlowResult::kThrow;
  Reg(task, frame, dst) = Value::Number(d);
  return SlowResult::kNext;
}

SlowResult ToPropertyKeySlow(Task& task, Frame& frame, uint32_t dst, Value v, uint32_t next) {
  Vm& vm = task.vm();
  if (v.IsObject()) return CallHelper(task, frame, SelfHosted::kToPropertyKey, {v}, dst, next);
  String* s = PrimitiveToString(vm, v);
  if (s == nullptr) return SlowResult::kThrow;
  Reg(task, frame, dst) = Value::FromString(s);
  return SlowResult::kNext;
}

SlowResult ToStringSlow(Task& task, Frame& frame, uint32_t dst, Value v, uint32_t next) {
  Vm& vm = task.vm();
  if (v.IsObject()) return CallHelper(task, frame, SelfHosted::kToStringSlow, {v}, dst, next);
  String* s = PrimitiveToString(vm, v);
  if (s == nullptr) return SlowResult::kThrow;
  Reg(task, frame, dst) = Value::FromString(s);
  return SlowResult::kNext;
}

}  // namespace ratchet::internal
