// Explicit resource management: 27.3 DisposableStack, 27.4
// AsyncDisposableStack, the iterator prototypes' dispose methods, and the
// AggregateError / SuppressedError constructors (runtime/builtins/disposable.cc).
// A stack's state record is { async, disposed, stack } where stack holds
// [value, hint, method] triples (hint 0 sync-dispose, 1 async-dispose).

// 20.5.8.1 InstallErrorCause ( O, options ); also the Error constructors'
// path when reading options.cause may run code (an accessor, a proxy).
function InstallErrorCause(O, options) {
  if (isObject(options) && 'cause' in options) defineHidden(O, 'cause', options.cause);
  return O;
}

// Error.captureStackTrace's second half: "stack" is the target's
// Error.prototype.toString header and the frames the native collected.
function ErrorCaptureStackTrace(targetObject, frames) {
  const header = callFunction(ErrorToString, targetObject);
  const desc = newRecord();
  desc.value = header + frames;
  desc.writable = true;
  desc.enumerable = false;
  desc.configurable = true;
  if (!callFunction(reflectOp(5), undefined, targetObject, 'stack', desc)) {
    throwTypeError("Cannot define property 'stack'");
  }
}

// 20.5.7.1.1 AggregateError ( errors, message [ , options ] )
function AggregateErrorConstruct(errors, message, options, newTarget) {
  const O = newErrorObject(newTarget, 0, newTarget.prototype);
  if (message !== undefined) defineHidden(O, 'message', ToStringSlow(message));
  InstallErrorCause(O, options);
  const errorsList = IterableToArray(errors);
  defineHidden(O, 'errors', errorsList);
  return O;
}

// 20.5.8.1.1 SuppressedError ( error, suppressed, message )
function SuppressedErrorConstruct(error, suppressed, message, newTarget) {
  const O = newErrorObject(newTarget, 1, newTarget.prototype);
  if (message !== undefined) defineHidden(O, 'message', ToStringSlow(message));
  defineHidden(O, 'error', error);
  defineHidden(O, 'suppressed', suppressed);
  return O;
}

function NewSuppressedError(error, suppressed) {
  const O = newErrorObject(undefined, 1);
  defineHidden(O, 'error', error);
  defineHidden(O, 'suppressed', suppressed);
  return O;
}

function DisposableStackConstruct(newTarget) { return newDisposableStack(newTarget, false); }
function AsyncDisposableStackConstruct(newTarget) { return newDisposableStack(newTarget, true); }

function ThisDisposableStack(O, async, name) {
  const state = disposableStackState(O, async);
  if (state === undefined) {
    throwTypeError((async ? 'AsyncDisposableStack' : 'DisposableStack') + '.prototype.' + name +
                   ' called on incompatible receiver');
  }
  return state;
}

function PushResource(state, value, hint, method) {
  const stack = state.stack;
  arrayPush(stack, value);
  arrayPush(stack, hint);
  arrayPush(stack, method);
}

// 7.5.? GetDisposeMethod ( V, hint )
function GetDisposeMethod(V, hint) {
  let method;
  if (hint === 1) {
    method = V[symAsyncDispose];
    if (method === undefined || method === null) {
      const syncMethod = V[symDispose];
      if (syncMethod === undefined || syncMethod === null) return undefined;
      if (!isCallable(syncMethod)) throwTypeError('Symbol.dispose is not a function');
      // The sync method, wrapped so that its result is not awaited.
      return function () {
        callFunction(syncMethod, this);
        return undefined;
      };
    }
  } else {
    method = V[symDispose];
    if (method === undefined || method === null) return undefined;
  }
  if (!isCallable(method)) throwTypeError('the dispose method is not a function');
  return method;
}

// 7.5.? AddDisposableResource ( disposeCapability, V, hint [ , method ] )
function AddDisposableResource(state, V, hint, method) {
  if (method === undefined) {
    if (V === undefined || V === null) {
      if (hint === 1) PushResource(state, undefined, hint, undefined);
      return;
    }
    if (!isObject(V)) throwTypeError('The value is not an object and cannot be disposed');
    method = GetDisposeMethod(V, hint);
    if (method === undefined) throwTypeError('The value is not disposable');
  }
  PushResource(state, V, hint, method);
}

