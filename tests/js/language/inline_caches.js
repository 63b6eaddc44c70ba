// The interpreter's caches must never change what a program sees: each case
// warms a cache in a loop, then changes what it relied on.

// SetNamed adding a property (a constructor's this.x = v), then a setter
// appears on the prototype.
{
  class P { constructor(v) { this.x = v; } }
  for (let i = 0; i < 50; i++) assertEq(new P(i).x, i);
  let seen = 0;
  Object.defineProperty(P.prototype, 'x', { set(v) { seen = v; }, get() { return 'proto'; }, configurable: true });
  const p = new P(7);
  assertEq(seen, 7, 'the new setter runs');
  assertEq(Object.keys(p).length, 0, 'no own property was added');
  assertEq(p.x, 'proto');
}

// ... then a read-only property on the prototype's prototype.
{
  function make(o, v) { o.y = v; return o; }
  const base = {};
  const mid = Object.create(base);
  for (let i = 0; i < 50; i++) assertEq(make(Object.create(mid), i).y, i);
  Object.defineProperty(base, 'y', { value: 'ro', writable: false, configurable: true });
  const o = make(Object.create(mid), 1);
  assertEq(o.y, 'ro', 'sloppy assignment to an inherited read-only property does nothing');
  assertEq(Object.getOwnPropertyNames(o).length, 0);
}
(function () {
  'use strict';
  function make(o, v) { o.z = v; return o; }
  const proto = {};
  for (let i = 0; i < 50; i++) make(Object.create(proto), i);
  Object.freeze(proto);
  assertEq(make(Object.create(proto), 3).z, 3, 'a frozen prototype without z does not stop adding z');
  Object.defineProperty(Object.prototype, 'z', { value: 0, writable: false, configurable: true });
  assertThrows(TypeError, () => make(Object.create(proto), 4), 'read-only z on Object.prototype');
  delete Object.prototype.z;
})();

// ... the receiver stops being extensible, or its prototype changes.
(function () {
  'use strict';
  function add(o) { o.w = 1; return o; }
  for (let i = 0; i < 50; i++) add({});
  assertThrows(TypeError, () => add(Object.preventExtensions({})), 'non-extensible receiver');
  let got;
  const withSetter = { set w(v) { got = v; } };
  const o = {};
  Object.setPrototypeOf(o, withSetter);
  add(o);
  assertEq(got, 1, 'the setter of the new prototype runs');
  assertEq(Object.getOwnPropertyNames(o).length, 0);
})();

// ... a proxy as the prototype.
{
  function put(o) { o.q = 5; return o; }
  for (let i = 0; i < 50; i++) put(Object.create({}));
  const log = [];
  const proxy = new Proxy({}, { set(t, k, v, r) { log.push(k); return true; } });
  const o = Object.create(proxy);
  put(o);
  assertEq(log.join(), 'q', 'the proxy set trap runs');
  assertEq(Object.getOwnPropertyNames(o).length, 0);
}

// Many properties: the cached transition needs more slots than the object has.
{
  function fill(o) { o.a = 1; o.b = 2; o.c = 3; o.d = 4; o.e = 5; o.f = 6; o.g = 7; return o; }
  let sum = 0;
  for (let i = 0; i < 50; i++) {
    const o = fill({});
    sum += o.a + o.b + o.c + o.d + o.e + o.f + o.g;
  }
  assertEq(sum, 50 * 28);
  assertEq(Object.keys(fill({})).join(), 'a,b,c,d,e,f,g');
}

// Float64Array, Int32Array and Uint8Array element access after a detach or
// a shrink of a resizable buffer.
{
  const f = new Float64Array(8);
  for (let i = 0; i < 8; i++) f[i] = i + 0.5;
  let s = 0;
  for (let r = 0; r < 20; r++) for (let i = 0; i < 8; i++) s += f[i];
  assertEq(s, 20 * 32);
  f[0] = -0;
  assertEq(f[0], -0, '-0 survives a store and a load');
  f[1] = NaN;
  assertTrue(Number.isNaN(f[1]));
  f[2] = 3;
  assertEq(f[2], 3);
  f.buffer.transfer();
  assertEq(f[0], undefined, 'detached: reads are undefined');
  f[0] = 1;
  assertEq(f.length, 0);

  const rab = new ArrayBuffer(16, { maxByteLength: 32 });
  const i32 = new Int32Array(rab, 0, 4);
  const u8 = new Uint8Array(rab, 0, 16);
  for (let r = 0; r < 20; r++) for (let i = 0; i < 4; i++) i32[i] = i32[i] + 1;
  assertEq(i32[3], 20);
  assertEq(u8[0], 20);
  rab.resize(8);
  assertEq(i32[0], undefined, 'out of bounds after the shrink');
  assertEq(u8[9], undefined);
  assertEq(u8[7], undefined, 'a fixed-length view partly out of bounds is wholly out');
  rab.resize(16);
  assertEq(i32[3], 0, 'back in bounds (the shrink dropped the bytes)');
}

