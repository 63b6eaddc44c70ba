// Ratchet's self-hosted library: the slow paths of operators that may run
// user code (ToPrimitive, iteration) and builtins that call back into
// JavaScript. Compiled once per runtime; every realm gets its own closures
// over an environment the runtime builds. Only function declarations are
// allowed here. The names below (callFunction, throwTypeError, ...) are
// natives bound by runtime/realm.cc; user code cannot reach any of this.

function isObject(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// 7.1.1 ToPrimitive ( input [ , preferredType ] ), https://tc39.es/ecma262/#sec-toprimitive
function ToPrimitive(input, hint) {
  if (!isObject(input)) return input;
  // 1.a. Let exoticToPrim be ? GetMethod(input, @@toPrimitive).
  const exotic = input[symToPrimitive];
  if (exotic !== undefined && exotic !== null) {
    if (!isCallable(exotic)) throwTypeError('Symbol.toPrimitive is not a function');
    const result = callFunction(exotic, input, hint);
    if (isObject(result)) throwTypeError('Cannot convert object to primitive value');
    return result;
  }
  // 7.1.1.1 OrdinaryToPrimitive ( O, hint )
  const first = hint === 'string' ? 'toString' : 'valueOf';
  const second = hint === 'string' ? 'valueOf' : 'toString';
  let method = input[first];
  if (isCallable(method)) {
    const result = callFunction(method, input);
    if (!isObject(result)) return result;
  }
  method = input[second];
  if (isCallable(method)) {
    const result = callFunction(method, input);
    if (!isObject(result)) return result;
  }
  throwTypeError('Cannot convert object to primitive value');
}

function Add(a, b) {
  a = ToPrimitive(a, 'default');
  b = ToPrimitive(b, 'default');
  return a + b;
}

function ToNumericSlow(v) {
  return +ToPrimitive(v, 'number');
}

function Arith(a, b, op) {
  a = ToNumericSlow(a);
  b = ToNumericSlow(b);
  switch (op) {
    case 0: return a - b;
    case 1: return a * b;
    case 2: return a / b;
    case 3: return a % b;
    case 4: return a ** b;
    case 5: return a & b;
    case 6: return a | b;
    case 7: return a ^ b;
    case 8: return a << b;
    case 9: return a >> b;
    case 10: return a >>> b;
    default: return a + b;
  }
}

function Compare(a, b, op) {
  a = ToPrimitive(a, 'number');
  b = ToPrimitive(b, 'number');
  switch (op) {
    case 0: return a < b;
    case 1: return a <= b;
    case 2: return a > b;
    default: return a >= b;
  }
}

// 7.2.14 IsLooselyEqual ( x, y ), with one side an object.
function LooseEquals(a, b, negate) {
  let result;
  if (isObject(a) && isObject(b)) {
    result = a === b;
  } else if (isObject(a)) {
    result = ToPrimitive(a, 'default') == b;
  } else {
    result = a == ToPrimitive(b, 'default');
  }
  return negate ? !result : result;
}

function ToStringSlow(v) {
  if (typeof v === 'symbol') throwTypeError('Cannot convert a Symbol value to a string');
  if (!isObject(v)) return '' + v;
  return ToStringSlow(ToPrimitive(v, 'string'));
}

function ToPropertyKey(v) {
  const key = ToPrimitive(v, 'string');
  if (typeof key === 'symbol') return key;
  return '' + key;
}

function InstanceOf(v, target) {
  if (!isObject(target)) throwTypeError("Right-hand side of 'instanceof' is not an object");
  const handler = target[symHasInstance];
  if (handler !== undefined && handler !== null) {
    return !!callFunction(handler, target, v);
  }
  if (!isCallable(target)) throwTypeError("Right-hand side of 'instanceof' is not callable");
  return ordinaryHasInstance(target, v);
}

function GetIterator(obj) {
  const method = obj[symIterator];
  if (!isCallable(method)) throwTypeError('object is not iterable');
  const iterator = callFunction(method, obj);
  if (!isObject(iterator)) throwTypeError('Result of the Symbol.iterator method is not an object');
  return iterator;
}

function IteratorClose(iterator) {
  const ret = iterator.return;
  if (ret === undefined || ret === null) return;
  const result = callFunction(ret, iterator);
  if (!isObject(result)) throwTypeError('iterator.return() did not return an object');
}

function IterableToArray(obj) {
  const iterator = GetIterator(obj);
  const next = iterator.next;
  const out = newArray();
  for (;;) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) return out;
    arrayPush(out, r.value);
  }
}

function GetKeyedSlow(o, k) {
  return o[ToPropertyKey(k)];
}

function SetKeyedSlow(o, k, v) {
  o[ToPropertyKey(k)] = v;
}

function DeleteKeyedSlow(o, k) {
  return delete o[ToPropertyKey(k)];
}

function InSlow(k, o) {
  return ToPropertyKey(k) in o;
}

function CopyDataProperties(target, source) {
  if (source === undefined || source === null) return target;
  const from = toObject(source);
  const keys = ownKeys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (isEnumerable(from, k)) createDataProperty(target, k, from[k]);
  }
  return target;
}

function ObjectRest(source, excluded) {
  const target = newObject();
  const from = toObject(source);
  const keys = ownKeys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    let skip = false;
    for (let j = 0; j < excluded.length; j++) {
      if (excluded[j] === k || ('' + excluded[j]) === k) skip = true;
    }
    if (!skip && isEnumerable(from, k)) createDataProperty(target, k, from[k]);
  }
  return target;
}

// A native met an object where it needs a primitive: convert it (hint 0
// ToString, 1 ToNumber, 2 ToPropertyKey) and call the native again
// (runtime/builtins/builtins.cc RequestArgumentConversion).
function ConvertArgumentAndRetry(fn, thisValue, newTarget, index, hint, args) {
  let v = index < 0 ? thisValue : args[index];
  if (hint === 0) {
    v = ToStringSlow(v);
  } else if (hint === 1) {
    v = ToNumericSlow(v);
  } else if (hint === 2) {
    v = ToPropertyKey(v);
  } else if (hint === 3) {
    v = ToPropertyDescriptorRecord(v);
  } else if (hint === 5) {
    v = CreateListFromArrayLike(v);
  } else if (hint === 6) {
    v = ToPrimitive(v, 'default');
  } else {
    v = ToPropertyDescriptorMap(v);
  }
  if (index < 0) {
    thisValue = v;
  } else {
    args[index] = v;
  }
  return retryNative(fn, thisValue, newTarget, args);
}

// 7.3.19 CreateListFromArrayLike ( obj )
function CreateListFromArrayLike(obj) {
  if (!isObject(obj)) throwTypeError('CreateListFromArrayLike called on non-object');
  const len = ToLength(obj.length);
  const list = newArray();
  for (let i = 0; i < len; i++) arrayPush(list, obj[i]);
  return list;
}

// Reflect.set through a setter: the setter's result is dropped.
function CallSetterReturnTrue(setter, receiver, value) {
  callFunction(setter, receiver, value);
  return true;
}

