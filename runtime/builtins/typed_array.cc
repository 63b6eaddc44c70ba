// 25.1 ArrayBuffer, 25.2 SharedArrayBuffer, 23.2 TypedArray objects and
// 25.3 DataView. Storage and element access are in vm/typed_array.h; the
// algorithms that call user code (constructors reading options and
// iterables, callbacks, species) are self-hosted in
// runtime/selfhost/typed_array.js on top of these natives.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>
#include <vector>

#include "runtime/atomics.h"
#include "runtime/builtins/builtins.h"
#include "vm/bigint.h"
#include "vm/interpreter.h"
#include "vm/typed_array.h"

namespace ratchet::internal {

namespace {

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

Intrinsic ProtoIntrinsic(ElementKind k) {
  return static_cast<Intrinsic>(static_cast<int>(Intrinsic::kInt8ArrayPrototype) + static_cast<int>(k));
}
Intrinsic CtorIntrinsic(ElementKind k) {
  return static_cast<Intrinsic>(static_cast<int>(Intrinsic::kInt8Array) + static_cast<int>(k));
}

TypedArrayObject* AsTypedArray(Value v) {
  if (v.IsObject() && v.AsObject()->cls == ObjectClass::kTypedArray) return static_cast<TypedArrayObject*>(v.AsObject());
  return nullptr;
}
ArrayBufferObject* AsBuffer(Value v) {
  if (v.IsObject() && (v.AsObject()->cls == ObjectClass::kArrayBuffer ||
                       v.AsObject()->cls == ObjectClass::kSharedArrayBuffer)) {
    return static_cast<ArrayBufferObject*>(v.AsObject());
  }
  return nullptr;
}
DataViewObject* AsDataView(Value v) {
  if (v.IsObject() && v.AsObject()->cls == ObjectClass::kDataView) return static_cast<DataViewObject*>(v.AsObject());
  return nullptr;
}

double Num(Value v) { return v.IsNumber() ? v.AsNumber() : 0; }

// ---- Natives for the self-hosted library ----

Value NativeIsTypedArray(Vm& vm, CallArgs& a) { return Value::Boolean(AsTypedArray(a.arg(0)) != nullptr); }

// typedArrayKind(O): the element kind, or -1.
Value NativeTypedArrayKind(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  return Value::Int32(t ? static_cast<int32_t>(t->kind) : -1);
}

// 23.2.4.4 ValidateTypedArray: the length, or a TypeError.
Value NativeValidateTypedArray(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  if (t == nullptr) return vm.ThrowError(ErrorKind::kTypeError, "this is not a typed array");
  if (IsTypedArrayOutOfBounds(t)) {
    return vm.ThrowError(ErrorKind::kTypeError, t->buffer->detached ? "typed array is detached"
                                                                     : "typed array is out of bounds");
  }
  return Value::Number(static_cast<double>(TypedArrayLength(t)));
}

// typedArrayLength(O): TypedArrayLength (0 when out of bounds), no checks.
Value NativeTypedArrayLength(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  return Value::Number(t ? static_cast<double>(TypedArrayLength(t)) : 0);
}

Value NativeTypedArrayInfo(Vm& vm, CallArgs& a) {
  // typedArrayInfo(O, what): 0 buffer, 1 byteOffset, 2 length-tracking, 3 out of bounds
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  if (t == nullptr) return Value::Undefined();
  switch (a.arg(1).AsInt32()) {
    case 0: return Value::FromObject(t->buffer);
    case 1: return Value::Number(static_cast<double>(t->byte_offset));
    case 2: return Value::Boolean(t->length_tracking);
    default: return Value::Boolean(IsTypedArrayOutOfBounds(t));
  }
}

Value NativeTypedArrayDefaultConstructor(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  ElementKind k = t ? t->kind : static_cast<ElementKind>(a.arg(0).AsInt32());
  return Value::FromObject(CurrentRealm(vm).intrinsic(CtorIntrinsic(k)));
}

// allocateTypedArray(kind, newTarget, length): 23.2.5.1.1 AllocateTypedArray
// with a new buffer of length elements.
Value NativeAllocateTypedArray(Vm& vm, CallArgs& a) {
  auto kind = static_cast<ElementKind>(a.arg(0).AsInt32());
  Realm& realm = CurrentRealm(vm);
  Object* proto = PrototypeFromConstructor(vm, a.arg(1), realm.intrinsic(ProtoIntrinsic(kind)));
  if (proto == nullptr) return Value::Empty();
  double length = Num(a.arg(2));
  double bytes = length * static_cast<double>(ElementSize(kind));
  if (bytes > static_cast<double>(kMaxArrayBufferBytes)) {
    return vm.ThrowError(ErrorKind::kRangeError, "Invalid typed array length");
  }
  ArrayBufferObject* b = NewArrayBuffer(vm, realm.intrinsic(Intrinsic::kArrayBufferPrototype),
                                        static_cast<size_t>(bytes), static_cast<size_t>(bytes), false, false);
  if (b == nullptr) return Value::Empty();
  TypedArrayObject* t = NewTypedArrayObject(vm, proto, kind, b, 0, static_cast<size_t>(length), false);
  return t ? Value::FromObject(t) : Value::Empty();
}

// typedArrayFromBuffer(kind, newTarget, buffer, offset, length): 23.2.5.1.3
// InitializeTypedArrayFromArrayBuffer after the conversions (length is
// undefined when absent).
Value NativeTypedArrayFromBuffer(Vm& vm, CallArgs& a) {
  auto kind = static_cast<ElementKind>(a.arg(0).AsInt32());
  Realm& realm = CurrentRealm(vm);
  Object* proto = PrototypeFromConstructor(vm, a.arg(1), realm.intrinsic(ProtoIntrinsic(kind)));
  if (proto == nullptr) return Value::Empty();
  ArrayBufferObject* b = AsBuffer(a.arg(2));
  size_t size = ElementSize(kind);
  double offset = Num(a.arg(3));
  if (std::fmod(offset, static_cast<double>(size)) != 0) {
    return vm.ThrowError(ErrorKind::kRangeError, "start offset of the typed array should be a multiple of its element size");
  }
  if (b->detached) return vm.ThrowError(ErrorKind::kTypeError, "ArrayBuffer is detached");
  double buffer_length = static_cast<double>(b->byte_length);
  if (a.arg(4).IsUndefined() && b->resizable) {
    if (offset > buffer_length) return vm.ThrowError(ErrorKind::kRangeError, "Start offset is outside the buffer");
    TypedArrayObject* t = NewTypedArrayObject(vm, proto, kind, b, static_cast<size_t>(offset), 0, true);
    return t ? Value::FromObject(t) : Value::Empty();
  }
  double new_byte_length;
  if (a.arg(4).IsUndefined()) {
    if (std::fmod(buffer_length, static_cast<double>(size)) != 0) {
      return vm.ThrowError(ErrorKind::kRangeError, "byte length of the buffer should be a multiple of the element size");
    }
    new_byte_length = buffer_length - offset;
    if (new_byte_length < 0) return vm.ThrowError(ErrorKind::kRangeError, "Start offset is outside the buffer");
  } else {
    new_byte_length = Num(a.arg(4)) * static_cast<double>(size);
    if (offset + new_byte_length > buffer_length) return vm.ThrowError(ErrorKind::kRangeError, "Invalid typed array length");
  }
  TypedArrayObject* t = NewTypedArrayObject(vm, proto, kind, b, static_cast<size_t>(offset),
                                            static_cast<size_t>(new_byte_length / static_cast<double>(size)), false);
  return t ? Value::FromObject(t) : Value::Empty();
}

// typedArrayCopy(target, targetIndex, source, sourceIndex, count): element
// copy between typed arrays of the same content type (memmove when the
// kinds match, converting otherwise).
Value NativeTypedArrayCopy(Vm& vm, CallArgs& a) {
  TypedArrayObject* dst = AsTypedArray(a.arg(0));
  TypedArrayObject* src = AsTypedArray(a.arg(2));
  size_t di = static_cast<size_t>(Num(a.arg(1))), si = static_cast<size_t>(Num(a.arg(3)));
  size_t n = static_cast<size_t>(Num(a.arg(4)));
  if (dst == nullptr || src == nullptr || IsTypedArrayOutOfBounds(dst) || IsTypedArrayOutOfBounds(src)) {
    return Value::Undefined();
  }
  size_t dl = TypedArrayLength(dst), sl = TypedArrayLength(src);
  if (di > dl || si > sl) return Value::Undefined();
  n = std::min({n, dl - di, sl - si});
  if (n == 0) return Value::Undefined();  // (no bytes: the data may be null)
  size_t ds = ElementSize(dst->kind), ss = ElementSize(src->kind);
  uint8_t* dp = dst->buffer->data + dst->byte_offset + di * ds;
  uint8_t* sp = src->buffer->data + src->byte_offset + si * ss;
  if (dst->kind == src->kind) {
    std::memmove(dp, sp, n * ds);
    return Value::Undefined();
  }
  // Different kinds: read all first (the ranges may overlap in one buffer).
  std::vector<Value> values;
  values.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Value v = ReadElement(vm, sp + i * ss, src->kind);
    if (v.IsEmpty()) return Value::Empty();
    values.push_back(v);
  }
  for (size_t i = 0; i < n; ++i) WriteElement(dp + i * ds, dst->kind, values[i]);
  return Value::Undefined();
}

// typedArrayFill(O, value, start, end) with a converted value.
Value NativeTypedArrayFill(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  if (t == nullptr || IsTypedArrayOutOfBounds(t)) return Value::Undefined();
  size_t len = TypedArrayLength(t);
  size_t s = static_cast<size_t>(std::min(Num(a.arg(2)), static_cast<double>(len)));
  size_t e = static_cast<size_t>(std::min(Num(a.arg(3)), static_cast<double>(len)));
  size_t size = ElementSize(t->kind);
  for (size_t i = s; i < e; ++i) WriteElement(t->buffer->data + t->byte_offset + i * size, t->kind, a.arg(1));
  return Value::Undefined();
}

// typedArraySortDefault(O): 23.2.3.29 with comparefn undefined (numeric,
// -0 before +0, NaN last).
Value NativeTypedArraySortDefault(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  if (t == nullptr || IsTypedArrayOutOfBounds(t)) return a.arg(0);
  size_t len = TypedArrayLength(t), size = ElementSize(t->kind);
  if (len == 0) return a.arg(0);
  uint8_t* base = t->buffer->data + t->byte_offset;
  if (IsBigIntKind(t->kind)) {
    std::vector<uint64_t> v(len);
    std::memcpy(v.data(), base, len * 8);
    if (t->kind == ElementKind::kBigInt64) {
      std::stable_sort(v.begin(), v.end(), [](uint64_t x, uint64_t y) {
        return static_cast<int64_t>(x) < static_cast<int64_t>(y);
      });
    } else {
      std::stable_sort(v.begin(), v.end());
    }
    std::memcpy(base, v.data(), len * 8);
    return a.arg(0);
  }
  std::vector<double> v(len);
  for (size_t i = 0; i < len; ++i) v[i] = ReadElement(vm, base + i * size, t->kind).AsNumber();
  std::stable_sort(v.begin(), v.end(), [](double x, double y) {
    if (std::isnan(x)) return false;
    if (std::isnan(y)) return true;
    if (x == 0 && y == 0) return std::signbit(x) && !std::signbit(y);
    return x < y;
  });
  for (size_t i = 0; i < len; ++i) WriteElement(base + i * size, t->kind, Value::Number(v[i]));
  return a.arg(0);
}

// typedArrayConvert(O, value): ToNumber / ToBigInt of a primitive per kind.
Value NativeTypedArrayConvert(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  auto kind = t ? t->kind : static_cast<ElementKind>(a.arg(0).AsInt32());
  Value out;
  if (a.arg(1).IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "internal: unconverted object");
  if (!ConvertPrimitiveForElement(vm, kind, a.arg(1), &out)) return Value::Empty();
  return out;
}

// The element's address and its byte index in the buffer.
uint8_t* AtomicElement(TypedArrayObject* t, Value index, size_t* byte_index) {
  *byte_index = t->byte_offset + static_cast<size_t>(Num(index)) * ElementSize(t->kind);
  return t->buffer->data + *byte_index;
}

// One read-modify-write on an element of N bytes (N-byte aligned: typed
// array offsets are multiples of the element size). Returns the old bits.
template <typename T>
uint64_t AtomicRmw(uint8_t* p, int op, uint64_t y, uint64_t replacement) {
  T* q = reinterpret_cast<T*>(p);
  T v = static_cast<T>(y);
  switch (op) {
    case 0: return __atomic_fetch_add(q, v, __ATOMIC_SEQ_CST);
    case 1: return __atomic_fetch_and(q, v, __ATOMIC_SEQ_CST);
    case 2: return __atomic_exchange_n(q, v, __ATOMIC_SEQ_CST);
    case 3: return __atomic_fetch_or(q, v, __ATOMIC_SEQ_CST);
    case 4: return __atomic_fetch_sub(q, v, __ATOMIC_SEQ_CST);
    case 5: return __atomic_fetch_xor(q, v, __ATOMIC_SEQ_CST);
    case 6: {
      T expected = v;
      __atomic_compare_exchange_n(q, &expected, static_cast<T>(replacement), false, __ATOMIC_SEQ_CST,
                                  __ATOMIC_SEQ_CST);
      return expected;  // the old value either way
    }
    case 7: return __atomic_load_n(q, __ATOMIC_SEQ_CST);
    default: __atomic_store_n(q, v, __ATOMIC_SEQ_CST); return 0;
  }
}

// The bits of an element value (a Number already converted for the kind,
// or a BigInt).
uint64_t ElementBits(Value v) {
  if (v.IsBigInt()) return BigIntToUint64(v.AsBigInt());
  return static_cast<uint64_t>(static_cast<int64_t>(DoubleToInt32(v.AsNumber())));
}

// atomicsOp(O, index, op, a, b): 25.4.3.17 AtomicReadModifyWrite's last
// step on a validated integer typed array, as one hardware atomic operation
// (other agents may share the memory). op: 0 add, 1 and, 2 exchange, 3 or,
// 4 sub, 5 xor, 6 compareExchange(a expected, b replacement), 7 load,
// 8 store. Returns the previous value (the loaded value for load,
// undefined for store).
Value NativeAtomicsOp(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  size_t byte_index;
  uint8_t* p = AtomicElement(t, a.arg(1), &byte_index);
  int op = a.arg(2).AsInt32();
  uint64_t y = op == 7 ? 0 : ElementBits(a.arg(3));
  uint64_t z = op == 6 ? ElementBits(a.arg(4)) : 0;
  uint64_t old;
  switch (ElementSize(t->kind)) {
    case 1: old = AtomicRmw<uint8_t>(p, op, y, z); break;
    case 2: old = AtomicRmw<uint16_t>(p, op, y, z); break;
    case 4: old = AtomicRmw<uint32_t>(p, op, y, z); break;
    default: old = AtomicRmw<uint64_t>(p, op, y, z); break;
  }
  if (op == 8) return Value::Undefined();
  // The old bits as the element type's value.
  switch (t->kind) {
    case ElementKind::kInt8: return Value::Number(static_cast<int8_t>(old));
    case ElementKind::kUint8:
    case ElementKind::kUint8Clamped: return Value::Number(static_cast<uint8_t>(old));
    case ElementKind::kInt16: return Value::Number(static_cast<int16_t>(old));
    case ElementKind::kUint16: return Value::Number(static_cast<uint16_t>(old));
    case ElementKind::kInt32: return Value::Number(static_cast<int32_t>(old));
    case ElementKind::kUint32: return Value::Number(static_cast<uint32_t>(old));
    default: {
      BigInt* b = t->kind == ElementKind::kBigInt64 ? BigIntFromInt64(vm, static_cast<int64_t>(old))
                                                    : BigIntFromUint64(vm, old, false);
      if (b == nullptr) return Value::Empty();
      return Value::FromBigInt(b);
    }
  }
}

// atomicsWait(typedArray, index, value, timeout, async): 25.4.3.14 DoWait
// from step 10 on a validated shared Int32Array or BigInt64Array, the value
// converted and the timeout in milliseconds (+Infinity: none). Sync: the
// result string (TypeError where the agent cannot block). Async: the result
// string, or the waiter's promise.
Value NativeAtomicsWait(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  size_t byte_index;
  AtomicElement(t, a.arg(1), &byte_index);
  size_t size = ElementSize(t->kind);
  uint64_t expected = ElementBits(a.arg(2));
  double timeout = Num(a.arg(3));
  bool async = a.arg(4).IsTrue();
  if (!async && !vm.can_block()) return vm.ThrowError(ErrorKind::kTypeError, "Atomics.wait cannot block this agent");
  WaitResult r;
  Value promise;
  if (async) {
    PromiseObject* p = NewPromiseObject(vm, CurrentRealm(vm).intrinsic(Intrinsic::kPromisePrototype));
    if (p == nullptr) return Oom(vm);
    promise = Value::FromObject(p);
    r = WaitAsync(vm, t->buffer->shared, byte_index, size, expected, timeout, promise);
  } else {
    r = WaitSync(vm, t->buffer->shared, byte_index, size, expected, timeout);
  }
  if (r == WaitResult::kError) return Value::Empty();
  if (r == WaitResult::kOk && async) return promise;
  String* s = vm.InternAscii(r == WaitResult::kOk ? "ok" : r == WaitResult::kNotEqual ? "not-equal" : "timed-out");
  return s != nullptr ? Value::FromString(s) : Oom(vm);
}

// atomicsNotify(typedArray, index, count): 25.4.11 steps 6-13 on a shared
// typed array: wakes up to count waiters of the location in every agent.
Value NativeAtomicsNotify(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  size_t byte_index;
  AtomicElement(t, a.arg(1), &byte_index);
  return Value::Number(Notify(vm, t->buffer->shared, byte_index, Num(a.arg(2))));
}

// ---- Uint8Array base64 and hex (ES2026) ----

struct DecodeResult {
  size_t read = 0;
  std::vector<uint8_t> bytes;
  bool error = false;
};

int Base64Value(char16_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool IsAsciiWhitespace(char16_t c) { return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20; }

// DecodeBase64Chunk ( chunk [ , throwOnExtraBits ] )
bool DecodeBase64Chunk(const std::u16string& chunk, bool throw_on_extra_bits, std::vector<uint8_t>* out) {
  int v[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < chunk.size(); ++i) v[i] = Base64Value(chunk[i]);
  uint32_t n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
  uint8_t b[3] = {static_cast<uint8_t>(n >> 16), static_cast<uint8_t>(n >> 8), static_cast<uint8_t>(n)};
  if (chunk.size() == 2) {
    if (throw_on_extra_bits && b[1] != 0) return false;
    out->push_back(b[0]);
  } else if (chunk.size() == 3) {
    if (throw_on_extra_bits && b[2] != 0) return false;
    out->push_back(b[0]);
    out->push_back(b[1]);
  } else {
    out->insert(out->end(), b, b + 3);
  }
  return true;
}

// FromBase64 ( string, alphabet, lastChunkHandling [ , maxLength ] ); mode
// 0 loose, 1 strict, 2 stop-before-partial.
DecodeResult FromBase64(const String* s, bool url, int mode, double max_length) {
  DecodeResult r;
  if (max_length == 0) return r;
  std::u16string chunk;
  size_t index = 0, length = s->length;
  auto skip = [&](size_t i) {
    while (i < length && IsAsciiWhitespace(s->At(static_cast<uint32_t>(i)))) ++i;
    return i;
  };
  while (true) {
    index = skip(index);
    if (index == length) {
      if (!chunk.empty()) {
        if (mode == 2) return r;
        if (mode == 0) {
          if (chunk.size() == 1) {
            r.error = true;
            return r;
          }
          DecodeBase64Chunk(chunk, false, &r.bytes);
        } else {
          r.error = true;
          return r;
        }
      }
      r.read = length;
      return r;
    }
    char16_t c = s->At(static_cast<uint32_t>(index++));
    if (c == '=') {
      if (chunk.size() < 2) {
        r.error = true;
        return r;
      }
      index = skip(index);
      if (chunk.size() == 2) {
        if (index == length) {
          if (mode != 2) r.error = true;
          return r;
        }
        if (s->At(static_cast<uint32_t>(index)) == '=') index = skip(index + 1);
      }
      if (index < length) {
        r.error = true;
        return r;
      }
      if (!DecodeBase64Chunk(chunk, mode == 1, &r.bytes)) {
        r.bytes.resize(r.bytes.size());
        r.error = true;
        return r;
      }
      r.read = length;
      return r;
    }
    if (url) {
      if (c == '+' || c == '/') {
        r.error = true;
        return r;
      }
      if (c == '-') c = '+';
      if (c == '_') c = '/';
    }
    if (Base64Value(c) < 0) {
      r.error = true;
      return r;
    }
    double remaining = max_length - static_cast<double>(r.bytes.size());
    if ((remaining == 1 && chunk.size() == 2) || (remaining == 2 && chunk.size() == 3)) return r;
    chunk.push_back(c);
    if (chunk.size() == 4) {
      DecodeBase64Chunk(chunk, false, &r.bytes);
      chunk.clear();
      r.read = index;
      if (static_cast<double>(r.bytes.size()) == max_length) return r;
    }
  }
}

// FromHex ( string [ , maxLength ] )
DecodeResult FromHex(const String* s, double max_length) {
  DecodeResult r;
  size_t length = s->length;
  if (length % 2 != 0) {
    r.error = true;
    return r;
  }
  auto hex = [](char16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  while (r.read < length && static_cast<double>(r.bytes.size()) < max_length) {
    int hi = hex(s->At(static_cast<uint32_t>(r.read))), lo = hex(s->At(static_cast<uint32_t>(r.read + 1)));
    if (hi < 0 || lo < 0) {
      r.error = true;
      return r;
    }
    r.read += 2;
    r.bytes.push_back(static_cast<uint8_t>(hi * 16 + lo));
  }
  return r;
}

// uint8FromEncoded(string, hex, url, mode): Uint8Array.fromBase64 / fromHex steps after the options.
Value NativeUint8FromEncoded(Vm& vm, CallArgs& a) {
  String* s = a.arg(0).AsString();
  DecodeResult r = a.arg(1).IsTrue() ? FromHex(s, 9007199254740991.0)
                                     : FromBase64(s, a.arg(2).IsTrue(), a.arg(3).AsInt32(), 9007199254740991.0);
  if (r.error) return vm.ThrowError(ErrorKind::kSyntaxError, a.arg(1).IsTrue() ? "Invalid hex string" : "Invalid base64 string");
  Realm& realm = CurrentRealm(vm);
  ArrayBufferObject* b = NewArrayBuffer(vm, realm.intrinsic(Intrinsic::kArrayBufferPrototype), r.bytes.size(),
                                        r.bytes.size(), false, false);
  if (b == nullptr) return Value::Empty();
  if (!r.bytes.empty()) std::memcpy(b->data, r.bytes.data(), r.bytes.size());
  TypedArrayObject* t = NewTypedArrayObject(vm, realm.intrinsic(Intrinsic::kUint8ArrayPrototype), ElementKind::kUint8, b,
                                            0, r.bytes.size(), false);
  return t ? Value::FromObject(t) : Value::Empty();
}

// uint8SetFromEncoded(into, string, hex, url, mode): setFromBase64 /
// setFromHex: writes what decoded, then throws on an error, else returns
// { read, written }.
Value NativeUint8SetFromEncoded(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  String* s = a.arg(1).AsString();
  if (IsTypedArrayOutOfBounds(t)) return vm.ThrowError(ErrorKind::kTypeError, "typed array is detached or out of bounds");
  double byte_length = static_cast<double>(TypedArrayLength(t));
  DecodeResult r = a.arg(2).IsTrue() ? FromHex(s, byte_length)
                                     : FromBase64(s, a.arg(3).IsTrue(), a.arg(4).AsInt32(), byte_length);
  if (!r.bytes.empty()) std::memcpy(t->buffer->data + t->byte_offset, r.bytes.data(), r.bytes.size());
  if (r.error) return vm.ThrowError(ErrorKind::kSyntaxError, a.arg(2).IsTrue() ? "Invalid hex string" : "Invalid base64 string");
  Realm& realm = CurrentRealm(vm);
  Object* result = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  if (result == nullptr || !SetOwnData(vm, result, NameKey(vm, "read"), Value::Number(static_cast<double>(r.read))) ||
      !SetOwnData(vm, result, NameKey(vm, "written"), Value::Number(static_cast<double>(r.bytes.size())))) {
    return Oom(vm);
  }
  return Value::FromObject(result);
}

// uint8Encode(O, hex, url, omitPadding): toBase64 / toHex after the options.
Value NativeUint8Encode(Vm& vm, CallArgs& a) {
  TypedArrayObject* t = AsTypedArray(a.arg(0));
  if (IsTypedArrayOutOfBounds(t)) return vm.ThrowError(ErrorKind::kTypeError, "typed array is detached or out of bounds");
  size_t n = TypedArrayLength(t);
  const uint8_t* p = t->buffer->data + t->byte_offset;
  std::string out;
  if (a.arg(1).IsTrue()) {
    static const char kHex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; ++i) {
      out.push_back(kHex[p[i] >> 4]);
      out.push_back(kHex[p[i] & 15]);
    }
  } else {
    const char* alphabet = a.arg(2).IsTrue() ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                                             : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    bool pad = !a.arg(3).IsTrue();
    for (size_t i = 0; i < n; i += 3) {
      uint32_t v = p[i] << 16;
      if (i + 1 < n) v |= p[i + 1] << 8;
      if (i + 2 < n) v |= p[i + 2];
      out.push_back(alphabet[(v >> 18) & 63]);
      out.push_back(alphabet[(v >> 12) & 63]);
      if (i + 1 < n) out.push_back(alphabet[(v >> 6) & 63]); else if (pad) out.push_back('=');
      if (i + 2 < n) out.push_back(alphabet[v & 63]); else if (pad) out.push_back('=');
    }
  }
  if (out.size() > kMaxStringLength) return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
  String* s = NewStringFromLatin1(vm, out);
  return s ? Value::FromString(s) : Oom(vm);
}

// ---- ArrayBuffer natives ----

// allocateArrayBuffer(newTarget, byteLength, maxByteLength|undefined, shared)
Value NativeAllocateArrayBuffer(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  bool shared = a.arg(3).IsTrue();
  Object* proto = PrototypeFromConstructor(
      vm, a.arg(0), realm.intrinsic(shared ? Intrinsic::kSharedArrayBufferPrototype : Intrinsic::kArrayBufferPrototype));
  if (proto == nullptr) return Value::Empty();
  double len = Num(a.arg(1));
  bool resizable = !a.arg(2).IsUndefined();
  double max = resizable ? Num(a.arg(2)) : len;
  if (len > max) return vm.ThrowError(ErrorKind::kRangeError, "byteLength exceeds maxByteLength");
  if (max > static_cast<double>(kMaxArrayBufferBytes)) return vm.ThrowError(ErrorKind::kRangeError, "Array buffer allocation failed");
  ArrayBufferObject* b = NewArrayBuffer(vm, proto, static_cast<size_t>(len), static_cast<size_t>(max), resizable, shared);
  return b ? Value::FromObject(b) : Value::Empty();
}

// arrayBufferInfo(b, what): -1 when not a buffer; 0 byteLength, 1 detached,
// 2 shared, 3 resizable, 4 maxByteLength.
Value NativeArrayBufferInfo(Vm& vm, CallArgs& a) {
  ArrayBufferObject* b = AsBuffer(a.arg(0));
  if (b == nullptr) return Value::Int32(-1);
  switch (a.arg(1).AsInt32()) {
    case 0: return Value::Number(static_cast<double>(b->byte_length));
    case 1: return Value::Boolean(b->detached);
    case 2: return Value::Boolean(b->cls == ObjectClass::kSharedArrayBuffer);
    case 3: return Value::Boolean(b->resizable);
    case 5: return Value::Boolean(b->immutable);
    default: return Value::Number(static_cast<double>(b->max_byte_length));
  }
}

// arrayBufferCopy(dst, dstOffset, src, srcOffset, count)
Value NativeArrayBufferCopy(Vm& vm, CallArgs& a) {
  ArrayBufferObject* d = AsBuffer(a.arg(0));
  ArrayBufferObject* s = AsBuffer(a.arg(2));
  size_t doff = static_cast<size_t>(Num(a.arg(1))), soff = static_cast<size_t>(Num(a.arg(3)));
  size_t n = static_cast<size_t>(Num(a.arg(4)));
  if (d == nullptr || s == nullptr || d->detached || s->detached) return Value::Undefined();
  if (n == 0 || doff + n > d->byte_length || soff + n > s->byte_length) return Value::Undefined();
  std::memmove(d->data + doff, s->data + soff, n);
  return Value::Undefined();
}

Value NativeIntrinsicBufferConstructor(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  if (a.arg(0).IsTrue()) {
    OwnProperty prop;
    GetOwnProperty(vm, realm.intrinsic(Intrinsic::kSharedArrayBufferPrototype), NameKey(vm, "constructor"), &prop);
    return prop.value;
  }
  return Value::FromObject(realm.intrinsic(Intrinsic::kArrayBuffer));
}

// arrayBufferSetImmutable(b): AllocateImmutableArrayBuffer's last step, on
// a fresh fixed-length buffer.
Value NativeArrayBufferSetImmutable(Vm& vm, CallArgs& a) {
  ArrayBufferObject* b = AsBuffer(a.arg(0));
  if (b != nullptr && !b->resizable) b->immutable = true;
  return Value::Undefined();
}

Value NativeArrayBufferDetach(Vm& vm, CallArgs& a) {
  ArrayBufferObject* b = AsBuffer(a.arg(0));
  if (b != nullptr) DetachBuffer(vm, b);
  return Value::Undefined();
}

// arrayBufferResize(b, newLength): in place within the reservation.
Value NativeArrayBufferResize(Vm& vm, CallArgs& a) {
  ArrayBufferObject* b = AsBuffer(a.arg(0));
  if (b == nullptr || b->detached) return Value::Undefined();
  ResizeBuffer(b, static_cast<size_t>(Num(a.arg(1))));
  return Value::Undefined();
}

// ---- DataView ----

// newDataView(newTarget, buffer, offset, byteLength|undefined)
Value NativeNewDataView(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  Object* proto = PrototypeFromConstructor(vm, a.arg(0), realm.intrinsic(Intrinsic::kDataViewPrototype));
  if (proto == nullptr) return Value::Empty();
  ArrayBufferObject* b = AsBuffer(a.arg(1));
  // 10. If IsDetachedBuffer(buffer) is true, throw a TypeError (after the prototype lookup).
  if (b->detached) return vm.ThrowError(ErrorKind::kTypeError, "ArrayBuffer is detached");
  double offset = Num(a.arg(2));
  double buffer_length = static_cast<double>(b->byte_length);
  if (offset > buffer_length) return vm.ThrowError(ErrorKind::kRangeError, "Start offset is outside the bounds of the buffer");
  bool tracking = a.arg(3).IsUndefined() && b->resizable;
  double view_length = a.arg(3).IsUndefined() ? buffer_length - offset : Num(a.arg(3));
  if (!a.arg(3).IsUndefined() && offset + view_length > buffer_length) {
    return vm.ThrowError(ErrorKind::kRangeError, "Invalid DataView length");
  }
  DataViewObject* v = NewDataViewObject(vm, proto, b, static_cast<size_t>(offset),
                                        tracking ? 0 : static_cast<size_t>(view_length), tracking);
  return v ? Value::FromObject(v) : Value::Empty();
}

// dataViewInfo(v, what): -1 when not a DataView; 0 buffer, 1 byteLength
// (after the bounds check by the caller), 2 byteOffset, 3 out of bounds.
Value NativeDataViewInfo(Vm& vm, CallArgs& a) {
  DataViewObject* v = AsDataView(a.arg(0));
  if (v == nullptr) return Value::Int32(-1);
  switch (a.arg(1).AsInt32()) {
    case 0: return Value::FromObject(v->buffer);
    case 1: return Value::Number(static_cast<double>(ViewByteLength(v)));
    case 2: return Value::Number(static_cast<double>(v->byte_offset));
    default: return Value::Boolean(IsViewOutOfBounds(v));
  }
}

// dataViewGet(view, index, kind, littleEndian) / dataViewSet(view, index,
// kind, converted, littleEndian): 25.3.1.5 GetViewValue / 25.3.1.6
// SetViewValue after the conversions; the bounds checks are here.
Value DataViewAccess(Vm& vm, CallArgs& a, bool is_set) {
  DataViewObject* v = AsDataView(a.arg(0));
  double index = Num(a.arg(1));
  auto kind = static_cast<ElementKind>(a.arg(2).AsInt32());
  bool little = is_set ? a.arg(4).IsTrue() : a.arg(3).IsTrue();
  if (IsViewOutOfBounds(v)) return vm.ThrowError(ErrorKind::kTypeError, "DataView is detached or out of bounds");
  double view_size = static_cast<double>(ViewByteLength(v));
  if (index + static_cast<double>(ElementSize(kind)) > view_size) {
    return vm.ThrowError(ErrorKind::kRangeError, "Offset is outside the bounds of the DataView");
  }
  uint8_t* p = v->buffer->data + v->byte_offset + static_cast<size_t>(index);
  if (is_set) {
    WriteElement(p, kind, a.arg(3), little);
    return Value::Undefined();
  }
  return ReadElement(vm, p, kind, little);
}

Value NativeDataViewGet(Vm& vm, CallArgs& a) { return DataViewAccess(vm, a, false); }
Value NativeDataViewSet(Vm& vm, CallArgs& a) { return DataViewAccess(vm, a, true); }

// ---- Constructors (self-hosted bodies) ----

Value TypedArrayConstructor(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  if (a.new_target.IsUndefined()) {
    return vm.ThrowError(ErrorKind::kTypeError, std::string("Constructor ") +
                                                    ElementKindName(static_cast<ElementKind>(self->magic)) +
                                                    " requires 'new'");
  }
  return vm.RequestTailCall(self->data, Value::Undefined(),
                            {Value::Int32(self->magic), a.new_target, Value::Int32(static_cast<int32_t>(a.argc)),
                             a.arg(0), a.arg(1), a.arg(2)});
}

Value AbstractTypedArrayConstructor(Vm& vm, CallArgs& a) {
  return vm.ThrowError(ErrorKind::kTypeError, "Abstract class TypedArray not directly constructable");
}

// ArrayBuffer / SharedArrayBuffer / DataView: the self-hosted body gets the
// arguments and NewTarget.
Value SelfHostedConstructor(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  return vm.RequestTailCall(self->data, Value::Undefined(), {a.arg(0), a.arg(1), a.arg(2), a.new_target});
}

Value SpeciesGetterTA(Vm& vm, CallArgs& a) { return a.this_value; }

}  // namespace

const std::vector<NativeBinding>& TypedArraySelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"isTypedArray", NativeIsTypedArray, 1},
      {"typedArrayKind", NativeTypedArrayKind, 1},
      {"validateTypedArray", NativeValidateTypedArray, 1},
      {"typedArrayLength", NativeTypedArrayLength, 1},
      {"typedArrayInfo", NativeTypedArrayInfo, 2},
      {"typedArrayDefaultConstructor", NativeTypedArrayDefaultConstructor, 1},
      {"allocateTypedArray", NativeAllocateTypedArray, 3},
      {"typedArrayFromBuffer", NativeTypedArrayFromBuffer, 5},
      {"typedArrayCopy", NativeTypedArrayCopy, 5},
      {"typedArrayFill", NativeTypedArrayFill, 4},
      {"typedArraySortDefault", NativeTypedArraySortDefault, 1},
      {"typedArrayConvert", NativeTypedArrayConvert, 2},
      {"allocateArrayBuffer", NativeAllocateArrayBuffer, 4},
      {"arrayBufferInfo", NativeArrayBufferInfo, 2},
      {"arrayBufferCopy", NativeArrayBufferCopy, 5},
      {"arrayBufferDetach", NativeArrayBufferDetach, 1},
      {"arrayBufferSetImmutable", NativeArrayBufferSetImmutable, 1},
      {"intrinsicBufferConstructor", NativeIntrinsicBufferConstructor, 1},
      {"arrayBufferResize", NativeArrayBufferResize, 2},
      {"newDataView", NativeNewDataView, 4},
      {"dataViewInfo", NativeDataViewInfo, 2},
      {"dataViewGet", NativeDataViewGet, 4},
      {"dataViewSet", NativeDataViewSet, 5},
      {"atomicsOp", NativeAtomicsOp, 5},
      {"atomicsWait", NativeAtomicsWait, 5},
      {"atomicsNotify", NativeAtomicsNotify, 3},
      {"uint8FromEncoded", NativeUint8FromEncoded, 4},
      {"uint8SetFromEncoded", NativeUint8SetFromEncoded, 5},
      {"uint8Encode", NativeUint8Encode, 4},
  };
  return natives;
}

