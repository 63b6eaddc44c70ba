// Buffers, views and element conversions (25.1.3.15 GetValueFromBuffer /
// 25.1.3.17 SetValueInBuffer and the ToInt8 ... ToBigInt64 conversions).
#include "vm/typed_array.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

#include "vm/bigint.h"
#include "vm/conversions.h"
#include "vm/heap.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

size_t ElementSize(ElementKind k) {
  static const uint8_t kSizes[] = {1, 1, 1, 2, 2, 4, 4, 2, 4, 8, 8, 8};
  return kSizes[static_cast<int>(k)];
}

const char* ElementKindName(ElementKind k) {
  static const char* const kNames[] = {"Int8Array",    "Uint8Array",   "Uint8ClampedArray", "Int16Array",
                                       "Uint16Array",  "Int32Array",   "Uint32Array",       "Float16Array",
                                       "Float32Array", "Float64Array", "BigInt64Array",     "BigUint64Array"};
  return kNames[static_cast<int>(k)];
}

namespace {

ArrayBufferObject* NewBufferObject(Vm& vm, Object* proto, size_t byte_length, size_t max_byte_length,
                                   bool resizable, bool shared) {
  Object* o = NewObject(vm, proto, shared ? ObjectClass::kSharedArrayBuffer : ObjectClass::kArrayBuffer,
                        sizeof(ArrayBufferObject));
  if (o == nullptr) {
    vm.ThrowOutOfMemory();
    return nullptr;
  }
  auto* b = static_cast<ArrayBufferObject*>(o);
  b->data = nullptr;
  b->byte_length = byte_length;
  b->max_byte_length = resizable ? max_byte_length : byte_length;
  b->capacity = 0;
  b->resizable = resizable;
  b->detached = false;
  b->immutable = false;
  b->shared = nullptr;
  return b;
}

}  // namespace

ArrayBufferObject* NewArrayBuffer(Vm& vm, Object* proto, size_t byte_length, size_t max_byte_length,
                                  bool resizable, bool shared) {
  size_t capacity = resizable ? max_byte_length : byte_length;
  if (capacity > kMaxArrayBufferBytes) {
    vm.ThrowError(ErrorKind::kRangeError, "Array buffer allocation failed");
    return nullptr;
  }
  ArrayBufferObject* b = NewBufferObject(vm, proto, byte_length, max_byte_length, resizable, shared);
  if (b == nullptr) return nullptr;
  if (shared) {
    // The block outlives this runtime's object if another agent holds it.
    bool accounted = vm.heap().AccountExternal(capacity);
    SharedBlock* block = accounted ? NewSharedBlock(capacity) : nullptr;
    if (block == nullptr) {
      if (accounted) vm.heap().ReleaseExternal(capacity);
      vm.ThrowError(ErrorKind::kRangeError, "Array buffer allocation failed");
      return nullptr;
    }
    b->shared = block;
    b->data = block->data;
    b->capacity = capacity;
    return b;
  }
  if (capacity > 0) {
    b->data = static_cast<uint8_t*>(vm.heap().AllocateZeroedBuffer(capacity));
    if (b->data == nullptr) {
      vm.ThrowError(ErrorKind::kRangeError, "Array buffer allocation failed");
      return nullptr;
    }
    b->capacity = capacity;
  }
  return b;
}

ArrayBufferObject* NewSharedArrayBufferFromBlock(Vm& vm, Object* proto, SharedBlock* block, size_t byte_length,
                                                 size_t max_byte_length, bool growable) {
  ArrayBufferObject* b = NewBufferObject(vm, proto, byte_length, max_byte_length, growable, true);
  if (b == nullptr) return nullptr;
  if (!vm.heap().AccountExternal(block->capacity)) {
    vm.ThrowOutOfMemory();
    return nullptr;
  }
  RetainSharedBlock(block);
  b->shared = block;
  b->data = block->data;
  b->capacity = block->capacity;
  return b;
}

void DetachBuffer(Vm& vm, ArrayBufferObject* b) {
  if (b->data != nullptr) vm.heap().FreeBuffer(b->data, b->capacity);
  b->data = nullptr;
  b->capacity = 0;
  b->byte_length = 0;
  b->detached = true;
}

void ResizeBuffer(ArrayBufferObject* b, size_t new_length) {
  if (new_length > b->byte_length) std::memset(b->data + b->byte_length, 0, new_length - b->byte_length);
  if (new_length < b->byte_length) std::memset(b->data + new_length, 0, b->byte_length - new_length);
  b->byte_length = new_length;
}

