// 25.1 ArrayBuffer, 25.2 SharedArrayBuffer, 23.2 TypedArray objects and
// 25.3 DataView: the algorithms that may run user code, over the natives of
// runtime/builtins/typed_array.cc. Element reads and writes use O[k], which
// the VM routes through the TypedArray exotic object's internal methods.

function TypedArrayElementSize(kind) {
  return kind <= 2 ? 1 : kind <= 4 || kind === 7 ? 2 : kind <= 8 ? 4 : 8;
}

function IsBigIntElementKind(kind) {
  return kind >= 10;
}

// 7.1.22 ToIndex ( value )
function ToIndex(value) {
  const integer = ToIntegerOrInfinity(value);
  if (integer < 0 || integer > 9007199254740991) throwRangeError('Invalid index: ' + ToStringSlowSafe(value));
  return integer;
}

// ToNumber or ToBigInt by element kind (a typed array or a kind number).
function ConvertForTypedArray(kindOrArray, value) {
  const prim = isObject(value) ? ToPrimitive(value, 'number') : value;
  return typedArrayConvert(kindOrArray, prim);
}

// [[Set]] of an object value on a typed array element (from the VM).
function TypedArraySetSlow(O, key, value) {
  const converted = ConvertForTypedArray(O, value);
  O[key] = converted;
}

function IterableToListWithMethod(obj, method) {
  const iterator = callFunction(method, obj);
  if (!isObject(iterator)) throwTypeError('Result of the Symbol.iterator method is not an object');
  const next = iterator.next;
  const values = newArray();
  while (true) {
    const result = callFunction(next, iterator);
    if (!isObject(result)) throwTypeError('Iterator result is not an object');
    if (result.done) return values;
    arrayPush(values, result.value);
  }
}

// 23.2.5.1 TypedArray ( ...args )
function TypedArrayConstruct(kind, newTarget, argc, first, second, third) {
  if (argc === 0 || !isObject(first)) {
    const elementLength = argc === 0 ? 0 : ToIndex(first);
    return allocateTypedArray(kind, newTarget, elementLength);
  }
  if (isTypedArray(first)) {
    // 23.2.5.1.2 InitializeTypedArrayFromTypedArray
    const srcLength = validateTypedArray(first);
    if (IsBigIntElementKind(kind) !== IsBigIntElementKind(typedArrayKind(first))) {
      throwTypeError('Content types of the source and the new typed array differ');
    }
    const O = allocateTypedArray(kind, newTarget, srcLength);
    typedArrayCopy(O, 0, first, 0, srcLength);
    return O;
  }
  if (arrayBufferInfo(first, 0) !== -1) {
    // 23.2.5.1.3 InitializeTypedArrayFromArrayBuffer
    const offset = ToIndex(second);
    if (offset % TypedArrayElementSize(kind) !== 0) {
      throwRangeError('start offset of ' + ElementKindName(kind) + ' should be a multiple of ' +
                      TypedArrayElementSize(kind));
    }
    const newLength = third === undefined ? undefined : ToIndex(third);
    return typedArrayFromBuffer(kind, newTarget, first, offset, newLength);
  }
  const usingIterator = first[symIterator];
  if (usingIterator !== undefined && usingIterator !== null) {
    if (!isCallable(usingIterator)) throwTypeError('Symbol.iterator is not a function');
    const values = IterableToListWithMethod(first, usingIterator);
    const O = allocateTypedArray(kind, newTarget, values.length);
    for (let k = 0; k < values.length; k++) O[k] = values[k];
    return O;
  }
  // 23.2.5.1.5 InitializeTypedArrayFromArrayLike
  const len = ToLength(first.length);
  const O = allocateTypedArray(kind, newTarget, len);
  for (let k = 0; k < len; k++) O[k] = first[k];
  return O;
}

function ElementKindName(kind) {
  const names = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
                 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
  return names[kind];
}

// ValidateTypedArray ( O, order, ~write~ ) step 4 (immutable ArrayBuffers).
function RequireWritableTypedArray(O) {
  if (arrayBufferInfo(typedArrayInfo(O, 0), 5)) throwTypeError('the typed array is backed by an immutable ArrayBuffer');
}

// 23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList, ~write~ )
function TypedArrayCreateWithLength(C, length) {
  const newTA = new C(length);
  const len = validateTypedArray(newTA);
  RequireWritableTypedArray(newTA);
  if (len < length) throwTypeError('Derived TypedArray constructor created an array which was too small');
  return newTA;
}

// 23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList ) with one length.
function TypedArraySpeciesCreateWithLength(exemplar, length) {
  const C = SpeciesConstructor(exemplar, typedArrayDefaultConstructor(exemplar));
  const result = TypedArrayCreateWithLength(C, length);
  if (IsBigIntElementKind(typedArrayKind(result)) !== IsBigIntElementKind(typedArrayKind(exemplar))) {
    throwTypeError('TypedArray species constructor returned an array of another content type');
  }
  return result;
}

function ThisTypedArray(O) {
  if (!isTypedArray(O)) throwTypeError('this is not a typed array');
  return O;
}

// ---- %TypedArray% ----