// 6.2.6.5 ToPropertyDescriptor ( Obj ), as a prototype-less object holding
// only the fields present, as data properties.
function ToPropertyDescriptorRecord(desc) {
  if (!isObject(desc)) throwTypeError('Property description must be an object');
  const r = newRecord();
  if ('enumerable' in desc) r.enumerable = !!desc.enumerable;
  if ('configurable' in desc) r.configurable = !!desc.configurable;
  if ('value' in desc) r.value = desc.value;
  if ('writable' in desc) r.writable = !!desc.writable;
  if ('get' in desc) {
    const getter = desc.get;
    if (getter !== undefined && !isCallable(getter)) throwTypeError('Getter must be a function');
    r.get = getter;
  }
  if ('set' in desc) {
    const setter = desc.set;
    if (setter !== undefined && !isCallable(setter)) throwTypeError('Setter must be a function');
    r.set = setter;
  }
  if (('get' in r || 'set' in r) && ('value' in r || 'writable' in r)) {
    throwTypeError('Invalid property descriptor. Cannot both specify accessors and a value or writable attribute');
  }
  return r;
}

// 20.1.2.3.1 ObjectDefineProperties steps 3-4: every descriptor read first.
function ToPropertyDescriptorMap(properties) {
  const props = toObject(properties);
  const keys = ownKeys(props);
  const out = newRecord();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (isEnumerable(props, k)) createDataProperty(out, k, ToPropertyDescriptorRecord(props[k]));
  }
  return out;
}

// ---- Builtins that call back into JavaScript -----------------------------------

