// Part of Ratchet's self-hosted library (see core.js): builtins that call back into JavaScript.

// ---- Builtins that call back into JavaScript -----------------------------------

function ToIntegerOrInfinity(v) {
  const n = ToNumberSlow(v);
  if (n !== n || n === 0) return 0;
  if (n === 1 / 0 || n === -1 / 0) return n;
  const t = n < 0 ? -mathFloor(-n) : mathFloor(n);
  return t === 0 ? 0 : t;
}

function ToLength(v) {
  const len = ToIntegerOrInfinity(v);
  if (len <= 0) return 0;
  return len < 9007199254740991 ? len : 9007199254740991;
}

function RelativeIndex(v, len, dflt) {
  if (v === undefined) return dflt;
  const rel = ToIntegerOrInfinity(v);
  if (rel < 0) return len + rel < 0 ? 0 : len + rel;
  return rel < len ? rel : len;
}

// 23.1.3.18 Array.prototype.join ( separator )
function ArrayJoin(separator) {
  const O = toObject(this);
  const len = ToLength(O.length);
  const sep = separator === undefined ? ',' : ToStringSlow(separator);
  let r = '';
  for (let k = 0; k < len; k++) {
    if (k > 0) r += sep;
    const element = O[k];
    if (element !== undefined && element !== null) r += ToStringSlow(element);
  }
  return r;
}

// 23.1.3.36 Array.prototype.toString ( )
function ArrayToString() {
  const array = toObject(this);
  const func = array.join;
  if (!isCallable(func)) return objectToString(array);
  return callFunction(func, array);
}

function CheckCallback(fn) {
  if (!isCallable(fn)) throwTypeError(ToStringSlowSafe(fn) + ' is not a function');
}

function ToStringSlowSafe(v) {
  if (typeof v === 'string') return JsonQuote(v);
  if (isObject(v)) return typeof v === 'function' ? 'function' : 'object';
  if (typeof v === 'symbol') return 'Symbol()';
  return '' + v;
}

function JsonQuote(s) {
  return '"' + s + '"';
}

// 23.1.3.15 Array.prototype.forEach ( callbackfn [ , thisArg ] )
function ArrayForEach(callbackfn, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(callbackfn);
  for (let k = 0; k < len; k++) {
    if (k in O) callFunction(callbackfn, thisArg, O[k], k, O);
  }
}

// 23.1.3.21 Array.prototype.map ( callbackfn [ , thisArg ] )
function ArrayMap(callbackfn, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(callbackfn);
  const A = ArraySpeciesCreate(O, len);
  for (let k = 0; k < len; k++) {
    if (k in O) createDataProperty(A, k, callFunction(callbackfn, thisArg, O[k], k, O));
  }
  return A;
}

// 23.1.3.8 Array.prototype.filter ( callbackfn [ , thisArg ] )
function ArrayFilter(callbackfn, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(callbackfn);
  const A = ArraySpeciesCreate(O, 0);
  let to = 0;
  for (let k = 0; k < len; k++) {
    if (k in O) {
      const v = O[k];
      if (callFunction(callbackfn, thisArg, v, k, O)) createDataProperty(A, to++, v);
    }
  }
  return A;
}

function ArraySome(callbackfn, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(callbackfn);
  for (let k = 0; k < len; k++) {
    if (k in O && callFunction(callbackfn, thisArg, O[k], k, O)) return true;
  }
  return false;
}

function ArrayEvery(callbackfn, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(callbackfn);
  for (let k = 0; k < len; k++) {
    if (k in O && !callFunction(callbackfn, thisArg, O[k], k, O)) return false;
  }
  return true;
}

function ArrayReduce(callbackfn, initialValue) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(callbackfn);
  let k = 0;
  let acc;
  if (arguments.length >= 2) {
    acc = initialValue;
  } else {
    let found = false;
    while (k < len && !found) {
      if (k in O) {
        acc = O[k];
        found = true;
      }
      k++;
    }
    if (!found) throwTypeError('Reduce of empty array with no initial value');
  }
  for (; k < len; k++) {
    if (k in O) acc = callFunction(callbackfn, undefined, acc, O[k], k, O);
  }
  return acc;
}