// 7.5.? DisposeResources ( disposeCapability, completion ), synchronous.
function DisposeResourcesSync(state, hasError, error) {
  const stack = state.stack;
  for (let i = stack.length - 3; i >= 0; i -= 3) {
    const method = stack[i + 2];
    if (method === undefined) continue;
    try {
      callFunction(method, stack[i]);
    } catch (e) {
      if (hasError) error = NewSuppressedError(e, error);
      else error = e;
      hasError = true;
    }
  }
  state.stack = newArray();
  if (hasError) throw error;
  return undefined;
}

// 7.5.? DisposeResources, asynchronous: each result is awaited.
async function DisposeResourcesAsync(state) {
  const stack = state.stack;
  let hasError = false;
  let error;
  for (let i = stack.length - 3; i >= 0; i -= 3) {
    const method = stack[i + 2];
    try {
      if (method === undefined) {
        await undefined;
      } else {
        await callFunction(method, stack[i]);
      }
    } catch (e) {
      if (hasError) error = NewSuppressedError(e, error);
      else error = e;
      hasError = true;
    }
  }
  state.stack = newArray();
  if (hasError) throw error;
  return undefined;
}

// 27.3.3.2 get DisposableStack.prototype.disposed
function DisposableStackDisposed() { return ThisDisposableStack(this, false, 'disposed').disposed; }

// 27.3.3.3 DisposableStack.prototype.dispose ( )
function DisposableStackDispose() {
  const state = ThisDisposableStack(this, false, 'dispose');
  if (state.disposed) return undefined;
  state.disposed = true;
  return DisposeResourcesSync(state, false, undefined);
}

// 27.3.3.6 DisposableStack.prototype.use ( value )
function DisposableStackUse(value) {
  const state = ThisDisposableStack(this, false, 'use');
  if (state.disposed) throwReferenceError('DisposableStack is already disposed');
  AddDisposableResource(state, value, 0);
  return value;
}

// 27.3.3.1 DisposableStack.prototype.adopt ( value, onDispose )
function DisposableStackAdopt(value, onDispose) {
  const state = ThisDisposableStack(this, false, 'adopt');
  if (state.disposed) throwReferenceError('DisposableStack is already disposed');
  if (!isCallable(onDispose)) throwTypeError('onDispose is not a function');
  AddDisposableResource(state, undefined, 0, function () { callFunction(onDispose, undefined, value); });
  return value;
}

// 27.3.3.4 DisposableStack.prototype.defer ( onDispose )
function DisposableStackDefer(onDispose) {
  const state = ThisDisposableStack(this, false, 'defer');
  if (state.disposed) throwReferenceError('DisposableStack is already disposed');
  if (!isCallable(onDispose)) throwTypeError('onDispose is not a function');
  AddDisposableResource(state, undefined, 0, onDispose);
  return undefined;
}

// 27.3.3.5 DisposableStack.prototype.move ( )
function DisposableStackMove() {
  const state = ThisDisposableStack(this, false, 'move');
  if (state.disposed) throwReferenceError('DisposableStack is already disposed');
  const newStack = newDisposableStack(undefined, false);
  disposableStackState(newStack, false).stack = state.stack;
  state.stack = newArray();
  state.disposed = true;
  return newStack;
}

// 27.4.3.2 get AsyncDisposableStack.prototype.disposed
function AsyncDisposableStackDisposed() { return ThisDisposableStack(this, true, 'disposed').disposed; }

// 27.4.3.3 AsyncDisposableStack.prototype.disposeAsync ( )
async function AsyncDisposableStackDisposeAsync() {
  const state = ThisDisposableStack(this, true, 'disposeAsync');
  if (state.disposed) return undefined;
  state.disposed = true;
  return DisposeResourcesAsync(state);
}

function AsyncDisposableStackUse(value) {
  const state = ThisDisposableStack(this, true, 'use');
  if (state.disposed) throwReferenceError('AsyncDisposableStack is already disposed');
  AddDisposableResource(state, value, 1);
  return value;
}

function AsyncDisposableStackAdopt(value, onDisposeAsync) {
  const state = ThisDisposableStack(this, true, 'adopt');
  if (state.disposed) throwReferenceError('AsyncDisposableStack is already disposed');
  if (!isCallable(onDisposeAsync)) throwTypeError('onDisposeAsync is not a function');
  AddDisposableResource(state, undefined, 1, function () { return callFunction(onDisposeAsync, undefined, value); });
  return value;
}

