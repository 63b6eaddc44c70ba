// Type conversions and comparisons on values that need no JavaScript:
// primitives, and the parts of the spec operations that never call user code.
// Conversions of objects (ToPrimitive) run as frames: see the interpreter's
// self-hosted slow paths.
#ifndef RATCHET_VM_CONVERSIONS_H_
#define RATCHET_VM_CONVERSIONS_H_

#include <cstdint>
#include <string>

#include "vm/object.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;
struct Realm;
struct String;

bool ToBoolean(Value v);

/// The `typeof` string (an atom).
String* TypeOf(Vm& vm, Value v);

/// Number::toString(x) with radix 10: the shortest round-trip form.
String* NumberToString(Vm& vm, double d);
std::string NumberToStdString(double d);
/// WhiteSpace or LineTerminator (StringToNumber trimming).
bool IsJsWhitespace(char16_t c);
/// Number::toString(x, radix) for radix 2..36.
std::string NumberToRadixString(double d, int radix);

/// StringToNumber (7.1.4.1.1): whitespace, Infinity, 0x/0o/0b, decimal.
double StringToNumber(const String* s);

/// ToNumber of a primitive. Throws TypeError for symbols and BigInts
/// (returns false with the exception pending).
bool PrimitiveToNumber(Vm& vm, Value v, double* out);

/// ToString of a primitive; null with a pending exception on error (symbols,
/// out of memory).
String* PrimitiveToString(Vm& vm, Value v);

/// ToPropertyKey of a primitive (numbers that are array indices become index
/// keys). Key with v == Empty on error.
PropertyKey PrimitiveToPropertyKey(Vm& vm, Value v);

int32_t DoubleToInt32(double d);
uint32_t DoubleToUint32(double d);
inline int32_t NumberToInt32(Value v) {
  return v.IsInt32() ? v.AsInt32() : DoubleToInt32(v.AsDouble());
}

bool StrictEquals(Value a, Value b);
bool SameValue(Value a, Value b);
bool SameValueZero(Value a, Value b);
/// IsLooselyEqual when neither operand is an object (no JS needed).
bool LoosePrimitiveEquals(Vm& vm, Value a, Value b);

/// ToObject: wraps primitives; TypeError for null/undefined (null returned).
Object* ToObject(Vm& vm, Realm& realm, Value v);

/// The prototype used for property lookups on a primitive (String.prototype
/// for strings, ...); null for null/undefined.
Object* PrototypeForPrimitive(Realm& realm, Value v);

bool IsCallable(Value v);
bool IsConstructor(Value v);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_CONVERSIONS_H_
