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
/// array of a non-BigInt, non-float16/32 kind in bounds of its buffer
/// (false: call the functions above).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline const uint8_t* TypedArrayInlineElement(const TypedArrayObject* t, uint32_t i, size_t size) {
  const ArrayBufferObject* b = t->buffer;
  if (t->length_tracking || i >= t->array_length || b->detached ||
      t->byte_offset + t->array_length * size > b->byte_length) {
    return nullptr;
  }
  return b->data + t->byte_offset + static_cast<size_t>(i) * size;
}
template <typename T>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool TypedArrayInlineLoad(const TypedArrayObject* t, uint32_t i, T* v) {
  const uint8_t* p = TypedArrayInlineElement(t, i, sizeof(T));
  if (p == nullptr) return false;
  std::memcpy(v, p, sizeof(T));
  return true;
}
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool TypedArrayInlineGet(const TypedArrayObject* t, uint32_t i, Value* out) {
  switch (t->kind) {
    case ElementKind::kFloat64: {
      double d;
      if (!TypedArrayInlineLoad(t, i, &d)) return false;
      *out = Value::Number(d);
      return true;
    }
    case ElementKind::kInt32: {
      int32_t v;
      if (!TypedArrayInlineLoad(t, i, &v)) return false;
      *out = Value::Int32(v);
      return true;
    }
    case ElementKind::kUint8:
    case ElementKind::kUint8Clamped: {
      uint8_t v;
      if (!TypedArrayInlineLoad(t, i, &v)) return false;
      *out = Value::Int32(v);
      return true;
    }
    case ElementKind::kInt8: {
      int8_t v;
      if (!TypedArrayInlineLoad(t, i, &v)) return false;
      *out = Value::Int32(v);
      return true;
    }
    case ElementKind::kInt16: {
      int16_t v;
      if (!TypedArrayInlineLoad(t, i, &v)) return false;
      *out = Value::Int32(v);
      return true;
    }
    case ElementKind::kUint16: {
      uint16_t v;
      if (!TypedArrayInlineLoad(t, i, &v)) return false;
      *out = Value::Int32(v);
      return true;
    }
    case ElementKind::kUint32: {
      uint32_t v;
      if (!TypedArrayInlineLoad(t, i, &v)) return false;
      *out = Value::Number(static_cast<double>(v));
      return true;
    }
    default:
      return false;
  }
}
template <typename T>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool TypedArrayInlineStore(TypedArrayObject* t, uint32_t i, T v) {
  uint8_t* p = const_cast<uint8_t*>(TypedArrayInlineElement(t, i, sizeof(T)));
  if (p == nullptr) return false;
  std::memcpy(p, &v, sizeof(T));
  return true;
}
/// Stores of numbers into Float64 arrays and of int32s into the integer
/// kinds (modular, as ToInt8/ToUint8/... of an int32 are; not clamped ones).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool TypedArrayInlineSet(TypedArrayObject* t, uint32_t i, Value v) {
  if (t->buffer->immutable) return false;
  if (t->kind == ElementKind::kFloat64) return v.IsNumber() && TypedArrayInlineStore(t, i, v.AsNumber());
  if (!v.IsInt32()) return false;
  int32_t x = v.AsInt32();
  switch (t->kind) {
    case ElementKind::kInt32:
    case ElementKind::kUint32:
      return TypedArrayInlineStore(t, i, static_cast<uint32_t>(x));
    case ElementKind::kInt8:
    case ElementKind::kUint8:
      return TypedArrayInlineStore(t, i, static_cast<uint8_t>(static_cast<uint32_t>(x)));
    case ElementKind::kInt16:
    case ElementKind::kUint16:
      return TypedArrayInlineStore(t, i, static_cast<uint16_t>(static_cast<uint32_t>(x)));
    default:
      return false;
  }
}

double HalfToDouble(uint16_t h);
uint16_t DoubleToHalf(double d);

void TraceTypedArrayObject(Object* o, Tracer& t);
void FinalizeTypedArrayObject(Heap& heap, Object* o);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_TYPED_ARRAY_H_