TypedArrayObject* NewTypedArrayObject(Vm& vm, Object* proto, ElementKind kind, ArrayBufferObject* buffer,
                                      size_t byte_offset, size_t length, bool length_tracking) {
  Object* o = NewObject(vm, proto, ObjectClass::kTypedArray, sizeof(TypedArrayObject));
  if (o == nullptr) {
    vm.ThrowOutOfMemory();
    return nullptr;
  }
  auto* t = static_cast<TypedArrayObject*>(o);
  t->buffer = buffer;
  t->byte_offset = byte_offset;
  t->array_length = length;
  t->length_tracking = length_tracking;
  t->kind = kind;
  return t;
}

DataViewObject* NewDataViewObject(Vm& vm, Object* proto, ArrayBufferObject* buffer, size_t byte_offset,
                                  size_t byte_length, bool length_tracking) {
  Object* o = NewObject(vm, proto, ObjectClass::kDataView, sizeof(DataViewObject));
  if (o == nullptr) {
    vm.ThrowOutOfMemory();
    return nullptr;
  }
  auto* v = static_cast<DataViewObject*>(o);
  v->buffer = buffer;
  v->byte_offset = byte_offset;
  v->byte_length = byte_length;
  v->length_tracking = length_tracking;
  return v;
}

bool IsTypedArrayOutOfBounds(const TypedArrayObject* t) {
  const ArrayBufferObject* b = t->buffer;
  if (b->detached) return true;
  size_t buffer_length = b->byte_length;
  size_t start = t->byte_offset;
  size_t end = t->length_tracking ? buffer_length : start + t->array_length * ElementSize(t->kind);
  return start > buffer_length || end > buffer_length;
}

size_t TypedArrayLength(const TypedArrayObject* t) {
  if (IsTypedArrayOutOfBounds(t)) return 0;
  if (!t->length_tracking) return t->array_length;
  return (t->buffer->byte_length - t->byte_offset) / ElementSize(t->kind);
}

bool IsViewOutOfBounds(const DataViewObject* v) {
  const ArrayBufferObject* b = v->buffer;
  if (b->detached) return true;
  size_t start = v->byte_offset;
  size_t end = v->length_tracking ? b->byte_length : start + v->byte_length;
  return start > b->byte_length || end > b->byte_length;
}

size_t ViewByteLength(const DataViewObject* v) {
  if (IsViewOutOfBounds(v)) return 0;
  return v->length_tracking ? v->buffer->byte_length - v->byte_offset : v->byte_length;
}

bool TypedArrayNumericKey(Vm& vm, PropertyKey key, double* index) {
  if (key.IsIndex()) {
    *index = key.index();
    return true;
  }
  if (!key.v.IsString()) return false;
  String* s = key.v.AsString();
  if (s->length == 0) return false;
  char16_t c = s->At(0);
  if (!((c >= '0' && c <= '9') || c == '-' || c == 'I' || c == 'N')) return false;
  // 7.1.16.1 CanonicalNumericIndexString.
  if (StringEqualsAscii(s, "-0")) {
    *index = -0.0;
    return true;
  }
  double n = StringToNumber(s);
  std::string text = NumberToStdString(n);
  if (!StringEqualsAscii(s, text)) return false;
  *index = n;
  return true;
}

bool IsValidIntegerIndex(const TypedArrayObject* t, double index) {
  if (t->buffer->detached) return false;
  if (std::isnan(index) || std::isinf(index) || index != std::trunc(index)) return false;
  if (index == 0 && std::signbit(index)) return false;
  if (index < 0) return false;
  return index < static_cast<double>(TypedArrayLength(t));
}

double HalfToDouble(uint16_t h) {
  int sign = h >> 15;
  int exp = (h >> 10) & 0x1F;
  int mant = h & 0x3FF;
  double r;
  if (exp == 0) {
    r = std::ldexp(mant, -24);
  } else if (exp == 31) {
    r = mant != 0 ? NAN : INFINITY;
  } else {
    r = std::ldexp(mant + 1024, exp - 25);
  }
  return sign ? -r : r;
}

uint16_t DoubleToHalf(double d) {
  uint16_t sign = std::signbit(d) ? 0x8000 : 0;
  if (std::isnan(d)) return 0x7E00;
  double a = std::fabs(d);
  if (std::isinf(a) || a >= 65520.0) return sign | 0x7C00;
  if (a < std::ldexp(1.0, -14)) {
    // Subnormal: units of 2^-24, rounded to nearest even.
    double m = std::nearbyint(std::ldexp(a, 24));
    return sign | static_cast<uint16_t>(m);
  }
  int e;
  double f = std::frexp(a, &e);  // a = f * 2^e, f in [0.5, 1)
  int exp = e - 1;               // a = (2f) * 2^exp, 2f in [1, 2)
  double m = std::nearbyint((2 * f - 1) * 1024);
  if (m == 1024) {
    m = 0;
    ++exp;
  }
  if (exp > 15) return sign | 0x7C00;
  return sign | static_cast<uint16_t>(((exp + 15) << 10) | static_cast<int>(m));
}