function ArrayFind(predicate, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(predicate);
  for (let k = 0; k < len; k++) {
    const v = O[k];
    if (callFunction(predicate, thisArg, v, k, O)) return v;
  }
  return undefined;
}

function ArrayFindIndex(predicate, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(predicate);
  for (let k = 0; k < len; k++) {
    if (callFunction(predicate, thisArg, O[k], k, O)) return k;
  }
  return -1;
}

function ArrayIndexOf(searchElement, fromIndex) {
  const O = toObject(this);
  const len = ToLength(O.length);
  if (len === 0) return -1;
  for (let k = RelativeIndex(fromIndex, len, 0); k < len; k++) {
    if (k in O && O[k] === searchElement) return k;
  }
  return -1;
}

function ArrayIncludes(searchElement, fromIndex) {
  const O = toObject(this);
  const len = ToLength(O.length);
  for (let k = RelativeIndex(fromIndex, len, 0); k < len; k++) {
    const v = O[k];
    if (v === searchElement || (v !== v && searchElement !== searchElement)) return true;
  }
  return false;
}

function ArraySlice(start, end) {
  const O = toObject(this);
  const len = ToLength(O.length);
  let k = RelativeIndex(start, len, 0);
  const final = RelativeIndex(end, len, len);
  const A = ArraySpeciesCreate(O, k < final ? final - k : 0);
  let n = 0;
  for (; k < final; k++, n++) {
    if (k in O) createDataProperty(A, n, O[k]);
  }
  A.length = n;
  return A;
}

// 23.1.3.2 Array.prototype.concat ( ...items )
function ArrayConcat() {
  const O = toObject(this);
  const A = ArraySpeciesCreate(O, 0);
  let n = 0;
  for (let i = -1; i < arguments.length; i++) {
    const E = i < 0 ? O : arguments[i];
    if (IsConcatSpreadable(E)) {
      const len = ToLength(E.length);
      if (n + len > 9007199254740991) throwTypeError('Array.prototype.concat result would be too long');
      for (let k = 0; k < len; k++, n++) {
        if (k in E) createDataProperty(A, n, E[k]);
      }
    } else {
      if (n >= 9007199254740991) throwTypeError('Array.prototype.concat result would be too long');
      createDataProperty(A, n, E);
      n++;
    }
  }
  A.length = n;
  return A;
}

// 23.1.3.2.1 IsConcatSpreadable ( O )
function IsConcatSpreadable(O) {
  if (!isObject(O)) return false;
  const spreadable = O[symIsConcatSpreadable];
  if (spreadable !== undefined) return !!spreadable;
  return isArray(O);
}

// 23.1.2.3 Array.of ( ...items ) when this is not %Array% (the native handles that).
function ArrayOf() {
  const len = arguments.length;
  const C = this;
  const A = isConstructor(C) ? new C(len) : newArrayWithLength(len);
  for (let k = 0; k < len; k++) createDataProperty(A, k, arguments[k]);
  A.length = len;
  return A;
}

// 23.1.3.32 Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
function ArrayToLocaleString() {
  const array = toObject(this);
  const len = ToLength(array.length);
  let R = '';
  for (let k = 0; k < len; k++) {
    if (k > 0) R += ',';
    const nextElement = array[k];
    if (nextElement !== undefined && nextElement !== null) {
      const method = nextElement.toLocaleString;
      if (!isCallable(method)) throwTypeError('toLocaleString is not a function');
      R += ToStringSlow(callFunction(method, nextElement));
    }
  }
  return R;
}

// 10.4.2.3 ArraySpeciesCreate ( originalArray, length )
function ArraySpeciesCreate(original, length) {
  if (!isArray(original)) return newArrayWithLength(length);
  let C = original.constructor;
  if (isForeignArrayConstructor(C)) C = undefined;
  if (isObject(C)) {
    C = C[symSpecies];
    if (C === null) C = undefined;
  }
  if (C === undefined) return newArrayWithLength(length);
  if (!isConstructor(C)) throwTypeError('object.constructor[Symbol.species] is not a constructor');
  return new C(length);
}

