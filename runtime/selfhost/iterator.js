// Part of Ratchet's self-hosted library (see core.js): iterator helpers.

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
    numLimit = ToNumberSlow(limit);
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

// Array.fromAsync ( asyncItems [ , mapper [ , thisArg ] ] ) (ES2026): the
// whole algorithm runs in an async function, so abrupt completions reject.
function ArrayFromAsync(asyncItems, mapper, thisArg) {
  return ArrayFromAsyncBody(this, asyncItems, mapper, thisArg);
}

async function AsyncIteratorCloseThrow(iterator, error) {
  const ret = iterator.return;
  if (ret !== undefined && ret !== null) {
    const result = callFunction(ret, iterator);
    await result;
  }
  throw error;
}

async function ArrayFromAsyncBody(C, asyncItems, mapper, thisArg) {
  const mapping = mapper !== undefined;
  if (mapping && !isCallable(mapper)) throwTypeError('Array.fromAsync: the mapper is not a function');
  let usingAsyncIterator = asyncItems === undefined || asyncItems === null ? undefined : asyncItems[symAsyncIterator];
  if (usingAsyncIterator === null) usingAsyncIterator = undefined;
  let usingSyncIterator;
  if (usingAsyncIterator === undefined) {
    usingSyncIterator = asyncItems === undefined || asyncItems === null ? undefined : asyncItems[symIterator];
    if (usingSyncIterator === null) usingSyncIterator = undefined;
  }
  let iterator;
  let next;
  if (usingAsyncIterator !== undefined) {
    if (!isCallable(usingAsyncIterator)) throwTypeError('Symbol.asyncIterator is not a function');
    iterator = callFunction(usingAsyncIterator, asyncItems);
    if (!isObject(iterator)) throwTypeError('Result of the Symbol.asyncIterator method is not an object');
    next = iterator.next;
  } else if (usingSyncIterator !== undefined) {
    if (!isCallable(usingSyncIterator)) throwTypeError('Symbol.iterator is not a function');
    const syncIterator = callFunction(usingSyncIterator, asyncItems);
    if (!isObject(syncIterator)) throwTypeError('Result of the Symbol.iterator method is not an object');
    iterator = CreateAsyncFromSyncIterator(syncIterator, syncIterator.next);
    next = iterator.next;
  }
  if (iterator !== undefined) {
    const A = isConstructor(C) ? new C() : newArray();
    let k = 0;
    while (true) {
      if (k >= 9007199254740991) {
        return AsyncIteratorCloseThrow(iterator, newTypeError('Array.fromAsync: too many elements'));
      }
      const nextResult = await callFunction(next, iterator);
      if (!isObject(nextResult)) throwTypeError('Iterator result is not an object');
      if (nextResult.done) {
        A.length = k;
        return A;
      }
      const nextValue = nextResult.value;
      let mappedValue = nextValue;
      if (mapping) {
        try {
          mappedValue = await callFunction(mapper, thisArg, nextValue, k);
        } catch (e) {
          return AsyncIteratorCloseThrow(iterator, e);
        }
      }
      try {
        createDataProperty(A, k, mappedValue);
      } catch (e) {
        return AsyncIteratorCloseThrow(iterator, e);
      }
      k++;
    }
  }
  const arrayLike = toObject(asyncItems);
  const len = ToLength(arrayLike.length);
  const A = isConstructor(C) ? new C(len) : newArrayWithLength(len);
  for (let k = 0; k < len; k++) {
    const kValue = await arrayLike[k];
    const mappedValue = mapping ? await callFunction(mapper, thisArg, kValue, k) : kValue;
    createDataProperty(A, k, mappedValue);
  }
  A.length = len;
  return A;
}

function CloseAndThrowRangeError(o, message) {
  IteratorCloseQuietly(o);
  throwRangeError(message);
}

// Validates a chunk or window size (iterator-chunking): an integral Number
// in [1, 2^32 - 1], closing the iterator on failure.
function HelperSize(o, size, what) {
  if (typeof size !== 'number') CloseAndThrowTypeError(o, what + ' must be a number');
  if (size !== size || size === 1 / 0 || size === -1 / 0 || mathFloor(size) !== size) {
    CloseAndThrowTypeError(o, what + ' must be an integer');
  }
  if (size < 1 || size > 4294967295) CloseAndThrowRangeError(o, what + ' is out of range');
  return size;
}