namespace {

template <typename T>
T Load(const uint8_t* p, bool little_endian) {
  T v;
  std::memcpy(&v, p, sizeof v);
  if (!little_endian) {
    uint8_t bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof v);
    for (size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
    std::memcpy(&v, bytes, sizeof v);
  }
  return v;
}

template <typename T>
void Store(uint8_t* p, T v, bool little_endian) {
  uint8_t bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof v);
  if (!little_endian) {
    for (size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
  }
  std::memcpy(p, bytes, sizeof v);
}

uint8_t ToUint8Clamp(double d) {
  if (std::isnan(d) || d <= 0) return 0;
  if (d >= 255) return 255;
  double f = std::floor(d);
  if (f + 0.5 < d) return static_cast<uint8_t>(f + 1);
  if (d < f + 0.5) return static_cast<uint8_t>(f);
  return static_cast<uint8_t>(static_cast<int>(f) % 2 == 0 ? f : f + 1);
}

}  // namespace

double ReadNumberElement(const uint8_t* p, ElementKind kind, bool le) {
  switch (kind) {
    case ElementKind::kInt8: return static_cast<int8_t>(*p);
    case ElementKind::kUint8:
    case ElementKind::kUint8Clamped: return *p;
    case ElementKind::kInt16: return Load<int16_t>(p, le);
    case ElementKind::kUint16: return Load<uint16_t>(p, le);
    case ElementKind::kInt32: return Load<int32_t>(p, le);
    case ElementKind::kUint32: return Load<uint32_t>(p, le);
    case ElementKind::kFloat16: return HalfToDouble(Load<uint16_t>(p, le));
    case ElementKind::kFloat32: return Load<float>(p, le);
    case ElementKind::kFloat64: return Load<double>(p, le);
    default: return 0;
  }
}

Value ReadElement(Vm& vm, const uint8_t* p, ElementKind kind, bool le) {
  switch (kind) {
    case ElementKind::kInt8: return Value::Int32(static_cast<int8_t>(*p));
    case ElementKind::kUint8:
    case ElementKind::kUint8Clamped: return Value::Int32(*p);
    case ElementKind::kInt16: return Value::Int32(Load<int16_t>(p, le));
    case ElementKind::kUint16: return Value::Int32(Load<uint16_t>(p, le));
    case ElementKind::kInt32: return Value::Int32(Load<int32_t>(p, le));
    case ElementKind::kUint32: return Value::Number(Load<uint32_t>(p, le));
    case ElementKind::kFloat16: return Value::Number(HalfToDouble(Load<uint16_t>(p, le)));
    case ElementKind::kFloat32: return Value::Number(Load<float>(p, le));
    case ElementKind::kFloat64: return Value::Number(Load<double>(p, le));
    case ElementKind::kBigInt64: {
      BigInt* b = BigIntFromInt64(vm, Load<int64_t>(p, le));
      return b ? Value::FromBigInt(b) : Value::Empty();
    }
    case ElementKind::kBigUint64: {
      BigInt* b = BigIntFromUint64(vm, Load<uint64_t>(p, le), false);
      return b ? Value::FromBigInt(b) : Value::Empty();
    }
  }
  return Value::Undefined();
}

void WriteElement(uint8_t* p, ElementKind kind, Value v, bool le) {
  if (IsBigIntKind(kind)) {
    Store<uint64_t>(p, BigIntToUint64(v.AsBigInt()), le);
    return;
  }
  double d = v.AsNumber();
  switch (kind) {
    case ElementKind::kInt8:
    case ElementKind::kUint8: *p = static_cast<uint8_t>(DoubleToInt32(d)); break;
    case ElementKind::kUint8Clamped: *p = ToUint8Clamp(d); break;
    case ElementKind::kInt16:
    case ElementKind::kUint16: Store<uint16_t>(p, static_cast<uint16_t>(DoubleToInt32(d)), le); break;
    case ElementKind::kInt32:
    case ElementKind::kUint32: Store<uint32_t>(p, static_cast<uint32_t>(DoubleToInt32(d)), le); break;
    case ElementKind::kFloat16: Store<uint16_t>(p, DoubleToHalf(d), le); break;
    case ElementKind::kFloat32: Store<float>(p, static_cast<float>(d), le); break;
    case ElementKind::kFloat64: Store<double>(p, d, le); break;
    default: break;
  }
}