// 23.1.3.25 Array.prototype.reduceRight ( callbackfn [ , initialValue ] )
function ArrayReduceRight(callbackfn, initialValue) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(callbackfn);
  let k = len - 1;
  let acc;
  if (arguments.length >= 2) {
    acc = initialValue;
  } else {
    let found = false;
    while (k >= 0 && !found) {
      if (k in O) {
        acc = O[k];
        found = true;
      }
      k--;
    }
    if (!found) throwTypeError('Reduce of empty array with no initial value');
  }
  for (; k >= 0; k--) {
    if (k in O) acc = callFunction(callbackfn, undefined, acc, O[k], k, O);
  }
  return acc;
}

// 23.1.3.20 Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] )
function ArrayLastIndexOf(searchElement, fromIndex) {
  const O = toObject(this);
  const len = ToLength(O.length);
  if (len === 0) return -1;
  const n = arguments.length > 1 ? ToIntegerOrInfinity(fromIndex) : len - 1;
  if (n === -1 / 0) return -1;
  let k = n >= 0 ? (n < len - 1 ? n : len - 1) : len + n;
  for (; k >= 0; k--) {
    if (k in O && O[k] === searchElement) return k;
  }
  return -1;
}

// 23.1.3.12 / 23.1.3.13 Array.prototype.findLast / findLastIndex
function ArrayFindLast(predicate, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(predicate);
  for (let k = len - 1; k >= 0; k--) {
    const v = O[k];
    if (callFunction(predicate, thisArg, v, k, O)) return v;
  }
  return undefined;
}

function ArrayFindLastIndex(predicate, thisArg) {
  const O = toObject(this);
  const len = ToLength(O.length);
  CheckCallback(predicate);
  for (let k = len - 1; k >= 0; k--) {
    if (callFunction(predicate, thisArg, O[k], k, O)) return k;
  }
  return -1;
}

// 23.1.3.1 Array.prototype.at ( index )
function ArrayAt(index) {
  const O = toObject(this);
  const len = ToLength(O.length);
  const rel = ToIntegerOrInfinity(index);
  const k = rel >= 0 ? rel : len + rel;
  if (k < 0 || k >= len) return undefined;
  return O[k];
}

// Clamps deleteCount/skipCount of splice and toSpliced (steps 8-10).
function SpliceCount(argc, count, len, actualStart) {
  if (argc === 0) return 0;
  if (argc === 1) return len - actualStart;
  const dc = ToIntegerOrInfinity(count);
  if (dc < 0) return 0;
  return dc > len - actualStart ? len - actualStart : dc;
}

// 23.1.3.31 Array.prototype.splice ( start, deleteCount, ...items )
function ArraySplice(start, deleteCount) {
  const O = toObject(this);
  const len = ToLength(O.length);
  const actualStart = RelativeIndex(start, len, 0);
  const itemCount = arguments.length > 2 ? arguments.length - 2 : 0;
  const dc = SpliceCount(arguments.length, deleteCount, len, actualStart);
  if (len + itemCount - dc > 9007199254740991) throwTypeError('Invalid array length');
  const A = ArraySpeciesCreate(O, dc);
  for (let k = 0; k < dc; k++) {
    const from = actualStart + k;
    if (from in O) createDataProperty(A, k, O[from]);
  }
  A.length = dc;
  if (itemCount < dc) {
    for (let k = actualStart; k < len - dc; k++) {
      const from = k + dc;
      const to = k + itemCount;
      if (from in O) {
        O[to] = O[from];
      } else {
        delete O[to];
      }
    }
    for (let k = len; k > len - dc + itemCount; k--) delete O[k - 1];
  } else if (itemCount > dc) {
    for (let k = len - dc; k > actualStart; k--) {
      const from = k + dc - 1;
      const to = k + itemCount - 1;
      if (from in O) {
        O[to] = O[from];
      } else {
        delete O[to];
      }
    }
  }
  for (let i = 0; i < itemCount; i++) O[actualStart + i] = arguments[i + 2];
  O.length = len - dc + itemCount;
  return A;
}