function ToIntegerOrInfinity(v) {
  const n = ToNumericSlow(v);
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

function ArrayConcat() {
  const O = toObject(this);
  const A = newArray();
  let n = 0;
  for (let i = -1; i < arguments.length; i++) {
    const E = i < 0 ? O : arguments[i];
    if (isArray(E)) {
      const len = ToLength(E.length);
      for (let k = 0; k < len; k++, n++) {
        if (k in E) createDataProperty(A, n, E[k]);
      }
    } else {
      createDataProperty(A, n, E);
      n++;
    }
  }
  setLength(A, n);
  return A;
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
    const v = ToNumericSlow(callFunction(comparefn, undefined, x, y));
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
  const len = ToLength(O.length);
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

function JsonStringify(value, replacer, space) {
  const indent = typeof space === 'number' ? '          '.substring(0, space < 10 ? space : 10)
               : typeof space === 'string' ? space.substring(0, 10) : '';
  const stack = newArray();
  return JsonSerialize('', value, indent, '', stack, isCallable(replacer) ? replacer : undefined,
                       { '': value });
}

function JsonSerialize(key, value, indent, gap, stack, replacer, holder) {
  if (isObject(value) || typeof value === 'bigint') {
    const toJSON = value.toJSON;
    if (isCallable(toJSON)) value = callFunction(toJSON, value, key);
  }
  if (replacer !== undefined) value = callFunction(replacer, holder, key, value);
  if (isObject(value)) {
    const cls = primitiveWrapperKind(value);
    if (cls === 1) value = ToNumericSlow(value);
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
  for (let i = 0; i < stack.length; i++) {
    if (stack[i] === value) throwTypeError('Converting circular structure to JSON');
  }
  arrayPush(stack, value);
  const stepback = gap;
  gap = gap + indent;
  let result;
  if (isArray(value)) {
    const len = ToLength(value.length);
    let parts = '';
    for (let i = 0; i < len; i++) {
      let s = JsonSerialize('' + i, value[i], indent, gap, stack, replacer, value);
      if (s === undefined) s = 'null';
      parts += (i > 0 ? ',' : '') + (indent !== '' ? '\n' + gap : '') + s;
    }
    result = len === 0 ? '[]' : '[' + parts + (indent !== '' ? '\n' + stepback : '') + ']';
  } else {
    const keys = ownKeys(value);
    let parts = '';
    let any = false;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (typeof k !== 'string' || !isEnumerable(value, k)) continue;
      const s = JsonSerialize(k, value[k], indent, gap, stack, replacer, value);
      if (s === undefined) continue;
      parts += (any ? ',' : '') + (indent !== '' ? '\n' + gap : '') + jsonQuote(k) + (indent !== '' ? ': ' : ':') + s;
      any = true;
    }
    result = !any ? '{}' : '{' + parts + (indent !== '' ? '\n' + stepback : '') + '}';
  }
  stack.length = stack.length - 1;
  return result;
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

// ---- 27.2 Promise objects (the parts that may run user code) --------------
// Reaction records are internal arrays made by performPromiseThen:
// [capability promise, capability resolve, capability reject, handler, type].

// 27.2.2.1 NewPromiseReactionJob ( reaction, argument ); for awaits the
// handler is the awaiting generator object, resumed in place.
function PromiseReactionJob(reaction, argument) {
  const handler = reaction[3];
  const type = reaction[4];
  if (isGeneratorObject(handler)) return resumeGenerator(handler, type, argument);
  let result = argument;
  let ok = type === 0;
  if (handler !== undefined) {
    try {
      result = callFunction(handler, undefined, argument);
      ok = true;
    } catch (e) {
      result = e;
      ok = false;
    }
  }
  if (reaction[0] === undefined) return undefined;
  callFunction(ok ? reaction[1] : reaction[2], undefined, result);
  return undefined;
}

// 27.2.1.3.2 Promise Resolve Functions, steps 9-16 (resolution is an object).
function ResolveThenable(promise, resolution) {
  let then;
  try {
    then = resolution.then;
  } catch (e) {
    rejectPromise(promise, e);
    return undefined;
  }
  if (!isCallable(then)) {
    fulfillPromise(promise, resolution);
    return undefined;
  }
  enqueueJob(PromiseResolveThenableJob, promise, resolution, then);
  return undefined;
}

// 27.2.2.2 NewPromiseResolveThenableJob ( promiseToResolve, thenable, then )
function PromiseResolveThenableJob(promise, thenable, then) {
  const fns = createResolvingFunctions(promise);
  try {
    callFunction(then, thenable, fns[0], fns[1]);
  } catch (e) {
    callFunction(fns[1], undefined, e);
  }
  return undefined;
}

// 27.2.3.1 Promise ( executor ), steps 9-11.
function PromiseCallExecutor(executor, resolve, reject, promise) {
  try {
    callFunction(executor, undefined, resolve, reject);
  } catch (e) {
    callFunction(reject, undefined, e);
  }
  return promise;
}

// 27.2.1.5 NewPromiseCapability ( C ) -> [promise, resolve, reject]
function NewPromiseCapability(C) {
  if (C === intrinsicPromise()) {
    // Unobservable fast path: %Promise% with its own executor.
    const p = newPromise();
    const fns = createResolvingFunctions(p);
    return [p, fns[0], fns[1]];
  }
  if (!isConstructor(C)) throwTypeError('Promise capability constructor is not a constructor');
  const executor = newCapabilityExecutor();
  const promise = new C(executor);
  const record = capabilityRecord(executor);
  if (!isCallable(record[0])) throwTypeError('Promise resolve function is not callable');
  if (!isCallable(record[1])) throwTypeError('Promise reject function is not callable');
  return [promise, record[0], record[1]];
}

// 7.3.22 SpeciesConstructor ( O, defaultConstructor )
function SpeciesConstructor(O, defaultConstructor) {
  const C = O.constructor;
  if (C === undefined) return defaultConstructor;
  if (!isObject(C)) throwTypeError('object.constructor is not an object');
  const S = C[symSpecies];
  if (S === undefined || S === null) return defaultConstructor;
  if (isConstructor(S)) return S;
  throwTypeError('object.constructor[Symbol.species] is not a constructor');
}

// 27.2.4.7.1 PromiseResolve ( C, x )
function PromiseResolve(C, x) {
  if (isPromise(x)) {
    const xConstructor = x.constructor;
    if (xConstructor === C) return x;
  }
  const cap = NewPromiseCapability(C);
  callFunction(cap[1], undefined, x);
  return cap[0];
}

// 27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected )
function PromiseThen(onFulfilled, onRejected) {
  const promise = this;
  if (!isPromise(promise)) throwTypeError('Promise.prototype.then called on incompatible receiver');
  const C = SpeciesConstructor(promise, intrinsicPromise());
  const cap = NewPromiseCapability(C);
  performPromiseThen(promise, onFulfilled, onRejected, cap[0], cap[1], cap[2]);
  return cap[0];
}

// 27.2.5.1 Promise.prototype.catch ( onRejected )
function PromiseCatch(onRejected) {
  const promise = this;
  const then = promise.then;
  return callFunction(then, promise, undefined, onRejected);
}

function MakeThenFinally(C, onFinally) {
  return (value) => {
    const result = callFunction(onFinally, undefined);
    const p = PromiseResolve(C, result);
    const then = p.then;
    return callFunction(then, p, () => value);
  };
}

function MakeCatchFinally(C, onFinally) {
  return (reason) => {
    const result = callFunction(onFinally, undefined);
    const p = PromiseResolve(C, result);
    const then = p.then;
    return callFunction(then, p, () => { throw reason; });
  };
}

// 27.2.5.3 Promise.prototype.finally ( onFinally )
function PromiseFinally(onFinally) {
  const promise = this;
  if (!isObject(promise)) throwTypeError('Promise.prototype.finally called on a non-object');
  const C = SpeciesConstructor(promise, intrinsicPromise());
  let thenFinally = onFinally;
  let catchFinally = onFinally;
  if (isCallable(onFinally)) {
    thenFinally = MakeThenFinally(C, onFinally);
    catchFinally = MakeCatchFinally(C, onFinally);
  }
  const then = promise.then;
  return callFunction(then, promise, thenFinally, catchFinally);
}

// 27.2.4.7 Promise.resolve ( x )
function PromiseStaticResolve(x) {
  const C = this;
  if (!isObject(C)) throwTypeError('Promise.resolve called on a non-object');
  return PromiseResolve(C, x);
}

// 27.2.4.6 Promise.reject ( r )
function PromiseStaticReject(r) {
  const cap = NewPromiseCapability(this);
  callFunction(cap[2], undefined, r);
  return cap[0];
}

// 27.2.4.8 Promise.try ( callback, ...args )
function PromiseTry(callback, ...args) {
  const C = this;
  if (!isObject(C)) throwTypeError('Promise.try called on a non-object');
  const cap = NewPromiseCapability(C);
  try {
    const result = callFunction(callback, undefined, ...args);
    callFunction(cap[1], undefined, result);
  } catch (e) {
    callFunction(cap[2], undefined, e);
  }
  return cap[0];
}

// 27.2.4.9 Promise.withResolvers ( )
function PromiseWithResolvers() {
  const cap = NewPromiseCapability(this);
  return { promise: cap[0], resolve: cap[1], reject: cap[2] };
}

// Resolve-element functions of Promise.all / allSettled / any: built-in
// functions of length 1 with an [[AlreadyCalled]] record shared as `called`.
function MakeAllResolveElement(values, index, remaining, cap) {
  let alreadyCalled = false;
  return (x) => {
    if (alreadyCalled) return undefined;
    alreadyCalled = true;
    values[index] = x;
    if (--remaining[0] === 0) callFunction(cap[1], undefined, values);
    return undefined;
  };
}

function MakeSettledElement(values, index, remaining, cap, called, fulfilled) {
  return (x) => {
    if (called[0]) return undefined;
    called[0] = true;
    values[index] = fulfilled ? { status: 'fulfilled', value: x } : { status: 'rejected', reason: x };
    if (--remaining[0] === 0) callFunction(cap[1], undefined, values);
    return undefined;
  };
}

function MakeAnyRejectElement(errors, index, remaining, cap) {
  let alreadyCalled = false;
  return (x) => {
    if (alreadyCalled) return undefined;
    alreadyCalled = true;
    errors[index] = x;
    if (--remaining[0] === 0) callFunction(cap[2], undefined, newAggregateError(errors));
    return undefined;
  };
}

// Promise.all (kind 0), allSettled (1), any (2), race (3): 27.2.4.1-5 with
// their Perform* algorithms. `done` mirrors iteratorRecord.[[Done]].
function PromiseCombinator(C, iterable, kind) {
  const cap = NewPromiseCapability(C);
  let iterator;
  let done = true;
  try {
    // GetPromiseResolve ( promiseConstructor )
    const promiseResolve = C.resolve;
    if (!isCallable(promiseResolve)) throwTypeError('Promise resolve is not a function');
    iterator = GetIterator(iterable);
    const next = iterator.next;
    done = false;
    const values = newArray();
    const remaining = [1];
    let index = 0;
    for (;;) {
      done = true;
      const step = callFunction(next, iterator);
      if (!isObject(step)) throwTypeError('Iterator result is not an object');
      if (step.done) break;
      const nextValue = step.value;
      done = false;
      if (kind !== 3) arrayPush(values, undefined);
      const nextPromise = callFunction(promiseResolve, C, nextValue);
      let onFulfilled = cap[1];
      let onRejected = cap[2];
      if (kind === 0) {
        onFulfilled = MakeAllResolveElement(values, index, remaining, cap);
      } else if (kind === 1) {
        const called = [false];
        onFulfilled = MakeSettledElement(values, index, remaining, cap, called, true);
        onRejected = MakeSettledElement(values, index, remaining, cap, called, false);
      } else if (kind === 2) {
        onRejected = MakeAnyRejectElement(values, index, remaining, cap);
      }
      if (kind !== 3) remaining[0]++;
      const then = nextPromise.then;
      callFunction(then, nextPromise, onFulfilled, onRejected);
      index++;
    }
    if (kind !== 3 && --remaining[0] === 0) {
      if (kind === 2) {
        callFunction(cap[2], undefined, newAggregateError(values));
      } else {
        callFunction(cap[1], undefined, values);
      }
    }
  } catch (e) {
    if (!done) {
      try {
        IteratorClose(iterator);
      } catch (ignored) {
        // The original error wins (IteratorClose with a throw completion).
      }
    }
    callFunction(cap[2], undefined, e);
  }
  return cap[0];
}

function PromiseAll(iterable) { return PromiseCombinator(this, iterable, 0); }
function PromiseAllSettled(iterable) { return PromiseCombinator(this, iterable, 1); }
function PromiseAny(iterable) { return PromiseCombinator(this, iterable, 2); }
function PromiseRace(iterable) { return PromiseCombinator(this, iterable, 3); }

// ---- 27.7 Async functions ---------------------------------------------------

// 27.7.5.3 Await ( value ): the frame suspends right after this returns and
// resumes from a reaction job.
function AsyncAwait(value, generator) {
  const promise = PromiseResolve(intrinsicPromise(), value);
  performAwait(promise, generator);
  return undefined;
}

function AsyncFunctionResolve(promise, value) {
  resolvePromise(promise, value);
  return undefined;
}

function AsyncFunctionReject(promise, reason) {
  rejectPromise(promise, reason);
  return undefined;
}

// ---- 27.6 AsyncGenerator objects ---------------------------------------------
// States (vm/generator.h): 0 suspended-start, 1 suspended-yield,
// 2 executing, 3 completed, 4 awaiting (executing), 5 awaiting-return.
// A request is [mode (0 next, 1 throw, 2 return), value, capability].

function AsyncGeneratorEnqueue(generator, mode, value, method) {
  const cap = NewPromiseCapability(intrinsicPromise());
  if (!isAsyncGenerator(generator)) {
    callFunction(cap[2], undefined, newTypeError('AsyncGenerator.prototype.' + method + ' called on incompatible receiver'));
    return cap[0];
  }
  arrayPush(generatorQueue(generator), [mode, value, cap]);
  const state = generatorState(generator);
  if (state !== 2 && state !== 4 && state !== 5) AsyncGeneratorResumeNext(generator);
  return cap[0];
}

// 27.6.1.2 - 27.6.1.4 %AsyncGeneratorPrototype%.next / return / throw
function AsyncGeneratorNext(value) { return AsyncGeneratorEnqueue(this, 0, value, 'next'); }
function AsyncGeneratorReturn(value) { return AsyncGeneratorEnqueue(this, 2, value, 'return'); }
function AsyncGeneratorThrow(value) { return AsyncGeneratorEnqueue(this, 1, value, 'throw'); }

// AsyncGeneratorCompleteStep with done = true for the oldest request.
function AsyncGeneratorSettle(generator, value, isThrow) {
  const request = queueShift(generatorQueue(generator));
  const cap = request[2];
  if (isThrow) {
    callFunction(cap[2], undefined, value);
  } else {
    callFunction(cap[1], undefined, iterResult(value, true));
  }
}

function MakeAwaitReturnSettled(generator, isThrow) {
  return (v) => {
    setGeneratorState(generator, 3);
    AsyncGeneratorSettle(generator, v, isThrow);
    AsyncGeneratorResumeNext(generator);
  };
}

// Runs queued requests: resumes the body, or settles them once completed
// (27.6.3.5 AsyncGeneratorAwaitReturn, 27.6.3.9 AsyncGeneratorDrainQueue).
function AsyncGeneratorResumeNext(generator) {
  for (;;) {
    let state = generatorState(generator);
    if (state === 2 || state === 4 || state === 5) return;
    const queue = generatorQueue(generator);
    if (queue.length === 0) return;
    const request = queue[0];
    const mode = request[0];
    if (mode !== 0 && state === 0) {
      setGeneratorState(generator, 3);
      state = 3;
    }
    if (state === 3) {
      if (mode === 2) {
        setGeneratorState(generator, 5);
        let promise;
        try {
          promise = PromiseResolve(intrinsicPromise(), request[1]);
        } catch (e) {
          setGeneratorState(generator, 3);
          AsyncGeneratorSettle(generator, e, true);
          continue;
        }
        performPromiseThen(promise, MakeAwaitReturnSettled(generator, false),
                           MakeAwaitReturnSettled(generator, true), undefined, undefined, undefined);
        return;
      }
      AsyncGeneratorSettle(generator, mode === 1 ? request[1] : undefined, mode === 1);
      continue;
    }
    resumeGenerator(generator, mode, request[1]);
    return;
  }
}

// 27.6.3.8 AsyncGeneratorYield ( value ) steps 9-11: settles the current
// request; returns [mode, value] of the next queued request, or undefined
// when the generator must suspend.
function AsyncGeneratorYield(generator, value) {
  const request = queueShift(generatorQueue(generator));
  callFunction(request[2][1], undefined, iterResult(value, false));
  const queue = generatorQueue(generator);
  if (queue.length === 0) return undefined;
  const next = queue[0];
  return [next[0], next[1]];
}

// 27.6.3.2 AsyncGeneratorStart step 4: the body returned or threw.
function AsyncGeneratorComplete(generator, value, isThrow) {
  setGeneratorState(generator, 3);
  AsyncGeneratorSettle(generator, value, isThrow);
  AsyncGeneratorResumeNext(generator);
  return undefined;
}

// 7.4.3 GetIterator ( obj, async ), with 27.1.6 CreateAsyncFromSyncIterator.
function GetAsyncIterator(obj) {
  const method = obj[symAsyncIterator];
  if (method === undefined || method === null) {
    const syncIterator = GetIterator(obj);
    return CreateAsyncFromSyncIterator(syncIterator, syncIterator.next);
  }
  if (!isCallable(method)) throwTypeError('object is not async iterable');
  const iterator = callFunction(method, obj);
  if (!isObject(iterator)) throwTypeError('Result of the Symbol.asyncIterator method is not an object');
  return iterator;
}

// 27.1.6.4 AsyncFromSyncIteratorContinuation ( result, promiseCapability, syncIteratorRecord, closeOnRejection )
function AsyncFromSyncIteratorContinuation(result, cap, syncIterator, closeOnRejection) {
  const done = !!result.done;
  const value = result.value;
  let valueWrapper;
  try {
    valueWrapper = PromiseResolve(intrinsicPromise(), value);
  } catch (e) {
    if (!done && closeOnRejection) {
      try { IteratorClose(syncIterator); } catch (ignored) { /* the original error wins */ }
    }
    throw e;
  }
  const onRejected = done || !closeOnRejection ? undefined : (error) => {
    try { IteratorClose(syncIterator); } catch (ignored) { /* the original error wins */ }
    throw error;
  };
  performPromiseThen(valueWrapper, (v) => iterResult(v, done), onRejected, cap[0], cap[1], cap[2]);
  return cap[0];
}

function CreateAsyncFromSyncIterator(syncIterator, nextMethod) {
  const iterator = {
    next(value) {
      const cap = NewPromiseCapability(intrinsicPromise());
      try {
        const result = arguments.length > 0 ? callFunction(nextMethod, syncIterator, value)
                                             : callFunction(nextMethod, syncIterator);
        if (!isObject(result)) throwTypeError('Iterator result is not an object');
        return AsyncFromSyncIteratorContinuation(result, cap, syncIterator, true);
      } catch (e) {
        callFunction(cap[2], undefined, e);
        return cap[0];
      }
    },
    return(value) {
      const cap = NewPromiseCapability(intrinsicPromise());
      try {
        const ret = syncIterator.return;
        if (ret === undefined || ret === null) {
          callFunction(cap[1], undefined, iterResult(value, true));
          return cap[0];
        }
        const result = arguments.length > 0 ? callFunction(ret, syncIterator, value) : callFunction(ret, syncIterator);
        if (!isObject(result)) throwTypeError('iterator.return() did not return an object');
        return AsyncFromSyncIteratorContinuation(result, cap, syncIterator, false);
      } catch (e) {
        callFunction(cap[2], undefined, e);
        return cap[0];
      }
    },
    throw(value) {
      const cap = NewPromiseCapability(intrinsicPromise());
      try {
        const thr = syncIterator.throw;
        if (thr === undefined || thr === null) {
          try { IteratorClose(syncIterator); } catch (ignored) { /* reported below */ }
          throwTypeError('The iterator does not provide a throw method');
        }
        const result = callFunction(thr, syncIterator, value);
        if (!isObject(result)) throwTypeError('iterator.throw() did not return an object');
        return AsyncFromSyncIteratorContinuation(result, cap, syncIterator, true);
      } catch (e) {
        callFunction(cap[2], undefined, e);
        return cap[0];
      }
    },
  };
  return iterator;
}

// ---- Map, Set, WeakMap, WeakSet (runtime/builtins/collections.cc) ----------------

// 24.1.1.2 AddEntriesFromIterable, with `adder` looked up on the new object.
function AddEntriesFromIterable(target, iterable, adderName, pairs) {
  const adder = target[adderName];
  if (!isCallable(adder)) throwTypeError("'" + adderName + "' is not a function");
  const iterator = GetIterator(iterable);
  const next = iterator.next;
  for (;;) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) return target;
    const item = r.value;
    try {
      if (pairs) {
        if (!isObject(item)) throwTypeError('Iterator value ' + ToStringSlowSafe(item) + ' is not an entry object');
        callFunction(adder, target, item[0], item[1]);
      } else {
        callFunction(adder, target, item);
      }
    } catch (e) {
      IteratorCloseQuietly(iterator);
      throw e;
    }
  }
}

function MapInitialize(map, iterable) { return AddEntriesFromIterable(map, iterable, 'set', true); }
function SetInitialize(set, iterable) { return AddEntriesFromIterable(set, iterable, 'add', false); }
function WeakMapInitialize(map, iterable) { return AddEntriesFromIterable(map, iterable, 'set', true); }
function WeakSetInitialize(set, iterable) { return AddEntriesFromIterable(set, iterable, 'add', false); }

// Map.prototype.getOrInsertComputed ( key, callbackfn ) (upsert proposal)
function MapGetOrInsertComputed(key, callbackfn) {
  if (!isCollection(this, 0)) throwTypeError('Map.prototype.getOrInsertComputed called on incompatible receiver');
  CheckCallback(callbackfn);
  key = NormalizeZero(key);
  if (collectionHas(this, key)) return collectionGet(this, key);
  const value = callFunction(callbackfn, undefined, key);
  collectionAdd(this, key, value);
  return value;
}

function WeakMapGetOrInsertComputed(key, callbackfn) {
  if (!isCollection(this, 2)) throwTypeError('WeakMap.prototype.getOrInsertComputed called on incompatible receiver');
  CheckCallback(callbackfn);
  if (!canBeHeldWeakly(key)) throwTypeError('Invalid value used as weak map key');
  if (collectionHas(this, key)) return collectionGet(this, key);
  const value = callFunction(callbackfn, undefined, key);
  collectionAdd(this, key, value);
  return value;
}

// 24.1.3.5 Map.prototype.forEach ( callbackfn [ , thisArg ] )
function MapForEach(callbackfn, thisArg) {
  if (!isCollection(this, 0)) throwTypeError('Map.prototype.forEach called on incompatible receiver');
  CheckCallback(callbackfn);
  const cursor = collectionCursor(this);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) callFunction(callbackfn, thisArg, box[1], box[0], this);
}