function* ChunksHelper(iterated, next, chunkSize) {
  let closing = true;
  const done = {};
  try {
    yield undefined;
    let buffer = newArray();
    for (;;) {
      closing = false;
      const value = StepValue(iterated, next, done);
      if (value === done) {
        if (buffer.length > 0) {
          closing = true;
          yield buffer;
        }
        return undefined;
      }
      arrayPush(buffer, value);
      if (buffer.length === chunkSize) {
        closing = true;
        const chunk = buffer;
        buffer = newArray();
        yield chunk;
      }
    }
  } finally {
    if (closing) IteratorClose(iterated);
  }
}

function* WindowsHelper(iterated, next, windowSize, allowPartial) {
  let closing = true;
  const done = {};
  try {
    yield undefined;
    const buffer = newArray();
    for (;;) {
      closing = false;
      const value = StepValue(iterated, next, done);
      if (value === done) {
        if (allowPartial && buffer.length > 0 && buffer.length < windowSize) {
          closing = true;
          yield CopyList(buffer);
        }
        return undefined;
      }
      if (buffer.length === windowSize) {
        for (let i = 1; i < buffer.length; i++) buffer[i - 1] = buffer[i];
        setLength(buffer, buffer.length - 1);
      }
      arrayPush(buffer, value);
      if (buffer.length === windowSize) {
        closing = true;
        yield CopyList(buffer);
      }
    }
  } finally {
    if (closing) IteratorClose(iterated);
  }
}

function CopyList(list) {
  const copy = newArray();
  for (let i = 0; i < list.length; i++) arrayPush(copy, list[i]);
  return copy;
}

// Iterator.prototype.chunks ( chunkSize )
function IteratorChunks(chunkSize) {
  RequireIteratorObject(this, 'chunks');
  const size = HelperSize(this, chunkSize, 'chunkSize');
  return StartHelper(ChunksHelper(this, this.next, size));
}

// Iterator.prototype.windows ( windowSize [ , undersized ] )
function IteratorWindows(windowSize, undersized) {
  RequireIteratorObject(this, 'windows');
  const size = HelperSize(this, windowSize, 'windowSize');
  if (undersized === undefined) undersized = 'only-full';
  if (undersized !== 'only-full' && undersized !== 'allow-partial') {
    CloseAndThrowTypeError(this, 'undersized must be "only-full" or "allow-partial"');
  }
  return StartHelper(WindowsHelper(this, this.next, size, undersized === 'allow-partial'));
}

// Iterator.prototype.includes ( searchElement [ , skippedElements ] )
function IteratorIncludes(searchElement, skippedElements) {
  const O = this;
  RequireIteratorObject(O, 'includes');
  let toSkip = 0;
  if (skippedElements !== undefined) {
    if (typeof skippedElements !== 'number') CloseAndThrowTypeError(O, 'skippedElements must be a number');
    if (skippedElements === 1 / 0) {
      toSkip = 1 / 0;
    } else {
      if (skippedElements !== skippedElements || skippedElements === -1 / 0 ||
          mathFloor(skippedElements) !== skippedElements) {
        if (skippedElements === -1 / 0) CloseAndThrowRangeError(O, 'skippedElements must not be negative');
        CloseAndThrowTypeError(O, 'skippedElements must be an integer');
      }
      if (skippedElements < 0) CloseAndThrowRangeError(O, 'skippedElements must not be negative');
      if (skippedElements > 9007199254740991) CloseAndThrowRangeError(O, 'skippedElements is too large');
      toSkip = skippedElements;
    }
  }
  const next = O.next;
  const done = {};
  let skipped = 0;
  for (;;) {
    const value = StepValue(O, next, done);
    if (value === done) return false;
    if (skipped < toSkip) {
      skipped++;
    } else if (value === searchElement || (value !== value && searchElement !== searchElement)) {
      IteratorClose(O);
      return true;
    }
  }
}