// 23.1.3.4 Array.prototype.copyWithin ( target, start [ , end ] )
function ArrayCopyWithin(target, start, end) {
  const O = toObject(this);
  const len = ToLength(O.length);
  let to = RelativeIndex(target, len, 0);
  let from = RelativeIndex(start, len, 0);
  const final = RelativeIndex(end, len, len);
  let count = final - from;
  if (len - to < count) count = len - to;
  let dir = 1;
  if (from < to && to < from + count) {
    dir = -1;
    from = from + count - 1;
    to = to + count - 1;
  }
  for (; count > 0; count--) {
    if (from in O) {
      O[to] = O[from];
    } else {
      delete O[to];
    }
    from += dir;
    to += dir;
  }
  return O;
}

// 23.1.3.13.1 FlattenIntoArray
function FlattenIntoArray(target, source, sourceLen, start, depth, mapper, thisArg) {
  let targetIndex = start;
  for (let sourceIndex = 0; sourceIndex < sourceLen; sourceIndex++) {
    if (!(sourceIndex in source)) continue;
    let element = source[sourceIndex];
    if (mapper !== undefined) element = callFunction(mapper, thisArg, element, sourceIndex, source);
    if (depth > 0 && isArray(element)) {
      targetIndex = FlattenIntoArray(target, element, ToLength(element.length), targetIndex, depth - 1);
    } else {
      if (targetIndex >= 9007199254740991) throwTypeError('Invalid array length');
      createDataProperty(target, targetIndex, element);
      targetIndex++;
    }
  }
  return targetIndex;
}

// 23.1.3.13 Array.prototype.flat ( [ depth ] )
function ArrayFlat(depth) {
  const O = toObject(this);
  const sourceLen = ToLength(O.length);
  let d = 1;
  if (depth !== undefined) {
    d = ToIntegerOrInfinity(depth);
    if (d < 0) d = 0;
  }
  const A = ArraySpeciesCreate(O, 0);
  FlattenIntoArray(A, O, sourceLen, 0, d);
  return A;
}

// 23.1.3.14 Array.prototype.flatMap ( mapperFunction [ , thisArg ] )
function ArrayFlatMap(mapperFunction, thisArg) {
  const O = toObject(this);
  const sourceLen = ToLength(O.length);
  CheckCallback(mapperFunction);
  const A = ArraySpeciesCreate(O, 0);
  FlattenIntoArray(A, O, sourceLen, 0, 1, mapperFunction, thisArg);
  return A;
}

// 23.1.3.33 Array.prototype.toReversed ( )
function ArrayToReversed() {
  const O = toObject(this);
  const len = ToLength(O.length);
  const A = newArrayWithLength(len);
  for (let k = 0; k < len; k++) createDataProperty(A, k, O[len - 1 - k]);
  return A;
}

// 23.1.3.34 Array.prototype.toSorted ( comparefn )
function ArrayToSorted(comparefn) {
  if (comparefn !== undefined && !isCallable(comparefn)) {
    throwTypeError('The comparison function must be either a function or undefined');
  }
  const O = toObject(this);
  const len = ToLength(O.length);
  const A = newArrayWithLength(len);
  for (let k = 0; k < len; k++) createDataProperty(A, k, O[k]);
  callFunction(ArraySort, A, comparefn);
  return A;
}

// 23.1.3.35 Array.prototype.toSpliced ( start, skipCount, ...items )
function ArrayToSpliced(start, skipCount) {
  const O = toObject(this);
  const len = ToLength(O.length);
  const actualStart = RelativeIndex(start, len, 0);
  const insertCount = arguments.length > 2 ? arguments.length - 2 : 0;
  const skip = SpliceCount(arguments.length, skipCount, len, actualStart);
  const newLen = len + insertCount - skip;
  if (newLen > 9007199254740991) throwTypeError('Invalid array length');
  const A = newArrayWithLength(newLen);
  let i = 0;
  let r = actualStart + skip;
  for (; i < actualStart; i++) createDataProperty(A, i, O[i]);
  for (let j = 0; j < insertCount; j++) createDataProperty(A, i++, arguments[j + 2]);
  for (; i < newLen; i++, r++) createDataProperty(A, i, O[r]);
  return A;
}

// 23.1.3.39 Array.prototype.with ( index, value )
function ArrayWith(index, value) {
  const O = toObject(this);
  const len = ToLength(O.length);
  const rel = ToIntegerOrInfinity(index);
  const actual = rel >= 0 ? rel : len + rel;
  if (actual >= len || actual < 0) throwRangeError('Invalid index : ' + rel);
  const A = newArrayWithLength(len);
  for (let k = 0; k < len; k++) createDataProperty(A, k, k === actual ? value : O[k]);
  return A;
}