// 23.2.2.1 %TypedArray%.from ( source [ , mapper [ , thisArg ] ] )
function TypedArrayFrom(source, mapper, thisArg) {
  const C = this;
  if (!isConstructor(C)) throwTypeError('TypedArray.from: this is not a constructor');
  const mapping = mapper !== undefined;
  if (mapping && !isCallable(mapper)) throwTypeError('TypedArray.from: the mapper is not a function');
  const usingIterator = source === undefined || source === null ? undefined : source[symIterator];
  if (usingIterator !== undefined && usingIterator !== null) {
    if (!isCallable(usingIterator)) throwTypeError('Symbol.iterator is not a function');
    const values = IterableToListWithMethod(source, usingIterator);
    const len = values.length;
    const target = TypedArrayCreateWithLength(C, len);
    for (let k = 0; k < len; k++) {
      const kValue = values[k];
      target[k] = mapping ? callFunction(mapper, thisArg, kValue, k) : kValue;
    }
    return target;
  }
  const arrayLike = toObject(source);
  const len = ToLength(arrayLike.length);
  const target = TypedArrayCreateWithLength(C, len);
  for (let k = 0; k < len; k++) {
    const kValue = arrayLike[k];
    target[k] = mapping ? callFunction(mapper, thisArg, kValue, k) : kValue;
  }
  return target;
}

// 23.2.2.2 %TypedArray%.of ( ...items )
function TypedArrayOf() {
  const len = arguments.length;
  const C = this;
  if (!isConstructor(C)) throwTypeError('TypedArray.of: this is not a constructor');
  const newObj = TypedArrayCreateWithLength(C, len);
  for (let k = 0; k < len; k++) newObj[k] = arguments[k];
  return newObj;
}

// ---- %TypedArray%.prototype getters ----

function TypedArrayBuffer() {
  return typedArrayInfo(ThisTypedArray(this), 0);
}

function TypedArrayByteLength() {
  const O = ThisTypedArray(this);
  return typedArrayLength(O) * TypedArrayElementSize(typedArrayKind(O));
}

function TypedArrayByteOffset() {
  const O = ThisTypedArray(this);
  if (typedArrayInfo(O, 3)) return 0;
  return typedArrayInfo(O, 1);
}

function TypedArrayLengthGetter() {
  return typedArrayLength(ThisTypedArray(this));
}

function TypedArrayTagGetter() {
  if (!isTypedArray(this)) return undefined;
  return ElementKindName(typedArrayKind(this));
}

// ---- %TypedArray%.prototype methods ----

function TypedArrayAt(index) {
  const O = this;
  const len = validateTypedArray(O);
  const relativeIndex = ToIntegerOrInfinity(index);
  const k = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
  if (k < 0 || k >= len) return undefined;
  return O[k];
}

function RelativeBound(value, len, dflt) {
  if (value === undefined) return dflt;
  const relative = ToIntegerOrInfinity(value);
  if (relative === -1 / 0) return 0;
  if (relative < 0) return len + relative > 0 ? len + relative : 0;
  return relative < len ? relative : len;
}

function TypedArrayCopyWithin(target, start, end) {
  const O = this;
  let len = validateTypedArray(O);
  RequireWritableTypedArray(O);
  const to = RelativeBound(target, len, 0);
  const from = RelativeBound(start, len, 0);
  const final = RelativeBound(end, len, len);
  let count = final - from < len - to ? final - from : len - to;
  if (count > 0) {
    len = validateTypedArray(O);
    // The buffer may have shrunk: clamp to what is left.
    if (from + count > len) count = len - from;
    if (to + count > len) count = len - to;
    if (count > 0) typedArrayCopy(O, to, O, from, count);
  }
  return O;
}

function TypedArrayEntries() {
  validateTypedArray(this);
  return newArrayIterator(this, 2);
}

function TypedArrayKeys() {
  validateTypedArray(this);
  return newArrayIterator(this, 0);
}

function TypedArrayValues() {
  validateTypedArray(this);
  return newArrayIterator(this, 1);
}

function TypedArrayEvery(callbackfn, thisArg) {
  const O = this;
  const len = validateTypedArray(O);
  CheckCallback(callbackfn);
  for (let k = 0; k < len; k++) {
    if (!callFunction(callbackfn, thisArg, O[k], k, O)) return false;
  }
  return true;
}

function TypedArraySome(callbackfn, thisArg) {
  const O = this;
  const len = validateTypedArray(O);
  CheckCallback(callbackfn);
  for (let k = 0; k < len; k++) {
    if (callFunction(callbackfn, thisArg, O[k], k, O)) return true;
  }
  return false;
}

function TypedArrayFill(value, start, end) {
  const O = this;
  let len = validateTypedArray(O);
  RequireWritableTypedArray(O);
  const converted = ConvertForTypedArray(O, value);
  const k = RelativeBound(start, len, 0);
  let final = RelativeBound(end, len, len);
  len = validateTypedArray(O);
  if (final > len) final = len;
  typedArrayFill(O, converted, k, final);
  return O;
}

function TypedArrayFilter(callbackfn, thisArg) {
  const O = this;
  const len = validateTypedArray(O);
  CheckCallback(callbackfn);
  const kept = newArray();
  for (let k = 0; k < len; k++) {
    const kValue = O[k];
    if (callFunction(callbackfn, thisArg, kValue, k, O)) arrayPush(kept, kValue);
  }
  const A = TypedArraySpeciesCreateWithLength(O, kept.length);
  for (let n = 0; n < kept.length; n++) A[n] = kept[n];
  return A;
}