bool InstallTypedArrays(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  const WellKnownSymbols& sym = vm.symbols();
  PropertyKey species(Value::FromSymbol(sym.species));
  PropertyKey tag_key(Value::FromSymbol(sym.toStringTag));
  auto tag = [&](Object* o, const char* text) {
    String* s = vm.InternAscii(text);
    return s != nullptr && SetOwnData(vm, o, tag_key, Value::FromString(s), kConfigurable);
  };
  auto methods = [&](Object* target, std::initializer_list<std::tuple<const char*, const char*, int>> list) {
    for (const auto& [name, impl, length] : list) {
      if (!DefineSelfHostedMethod(vm, target, name, sh.Get(impl), length)) return false;
    }
    return true;
  };
  auto getters = [&](Object* target, std::initializer_list<std::pair<const char*, const char*>> list) {
    for (const auto& [name, impl] : list) {
      Value g = sh.Get(impl);
      String* n = NewStringFromLatin1(vm, std::string("get ") + name);
      Accessor* acc = g.IsObject() && n != nullptr ? NewAccessor(vm, g, Value::Undefined()) : nullptr;
      if (acc == nullptr || !SetFunctionNameAndLength(vm, g.AsObject(), Value::FromString(n), 0) ||
          !SetOwnData(vm, target, NameKey(vm, name), AccessorToValue(acc), kConfigurable | kAccessorBit)) {
        return false;
      }
    }
    return true;
  };
  auto ctor = [&](const char* name, NativeFn fn, int length, Intrinsic proto_id, const char* body) -> Object* {
    Object* c = NewNativeFunction(vm, realm, name, fn, length, true);
    if (c == nullptr) return nullptr;
    if (body != nullptr) static_cast<NativeFunction*>(c)->data = sh.Get(body);
    Object* proto = realm.intrinsic(proto_id);
    if (!DefineValue(vm, c, "prototype", Value::FromObject(proto), 0) ||
        !DefineValue(vm, proto, "constructor", Value::FromObject(c)) ||
        !DefineValue(vm, realm.global, name, Value::FromObject(c))) {
      return nullptr;
    }
    return c;
  };

  // ArrayBuffer.
  Object* ab = ctor("ArrayBuffer", SelfHostedConstructor, 1, Intrinsic::kArrayBufferPrototype, "ArrayBufferConstruct");
  if (ab == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kArrayBuffer)] = ab;
  Object* abp = realm.intrinsic(Intrinsic::kArrayBufferPrototype);
  if (!DefineGetter(vm, realm, ab, species, "[Symbol.species]", SpeciesGetterTA) ||
      !methods(ab, {{"isView", "ArrayBufferIsView", 1}}) ||
      !methods(abp, {{"slice", "ArrayBufferSlice", 2}, {"resize", "ArrayBufferResize", 1},
                     {"transfer", "ArrayBufferTransfer", 0}, {"transferToFixedLength", "ArrayBufferTransferToFixed", 0},
                     {"sliceToImmutable", "ArrayBufferSliceToImmutable", 2},
                     {"transferToImmutable", "ArrayBufferTransferToImmutable", 0}}) ||
      !getters(abp, {{"byteLength", "ArrayBufferByteLength"}, {"maxByteLength", "ArrayBufferMaxByteLength"},
                     {"resizable", "ArrayBufferResizable"}, {"detached", "ArrayBufferDetached"},
                     {"immutable", "ArrayBufferImmutable"}}) ||
      !tag(abp, "ArrayBuffer")) {
    return false;
  }
  // SharedArrayBuffer.
  Object* sab = ctor("SharedArrayBuffer", SelfHostedConstructor, 1, Intrinsic::kSharedArrayBufferPrototype,
                     "SharedArrayBufferConstruct");
  Object* sabp = realm.intrinsic(Intrinsic::kSharedArrayBufferPrototype);
  if (sab == nullptr || !DefineGetter(vm, realm, sab, species, "[Symbol.species]", SpeciesGetterTA) ||
      !methods(sabp, {{"slice", "SharedArrayBufferSlice", 2}, {"grow", "SharedArrayBufferGrow", 1}}) ||
      !getters(sabp, {{"byteLength", "SharedArrayBufferByteLength"}, {"maxByteLength", "SharedArrayBufferMaxByteLength"},
                      {"growable", "SharedArrayBufferGrowable"}}) ||
      !tag(sabp, "SharedArrayBuffer")) {
    return false;
  }
  // %TypedArray%.
  Object* ta = ctor("TypedArray", AbstractTypedArrayConstructor, 0, Intrinsic::kTypedArrayPrototype, nullptr);
  if (ta == nullptr) return false;
  // %TypedArray% is not a global.
  DeleteOwnProperty(vm, realm.global, NameKey(vm, "TypedArray"));
  realm.intrinsics[static_cast<int>(Intrinsic::kTypedArray)] = ta;
  Object* tap = realm.intrinsic(Intrinsic::kTypedArrayPrototype);
  if (!DefineGetter(vm, realm, ta, species, "[Symbol.species]", SpeciesGetterTA) ||
      !methods(ta, {{"from", "TypedArrayFrom", 1}, {"of", "TypedArrayOf", 0}}) ||
      !methods(tap, {{"at", "TypedArrayAt", 1}, {"copyWithin", "TypedArrayCopyWithin", 2},
                     {"entries", "TypedArrayEntries", 0}, {"every", "TypedArrayEvery", 1},
                     {"fill", "TypedArrayFill", 1}, {"filter", "TypedArrayFilter", 1},
                     {"find", "TypedArrayFind", 1}, {"findIndex", "TypedArrayFindIndex", 1},
                     {"findLast", "TypedArrayFindLast", 1}, {"findLastIndex", "TypedArrayFindLastIndex", 1},
                     {"forEach", "TypedArrayForEach", 1}, {"includes", "TypedArrayIncludes", 1},
                     {"indexOf", "TypedArrayIndexOf", 1}, {"join", "TypedArrayJoin", 1},
                     {"keys", "TypedArrayKeys", 0}, {"lastIndexOf", "TypedArrayLastIndexOf", 1},
                     {"map", "TypedArrayMap", 1}, {"reduce", "TypedArrayReduce", 1},
                     {"reduceRight", "TypedArrayReduceRight", 1}, {"reverse", "TypedArrayReverse", 0},
                     {"set", "TypedArraySet", 1}, {"slice", "TypedArraySlice", 2}, {"some", "TypedArraySome", 1},
                     {"sort", "TypedArraySort", 1}, {"subarray", "TypedArraySubarray", 2},
                     {"toLocaleString", "TypedArrayToLocaleString", 0}, {"toReversed", "TypedArrayToReversed", 0},
                     {"toSorted", "TypedArrayToSorted", 1}, {"values", "TypedArrayValues", 0},
                     {"with", "TypedArrayWith", 2}}) ||
      !getters(tap, {{"buffer", "TypedArrayBuffer"}, {"byteLength", "TypedArrayByteLength"},
                     {"byteOffset", "TypedArrayByteOffset"}, {"length", "TypedArrayLengthGetter"}})) {
    return false;
  }
  // [Symbol.iterator] is values; toString is Array.prototype.toString.
  OwnProperty values, array_to_string;
  GetOwnProperty(vm, tap, NameKey(vm, "values"), &values);
  GetOwnProperty(vm, realm.intrinsic(Intrinsic::kArrayPrototype), NameKey(vm, "toString"), &array_to_string);
  {
    Value g = sh.Get("TypedArrayTagGetter");
    String* n = NewStringFromLatin1(vm, "get [Symbol.toStringTag]");
    Accessor* acc = g.IsObject() && n != nullptr ? NewAccessor(vm, g, Value::Undefined()) : nullptr;
    if (acc == nullptr || !SetFunctionNameAndLength(vm, g.AsObject(), Value::FromString(n), 0) ||
        !SetOwnData(vm, tap, tag_key, AccessorToValue(acc), kConfigurable | kAccessorBit) ||
        !SetOwnData(vm, tap, PropertyKey(Value::FromSymbol(sym.iterator)), values.value, kHiddenAttrs) ||
        !SetOwnData(vm, tap, NameKey(vm, "toString"), array_to_string.value, kHiddenAttrs)) {
      return false;
    }
  }
  // The twelve constructors.
  for (int k = 0; k < kElementKindCount; ++k) {
    auto kind = static_cast<ElementKind>(k);
    Object* proto = realm.intrinsic(ProtoIntrinsic(kind));
    Object* c = ctor(ElementKindName(kind), TypedArrayConstructor, 3, ProtoIntrinsic(kind), "TypedArrayConstruct");
    if (c == nullptr) return false;
    auto* nf = static_cast<NativeFunction*>(c);
    nf->magic = k;
    c->proto = ta;
    realm.intrinsics[static_cast<int>(CtorIntrinsic(kind))] = c;
    Value size = Value::Int32(static_cast<int32_t>(ElementSize(kind)));
    if (!DefineValue(vm, c, "BYTES_PER_ELEMENT", size, 0) || !DefineValue(vm, proto, "BYTES_PER_ELEMENT", size, 0)) {
      return false;
    }
  }
  // Uint8Array base64 and hex.
  {
    Object* u8 = realm.intrinsic(Intrinsic::kUint8Array);
    Object* u8p = realm.intrinsic(Intrinsic::kUint8ArrayPrototype);
    if (!methods(u8, {{"fromBase64", "Uint8ArrayFromBase64", 1}, {"fromHex", "Uint8ArrayFromHex", 1}}) ||
        !methods(u8p, {{"toBase64", "Uint8ArrayToBase64", 0}, {"toHex", "Uint8ArrayToHex", 0},
                       {"setFromBase64", "Uint8ArraySetFromBase64", 1}, {"setFromHex", "Uint8ArraySetFromHex", 1}})) {
      return false;
    }
  }
  // Atomics (25.4): a plain object of self-hosted functions.
  Object* atomics = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  if (atomics == nullptr || !tag(atomics, "Atomics") ||
      !DefineValue(vm, realm.global, "Atomics", Value::FromObject(atomics)) ||
      !methods(atomics, {{"add", "AtomicsAdd", 3}, {"and", "AtomicsAnd", 3},
                         {"compareExchange", "AtomicsCompareExchange", 4}, {"exchange", "AtomicsExchange", 3},
                         {"isLockFree", "AtomicsIsLockFree", 1}, {"load", "AtomicsLoad", 2},
                         {"notify", "AtomicsNotify", 3}, {"or", "AtomicsOr", 3}, {"pause", "AtomicsPause", 0},
                         {"store", "AtomicsStore", 3}, {"sub", "AtomicsSub", 3}, {"wait", "AtomicsWait", 4},
                         {"waitAsync", "AtomicsWaitAsync", 4},
                         {"xor", "AtomicsXor", 3}})) {
    return false;
  }
  // DataView.
  Object* dv = ctor("DataView", SelfHostedConstructor, 1, Intrinsic::kDataViewPrototype, "DataViewConstruct");
  Object* dvp = realm.intrinsic(Intrinsic::kDataViewPrototype);
  if (dv == nullptr || !tag(dvp, "DataView") ||
      !getters(dvp, {{"buffer", "DataViewBuffer"}, {"byteLength", "DataViewByteLength"},
                     {"byteOffset", "DataViewByteOffset"}})) {
    return false;
  }
  static const char* const kViewTypes[] = {"Int8", "Uint8", nullptr, "Int16", "Uint16", "Int32", "Uint32",
                                           "Float16", "Float32", "Float64", "BigInt64", "BigUint64"};
  for (int k = 0; k < kElementKindCount; ++k) {
    if (kViewTypes[k] == nullptr) continue;
    for (int set = 0; set < 2; ++set) {
      std::string name = std::string(set ? "set" : "get") + kViewTypes[k];
      Value fn = sh.Get(set ? "DataViewSetter" : "DataViewGetter");
      // Each method is its own closure: bind the kind through a native wrapper.
      Object* m = NewNativeFunction(vm, realm, name, [](Vm& vm, CallArgs& a) -> Value {
        auto* self = static_cast<NativeFunction*>(a.callee);
        return vm.RequestTailCall(self->data, a.this_value,
                                  {Value::Int32(self->magic), a.arg(0), a.arg(1), a.arg(2)});
      }, set ? 2 : 1);
      if (m == nullptr) return false;
      static_cast<NativeFunction*>(m)->magic = k;
      static_cast<NativeFunction*>(m)->data = fn;
      if (!SetOwnData(vm, dvp, NameKey(vm, name), Value::FromObject(m), kHiddenAttrs)) return false;
    }
  }
  return true;
}

}  // namespace ratchet::internal