// IteratorClose for a throw completion: errors from return() are dropped.
function IteratorCloseQuietly(iterator) {
  try {
    const ret = iterator.return;
    if (ret !== undefined && ret !== null) callFunction(ret, iterator);
  } catch (e) {
    // the original throw completion wins
  }
}

// 23.1.2.1 Array.from ( items [ , mapper [ , thisArg ] ] )
function ArrayFrom(items, mapper, thisArg) {
  const C = this;
  const mapping = mapper !== undefined;
  if (mapping && !isCallable(mapper)) throwTypeError('Array.from: the mapper is not a function');
  const usingIterator = items === undefined || items === null ? undefined : items[symIterator];
  if (usingIterator !== undefined && usingIterator !== null) {
    if (!isCallable(usingIterator)) throwTypeError('Array.from: @@iterator is not a function');
    const A = isConstructor(C) ? new C() : newArray();
    const iterator = callFunction(usingIterator, items);
    if (!isObject(iterator)) throwTypeError('Result of the Symbol.iterator method is not an object');
    const next = iterator.next;
    for (let k = 0; ; k++) {
      const r = callFunction(next, iterator);
      if (!isObject(r)) throwTypeError('Iterator result is not an object');
      if (r.done) {
        A.length = k;
        return A;
      }
      let v = r.value;
      try {
        if (mapping) v = callFunction(mapper, thisArg, v, k);
        createDataProperty(A, k, v);
      } catch (e) {
        IteratorCloseQuietly(iterator);
        throw e;
      }
    }
  }
  const arrayLike = toObject(items);
  const len = ToLength(arrayLike.length);
  const A = isConstructor(C) ? new C(len) : newArrayWithLength(len);
  for (let k = 0; k < len; k++) {
    const v = arrayLike[k];
    createDataProperty(A, k, mapping ? callFunction(mapper, thisArg, v, k) : v);
  }
  A.length = len;
  return A;
}

function SortCompare(comparefn, x, y) {
  if (x === undefined) return y === undefined ? 0 : 1;
  if (y === undefined) return -1;
  if (comparefn !== undefined) {
    const v = ToNumberSlow(callFunction(comparefn, undefined, x, y));
    return v !== v ? 0 : v;
  }
  const xs = ToStringSlow(x);
  const ys = ToStringSlow(y);
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}

// 23.1.3.30 Array.prototype.sort ( comparefn ): a stable merge sort.
function ArraySort(comparefn) {
  if (comparefn !== undefined && !isCallable(comparefn)) {
    throwTypeError('The comparison function must be either a function or undefined');
  }
  const O = toObject(this);
  const len = ToLength(O.length);
  let items = newArray();
  let holes = 0;
  for (let k = 0; k < len; k++) {
    if (k in O) {
      arrayPush(items, O[k]);
    } else {
      holes++;
    }
  }
  const n = items.length;
  let tmp = newArrayWithLength(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + 2 * width < n ? lo + 2 * width : n;
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (SortCompare(comparefn, items[j], items[i]) < 0) {
          tmp[k++] = items[j++];
        } else {
          tmp[k++] = items[i++];
        }
      }
      while (i < mid) tmp[k++] = items[i++];
      while (j < hi) tmp[k++] = items[j++];
    }
    const swap = items;
    items = tmp;
    tmp = swap;
  }
  let k = 0;
  for (; k < n; k++) O[k] = items[k];
  for (; k < n + holes; k++) delete O[k];
  return O;
}

function ArrayValues() {
  return newArrayIterator(toObject(this), 1);
}

function ArrayKeys() {
  return newArrayIterator(toObject(this), 0);
}

function ArrayEntries() {
  return newArrayIterator(toObject(this), 2);
}

