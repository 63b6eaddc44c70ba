// ArrayBuffer, SharedArrayBuffer, TypedArray and DataView storage (25.1,
// 25.2, 23.2, 25.3) and the TypedArray exotic object's element access
// (10.4.5). Buffers own heap-accounted byte storage; a resizable buffer
// reserves its maximum length up front so views never see it move.
#ifndef RATCHET_VM_TYPED_ARRAY_H_
#define RATCHET_VM_TYPED_ARRAY_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "absl/base/attributes.h"
#include "vm/object.h"
#include "vm/shared_block.h"

namespace ratchet::internal {

enum class ElementKind : uint8_t {
  kInt8, kUint8, kUint8Clamped, kInt16, kUint16, kInt32, kUint32, kFloat16, kFloat32, kFloat64,
  kBigInt64, kBigUint64,
};
inline constexpr int kElementKindCount = 12;

size_t ElementSize(ElementKind k);
const char* ElementKindName(ElementKind k);  // "Int8Array", ...
inline bool IsBigIntKind(ElementKind k) { return k == ElementKind::kBigInt64 || k == ElementKind::kBigUint64; }

/// ObjectClass kArrayBuffer / kSharedArrayBuffer.
struct ArrayBufferObject : Object {
  uint8_t* data;          // capacity max_byte_length (or byte_length when fixed)
  size_t byte_length;
  size_t max_byte_length;
  size_t capacity;        // bytes allocated
  bool resizable;
  bool detached;
  bool immutable;  // an immutable ArrayBuffer: its bytes never change
  SharedBlock* shared;  // a SharedArrayBuffer's block (data == shared->data)
};

/// ObjectClass kTypedArray.
struct TypedArrayObject : Object {
  ArrayBufferObject* buffer;
  size_t byte_offset;
  size_t array_length;   // unused when length_tracking
  bool length_tracking;
  ElementKind kind;
};

/// ObjectClass kDataView.
struct DataViewObject : Object {
  ArrayBufferObject* buffer;
  size_t byte_offset;
  size_t byte_length;  // unused when length_tracking
  bool length_tracking;
};

inline constexpr size_t kMaxArrayBufferBytes = size_t{1} << 32;

/// Allocates a zeroed buffer (RangeError past the limit; OOM via the heap).
ArrayBufferObject* NewArrayBuffer(Vm& vm, Object* proto, size_t byte_length, size_t max_byte_length,
                                  bool resizable, bool shared);
/// A SharedArrayBuffer over an existing block (another agent's buffer):
/// takes a reference and accounts the block's capacity in this runtime.
ArrayBufferObject* NewSharedArrayBufferFromBlock(Vm& vm, Object* proto, SharedBlock* block, size_t byte_length,
                                                 size_t max_byte_length, bool growable);
/// DetachArrayBuffer: frees the storage.
void DetachBuffer(Vm& vm, ArrayBufferObject* b);
/// Resizes in place within the reserved capacity (new bytes zeroed).
void ResizeBuffer(ArrayBufferObject* b, size_t new_length);

TypedArrayObject* NewTypedArrayObject(Vm& vm, Object* proto, ElementKind kind, ArrayBufferObject* buffer,
                                      size_t byte_offset, size_t length, bool length_tracking);
DataViewObject* NewDataViewObject(Vm& vm, Object* proto, ArrayBufferObject* buffer, size_t byte_offset,
                                  size_t byte_length, bool length_tracking);

/// 10.4.5.12 IsTypedArrayOutOfBounds (detached counts as out of bounds).
bool IsTypedArrayOutOfBounds(const TypedArrayObject* t);
/// 10.4.5.13 TypedArrayLength (0 when out of bounds).
size_t TypedArrayLength(const TypedArrayObject* t);
/// 25.3.1.? IsViewOutOfBounds / GetViewByteLength.
bool IsViewOutOfBounds(const DataViewObject* v);
size_t ViewByteLength(const DataViewObject* v);

/// Whether `key` is a CanonicalNumericIndexString (or an index); sets *index.
bool TypedArrayNumericKey(Vm& vm, PropertyKey key, double* index);
/// 10.4.5.14 IsValidIntegerIndex.
bool IsValidIntegerIndex(const TypedArrayObject* t, double index);

/// Reads element i (valid). Null Value::Empty() on OOM for BigInt kinds.
Value ReadElement(Vm& vm, const uint8_t* p, ElementKind kind, bool little_endian = true);
/// Reads a non-BigInt element as a double.
double ReadNumberElement(const uint8_t* p, ElementKind kind, bool little_endian = true);
/// Stores an already converted value (a Number, or a BigInt for the BigInt
/// kinds) at p.
void WriteElement(uint8_t* p, ElementKind kind, Value v, bool little_endian = true);
/// TypedArrayGetElement: undefined when the index is not valid.
Value TypedArrayGet(Vm& vm, TypedArrayObject* t, double index);
/// TypedArraySetElement with a converted value: no-op when invalid.
void TypedArraySet(TypedArrayObject* t, double index, Value numeric);
/// Converts a primitive for storing into `kind` (ToNumber or ToBigInt);
/// false with an exception pending.
bool ConvertPrimitiveForElement(Vm& vm, ElementKind kind, Value v, Value* out);

/// The interpreter's element fast paths: false (nothing done) for BigInt
/// kinds, a non-Number value, or an index that is not valid.
bool TypedArrayFastGet(TypedArrayObject* t, uint32_t i, Value* out);
bool TypedArrayFastSet(TypedArrayObject* t, uint32_t i, Value v);

/// The dispatch loop's inline cases of the two above: a fixed-length
/// Float64Array, Int32Array or Uint8Array in bounds of its buffer (false:
/// call the functions above).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline const uint8_t* TypedArrayInlineElement(const TypedArrayObject* t, uint32_t i, size_t size) {
  const ArrayBufferObject* b = t->buffer;
  if (t->length_tracking || i >= t->array_length || b->detached ||
      t->byte_offset + t->array_length * size > b->byte_length) {
    return nullptr;
  }
  return b->data + t->byte_offset + static_cast<size_t>(i) * size;
}
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool TypedArrayInlineGet(const TypedArrayObject* t, uint32_t i, Value* out) {
  const uint8_t* p;
  switch (t->kind) {
    case ElementKind::kFloat64: {
      if ((p = TypedArrayInlineElement(t, i, 8)) == nullptr) return false;
      double d;
      std::memcpy(&d, p, 8);
      *out = Value::Number(d);
      return true;
    }
    case ElementKind::kInt32: {
      if ((p = TypedArrayInlineElement(t, i, 4)) == nullptr) return false;
      int32_t v;
      std::memcpy(&v, p, 4);
      *out = Value::Int32(v);
      return true;
    }
    case ElementKind::kUint8:
      if ((p = TypedArrayInlineElement(t, i, 1)) == nullptr) return false;
      *out = Value::Int32(*p);
      return true;
    default:
      return false;
  }
}
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool TypedArrayInlineSet(TypedArrayObject* t, uint32_t i, Value v) {
  if (t->kind != ElementKind::kFloat64 || !v.IsNumber() || t->buffer->immutable) return false;
  uint8_t* p = const_cast<uint8_t*>(TypedArrayInlineElement(t, i, 8));
  if (p == nullptr) return false;
  double d = v.AsNumber();
  std::memcpy(p, &d, 8);
  return true;
}

double HalfToDouble(uint16_t h);
uint16_t DoubleToHalf(double d);

void TraceTypedArrayObject(Object* o, Tracer& t);
void FinalizeTypedArrayObject(Heap& heap, Object* o);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_TYPED_ARRAY_H_