function TypedArrayFindGeneric(O, predicate, thisArg, fromEnd, wantIndex) {
  const len = validateTypedArray(O);
  CheckCallback(predicate);
  for (let i = 0; i < len; i++) {
    const k = fromEnd ? len - 1 - i : i;
    const kValue = O[k];
    if (callFunction(predicate, thisArg, kValue, k, O)) return wantIndex ? k : kValue;
  }
  return wantIndex ? -1 : undefined;
}

function TypedArrayFind(predicate, thisArg) { return TypedArrayFindGeneric(this, predicate, thisArg, false, false); }
function TypedArrayFindIndex(predicate, thisArg) { return TypedArrayFindGeneric(this, predicate, thisArg, false, true); }
function TypedArrayFindLast(predicate, thisArg) { return TypedArrayFindGeneric(this, predicate, thisArg, true, false); }
function TypedArrayFindLastIndex(predicate, thisArg) { return TypedArrayFindGeneric(this, predicate, thisArg, true, true); }

function TypedArrayForEach(callbackfn, thisArg) {
  const O = this;
  const len = validateTypedArray(O);
  CheckCallback(callbackfn);
  for (let k = 0; k < len; k++) callFunction(callbackfn, thisArg, O[k], k, O);
  return undefined;
}

function TypedArrayIncludes(searchElement, fromIndex) {
  const O = this;
  const len = validateTypedArray(O);
  if (len === 0) return false;
  let n = ToIntegerOrInfinity(fromIndex);
  if (n === 1 / 0) return false;
  if (n === -1 / 0) n = 0;
  let k = n >= 0 ? n : (len + n > 0 ? len + n : 0);
  for (; k < len; k++) {
    const e = O[k];
    if (e === searchElement || (e !== e && searchElement !== searchElement)) return true;
  }
  return false;
}

function TypedArrayIndexOf(searchElement, fromIndex) {
  const O = this;
  const len = validateTypedArray(O);
  if (len === 0) return -1;
  let n = ToIntegerOrInfinity(fromIndex);
  if (n === 1 / 0) return -1;
  if (n === -1 / 0) n = 0;
  let k = n >= 0 ? n : (len + n > 0 ? len + n : 0);
  for (; k < len; k++) {
    if (k in O && O[k] === searchElement) return k;
  }
  return -1;
}

function TypedArrayLastIndexOf(searchElement, fromIndex) {
  const O = this;
  const len = validateTypedArray(O);
  if (len === 0) return -1;
  const n = arguments.length > 1 ? ToIntegerOrInfinity(fromIndex) : len - 1;
  if (n === -1 / 0) return -1;
  let k = n >= 0 ? (n < len - 1 ? n : len - 1) : len + n;
  for (; k >= 0; k--) {
    if (k in O && O[k] === searchElement) return k;
  }
  return -1;
}

function TypedArrayJoin(separator) {
  const O = this;
  const len = validateTypedArray(O);
  const sep = separator === undefined ? ',' : ToStringSlow(separator);
  let r = '';
  for (let k = 0; k < len; k++) {
    if (k > 0) r += sep;
    const element = O[k];
    if (element !== undefined) r += ToStringSlow(element);
  }
  return r;
}

function TypedArrayMap(callbackfn, thisArg) {
  const O = this;
  const len = validateTypedArray(O);
  CheckCallback(callbackfn);
  const A = TypedArraySpeciesCreateWithLength(O, len);
  for (let k = 0; k < len; k++) A[k] = callFunction(callbackfn, thisArg, O[k], k, O);
  return A;
}

function TypedArrayReduce(callbackfn, initialValue) {
  const O = this;
  const len = validateTypedArray(O);
  CheckCallback(callbackfn);
  if (len === 0 && arguments.length < 2) throwTypeError('Reduce of empty array with no initial value');
  let k = 0;
  let accumulator = arguments.length >= 2 ? initialValue : O[k++];
  for (; k < len; k++) accumulator = callFunction(callbackfn, undefined, accumulator, O[k], k, O);
  return accumulator;
}

function TypedArrayReduceRight(callbackfn, initialValue) {
  const O = this;
  const len = validateTypedArray(O);
  CheckCallback(callbackfn);
  if (len === 0 && arguments.length < 2) throwTypeError('Reduce of empty array with no initial value');
  let k = len - 1;
  let accumulator = arguments.length >= 2 ? initialValue : O[k--];
  for (; k >= 0; k--) accumulator = callFunction(callbackfn, undefined, accumulator, O[k], k, O);
  return accumulator;
}

function TypedArrayReverse() {
  const O = this;
  const len = validateTypedArray(O);
  RequireWritableTypedArray(O);
  for (let lower = 0, upper = len - 1; lower < upper; lower++, upper--) {
    const lowerValue = O[lower];
    O[lower] = O[upper];
    O[upper] = lowerValue;
  }
  return O;
}

// 23.2.3.26 %TypedArray%.prototype.set ( source [ , offset ] )
function TypedArraySet(source, offset) {
  const target = ThisTypedArray(this);
  RequireWritableTypedArray(target);
  const targetOffset = ToIntegerOrInfinity(offset);
  if (targetOffset < 0) throwRangeError('offset is out of bounds');
  if (typedArrayInfo(target, 3)) throwTypeError('typed array is detached or out of bounds');
  const targetLength = typedArrayLength(target);
  if (isTypedArray(source)) {
    // 23.2.3.26.1 SetTypedArrayFromTypedArray
    const srcLength = validateTypedArray(source);
    if (IsBigIntElementKind(typedArrayKind(target)) !== IsBigIntElementKind(typedArrayKind(source))) {
      throwTypeError('Content types of the source and the target differ');
    }
    if (targetOffset === 1 / 0 || srcLength + targetOffset > targetLength) throwRangeError('offset is out of bounds');
    typedArrayCopy(target, targetOffset, source, 0, srcLength);
    return undefined;
  }
  // 23.2.3.26.2 SetTypedArrayFromArrayLike
  const src = toObject(source);
  const srcLength = ToLength(src.length);
  if (targetOffset === 1 / 0 || srcLength + targetOffset > targetLength) throwRangeError('offset is out of bounds');
  for (let k = 0; k < srcLength; k++) target[targetOffset + k] = src[k];
  return undefined;
}