// 24.2.4.7 Set.prototype.forEach ( callbackfn [ , thisArg ] )
function SetForEach(callbackfn, thisArg) {
  if (!isCollection(this, 1)) throwTypeError('Set.prototype.forEach called on incompatible receiver');
  CheckCallback(callbackfn);
  const cursor = collectionCursor(this);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) callFunction(callbackfn, thisArg, box[0], box[0], this);
}

// 7.3.35 GroupBy ( items, callback, keyCoercion ): calls add(key, value).
function GroupByInto(items, callbackfn, propertyKeys, add) {
  if (items === undefined || items === null) throwTypeError('groupBy called on null or undefined');
  CheckCallback(callbackfn);
  const iterator = GetIterator(items);
  const next = iterator.next;
  for (let k = 0; ; k++) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) return;
    const value = r.value;
    let key;
    try {
      key = callFunction(callbackfn, undefined, value, k);
      if (propertyKeys) key = ToPropertyKey(key);
    } catch (e) {
      IteratorCloseQuietly(iterator);
      throw e;
    }
    add(key, value);
  }
}

// 24.1.2.1 Map.groupBy ( items, callback )
function MapGroupBy(items, callbackfn) {
  const map = newMap();
  GroupByInto(items, callbackfn, false, (key, value) => {
    let group = collectionGet(map, key);
    if (group === undefined) {
      group = newArray();
      collectionAdd(map, key, group);
    }
    arrayPush(group, value);
  });
  return map;
}