function ArrayIteratorNext() {
  const state = arrayIteratorState(this);
  const O = state[0];
  if (O === undefined) return iterResult(undefined, true);
  const index = state[1];
  let len;
  if (isTypedArray(O)) {
    // %ArrayIteratorPrototype%.next: a detached or out-of-bounds view throws.
    if (typedArrayInfo(O, 3)) throwTypeError('typed array is detached or out of bounds');
    len = typedArrayLength(O);
  } else {
    len = ToLength(O.length);
  }
  if (index >= len) {
    state[0] = undefined;
    return iterResult(undefined, true);
  }
  state[1] = index + 1;
  const kind = state[2];
  if (kind === 0) return iterResult(index, false);
  if (kind === 1) return iterResult(O[index], false);
  const pair = newArray();
  arrayPush(pair, index);
  arrayPush(pair, O[index]);
  return iterResult(pair, false);
}

function IteratorPrototypeIterator() {
  return this;
}

function FunctionProtoHasInstance(V) {
  return ordinaryHasInstance(this, V);
}

// 20.2.3.2 Function.prototype.bind steps 4-8 (BoundFunctionCreate's
// [[GetPrototypeOf]] included) for a target whose prototype, "length" or
// "name" may run code: a proxy or accessors. F has neither property yet.
function BoundFunctionFinish(F, Target, argCount) {
  callFunction(reflectOp(1), undefined, F, callFunction(reflectOp(0), undefined, Target));
  let L = 0;
  if (callFunction(reflectOp(4), undefined, Target, 'length') !== undefined) {
    const targetLen = Target.length;
    if (typeof targetLen === 'number') {
      if (targetLen === 1 / 0) {
        L = targetLen;
      } else if (targetLen !== -1 / 0) {
        const n = ToIntegerOrInfinity(targetLen) - argCount;
        L = n > 0 ? n : 0;
      }
    }
  }
  const desc = newRecord();
  desc.value = L;
  desc.writable = false;
  desc.enumerable = false;
  desc.configurable = true;
  callFunction(reflectOp(5), undefined, F, 'length', desc);
  let targetName = Target.name;
  if (typeof targetName !== 'string') targetName = '';
  desc.value = 'bound ' + targetName;
  callFunction(reflectOp(5), undefined, F, 'name', desc);
  return F;
}

function FunctionToStringSlow() {
  return functionToString(this);
}

function StringCtorCall(value) {
  if (arguments.length === 0) return '';
  if (typeof value === 'symbol') return symbolDescriptiveString(value);
  return ToStringSlow(value);
}

function NumberCtorCall(value) {
  if (arguments.length === 0) return 0;
  return ToNumericSlow(value);
}

// Object.prototype.toString when @@toStringTag is a getter.
function ObjectToStringAccessorTag(O, getter, builtinTag) {
  const tag = callFunction(getter, O);
  return '[object ' + (typeof tag === 'string' ? tag : builtinTag) + ']';
}

function ObjectToStringSlow() {
  return objectToString(this);
}

function ErrorToString() {
  const O = this;
  if (!isObject(O)) throwTypeError('Error.prototype.toString called on a non-object');
  let name = O.name;
  name = name === undefined ? 'Error' : ToStringSlow(name);
  let msg = O.message;
  msg = msg === undefined ? '' : ToStringSlow(msg);
  if (name === '') return msg;
  if (msg === '') return name;
  return name + ': ' + msg;
}

// SetterThatIgnoresPrototypeProperties ( thisValue, home, p, V ) steps 3-5
// (the native setter checked steps 1-2).
function SetterIgnoringPrototype(O, p, V) {
  if (callFunction(reflectOp(4), undefined, O, p) === undefined) {
    createDataProperty(O, p, V);
  } else {
    O[p] = V;
  }
}