// Every integer kind wraps an int32 the way ToInt8/ToUint16/... do; clamped
// arrays clamp; Float32 rounds.
{
  const i8 = new Int8Array(2), u8 = new Uint8Array(2), c8 = new Uint8ClampedArray(2);
  const i16 = new Int16Array(2), u16 = new Uint16Array(2), u32 = new Uint32Array(2), f32 = new Float32Array(2);
  for (let r = 0; r < 20; r++) {
    i8[0] = 200; u8[0] = -1; c8[0] = 300; i16[0] = 40000; u16[0] = -2; u32[0] = -1; f32[0] = 0.1;
    c8[1] = -5; u32[1] = 2147483647;
  }
  assertEq(i8[0], -56);
  assertEq(u8[0], 255);
  assertEq(c8[0], 255);
  assertEq(c8[1], 0);
  assertEq(i16[0], -25536);
  assertEq(u16[0], 65534);
  assertEq(u32[0], 4294967295);
  assertEq(u32[1], 2147483647);
  assertEq(f32[0], Math.fround(0.1));
  u8[1] = 1.7;
  assertEq(u8[1], 1, 'a double goes through ToUint8');
}

// Mul and Div: double arithmetic, int32 results when exact.
{
  const big = 65536;
  assertEq(big * big, 4294967296);
  assertEq(0 * -1, -0);
  assertEq(-5 * 0, -0);
  assertEq(1 / 0, Infinity);
  assertEq(-1 / 0, -Infinity);
  assertTrue(Number.isNaN(0 / 0));
  assertEq(7 / 2, 3.5);
  assertEq(6 / 3, 2);
  assertEq(0x7fffffff * 2, 4294967294);
  assertEq(1.5 * 2, 3);
  assertEq(-0 / 1, -0);
  assertEq(3 * '4', 12, 'strings take the slow path');
  assertEq(10n / 3n, 3n, 'BigInts take the slow path');
}
// Object literals: the cached transition of each property definition.
{
  function lit(i) { return { a: i, b: i + 1, c: i + 2, d: i + 3, e: i + 4, f: i + 5 }; }
  let s = 0;
  for (let i = 0; i < 50; i++) { const o = lit(i); s += o.a + o.f; }
  assertEq(s, 2 * 1225 + 50 * 5);
  assertEq(Object.keys(lit(0)).join(), 'a,b,c,d,e,f');
  // A setter on Object.prototype never intercepts a literal's definition.
  let called = false;
  Object.defineProperty(Object.prototype, 'c', { set(v) { called = true; }, configurable: true });
  const o = lit(1);
  assertEq(called, false);
  assertEq(o.c, 3);
  assertEq(Object.getOwnPropertyDescriptor(o, 'c').writable, true);
  delete Object.prototype.c;
  // Duplicate keys: the last definition wins, one property.
  function dup(i) { return { x: i, y: 1, x: i + 1 }; }
  for (let i = 0; i < 20; i++) assertEq(dup(i).x, i + 1);
  assertEq(Object.keys(dup(0)).join(), 'x,y');
}
// StGlobal caches a writable data property of the global object.
globalThis.gconf = 0;  // configurable, unlike a var
function setG(v) { gconf = v; }
for (let i = 0; i < 50; i++) setG(i);
assertEq(gconf, 49);
Object.defineProperty(globalThis, 'gconf', { writable: false });
setG(100);
assertEq(gconf, 49, 'a read-only global keeps its value (sloppy write)');
(function () {
  'use strict';
  function setStrict(v) { gconf = v; }
  assertThrows(TypeError, () => setStrict(1), 'strict write to a read-only global');
})();
delete globalThis.gconf;
let gset;
Object.defineProperty(globalThis, 'gconf', { set(v) { gset = v; }, configurable: true });
setG(7);
assertEq(gset, 7, 'the new setter runs');
delete globalThis.gconf;
var gvar = 0;
function setV(v) { gvar = v; }
for (let i = 0; i < 50; i++) setV(i);
assertEq(gvar, 49);
print('ok');