// 20.1.2.12 Object.groupBy ( items, callback )
function ObjectGroupBy(items, callbackfn) {
  const groups = newMap();
  GroupByInto(items, callbackfn, true, (key, value) => {
    let group = collectionGet(groups, key);
    if (group === undefined) {
      group = newArray();
      collectionAdd(groups, key, group);
    }
    arrayPush(group, value);
  });
  const obj = newRecord();
  const cursor = collectionCursor(groups);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) createDataProperty(obj, box[0], box[1]);
  return obj;
}

// 24.2.1.2 GetSetRecord ( obj )
function GetSetRecord(obj) {
  if (!isObject(obj)) throwTypeError('The argument must be an object');
  const rawSize = obj.size;
  const numSize = ToNumericSlow(rawSize);
  if (numSize !== numSize) throwTypeError("The argument's size is not a number");
  const intSize = ToIntegerOrInfinity(numSize);
  if (intSize < 0) throwRangeError("The argument's size must not be negative");
  const has = obj.has;
  if (!isCallable(has)) throwTypeError("The argument's has is not a function");
  const keys = obj.keys;
  if (!isCallable(keys)) throwTypeError("The argument's keys is not a function");
  return [obj, intSize, has, keys];
}

// GetIteratorFromMethod on the record's keys(); returns [iterator, next].
function SetRecordKeys(rec) {
  const iterator = callFunction(rec[3], rec[0]);
  if (!isObject(iterator)) throwTypeError('keys() did not return an object');
  return [iterator, iterator.next];
}

// IteratorStepValue: the next value, or the `done` marker.
function SetRecordStep(it, done) {
  const r = callFunction(it[1], it[0]);
  if (!isObject(r)) throwTypeError('Iterator result is not an object');
  return r.done ? done : r.value;
}

function ThisSet(o, name) {
  if (!isCollection(o, 1)) throwTypeError('Set.prototype.' + name + ' called on incompatible receiver');
  return o;
}

function CopySet(set) {
  const result = newSet();
  const cursor = collectionCursor(set);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) collectionAdd(result, box[0]);
  return result;
}

function NormalizeZero(v) { return v === 0 ? 0 : v; }

