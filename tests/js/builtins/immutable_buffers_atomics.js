// Immutable ArrayBuffers (sliceToImmutable, transferToImmutable) refuse
// every write path; Atomics.waitAsync waiters are woken by Atomics.notify.
const source = new ArrayBuffer(8, { maxByteLength: 16 });
new Uint8Array(source).set([1, 2, 3, 4, 5, 6, 7, 8]);
const slice = source.sliceToImmutable(2, -2);
print(slice.immutable, slice.byteLength, slice.resizable, source.immutable, new Uint8Array(slice).join());
const frozen = source.transferToImmutable(6);
print(source.detached, frozen.immutable, frozen.byteLength, new Uint8Array(frozen).join());
const view = new Uint8Array(frozen);
view[0] = 99;  // sloppy: ignored
assertEq(view[0], 1, 'element unchanged');
assertThrows(TypeError, () => { 'use strict'; view[0] = 99; }, 'strict assignment');
assertThrows(TypeError, () => Object.defineProperty(view, 0, { value: 5 }), 'defineProperty');
Object.defineProperty(view, 0, { value: 1 });  // no change: allowed
print(JSON.stringify(Object.getOwnPropertyDescriptor(view, 1)));
for (const [name, f] of [
  ['fill', () => view.fill(0)], ['set', () => view.set([1])], ['copyWithin', () => view.copyWithin(0, 1)],
  ['reverse', () => view.reverse()], ['sort', () => view.sort()], ['setFromHex', () => view.setFromHex('00')],
  ['DataView', () => new DataView(frozen).setInt8(0, 1)], ['resize', () => frozen.resize(1)],
  ['transfer', () => frozen.transfer()], ['transferToImmutable', () => frozen.transferToImmutable()],
  ['Atomics.store', () => Atomics.store(new Int32Array(new ArrayBuffer(4).transferToImmutable()), 0, 1)],
]) {
  assertThrows(TypeError, f, name);
}
print(view.join(), view.slice(1, 3).join(), view.subarray(1, 3).join(), view.map((x) => x * 2).join());
print(new DataView(frozen).getUint16(0), frozen.slice(1).immutable, Array.from(view.toReversed()).join());

// Atomics.waitAsync
const i32 = new Int32Array(new SharedArrayBuffer(16));
print(JSON.stringify(Atomics.waitAsync(i32, 0, 1)), JSON.stringify(Atomics.waitAsync(i32, 0, 0, 0)));
const order = [];
const a = Atomics.waitAsync(i32, 1, 0);
const b = Atomics.waitAsync(i32, 1, 0, 5000);
const c = Atomics.waitAsync(i32, 2, 0);
print(a.async, a.value instanceof Promise, Object.getPrototypeOf(a.value) === Promise.prototype);
a.value.then((v) => order.push('a ' + v));
b.value.then((v) => order.push('b ' + v));
c.value.then((v) => order.push('c ' + v));
print(Atomics.notify(i32, 1, 1), Atomics.notify(i32, 3), Atomics.notify(new Int32Array(4), 0));
Promise.resolve().then(() => {}).then(() => {
  print('after one notify:', order.join());
  print(Atomics.notify(i32, 1), Atomics.notify(i32, 2, 0), Atomics.notify(i32, 2));
  return null;
}).then(() => {}).then(() => print('after all:', order.join()));
assertThrows(TypeError, () => Atomics.waitAsync(new Int32Array(4), 0, 0), 'not shared');
assertThrows(TypeError, () => Atomics.waitAsync(new Int16Array(new SharedArrayBuffer(8)), 0, 0), 'Int16Array');
assertThrows(RangeError, () => Atomics.waitAsync(i32, 9, 0), 'index');