// 25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] )
function JsonStringify(value, replacer, space) {
  let replacerFunction;
  let propertyList;
  // 4. An array replacer is the list of property names to serialize.
  if (isObject(replacer)) {
    if (isCallable(replacer)) {
      replacerFunction = replacer;
    } else if (isArray(replacer)) {
      propertyList = newArray();
      const len = ToLength(replacer.length);
      for (let k = 0; k < len; k++) {
        const v = replacer['' + k];
        let item;
        if (typeof v === 'string') item = v;
        else if (typeof v === 'number') item = '' + v;
        else if (isObject(v)) {
          const cls = primitiveWrapperKind(v);
          if (cls === 1 || cls === 2) item = ToStringSlow(v);
        }
        if (item !== undefined && !ListIncludes(propertyList, item)) arrayPush(propertyList, item);
      }
    }
  }
  // 5-8. The gap.
  if (isObject(space)) {
    const cls = primitiveWrapperKind(space);
    if (cls === 1) space = ToNumberSlow(space);
    else if (cls === 2) space = ToStringSlow(space);
  }
  let gap = '';
  if (typeof space === 'number') {
    const n = ToIntegerOrInfinity(space);
    gap = '          '.substring(0, n < 1 ? 0 : n > 10 ? 10 : n);
  } else if (typeof space === 'string') {
    gap = space.substring(0, 10);
  }
  const wrapper = {};
  createDataProperty(wrapper, '', value);
  const state = { replacer: replacerFunction, propertyList, gap, stack: newArray() };
  return JsonSerializeProperty(state, '', wrapper, '');
}

function ListIncludes(list, item) {
  for (let i = 0; i < list.length; i++) if (list[i] === item) return true;
  return false;
}

// 25.5.2.2 SerializeJSONProperty ( state, key, holder ); indent is the
// current indentation.
function JsonSerializeProperty(state, key, holder, indent) {
  let value = holder[key];
  if (isObject(value) || typeof value === 'bigint') {
    const toJSON = value.toJSON;
    if (isCallable(toJSON)) value = callFunction(toJSON, value, key);
  }
  if (state.replacer !== undefined) value = callFunction(state.replacer, holder, key, value);
  if (isObject(value)) {
    const cls = primitiveWrapperKind(value);
    if (cls === 4) return value.rawJSON;
    if (cls === 1) value = ToNumberSlow(value);
    else if (cls === 2) value = ToStringSlow(value);
    else if (cls === 3) value = primitiveValue(value);
  }
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return jsonQuote(value);
  if (typeof value === 'number') return value === value && value !== 1 / 0 && value !== -1 / 0 ? '' + value : 'null';
  if (typeof value === 'bigint') throwTypeError('Do not know how to serialize a BigInt');
  if (!isObject(value) || isCallable(value)) return undefined;
  const stack = state.stack;
  for (let i = 0; i < stack.length; i++) {
    if (stack[i] === value) throwTypeError('Converting circular structure to JSON');
  }
  arrayPush(stack, value);
  const stepback = indent;
  const gap = state.gap;
  indent = indent + gap;
  const separator = gap === '' ? ',' : ',\n' + indent;
  let result;
  if (isArray(value)) {
    // 25.5.2.6 SerializeJSONArray
    const len = ToLength(value.length);
    let parts = '';
    for (let i = 0; i < len; i++) {
      let s = JsonSerializeProperty(state, '' + i, value, indent);
      if (s === undefined) s = 'null';
      parts += (i > 0 ? separator : '') + s;
    }
    result = len === 0 ? '[]' : gap === '' ? '[' + parts + ']' : '[\n' + indent + parts + '\n' + stepback + ']';
  } else {
    // 25.5.2.5 SerializeJSONObject
    let keys = state.propertyList;
    if (keys === undefined) {
      keys = newArray();
      const own = ownKeys(value);
      for (let i = 0; i < own.length; i++) {
        const k = own[i];
        if (typeof k === 'string' && isEnumerable(value, k)) arrayPush(keys, k);
      }
    }
    let parts = '';
    let any = false;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const s = JsonSerializeProperty(state, k, value, indent);
      if (s === undefined) continue;
      parts += (any ? separator : '') + jsonQuote(k) + (gap === '' ? ':' : ': ') + s;
      any = true;
    }
    result = !any ? '{}' : gap === '' ? '{' + parts + '}' : '{\n' + indent + parts + '\n' + stepback + '}';
  }
  stack.length = stack.length - 1;
  return result;
}

// 25.5.1.1 InternalizeJSONProperty ( holder, name, reviver, valRecord ), from
// JSON.parse; records come from the parser: [value, source, children].
function JsonInternalize(value, reviver, record) {
  const root = newObject();
  createDataProperty(root, '', value);
  return InternalizeJSONProperty(root, '', reviver, record);
}