// Iterator.prototype.join ( separator )
function IteratorJoin(separator) {
  const O = this;
  RequireIteratorObject(O, 'join');
  let sep = ',';
  if (separator !== undefined) {
    try {
      sep = ToStringSlow(separator);
    } catch (e) {
      IteratorCloseQuietly(O);
      throw e;
    }
  }
  const next = O.next;
  const done = {};
  let R = '';
  let first = true;
  for (;;) {
    const value = StepValue(O, next, done);
    if (value === done) return R;
    if (!first) R += sep;
    first = false;
    if (value !== undefined && value !== null) {
      try {
        R += ToStringSlow(value);
      } catch (e) {
        IteratorCloseQuietly(O);
        throw e;
      }
    }
  }
}

// ---- Joint iteration: Iterator.zip and Iterator.zipKeyed --------------------
// Iterator records are [iterator, next] pairs; "open" lists the ones not yet
// exhausted, which IteratorCloseAll closes in reverse order.

// IteratorCloseAll ( iters, completion ) for a throw completion.
function IteratorCloseAllThrow(open, error) {
  for (let i = open.length - 1; i >= 0; i--) IteratorCloseQuietly(open[i][0]);
  throw error;
}

// IteratorCloseAll for a normal (or return) completion: the first error
// thrown by a return() becomes the completion.
function IteratorCloseAllNormal(open) {
  let hasError = false;
  let error;
  for (let i = open.length - 1; i >= 0; i--) {
    if (hasError) {
      IteratorCloseQuietly(open[i][0]);
      continue;
    }
    try {
      IteratorClose(open[i][0]);
    } catch (e) {
      hasError = true;
      error = e;
    }
  }
  if (hasError) throw error;
}

function ListRemove(list, item) {
  for (let i = 0; i < list.length; i++) {
    if (list[i] === item) {
      for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j];
      list.length = list.length - 1;
      return;
    }
  }
}

function GetOptionsObject(options) {
  if (options === undefined) return newRecord();
  if (isObject(options)) return options;
  throwTypeError('options must be an object');
}

// The mode and padding option of zip / zipKeyed.
function ZipMode(options) {
  let mode = options.mode;
  if (mode === undefined) mode = 'shortest';
  if (mode !== 'shortest' && mode !== 'longest' && mode !== 'strict') {
    throwTypeError('mode must be "shortest", "longest" or "strict"');
  }
  return mode;
}

function ZipPaddingOption(options, mode) {
  if (mode !== 'longest') return undefined;
  const padding = options.padding;
  if (padding !== undefined && !isObject(padding)) throwTypeError('padding must be an object');
  return padding;
}

function ZipTypeError(message) {
  try {
    throwTypeError(message);
  } catch (e) {
    return e;
  }
}

// Iterator.zip ( iterables [ , options ] )
function IteratorZip(iterables, options) {
  if (!isObject(iterables)) throwTypeError('Iterator.zip: iterables is not an object');
  options = GetOptionsObject(options);
  const mode = ZipMode(options);
  const paddingOption = ZipPaddingOption(options, mode);
  const iters = newArray();
  const done = {};
  const inputIterator = GetIterator(iterables);
  const input = [inputIterator, inputIterator.next];
  for (;;) {
    let value;
    try {
      value = StepValue(input[0], input[1], done);
    } catch (e) {
      IteratorCloseAllThrow(iters, e);
    }
    if (value === done) break;
    let iter;
    try {
      iter = GetIteratorFlattenable(value, false);
    } catch (e) {
      const all = [input];
      for (let i = 0; i < iters.length; i++) arrayPush(all, iters[i]);
      IteratorCloseAllThrow(all, e);
    }
    arrayPush(iters, iter);
  }
  const padding = newArray();
  if (mode === 'longest') {
    if (paddingOption === undefined) {
      for (let i = 0; i < iters.length; i++) arrayPush(padding, undefined);
    } else {
      let paddingIterator;
      let paddingNext;
      try {
        paddingIterator = GetIterator(paddingOption);
        paddingNext = paddingIterator.next;
      } catch (e) {
        IteratorCloseAllThrow(iters, e);
      }
      let usingIterator = true;
      for (let i = 0; i < iters.length; i++) {
        if (usingIterator) {
          let value;
          try {
            value = StepValue(paddingIterator, paddingNext, done);
          } catch (e) {
            IteratorCloseAllThrow(iters, e);
          }
          if (value === done) usingIterator = false;
          else arrayPush(padding, value);
        }
        if (!usingIterator) arrayPush(padding, undefined);
      }
      if (usingIterator) {
        try {
          IteratorClose(paddingIterator);
        } catch (e) {
          IteratorCloseAllThrow(iters, e);
        }
      }
    }
  }
  return StartHelper(ZipCore(iters, mode, padding, undefined));
}

