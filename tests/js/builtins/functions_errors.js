// Function.prototype's restricted "caller"/"arguments", %ThrowTypeError%,
// sloppy functions' legacy own properties, bind through accessors and
// proxies, native function source text, Error.prototype.stack (accessor over
// [[ErrorData]]) and error causes read through getters and proxies.
const thrower = Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get;
assertEq(thrower, Object.getOwnPropertyDescriptor(Function.prototype, 'arguments').set);
assertTrue(Object.isFrozen(thrower), 'ThrowTypeError is frozen');
assertEq(thrower.name, '');
assertThrows(TypeError, () => (() => 0).caller, 'arrow caller');
assertThrows(TypeError, function () { 'use strict'; return function () {}.arguments; }, 'strict arguments');
function sloppy() { return sloppy.caller; }
assertEq(sloppy(), undefined, 'sloppy caller');
assertEq(sloppy.arguments, null);
print(Object.getOwnPropertyNames(sloppy).join());
print(Object.getOwnPropertyNames(function () { 'use strict'; }).join());
function nonSimple(a = 1) { return arguments; }
assertEq(Object.getOwnPropertyDescriptor(nonSimple(), 'callee').get, thrower, 'unmapped callee');

// bind reads length and name through getters and proxy traps.
const log = [];
const target = Object.defineProperty(function (a, b, c) {}, 'name', { get() { log.push('name'); return 'tgt'; } });
const bound = target.bind(null, 1);
print(bound.name, bound.length, log.join());
const p = new Proxy(function (x, y) {}, {
  getOwnPropertyDescriptor(t, k) { log.push('gopd ' + k); return Reflect.getOwnPropertyDescriptor(t, k); },
  get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },
  getPrototypeOf(t) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
});
log.length = 0;
const bp = p.bind(null);
print(bp.name, bp.length, Object.getPrototypeOf(bp) === Function.prototype, log.join());
assertThrows(RangeError, () => Object.defineProperty(function () {}, 'name', { get() { throw new RangeError('x'); } }).bind());

// Native functions print as NativeFunction syntax.
print(Math.max.toString(), Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.toString());
class S { static /* c */ m() { return 1; } }
class C extends Object { constructor() { super(); } }
print(S.m.toString(), '|', C.toString());

// Error.prototype.stack
const e = new TypeError('boom');
assertEq(Object.prototype.hasOwnProperty.call(e, 'stack'), false, 'no own stack');
assertEq(e.stack.split('\n')[0], 'TypeError: boom');
const stackDesc = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
assertEq(stackDesc.get.call({}), undefined, 'no [[ErrorData]]');
assertThrows(TypeError, () => { e.stack = 42; }, 'non-string stack');
e.stack = 'custom';
print(JSON.stringify(Object.getOwnPropertyDescriptor(e, 'stack')), typeof stackDesc.get.call(e));
assertThrows(TypeError, () => { Error.prototype.stack = 'x'; }, 'on the prototype');
try { null.x; } catch (err) { assertEq(err.stack.split('\n')[0].startsWith('TypeError'), true, 'engine error stack'); }

// Error causes through getters and proxies; AggregateError with a proxy newTarget.
const withGetter = new Error('m', { get cause() { log.push('cause'); return 7; } });
print(withGetter.cause, Object.getOwnPropertyDescriptor(withGetter, 'cause').enumerable);
const causeProxy = new Proxy({ cause: 'c' }, { has(t, k) { log.push('has ' + k); return k in t; } });
log.length = 0;
print(new RangeError('r', causeProxy).cause, log.join());
print(new Error('plain', {}).hasOwnProperty('cause'), new Error('x', { cause: undefined }).hasOwnProperty('cause'));
const custom = { marker: 1 };
const nt = new Proxy(function () {}, { get(t, k) { return k === 'prototype' ? custom : t[k]; } });
assertEq(Object.getPrototypeOf(Reflect.construct(AggregateError, [[]], nt)), custom, 'AggregateError proto');

// Error.captureStackTrace (V8's API): an own, non-enumerable "stack" with the
// target's Error.prototype.toString header; frames below constructorOpt.
function innerCapture() { const o = { name: 'Custom', message: 'msg' }; Error.captureStackTrace(o); return o; }
function outerCapture() { return innerCapture(); }
const captured = outerCapture();
print(captured.stack.split('\n').slice(0, 3).map((l) => l.trim().split(' (')[0]).join(' | '),
      Object.getOwnPropertyDescriptor(captured, 'stack').enumerable);
function Made() { Error.captureStackTrace(this, Made); }
function factory() { return new Made(); }
print(new Made().stack.split('\n')[0], factory().stack.split('\n')[1].trim().split(' (')[0]);
assertThrows(TypeError, () => Error.captureStackTrace(1), 'non-object target');
print(Math.f16round(1.337), Math.f16round(65520), Math.f16round(65519.99), Object.is(Math.f16round(-0), -0));