function InternalizeJSONProperty(holder, name, reviver, record) {
  const val = holder[name];
  const context = {};
  let children;
  // The parse record still describes the value (SameValue): context.source.
  const same = record !== undefined &&
      (record[0] === val ? record[0] !== 0 || 1 / record[0] === 1 / val : record[0] !== record[0] && val !== val);
  if (same) {
    if (!isObject(val)) createDataProperty(context, 'source', record[1]);
    children = record[2];
  }
  if (isObject(val)) {
    if (isArray(val)) {
      const len = ToLength(val.length);
      for (let i = 0; i < len; i++) {
        InternalizeJSONElement(val, '' + i, reviver,
                               children !== undefined && i < children.length ? children[i] : undefined);
      }
    } else {
      const own = ownKeys(val);
      const keys = newArray();
      for (let i = 0; i < own.length; i++) {
        const key = own[i];
        if (typeof key === 'string' && isEnumerable(val, key)) arrayPush(keys, key);
      }
      for (let i = 0; i < keys.length; i++) {
        InternalizeJSONElement(val, keys[i], reviver, children !== undefined ? children[keys[i]] : undefined);
      }
    }
  }
  return callFunction(reviver, holder, name, val, context);
}

function InternalizeJSONElement(val, prop, reviver, record) {
  const newElement = InternalizeJSONProperty(val, prop, reviver, record);
  // ? [[Delete]] / ? CreateDataProperty: a false result is not an error.
  if (newElement === undefined) deleteOrFalse(val, prop);
  else createDataPropertyOrFalse(val, prop, newElement);
}

function StringIteratorNext() {
  const state = arrayIteratorState(this);
  const s = state[0];
  if (s === undefined) return iterResult(undefined, true);
  const i = state[1];
  if (i >= s.length) {
    state[0] = undefined;
    return iterResult(undefined, true);
  }
  const first = s.charCodeAt(i);
  let size = 1;
  if (first >= 0xD800 && first <= 0xDBFF && i + 1 < s.length) {
    const second = s.charCodeAt(i + 1);
    if (second >= 0xDC00 && second <= 0xDFFF) size = 2;
  }
  state[1] = i + size;
  return iterResult(s.substring(i, i + size), false);
}

function StringIterator() {
  if (this === undefined || this === null) throwTypeError('String.prototype[Symbol.iterator] called on null or undefined');
  return newStringIterator(ToStringSlow(this));
}

function ObjectAssign(target) {
  const to = toObject(target);
  for (let i = 1; i < arguments.length; i++) {
    const source = arguments[i];
    if (source === undefined || source === null) continue;
    const from = toObject(source);
    const keys = ownKeys(from);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      if (isEnumerable(from, k)) to[k] = from[k];
    }
  }
  return to;
}

// Math.sumPrecise ( items ): the exact sum of an iterable of Numbers.
function MathSumPrecise(items) {
  if (items === undefined || items === null) throwTypeError('Math.sumPrecise called on null or undefined');
  const iterator = GetIterator(items);
  const next = iterator.next;
  // state: 0 minus-zero, 1 finite, 2 +Infinity, 3 -Infinity, 4 NaN
  let state = 0;
  const finite = newArray();
  let count = 0;
  for (;;) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) break;
    const n = r.value;
    if (++count >= 9007199254740992) {
      IteratorCloseQuietly(iterator);
      throwRangeError('Math.sumPrecise: too many values');
    }
    if (typeof n !== 'number') {
      IteratorCloseQuietly(iterator);
      throwTypeError('Math.sumPrecise: ' + ToStringSlowSafe(n) + ' is not a number');
    }
    if (state === 4) continue;
    if (n !== n) {
      state = 4;
    } else if (n === 1 / 0) {
      state = state === 3 ? 4 : 2;
    } else if (n === -1 / 0) {
      state = state === 2 ? 4 : 3;
    } else if (!(n === 0 && 1 / n < 0) && (state === 0 || state === 1)) {
      state = 1;
      if (n !== 0) arrayPush(finite, n);
    }
  }
  if (state === 4) return 0 / 0;
  if (state === 2) return 1 / 0;
  if (state === 3) return -1 / 0;
  if (state === 0) return -0;
  return sumPreciseExact(finite);
}