function AsyncDisposableStackDefer(onDisposeAsync) {
  const state = ThisDisposableStack(this, true, 'defer');
  if (state.disposed) throwReferenceError('AsyncDisposableStack is already disposed');
  if (!isCallable(onDisposeAsync)) throwTypeError('onDisposeAsync is not a function');
  AddDisposableResource(state, undefined, 1, onDisposeAsync);
  return undefined;
}

function AsyncDisposableStackMove() {
  const state = ThisDisposableStack(this, true, 'move');
  if (state.disposed) throwReferenceError('AsyncDisposableStack is already disposed');
  const newStack = newDisposableStack(undefined, true);
  disposableStackState(newStack, true).stack = state.stack;
  state.stack = newArray();
  state.disposed = true;
  return newStack;
}

// 27.1.4.? %Iterator.prototype% [ %Symbol.dispose% ] ( )
function IteratorDispose() {
  const O = this;
  const ret = O.return;
  if (ret !== undefined && ret !== null) {
    if (!isCallable(ret)) throwTypeError('iterator.return is not a function');
    callFunction(ret, O);
  }
  return undefined;
}

// 27.1.5.? %AsyncIteratorPrototype% [ %Symbol.asyncDispose% ] ( )
async function AsyncIteratorDispose() {
  const O = this;
  const ret = O.return;
  if (ret !== undefined && ret !== null) {
    if (!isCallable(ret)) throwTypeError('iterator.return is not a function');
    await callFunction(ret, O);
  }
  return undefined;
}

// ---- using / await using declarations (the compiler's helpers) ----

function UsingNew() {
  return { stack: newArray() };
}

// A `using` (hint 0) or `await using` (hint 1) binding: returns the value.
function UsingAdd(state, V, hint) {
  AddDisposableResource(state, V, hint, undefined);
  return V;
}

// DisposeResources at the end of the scope; kind 1 means the scope threw
// `value`. Returns normally when only that original exception is pending
// (the caller rethrows it); throws the new (possibly suppressing) error.
function UsingDispose(state, kind, value) {
  const stack = state.stack;
  let hasError = kind === 1;
  let error = value;
  for (let i = stack.length - 3; i >= 0; i -= 3) {
    const method = stack[i + 2];
    if (method === undefined) continue;
    try {
      callFunction(method, stack[i]);
    } catch (e) {
      error = hasError ? NewSuppressedError(e, error) : e;
      hasError = true;
    }
  }
  state.stack = newArray();
  if (hasError && !(kind === 1 && error === value)) throw error;
  return undefined;
}

// At the end of a scope with `await using` declarations: disposes
// synchronously and returns undefined when no `await using` declaration was
// evaluated (nothing is awaited then), else returns the promise of the
// asynchronous disposal, which the scope awaits.
function UsingDisposeAsync(state, kind, value) {
  const stack = state.stack;
  let async = false;
  for (let i = 1; i < stack.length; i += 3) if (stack[i] === 1) async = true;
  if (!async) return UsingDispose(state, kind, value);
  return UsingDisposeAwaiting(state, kind, value);
}

async function UsingDisposeAwaiting(state, kind, value) {
  const stack = state.stack;
  let hasError = kind === 1;
  let error = value;
  for (let i = stack.length - 3; i >= 0; i -= 3) {
    const method = stack[i + 2];
    try {
      if (method === undefined) {
        await undefined;
      } else {
        const result = callFunction(method, stack[i]);
        if (stack[i + 1] === 1) await result;
      }
    } catch (e) {
      error = hasError ? NewSuppressedError(e, error) : e;
      hasError = true;
    }
  }
  state.stack = newArray();
  if (hasError && !(kind === 1 && error === value)) throw error;
  return undefined;
}

// ---- FinalizationRegistry (26.2.1.1 CleanupFinalizationRegistry) ----------------
// A job queued by the collector: calls the cleanup callback with the held
// value of each collected target. An exception from the callback is not
// the running task's: it is dropped (HostReportErrors has nowhere to go).
function FinalizationRegistryCleanup(registry) {
  const pending = finalizationRegistryTakePending(registry);
  const callback = pending[0];
  for (let i = 1; i < pending.length; i++) {
    try {
      callFunction(callback, undefined, pending[i]);
    } catch (e) {
      // reported nowhere
    }
  }
}