// 24.2.4.20 Set.prototype.union ( other )
function SetUnion(other) {
  ThisSet(this, 'union');
  const rec = GetSetRecord(other);
  const it = SetRecordKeys(rec);
  const result = CopySet(this);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    collectionAdd(result, NormalizeZero(v));
  }
}

// 24.2.4.9 Set.prototype.intersection ( other )
function SetIntersection(other) {
  ThisSet(this, 'intersection');
  const rec = GetSetRecord(other);
  const result = newSet();
  if (collectionSize(this) <= rec[1]) {
    const cursor = collectionCursor(this);
    const box = newArrayWithLength(2);
    while (cursorNext(cursor, box)) {
      const e = box[0];
      if (callFunction(rec[2], rec[0], e)) collectionAdd(result, e);
    }
    return result;
  }
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    if (collectionHas(this, v)) collectionAdd(result, NormalizeZero(v));
  }
}

// 24.2.4.5 Set.prototype.difference ( other )
function SetDifference(other) {
  ThisSet(this, 'difference');
  const rec = GetSetRecord(other);
  const result = CopySet(this);
  if (collectionSize(this) <= rec[1]) {
    const cursor = collectionCursor(this);
    const box = newArrayWithLength(2);
    while (cursorNext(cursor, box)) {
      const e = box[0];
      if (callFunction(rec[2], rec[0], e)) collectionRemove(result, e);
    }
    return result;
  }
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    collectionRemove(result, v);
  }
}

// 24.2.4.15 Set.prototype.symmetricDifference ( other )
function SetSymmetricDifference(other) {
  ThisSet(this, 'symmetricDifference');
  const rec = GetSetRecord(other);
  const it = SetRecordKeys(rec);
  const result = CopySet(this);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    const n = NormalizeZero(v);
    if (collectionHas(this, n)) {
      collectionRemove(result, n);
    } else {
      collectionAdd(result, n);
    }
  }
}

// 24.2.4.12 Set.prototype.isSubsetOf ( other )
function SetIsSubsetOf(other) {
  ThisSet(this, 'isSubsetOf');
  const rec = GetSetRecord(other);
  if (collectionSize(this) > rec[1]) return false;
  const cursor = collectionCursor(this);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) {
    if (!callFunction(rec[2], rec[0], box[0])) return false;
  }
  return true;
}

// 24.2.4.13 Set.prototype.isSupersetOf ( other )
function SetIsSupersetOf(other) {
  ThisSet(this, 'isSupersetOf');
  const rec = GetSetRecord(other);
  if (collectionSize(this) < rec[1]) return false;
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return true;
    if (!collectionHas(this, v)) {
      IteratorClose(it[0]);
      return false;
    }
  }
}

// 24.2.4.11 Set.prototype.isDisjointFrom ( other )
function SetIsDisjointFrom(other) {
  ThisSet(this, 'isDisjointFrom');
  const rec = GetSetRecord(other);
  if (collectionSize(this) <= rec[1]) {
    const cursor = collectionCursor(this);
    const box = newArrayWithLength(2);
    while (cursorNext(cursor, box)) {
      if (callFunction(rec[2], rec[0], box[0])) return false;
    }
    return true;
  }
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return true;
    if (collectionHas(this, v)) {
      IteratorClose(it[0]);
      return false;
    }
  }
}

// ---- Iterator helpers (runtime/builtins/iterator.cc) -------------------------------
// Each helper is a generator body, primed to its first `yield` at creation
// so that return() always runs its `finally` (which closes the underlying
// iterator, 27.1.2.1.2); `closing` is true exactly while suspended at a yield.

function RequireIteratorObject(o, method) {
  if (!isObject(o)) throwTypeError('Iterator.prototype.' + method + ' called on non-object');
}

// Validation failed before GetIteratorDirect: close O, then throw.
function CloseAndThrowTypeError(o, message) {
  IteratorCloseQuietly(o);
  throwTypeError(message);
}

// IteratorStepValue: the next value or `done`.
function StepValue(iterator, next, done) {
  const r = callFunction(next, iterator);
  if (!isObject(r)) throwTypeError('Iterator result ' + ToStringSlowSafe(r) + ' is not an object');
  return r.done ? done : r.value;
}

function StartHelper(gen) {
  markIteratorHelper(gen);
  resumeGenerator(gen, 0, undefined);
  return gen;
}

// Validates a take/drop limit (closing the iterator on failure).
function HelperLimit(o, limit) {
  let numLimit;
  try {
    numLimit = ToNumericSlow(limit);
  } catch (e) {
    IteratorCloseQuietly(o);
    throw e;
  }
  if (numLimit !== numLimit) {
    IteratorCloseQuietly(o);
    throwRangeError('limit must be a number');
  }
  const integerLimit = ToIntegerOrInfinity(numLimit);
  if (integerLimit < 0) {
    IteratorCloseQuietly(o);
    throwRangeError('limit must be positive');
  }
  return integerLimit;
}

function* MapHelper(iterated, next, mapper) {
  let closing = true;
  const done = {};
  try {
    yield undefined;
    for (let counter = 0; ; counter++) {
      closing = false;
      const value = StepValue(iterated, next, done);
      if (value === done) return undefined;
      let mapped;
      try {
        mapped = callFunction(mapper, undefined, value, counter);
      } catch (e) {
        IteratorCloseQuietly(iterated);
        throw e;
      }
      closing = true;
      yield mapped;
    }
  } finally {
    if (closing) IteratorClose(iterated);
  }
}

function* FilterHelper(iterated, next, predicate) {
  let closing = true;
  const done = {};
  try {
    yield undefined;
    for (let counter = 0; ; counter++) {
      closing = false;
      const value = StepValue(iterated, next, done);
      if (value === done) return undefined;
      let selected;
      try {
        selected = callFunction(predicate, undefined, value, counter);
      } catch (e) {
        IteratorCloseQuietly(iterated);
        throw e;
      }
      if (selected) {
        closing = true;
        yield value;
      }
    }
  } finally {
    if (closing) IteratorClose(iterated);
  }
}

function* TakeHelper(iterated, next, limit) {
  let closing = true;
  const done = {};
  try {
    yield undefined;
    let remaining = limit;
    for (;;) {
      closing = false;
      if (remaining === 0) {
        IteratorClose(iterated);
        return undefined;
      }
      if (remaining !== 1 / 0) remaining--;
      const value = StepValue(iterated, next, done);
      if (value === done) return undefined;
      closing = true;
      yield value;
    }
  } finally {
    if (closing) IteratorClose(iterated);
  }
}

function* DropHelper(iterated, next, limit) {
  let closing = true;
  const done = {};
  try {
    yield undefined;
    closing = false;
    let remaining = limit;
    while (remaining > 0) {
      if (remaining !== 1 / 0) remaining--;
      if (StepValue(iterated, next, done) === done) return undefined;
    }
    for (;;) {
      closing = false;
      const value = StepValue(iterated, next, done);
      if (value === done) return undefined;
      closing = true;
      yield value;
    }
  } finally {
    if (closing) IteratorClose(iterated);
  }
}