function TypedArraySlice(start, end) {
  const O = this;
  let len = validateTypedArray(O);
  const startIndex = RelativeBound(start, len, 0);
  let endIndex = RelativeBound(end, len, len);
  let count = endIndex - startIndex > 0 ? endIndex - startIndex : 0;
  const A = TypedArraySpeciesCreateWithLength(O, count);
  if (count > 0) {
    len = validateTypedArray(O);
    if (endIndex > len) endIndex = len;
    count = endIndex - startIndex > 0 ? endIndex - startIndex : 0;
    if (typedArrayKind(A) === typedArrayKind(O)) {
      typedArrayCopy(A, 0, O, startIndex, count);
    } else {
      for (let n = 0, k = startIndex; k < endIndex; k++, n++) A[n] = O[k];
    }
  }
  return A;
}

function MergeSortTyped(items, comparefn) {
  const n = items.length;
  if (n < 2) return items;
  let src = items;
  let dst = newArrayWithLength(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + 2 * width < n ? lo + 2 * width : n;
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        const v = ToNumberSlow(callFunction(comparefn, undefined, src[j], src[i]));
        if (v < 0) dst[k++] = src[j++];
        else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function TypedArraySort(comparefn) {
  if (comparefn !== undefined && !isCallable(comparefn)) throwTypeError('The comparison function must be a function');
  const O = this;
  const len = validateTypedArray(O);
  RequireWritableTypedArray(O);
  if (comparefn === undefined) return typedArraySortDefault(O);
  const items = newArrayWithLength(len);
  for (let k = 0; k < len; k++) items[k] = O[k];
  const sorted = MergeSortTyped(items, comparefn);
  for (let k = 0; k < len; k++) O[k] = sorted[k];
  return O;
}

function TypedArraySubarray(start, end) {
  const O = ThisTypedArray(this);
  const buffer = typedArrayInfo(O, 0);
  const srcLength = typedArrayLength(O);
  const beginIndex = RelativeBound(start, srcLength, 0);
  const kind = typedArrayKind(O);
  const elementSize = TypedArrayElementSize(kind);
  const beginByteOffset = typedArrayInfo(O, 1) + beginIndex * elementSize;
  const C = SpeciesConstructor(O, typedArrayDefaultConstructor(O));
  let result;
  if (typedArrayInfo(O, 2) && end === undefined) {
    result = new C(buffer, beginByteOffset);
  } else {
    const endIndex = RelativeBound(end, srcLength, srcLength);
    const newLength = endIndex - beginIndex > 0 ? endIndex - beginIndex : 0;
    result = new C(buffer, beginByteOffset, newLength);
  }
  validateTypedArray(result);
  if (IsBigIntElementKind(typedArrayKind(result)) !== IsBigIntElementKind(kind)) {
    throwTypeError('TypedArray species constructor returned an array of another content type');
  }
  return result;
}

function TypedArrayToLocaleString() {
  const O = this;
  const len = validateTypedArray(O);
  let r = '';
  for (let k = 0; k < len; k++) {
    if (k > 0) r += ',';
    const element = O[k];
    if (element !== undefined && element !== null) {
      const f = element.toLocaleString;
      r += ToStringSlow(callFunction(f, element));
    }
  }
  return r;
}

function TypedArrayToReversed() {
  const O = this;
  const len = validateTypedArray(O);
  const A = allocateTypedArray(typedArrayKind(O), undefined, len);
  for (let k = 0; k < len; k++) A[k] = O[len - 1 - k];
  return A;
}

function TypedArrayToSorted(comparefn) {
  if (comparefn !== undefined && !isCallable(comparefn)) throwTypeError('The comparison function must be a function');
  const O = this;
  const len = validateTypedArray(O);
  const A = allocateTypedArray(typedArrayKind(O), undefined, len);
  typedArrayCopy(A, 0, O, 0, len);
  if (comparefn === undefined) return typedArraySortDefault(A);
  const items = newArrayWithLength(len);
  for (let k = 0; k < len; k++) items[k] = A[k];
  const sorted = MergeSortTyped(items, comparefn);
  for (let k = 0; k < len; k++) A[k] = sorted[k];
  return A;
}

function TypedArrayWith(index, value) {
  const O = this;
  const len = validateTypedArray(O);
  const relativeIndex = ToIntegerOrInfinity(index);
  const actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
  const numericValue = ConvertForTypedArray(O, value);
  if (!(actualIndex >= 0 && actualIndex < typedArrayLength(O))) throwRangeError('Invalid typed array index');
  const A = allocateTypedArray(typedArrayKind(O), undefined, len);
  for (let k = 0; k < len; k++) A[k] = k === actualIndex ? numericValue : O[k];
  return A;
}

// ---- ArrayBuffer ----

function GetArrayBufferMaxByteLengthOption(options) {
  if (!isObject(options)) return undefined;
  const maxByteLength = options.maxByteLength;
  if (maxByteLength === undefined) return undefined;
  return ToIndex(maxByteLength);
}

// 25.1.4.1 ArrayBuffer ( length [ , options ] )
function ArrayBufferConstruct(length, options, unused, newTarget) {
  if (newTarget === undefined) throwTypeError("Constructor ArrayBuffer requires 'new'");
  const byteLength = ToIndex(length);
  const requestedMaxByteLength = GetArrayBufferMaxByteLengthOption(options);
  return allocateArrayBuffer(newTarget, byteLength, requestedMaxByteLength, false);
}

function ThisArrayBuffer(O, shared, name) {
  const kind = arrayBufferInfo(O, 2);
  if (kind === -1 || kind !== shared) {
    throwTypeError((shared ? 'SharedArrayBuffer' : 'ArrayBuffer') + '.prototype.' + name +
                   ' called on incompatible receiver');
  }
  return O;
}

function ArrayBufferIsView(arg) {
  return isObject(arg) && (isTypedArray(arg) || dataViewInfo(arg, 3) !== -1);
}

function ArrayBufferByteLength() {
  return arrayBufferInfo(ThisArrayBuffer(this, false, 'byteLength'), 0);
}

function ArrayBufferMaxByteLength() {
  const O = ThisArrayBuffer(this, false, 'maxByteLength');
  if (arrayBufferInfo(O, 1)) return 0;
  return arrayBufferInfo(O, 3) ? arrayBufferInfo(O, 4) : arrayBufferInfo(O, 0);
}

function ArrayBufferResizable() {
  return arrayBufferInfo(ThisArrayBuffer(this, false, 'resizable'), 3);
}

// ArrayBuffer.prototype.immutable (immutable ArrayBuffers)
function ArrayBufferImmutable() {
  return arrayBufferInfo(ThisArrayBuffer(this, false, 'immutable'), 5);
}

// ArrayBuffer.prototype.sliceToImmutable ( start, end )
function ArrayBufferSliceToImmutable(start, end) {
  const O = ThisArrayBuffer(this, false, 'sliceToImmutable');
  if (arrayBufferInfo(O, 1)) throwTypeError('ArrayBuffer is detached');
  const len = arrayBufferInfo(O, 0);
  const first = RelativeBound(start, len, 0);
  const final = RelativeBound(end, len, len);
  const newLen = final - first > 0 ? final - first : 0;
  if (arrayBufferInfo(O, 1)) throwTypeError('ArrayBuffer is detached');
  if (arrayBufferInfo(O, 0) < final) throwRangeError('ArrayBuffer shrank below the end of the slice');
  const newBuffer = allocateArrayBuffer(undefined, newLen, undefined, false);
  arrayBufferCopy(newBuffer, 0, O, first, newLen);
  arrayBufferSetImmutable(newBuffer);
  return newBuffer;
}

// ArrayBuffer.prototype.transferToImmutable ( [ newLength ] )
function ArrayBufferTransferToImmutable(newLength) {
  return ArrayBufferCopyAndDetach(this, newLength, 'immutable', 'transferToImmutable');
}

function ArrayBufferDetached() {
  return arrayBufferInfo(ThisArrayBuffer(this, false, 'detached'), 1);
}

// 25.1.6.7 ArrayBuffer.prototype.slice ( start, end ) and 25.2.5.6 for shared buffers.
function BufferSlice(O, start, end, shared) {
  ThisArrayBuffer(O, shared, 'slice');
  if (arrayBufferInfo(O, 1)) throwTypeError('ArrayBuffer is detached');
  const len = arrayBufferInfo(O, 0);
  const first = RelativeBound(start, len, 0);
  const final = RelativeBound(end, len, len);
  const newLen = final - first > 0 ? final - first : 0;
  const ctor = SpeciesConstructor(O, shared ? intrinsicBufferConstructor(true) : intrinsicBufferConstructor(false));
  const newObj = new ctor(newLen);
  if (arrayBufferInfo(newObj, 2) !== shared) throwTypeError('Species constructor did not return a buffer of the right kind');
  if (!shared && arrayBufferInfo(newObj, 1)) throwTypeError('Species constructor returned a detached ArrayBuffer');
  if (arrayBufferInfo(newObj, 5)) throwTypeError('Species constructor returned an immutable ArrayBuffer');
  if (newObj === O) throwTypeError('Species constructor returned the same buffer');
  if (arrayBufferInfo(newObj, 0) < newLen) throwTypeError('Species constructor returned a buffer that is too small');
  if (arrayBufferInfo(O, 1)) throwTypeError('ArrayBuffer is detached');
  const currentLen = arrayBufferInfo(O, 0);
  if (first < currentLen) {
    const count = newLen < currentLen - first ? newLen : currentLen - first;
    arrayBufferCopy(newObj, 0, O, first, count);
  }
  return newObj;
}

function ArrayBufferSlice(start, end) { return BufferSlice(this, start, end, false); }
function SharedArrayBufferSlice(start, end) { return BufferSlice(this, start, end, true); }

// 25.1.6.6 ArrayBuffer.prototype.resize ( newLength )
function ArrayBufferResize(newLength) {
  const O = ThisArrayBuffer(this, false, 'resize');
  if (arrayBufferInfo(O, 5)) throwTypeError('an immutable ArrayBuffer cannot be resized');
  if (!arrayBufferInfo(O, 3)) throwTypeError('ArrayBuffer is not resizable');
  const newByteLength = ToIndex(newLength);
  if (arrayBufferInfo(O, 1)) throwTypeError('ArrayBuffer is detached');
  if (newByteLength > arrayBufferInfo(O, 4)) throwRangeError('new length exceeds maxByteLength');
  arrayBufferResize(O, newByteLength);
  return undefined;
}

// 25.1.3.? ArrayBufferCopyAndDetach ( arrayBuffer, newLength, preserveResizability )
function ArrayBufferCopyAndDetach(O, newLength, preserveResizability, name) {
  ThisArrayBuffer(O, false, name);
  const newByteLength = newLength === undefined ? arrayBufferInfo(O, 0) : ToIndex(newLength);
  if (arrayBufferInfo(O, 1)) throwTypeError('ArrayBuffer is detached');
  if (arrayBufferInfo(O, 5)) throwTypeError('an immutable ArrayBuffer cannot be transferred');
  const immutable = preserveResizability === 'immutable';
  const newMaxByteLength = preserveResizability === true && arrayBufferInfo(O, 3) ? arrayBufferInfo(O, 4) : undefined;
  const newBuffer = allocateArrayBuffer(undefined, newByteLength, newMaxByteLength, false);
  const oldLength = arrayBufferInfo(O, 0);
  arrayBufferCopy(newBuffer, 0, O, 0, newByteLength < oldLength ? newByteLength : oldLength);
  if (immutable) arrayBufferSetImmutable(newBuffer);
  arrayBufferDetach(O);
  return newBuffer;
}

function ArrayBufferTransfer(newLength) { return ArrayBufferCopyAndDetach(this, newLength, true, 'transfer'); }
function ArrayBufferTransferToFixed(newLength) {
  return ArrayBufferCopyAndDetach(this, newLength, false, 'transferToFixedLength');
}

// ---- SharedArrayBuffer ----

function SharedArrayBufferConstruct(length, options, unused, newTarget) {
  if (newTarget === undefined) throwTypeError("Constructor SharedArrayBuffer requires 'new'");
  const byteLength = ToIndex(length);
  const requestedMaxByteLength = GetArrayBufferMaxByteLengthOption(options);
  return allocateArrayBuffer(newTarget, byteLength, requestedMaxByteLength, true);
}

function SharedArrayBufferByteLength() {
  return arrayBufferInfo(ThisArrayBuffer(this, true, 'byteLength'), 0);
}

function SharedArrayBufferMaxByteLength() {
  const O = ThisArrayBuffer(this, true, 'maxByteLength');
  return arrayBufferInfo(O, 3) ? arrayBufferInfo(O, 4) : arrayBufferInfo(O, 0);
}

function SharedArrayBufferGrowable() {
  return arrayBufferInfo(ThisArrayBuffer(this, true, 'growable'), 3);
}

function SharedArrayBufferGrow(newLength) {
  const O = ThisArrayBuffer(this, true, 'grow');
  if (!arrayBufferInfo(O, 3)) throwTypeError('SharedArrayBuffer is not growable');
  const newByteLength = ToIndex(newLength);
  const current = arrayBufferInfo(O, 0);
  if (newByteLength < current || newByteLength > arrayBufferInfo(O, 4)) throwRangeError('Invalid length for grow');
  arrayBufferResize(O, newByteLength);
  return undefined;
}

// ---- DataView ----

// 25.3.2.1 DataView ( buffer [ , byteOffset [ , byteLength ] ] )
function DataViewConstruct(buffer, byteOffset, byteLength, newTarget) {
  if (newTarget === undefined) throwTypeError("Constructor DataView requires 'new'");
  if (arrayBufferInfo(buffer, 0) === -1) throwTypeError('First argument to DataView constructor must be an ArrayBuffer');
  const offset = ToIndex(byteOffset);
  if (arrayBufferInfo(buffer, 1)) throwTypeError('ArrayBuffer is detached');
  const bufferByteLength = arrayBufferInfo(buffer, 0);
  if (offset > bufferByteLength) throwRangeError('Start offset is outside the bounds of the buffer');
  let viewByteLength;
  if (byteLength !== undefined) {
    viewByteLength = ToIndex(byteLength);
    if (offset + viewByteLength > bufferByteLength) throwRangeError('Invalid DataView length');
  }
  return newDataView(newTarget, buffer, offset, viewByteLength);
}

function ThisDataView(O, name) {
  if (dataViewInfo(O, 3) === -1) throwTypeError('DataView.prototype.' + name + ' called on incompatible receiver');
  return O;
}

function DataViewBuffer() {
  return dataViewInfo(ThisDataView(this, 'buffer'), 0);
}

function DataViewByteLength() {
  const O = ThisDataView(this, 'byteLength');
  if (dataViewInfo(O, 3)) throwTypeError('DataView is detached or out of bounds');
  return dataViewInfo(O, 1);
}

function DataViewByteOffset() {
  const O = ThisDataView(this, 'byteOffset');
  if (dataViewInfo(O, 3)) throwTypeError('DataView is detached or out of bounds');
  return dataViewInfo(O, 2);
}

// 25.3.1.5 GetViewValue ( view, requestIndex, isLittleEndian, type )
function DataViewGetter(kind, requestIndex, littleEndian) {
  const view = ThisDataView(this, 'get' + ElementKindName(kind));
  const getIndex = ToIndex(requestIndex);
  return dataViewGet(view, getIndex, kind, !!littleEndian);
}

// 25.3.1.6 SetViewValue ( view, requestIndex, isLittleEndian, type, value )
function DataViewSetter(kind, requestIndex, value, littleEndian) {
  const view = ThisDataView(this, 'set' + ElementKindName(kind));
  if (arrayBufferInfo(dataViewInfo(view, 0), 5)) throwTypeError('the DataView is backed by an immutable ArrayBuffer');
  const getIndex = ToIndex(requestIndex);
  const numberValue = ConvertForTypedArray(kind, value);
  dataViewSet(view, getIndex, kind, numberValue, !!littleEndian);
  return undefined;
}

// ---- Atomics (25.4), single agent ----

// 25.4.3.1 ValidateIntegerTypedArray ( typedArray, waitable )
function ValidateIntegerTypedArray(typedArray, waitable) {
  validateTypedArray(typedArray);
  const kind = typedArrayKind(typedArray);
  if (waitable) {
    if (kind !== 5 && kind !== 10) throwTypeError('Atomics.wait and notify need an Int32Array or a BigInt64Array');
  } else if (kind === 2 || (kind >= 7 && kind <= 9)) {
    throwTypeError('Atomics operations need an integer typed array');
  }
  return kind;
}

// 25.4.3.2 ValidateAtomicAccess ( taRecord, requestIndex )
function ValidateAtomicAccess(typedArray, requestIndex) {
  const length = typedArrayLength(typedArray);
  const accessIndex = ToIndex(requestIndex);
  if (accessIndex >= length) throwRangeError('Atomics access index out of range');
  return accessIndex;
}

// 25.4.3.? RevalidateAtomicAccess: the conversions may have detached or
// shrunk the buffer.
function RevalidateAtomicAccess(typedArray, index) {
  if (typedArrayInfo(typedArray, 3)) throwTypeError('typed array is detached or out of bounds');
  if (index >= typedArrayLength(typedArray)) throwRangeError('Atomics access index out of range');
}

function AtomicsValue(kind, value) {
  if (IsBigIntElementKind(kind)) return ConvertForTypedArray(kind, value);
  return ToIntegerOrInfinity(value);
}

// 25.4.3.17 AtomicReadModifyWrite ( typedArray, index, value, op )
function AtomicReadModifyWrite(typedArray, index, value, op) {
  const kind = ValidateIntegerTypedArray(typedArray, false);
  RequireWritableTypedArray(typedArray);
  const i = ValidateAtomicAccess(typedArray, index);
  const v = AtomicsValue(kind, value);
  RevalidateAtomicAccess(typedArray, i);
  return atomicsOp(typedArray, i, op, v);
}

function AtomicsAdd(typedArray, index, value) { return AtomicReadModifyWrite(typedArray, index, value, 0); }
function AtomicsAnd(typedArray, index, value) { return AtomicReadModifyWrite(typedArray, index, value, 1); }
function AtomicsExchange(typedArray, index, value) { return AtomicReadModifyWrite(typedArray, index, value, 2); }
function AtomicsOr(typedArray, index, value) { return AtomicReadModifyWrite(typedArray, index, value, 3); }
function AtomicsSub(typedArray, index, value) { return AtomicReadModifyWrite(typedArray, index, value, 4); }
function AtomicsXor(typedArray, index, value) { return AtomicReadModifyWrite(typedArray, index, value, 5); }

// 25.4.6 Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue )
function AtomicsCompareExchange(typedArray, index, expectedValue, replacementValue) {
  const kind = ValidateIntegerTypedArray(typedArray, false);
  RequireWritableTypedArray(typedArray);
  const i = ValidateAtomicAccess(typedArray, index);
  const expected = AtomicsValue(kind, expectedValue);
  const replacement = AtomicsValue(kind, replacementValue);
  RevalidateAtomicAccess(typedArray, i);
  return atomicsOp(typedArray, i, 6, expected, replacement);
}

// 25.4.9 Atomics.load ( typedArray, index )
function AtomicsLoad(typedArray, index) {
  ValidateIntegerTypedArray(typedArray, false);
  const i = ValidateAtomicAccess(typedArray, index);
  RevalidateAtomicAccess(typedArray, i);
  return atomicsOp(typedArray, i, 7);
}

// 25.4.12 Atomics.store ( typedArray, index, value )
function AtomicsStore(typedArray, index, value) {
  const kind = ValidateIntegerTypedArray(typedArray, false);
  RequireWritableTypedArray(typedArray);
  const i = ValidateAtomicAccess(typedArray, index);
  let v = AtomicsValue(kind, value);
  if (v === 0) v = 0;  // -0 stores and returns +0
  RevalidateAtomicAccess(typedArray, i);
  atomicsOp(typedArray, i, 8, v);
  return v;
}

// 25.4.8 Atomics.isLockFree ( size )
function AtomicsIsLockFree(size) {
  const n = ToIntegerOrInfinity(size);
  return n === 1 || n === 2 || n === 4 || n === 8;
}

// 25.4.11 Atomics.notify ( typedArray, index, count ): wakes up to count
// waiters of the location, in this agent and in every agent sharing the
// memory (a waitAsync promise of this agent resolves to "ok" in a job).
function AtomicsNotify(typedArray, index, count) {
  ValidateIntegerTypedArray(typedArray, true);
  const i = ValidateAtomicAccess(typedArray, index);
  let c = 1 / 0;
  if (count !== undefined) {
    const intCount = ToIntegerOrInfinity(count);
    c = intCount > 0 ? intCount : 0;
  }
  if (!arrayBufferInfo(typedArrayInfo(typedArray, 0), 2)) return 0;
  return atomicsNotify(typedArray, i, c);
}

// 25.4.3.14 DoWait ( mode, typedArray, index, value, timeout ) steps 1-11:
// the validated index and the converted value and timeout.
function DoWaitArguments(typedArray, index, value, timeout) {
  const kind = ValidateIntegerTypedArray(typedArray, true);
  if (!arrayBufferInfo(typedArrayInfo(typedArray, 0), 2)) throwTypeError('Atomics.wait needs a shared typed array');
  const i = ValidateAtomicAccess(typedArray, index);
  const v = kind === 10 ? ConvertForTypedArray(kind, value) : ConvertForTypedArray(5, value);
  const q = ToNumberSlow(timeout);
  const t = q !== q ? 1 / 0 : q < 0 ? 0 : q;
  return [i, v, t];
}

// 25.4.15 Atomics.waitAsync ( typedArray, index, value, timeout ): DoWait in
// async mode. The promise resolves to "ok" when Atomics.notify (from any
// agent) wakes the waiter, or to "timed-out" when the timeout passes (the
// task that waits keeps running until then: Task::host_waits).
function AtomicsWaitAsync(typedArray, index, value, timeout) {
  const args = DoWaitArguments(typedArray, index, value, timeout);
  const result = newObject();
  const r = atomicsWait(typedArray, args[0], args[1], args[2], true);
  if (typeof r === 'string') {
    createDataProperty(result, 'async', false);
    createDataProperty(result, 'value', r);
    return result;
  }
  createDataProperty(result, 'async', true);
  createDataProperty(result, 'value', r);
  return result;
}

// 25.4.13 Atomics.wait ( typedArray, index, value, timeout ): DoWait in sync
// mode: blocks the agent's thread (a TypeError where [[CanBlock]] is false,
// which is the default for embedders' runtimes).
function AtomicsWait(typedArray, index, value, timeout) {
  const args = DoWaitArguments(typedArray, index, value, timeout);
  return atomicsWait(typedArray, args[0], args[1], args[2], false);
}

// Atomics.pause ( [ N ] )
function AtomicsPause(N) {
  if (N !== undefined) {
    if (typeof N !== 'number' || N !== N || N === 1 / 0 || N === -1 / 0 || mathFloor(N) !== N) {
      throwTypeError('Atomics.pause argument must be an integral Number');
    }
  }
  return undefined;
}

// ---- Uint8Array base64 and hex ----

function ValidateUint8Array(ta) {
  if (typedArrayKind(ta) !== 1) throwTypeError('this is not a Uint8Array');
  return ta;
}

function GetOptionsObject(options) {
  if (options === undefined) return newRecord();
  if (isObject(options)) return options;
  throwTypeError('options must be an object');
}

// The alphabet option: true for base64url.
function GetBase64Alphabet(opts) {
  const alphabet = opts.alphabet;
  if (alphabet === undefined || alphabet === 'base64') return false;
  if (alphabet === 'base64url') return true;
  throwTypeError('alphabet must be "base64" or "base64url"');
}

// The lastChunkHandling option: 0 loose, 1 strict, 2 stop-before-partial.
function GetLastChunkHandling(opts) {
  const v = opts.lastChunkHandling;
  if (v === undefined || v === 'loose') return 0;
  if (v === 'strict') return 1;
  if (v === 'stop-before-partial') return 2;
  throwTypeError('lastChunkHandling must be "loose", "strict" or "stop-before-partial"');
}

function Uint8ArrayFromBase64(string, options) {
  if (typeof string !== 'string') throwTypeError('Uint8Array.fromBase64 requires a string');
  const opts = GetOptionsObject(options);
  const url = GetBase64Alphabet(opts);
  const mode = GetLastChunkHandling(opts);
  return uint8FromEncoded(string, false, url, mode);
}

function Uint8ArrayFromHex(string) {
  if (typeof string !== 'string') throwTypeError('Uint8Array.fromHex requires a string');
  return uint8FromEncoded(string, true, false, 0);
}

function Uint8ArraySetFromBase64(string, options) {
  const into = ValidateUint8Array(this);
  RequireWritableTypedArray(into);
  if (typeof string !== 'string') throwTypeError('setFromBase64 requires a string');
  const opts = GetOptionsObject(options);
  const url = GetBase64Alphabet(opts);
  const mode = GetLastChunkHandling(opts);
  return uint8SetFromEncoded(into, string, false, url, mode);
}

function Uint8ArraySetFromHex(string) {
  const into = ValidateUint8Array(this);
  RequireWritableTypedArray(into);
  if (typeof string !== 'string') throwTypeError('setFromHex requires a string');
  return uint8SetFromEncoded(into, string, true, false, 0);
}

function Uint8ArrayToBase64(options) {
  const O = ValidateUint8Array(this);
  const opts = GetOptionsObject(options);
  const url = GetBase64Alphabet(opts);
  const omitPadding = !!opts.omitPadding;
  return uint8Encode(O, false, url, omitPadding);
}

function Uint8ArrayToHex() {
  const O = ValidateUint8Array(this);
  return uint8Encode(O, true, false, false);
}