Value TypedArrayGet(Vm& vm, TypedArrayObject* t, double index) {
  if (!IsValidIntegerIndex(t, index)) return Value::Undefined();
  size_t i = static_cast<size_t>(index);
  return ReadElement(vm, t->buffer->data + t->byte_offset + i * ElementSize(t->kind), t->kind);
}

void TypedArraySet(TypedArrayObject* t, double index, Value numeric) {
  if (!IsValidIntegerIndex(t, index)) return;
  size_t i = static_cast<size_t>(index);
  WriteElement(t->buffer->data + t->byte_offset + i * ElementSize(t->kind), t->kind, numeric);
}

bool TypedArrayFastGet(TypedArrayObject* t, uint32_t i, Value* out) {
  if (IsBigIntKind(t->kind) || i >= TypedArrayLength(t)) return false;
  const uint8_t* p = t->buffer->data + t->byte_offset + static_cast<size_t>(i) * ElementSize(t->kind);
  switch (t->kind) {
    case ElementKind::kUint8:
    case ElementKind::kUint8Clamped: *out = Value::Int32(*p); return true;
    case ElementKind::kInt32: *out = Value::Int32(Load<int32_t>(p, true)); return true;
    case ElementKind::kFloat64: *out = Value::Number(Load<double>(p, true)); return true;
    default: break;
  }
  *out = Value::Number(ReadNumberElement(p, t->kind, true));
  return true;
}

bool TypedArrayFastSet(TypedArrayObject* t, uint32_t i, Value v) {
  if (!v.IsNumber() || IsBigIntKind(t->kind) || t->buffer->immutable || i >= TypedArrayLength(t)) return false;
  WriteElement(t->buffer->data + t->byte_offset + static_cast<size_t>(i) * ElementSize(t->kind), t->kind, v);
  return true;
}

bool ConvertPrimitiveForElement(Vm& vm, ElementKind kind, Value v, Value* out) {
  if (IsBigIntKind(kind)) {
    // 7.1.13 ToBigInt for primitives.
    if (v.IsBigInt()) {
      *out = v;
      return true;
    }
    if (v.IsBoolean()) {
      BigInt* b = BigIntFromInt64(vm, v.AsBoolean() ? 1 : 0);
      if (b == nullptr) return false;
      *out = Value::FromBigInt(b);
      return true;
    }
    if (v.IsString()) {
      BigInt* b;
      if (!StringToBigInt(vm, v.AsString(), &b)) {
        vm.ThrowError(ErrorKind::kSyntaxError, "Cannot convert " + ToUtf8(v.AsString()) + " to a BigInt");
        return false;
      }
      if (b == nullptr) return false;
      *out = Value::FromBigInt(b);
      return true;
    }
    vm.ThrowError(ErrorKind::kTypeError, "Cannot convert value to a BigInt");
    return false;
  }
  double d;
  if (!PrimitiveToNumber(vm, v, &d)) return false;
  *out = Value::Number(d);
  return true;
}

void TraceTypedArrayObject(Object* o, Tracer& t) {
  if (o->cls == ObjectClass::kTypedArray) t.Mark(static_cast<TypedArrayObject*>(o)->buffer);
  if (o->cls == ObjectClass::kDataView) t.Mark(static_cast<DataViewObject*>(o)->buffer);
}

void FinalizeTypedArrayObject(Heap& heap, Object* o) {
  if (o->cls == ObjectClass::kArrayBuffer || o->cls == ObjectClass::kSharedArrayBuffer) {
    auto* b = static_cast<ArrayBufferObject*>(o);
    if (b->shared != nullptr) {
      heap.ReleaseExternal(b->capacity);
      ReleaseSharedBlock(b->shared);
      b->shared = nullptr;
    } else if (b->data != nullptr) {
      heap.FreeBuffer(b->data, b->capacity);
    }
    b->data = nullptr;
  }
}

}  // namespace ratchet::internal

namespace ratchet::internal {

SharedBlock* NewSharedBlock(size_t capacity) {
  auto* b = new (std::nothrow) SharedBlock;
  if (b == nullptr) return nullptr;
  if (capacity > 0) {
    b->data = static_cast<uint8_t*>(std::calloc(1, capacity));
    if (b->data == nullptr) {
      delete b;
      return nullptr;
    }
  }
  b->capacity = capacity;
  return b;
}

void RetainSharedBlock(SharedBlock* b) { b->refs.fetch_add(1, std::memory_order_relaxed); }

void ReleaseSharedBlock(SharedBlock* b) {
  if (b->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    std::free(b->data);
    delete b;
  }
}

}  // namespace ratchet::internal