// 27.1.3.2.1.1 GetIteratorFlattenable ( obj, primitiveHandling ): [iterator, next].
function GetIteratorFlattenable(obj, iterateStrings) {
  if (!isObject(obj)) {
    if (!iterateStrings || typeof obj !== 'string') throwTypeError(ToStringSlowSafe(obj) + ' is not an object');
  }
  const method = obj[symIterator];
  let iterator;
  if (method === undefined || method === null) {
    iterator = obj;
  } else {
    if (!isCallable(method)) throwTypeError('@@iterator is not a function');
    iterator = callFunction(method, obj);
  }
  if (!isObject(iterator)) throwTypeError('the iterator is not an object');
  return [iterator, iterator.next];
}

function* FlatMapHelper(iterated, next, mapper) {
  let closing = true;
  let inner;
  const done = {};
  try {
    yield undefined;
    for (let counter = 0; ; counter++) {
      closing = false;
      const value = StepValue(iterated, next, done);
      if (value === done) return undefined;
      try {
        inner = GetIteratorFlattenable(callFunction(mapper, undefined, value, counter), false);
      } catch (e) {
        IteratorCloseQuietly(iterated);
        throw e;
      }
      for (;;) {
        let innerValue;
        try {
          innerValue = StepValue(inner[0], inner[1], done);
        } catch (e) {
          IteratorCloseQuietly(iterated);
          throw e;
        }
        if (innerValue === done) break;
        closing = true;
        let resumed = false;
        try {
          yield innerValue;
          resumed = true;
        } finally {
          if (!resumed) {
            // return(): close the inner iterator, then the outer one.
            closing = false;
            try {
              IteratorClose(inner[0]);
            } catch (e) {
              IteratorCloseQuietly(iterated);
              throw e;
            }
            IteratorClose(iterated);
          }
        }
        closing = false;
      }
      inner = undefined;
    }
  } finally {
    if (closing) IteratorClose(iterated);
  }
}

// 27.1.4.8 Iterator.prototype.map ( mapper )
function IteratorMap(mapper) {
  RequireIteratorObject(this, 'map');
  if (!isCallable(mapper)) CloseAndThrowTypeError(this, 'mapper is not a function');
  return StartHelper(MapHelper(this, this.next, mapper));
}

// 27.1.4.5 Iterator.prototype.filter ( predicate )
function IteratorFilter(predicate) {
  RequireIteratorObject(this, 'filter');
  if (!isCallable(predicate)) CloseAndThrowTypeError(this, 'predicate is not a function');
  return StartHelper(FilterHelper(this, this.next, predicate));
}

// 27.1.4.12 Iterator.prototype.take ( limit )
function IteratorTake(limit) {
  RequireIteratorObject(this, 'take');
  const integerLimit = HelperLimit(this, limit);
  return StartHelper(TakeHelper(this, this.next, integerLimit));
}

// 27.1.4.3 Iterator.prototype.drop ( limit )
function IteratorDrop(limit) {
  RequireIteratorObject(this, 'drop');
  const integerLimit = HelperLimit(this, limit);
  return StartHelper(DropHelper(this, this.next, integerLimit));
}

// 27.1.4.7 Iterator.prototype.flatMap ( mapper )
function IteratorFlatMap(mapper) {
  RequireIteratorObject(this, 'flatMap');
  if (!isCallable(mapper)) CloseAndThrowTypeError(this, 'mapper is not a function');
  return StartHelper(FlatMapHelper(this, this.next, mapper));
}

// 27.1.4.10 Iterator.prototype.reduce ( reducer [ , initialValue ] )
function IteratorReduce(reducer, initialValue) {
  RequireIteratorObject(this, 'reduce');
  if (!isCallable(reducer)) CloseAndThrowTypeError(this, 'reducer is not a function');
  const iterated = this;
  const next = iterated.next;
  const done = {};
  let acc;
  let counter = 0;
  if (arguments.length < 2) {
    acc = StepValue(iterated, next, done);
    if (acc === done) throwTypeError('Reduce of empty iterator with no initial value');
    counter = 1;
  } else {
    acc = initialValue;
  }
  for (;; counter++) {
    const value = StepValue(iterated, next, done);
    if (value === done) return acc;
    try {
      acc = callFunction(reducer, undefined, acc, value, counter);
    } catch (e) {
      IteratorCloseQuietly(iterated);
      throw e;
    }
  }
}

// 27.1.4.13 Iterator.prototype.toArray ( )
function IteratorToArray() {
  RequireIteratorObject(this, 'toArray');
  const next = this.next;
  const done = {};
  const items = newArray();
  for (;;) {
    const value = StepValue(this, next, done);
    if (value === done) return items;
    arrayPush(items, value);
  }
}

// Shared loop of forEach/some/every/find: `mode` 0 forEach, 1 some, 2 every, 3 find.
function IteratorConsume(o, fn, mode) {
  const next = o.next;
  const done = {};
  for (let counter = 0; ; counter++) {
    const value = StepValue(o, next, done);
    if (value === done) return mode === 1 ? false : mode === 2 ? true : undefined;
    let result;
    try {
      result = callFunction(fn, undefined, value, counter);
    } catch (e) {
      IteratorCloseQuietly(o);
      throw e;
    }
    if (mode === 1 && result) {
      IteratorClose(o);
      return true;
    }
    if (mode === 2 && !result) {
      IteratorClose(o);
      return false;
    }
    if (mode === 3 && result) {
      IteratorClose(o);
      return value;
    }
  }
}

function IteratorForEach(fn) {
  RequireIteratorObject(this, 'forEach');
  if (!isCallable(fn)) CloseAndThrowTypeError(this, 'callback is not a function');
  return IteratorConsume(this, fn, 0);
}
function IteratorSome(predicate) {
  RequireIteratorObject(this, 'some');
  if (!isCallable(predicate)) CloseAndThrowTypeError(this, 'predicate is not a function');
  return IteratorConsume(this, predicate, 1);
}
function IteratorEvery(predicate) {
  RequireIteratorObject(this, 'every');
  if (!isCallable(predicate)) CloseAndThrowTypeError(this, 'predicate is not a function');
  return IteratorConsume(this, predicate, 2);
}
function IteratorFind(predicate) {
  RequireIteratorObject(this, 'find');
  if (!isCallable(predicate)) CloseAndThrowTypeError(this, 'predicate is not a function');
  return IteratorConsume(this, predicate, 3);
}

// 27.1.3.2.1 Iterator.from ( O )
function IteratorFrom(o) {
  const rec = GetIteratorFlattenable(o, true);
  if (ordinaryHasInstance(intrinsicIterator(), rec[0])) return rec[0];
  return newWrappedIterator(rec[0], rec[1]);
}

// 27.1.3.2.1.2 %WrapForValidIteratorPrototype%.next ( ) / .return ( )
function WrapForValidNext() {
  const state = wrappedIteratorState(this);
  if (state === undefined) throwTypeError('next called on incompatible receiver');
  return callFunction(state[1], state[0]);
}
function WrapForValidReturn() {
  const state = wrappedIteratorState(this);
  if (state === undefined) throwTypeError('return called on incompatible receiver');
  const iterator = state[0];
  const ret = iterator.return;
  if (ret === undefined || ret === null) return iterResult(undefined, true);
  return callFunction(ret, iterator);
}

