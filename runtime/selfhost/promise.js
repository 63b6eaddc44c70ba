// Part of Ratchet's self-hosted library (see core.js): promises, async functions, async generators.

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

// Promise.allKeyed / Promise.allSettledKeyed (await dictionary): the
// enumerable own properties of `promises`, settled into a null-prototype
// object with the same keys in the same order.
function PromiseKeyedCombinator(C, promises, settled) {
  const cap = NewPromiseCapability(C);
  try {
    const promiseResolve = C.resolve;
    if (!isCallable(promiseResolve)) throwTypeError('Promise resolve is not a function');
    if (!isObject(promises)) {
      throwTypeError('Promise.' + (settled ? 'allSettledKeyed' : 'allKeyed') + ': the argument is not an object');
    }
    const keys = newArray();
    const values = newArray();
    const remaining = [1];
    const resolveKeyed = (results) => {
      const obj = newRecord();
      for (let i = 0; i < keys.length; i++) createDataProperty(obj, keys[i], results[i]);
      return callFunction(cap[1], undefined, obj);
    };
    const keyedCap = [cap[0], resolveKeyed, cap[2]];
    const allKeys = ownKeys(promises);
    let index = 0;
    for (let k = 0; k < allKeys.length; k++) {
      const key = allKeys[k];
      if (!isEnumerable(promises, key)) continue;
      const value = promises[key];
      arrayPush(keys, key);
      arrayPush(values, undefined);
      const nextPromise = callFunction(promiseResolve, C, value);
      let onFulfilled;
      let onRejected = cap[2];
      if (settled) {
        const called = [false];
        onFulfilled = MakeSettledElement(values, index, remaining, keyedCap, called, true);
        onRejected = MakeSettledElement(values, index, remaining, keyedCap, called, false);
      } else {
        onFulfilled = MakeAllResolveElement(values, index, remaining, keyedCap);
      }
      remaining[0]++;
      const then = nextPromise.then;
      callFunction(then, nextPromise, onFulfilled, onRejected);
      index++;
    }
    if (--remaining[0] === 0) resolveKeyed(values);
  } catch (e) {
    callFunction(cap[2], undefined, e);
  }
  return cap[0];
}

function PromiseAllKeyed(promises) { return PromiseKeyedCombinator(this, promises, false); }
function PromiseAllSettledKeyed(promises) { return PromiseKeyedCombinator(this, promises, true); }

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