// Iterator.zipKeyed ( iterables [ , options ] )
function IteratorZipKeyed(iterables, options) {
  if (!isObject(iterables)) throwTypeError('Iterator.zipKeyed: iterables is not an object');
  options = GetOptionsObject(options);
  const mode = ZipMode(options);
  const paddingOption = ZipPaddingOption(options, mode);
  const iters = newArray();
  const keys = newArray();
  const allKeys = ownKeys(iterables);
  for (let i = 0; i < allKeys.length; i++) {
    const key = allKeys[i];
    let value;
    try {
      if (!isEnumerable(iterables, key)) continue;
      value = iterables[key];
    } catch (e) {
      IteratorCloseAllThrow(iters, e);
    }
    if (value === undefined) continue;
    arrayPush(keys, key);
    let iter;
    try {
      iter = GetIteratorFlattenable(value, false);
    } catch (e) {
      IteratorCloseAllThrow(iters, e);
    }
    arrayPush(iters, iter);
  }
  const padding = newArray();
  if (mode === 'longest') {
    for (let i = 0; i < keys.length; i++) {
      let value;
      if (paddingOption !== undefined) {
        try {
          value = paddingOption[keys[i]];
        } catch (e) {
          IteratorCloseAllThrow(iters, e);
        }
      }
      arrayPush(padding, value);
    }
  }
  return StartHelper(ZipCore(iters, mode, padding, keys));
}

// IteratorZipCore: yields arrays (keys undefined) or null-prototype objects.
function* ZipCore(iters, mode, padding, keys) {
  const iterCount = iters.length;
  const open = newArray();
  for (let i = 0; i < iterCount; i++) arrayPush(open, iters[i]);
  const done = {};
  let suspended = true;  // a return() now closes the open iterators
  try {
    yield undefined;
    for (;;) {
      suspended = false;
      if (iterCount === 0) return undefined;
      const results = newArray();
      for (let i = 0; i < iterCount; i++) {
        const iter = iters[i];
        let result;
        if (iter === null) {
          result = padding[i];
        } else {
          try {
            result = StepValue(iter[0], iter[1], done);
          } catch (e) {
            ListRemove(open, iter);
            IteratorCloseAllThrow(open, e);
          }
          if (result === done) {
            ListRemove(open, iter);
            if (mode === 'shortest') {
              IteratorCloseAllNormal(open);
              return undefined;
            }
            if (mode === 'strict') {
              if (i !== 0) IteratorCloseAllThrow(open, ZipTypeError('Iterator.zip: the iterators have different lengths'));
              for (let k = 1; k < iterCount; k++) {
                let finished;
                try {
                  const r = callFunction(iters[k][1], iters[k][0]);
                  if (!isObject(r)) throwTypeError('Iterator result is not an object');
                  finished = !!r.done;
                } catch (e) {
                  ListRemove(open, iters[k]);
                  IteratorCloseAllThrow(open, e);
                }
                if (!finished) IteratorCloseAllThrow(open, ZipTypeError('Iterator.zip: the iterators have different lengths'));
                ListRemove(open, iters[k]);
              }
              return undefined;
            }
            if (open.length === 0) return undefined;
            iters[i] = null;
            result = padding[i];
          }
        }
        arrayPush(results, result);
      }
      let value = results;
      if (keys !== undefined) {
        value = newRecord();
        for (let i = 0; i < iterCount; i++) createDataProperty(value, keys[i], results[i]);
      }
      suspended = true;
      yield value;
    }
  } finally {
    if (suspended) IteratorCloseAllNormal(open);
  }
}