function* ConcatHelper(iterables) {
  let closing = true;
  let current;
  const done = {};
  try {
    yield undefined;
    for (let i = 0; i < iterables.length; i += 2) {
      closing = false;
      current = callFunction(iterables[i + 1], iterables[i]);
      if (!isObject(current)) throwTypeError('the iterator is not an object');
      const next = current.next;
      for (;;) {
        closing = false;
        const value = StepValue(current, next, done);
        if (value === done) break;
        closing = true;
        yield value;
      }
    }
  } finally {
    if (closing && current !== undefined) IteratorClose(current);
  }
}

// Iterator.concat ( ...items )
function IteratorConcat() {
  const iterables = newArray();
  for (let i = 0; i < arguments.length; i++) {
    const item = arguments[i];
    if (!isObject(item)) throwTypeError('Iterator.concat: ' + ToStringSlowSafe(item) + ' is not an object');
    const method = item[symIterator];
    if (!isCallable(method)) throwTypeError('Iterator.concat: the argument is not iterable');
    arrayPush(iterables, item);
    arrayPush(iterables, method);
  }
  return StartHelper(ConcatHelper(iterables));
}

// 27.1.4.1.1 SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v )
function SetterThatIgnoresPrototypeProperties(thisValue, home, p, v) {
  if (!isObject(thisValue)) throwTypeError('setter called on non-object');
  if (thisValue === home) throwTypeError('Cannot assign to read only property of the prototype');
  if (!hasOwn(thisValue, p)) {
    createDataProperty(thisValue, p, v);
  } else {
    thisValue[p] = v;
  }
}

function IteratorTagGetter() { return 'Iterator'; }
function IteratorTagSetter(v) {
  SetterThatIgnoresPrototypeProperties(this, intrinsicIteratorPrototype(), symToStringTag, v);
}
function IteratorConstructorGetter() { return intrinsicIterator(); }
function IteratorConstructorSetter(v) {
  SetterThatIgnoresPrototypeProperties(this, intrinsicIteratorPrototype(), 'constructor', v);
}

// ---- Date (runtime/builtins/date.cc) ------------------------------------------------

// 7.1.1.1 OrdinaryToPrimitive ( O, hint )
function OrdinaryToPrimitive(O, hint) {
  const first = hint === 'string' ? 'toString' : 'valueOf';
  const second = hint === 'string' ? 'valueOf' : 'toString';
  let method = O[first];
  if (isCallable(method)) {
    const result = callFunction(method, O);
    if (!isObject(result)) return result;
  }
  method = O[second];
  if (isCallable(method)) {
    const result = callFunction(method, O);
    if (!isObject(result)) return result;
  }
  throwTypeError('Cannot convert object to primitive value');
}

// 21.4.4.45 Date.prototype [ %Symbol.toPrimitive% ] ( hint )
function DateToPrimitive(hint) {
  if (!isObject(this)) throwTypeError('Date.prototype[Symbol.toPrimitive] called on non-object');
  if (hint === 'string' || hint === 'default') return OrdinaryToPrimitive(this, 'string');
  if (hint === 'number') return OrdinaryToPrimitive(this, 'number');
  throwTypeError('Invalid hint: ' + ToStringSlowSafe(hint));
}

// 21.4.4.37 Date.prototype.toJSON ( key )
function DateToJSON(key) {
  const O = toObject(this);
  const tv = ToPrimitive(O, 'number');
  if (typeof tv === 'number' && (tv !== tv || tv === 1 / 0 || tv === -1 / 0)) return null;
  const toISO = O.toISOString;
  if (!isCallable(toISO)) throwTypeError('toISOString is not a function');
  return callFunction(toISO, O);
}

// A Date setter whose arguments need ToNumber in JavaScript: the date value
// was read first (by the native), then the arguments are converted in order.
function DateSetterConvert(date, tv, magic, args) {
  for (let i = 0; i < args.length; i++) args[i] = +ToPrimitive(args[i], 'number');
  return dateSetFields(date, tv, magic, args);
}

// 22.1.2.4 String.raw ( template, ...substitutions )
function StringRaw(template) {
  const cooked = toObject(template);
  const literals = toObject(cooked.raw);
  const literalCount = ToLength(literals.length);
  if (literalCount <= 0) return '';
  let r = '';
  for (let i = 0; ; i++) {
    r += ToStringSlow(literals[i]);
    if (i + 1 === literalCount) return r;
    if (i + 1 < arguments.length) r += ToStringSlow(arguments[i + 1]);
  }
}

// ---- Generic Array.prototype mutators (the natives' fallbacks) --------------------

// 23.1.3.23 Array.prototype.push ( ...items )
function ArrayPushGeneric() {
  const O = toObject(this);
  let len = ToLength(O.length);
  const n = arguments.length;
  if (len + n > 9007199254740991) throwTypeError('Pushing past the maximum array length');
  for (let i = 0; i < n; i++, len++) O[len] = arguments[i];
  O.length = len;
  return len;
}

// 23.1.3.22 Array.prototype.pop ( )
function ArrayPopGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  if (len === 0) {
    O.length = 0;
    return undefined;
  }
  const newLen = len - 1;
  const element = O[newLen];
  delete O[newLen];
  O.length = newLen;
  return element;
}

// 23.1.3.27 Array.prototype.shift ( )
function ArrayShiftGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  if (len === 0) {
    O.length = 0;
    return undefined;
  }
  const first = O[0];
  for (let k = 1; k < len; k++) {
    if (k in O) {
      O[k - 1] = O[k];
    } else {
      delete O[k - 1];
    }
  }
  delete O[len - 1];
  O.length = len - 1;
  return first;
}

// 23.1.3.37 Array.prototype.unshift ( ...items )
function ArrayUnshiftGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  const argCount = arguments.length;
  if (argCount > 0) {
    if (len + argCount > 9007199254740991) throwTypeError('Unshifting past the maximum array length');
    for (let k = len; k > 0; k--) {
      const from = k - 1;
      const to = k + argCount - 1;
      if (from in O) {
        O[to] = O[from];
      } else {
        delete O[to];
      }
    }
    for (let j = 0; j < argCount; j++) O[j] = arguments[j];
  }
  O.length = len + argCount;
  return len + argCount;
}

// 23.1.3.26 Array.prototype.reverse ( )
function ArrayReverseGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  const middle = mathFloor(len / 2);
  for (let lower = 0; lower !== middle; lower++) {
    const upper = len - lower - 1;
    const lowerExists = lower in O;
    const lowerValue = lowerExists ? O[lower] : undefined;
    const upperExists = upper in O;
    const upperValue = upperExists ? O[upper] : undefined;
    if (lowerExists && upperExists) {
      O[lower] = upperValue;
      O[upper] = lowerValue;
    } else if (upperExists) {
      O[lower] = upperValue;
      delete O[upper];
    } else if (lowerExists) {
      delete O[lower];
      O[upper] = lowerValue;
    }
  }
  return O;
}

// 23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] )
function ArrayFillGeneric(value, start, end) {
  const O = toObject(this);
  const len = ToLength(O.length);
  const k0 = RelativeIndex(start, len, 0);
  const final = RelativeIndex(end, len, len);
  for (let k = k0; k < final; k++) O[k] = value;
  return O;
}
