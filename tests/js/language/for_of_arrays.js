// for-of and array destructuring over array iterators step without calling
// %ArrayIteratorPrototype%.next (IterNextFast) when nothing observable can
// happen; every observable case must behave exactly as the generic protocol.
function collect(iterable) {
  let out = '';
  for (const x of iterable) out += (out ? ',' : '') + (typeof x === 'object' ? JSON.stringify(x) : String(x));
  return '[' + out + ']';
}
// Growing and shrinking while iterating: the length is read at every step.
const grow = [1, 2, 3];
const seen = [];
for (const x of grow) {
  seen.push(x);
  if (x === 1) grow.push(4);
  if (x === 3) grow.length = 3;
}
print(JSON.stringify(seen));
// Holes read through the prototype chain, including getters.
Object.defineProperty(Array.prototype, 1, { get() { return 'from getter'; }, configurable: true });
print(collect([0, , 2]));
delete Array.prototype[1];
print(collect([0, , 2]));
// A getter on an own element.
const withGetter = [1, 2];
Object.defineProperty(withGetter, 0, { get() { return 'own getter'; } });
print(collect(withGetter));
// keys() and entries() and array-likes go through next.
print(collect(['a', 'b'].keys()), collect(['a', 'b'].entries()));
print(collect(Array.prototype.values.call({ length: 2, 0: 'x', 1: 'y' })));
// An exhausted iterator stays exhausted even if the array grows.
const arr = [1];
const it = arr[Symbol.iterator]();
for (const x of it) print('first pass', x);
arr.push(2);
print(JSON.stringify(it.next()), collect(it));
// A replaced Symbol.iterator or next is used.
const custom = [1, 2, 3];
custom[Symbol.iterator] = function* () { yield 'custom'; };
print(collect(custom));
const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
const originalNext = ArrayIteratorPrototype.next;
ArrayIteratorPrototype.next = function () {
  const r = originalNext.call(this);
  if (!r.done) r.value = r.value * 10;
  return r;
};
print(collect([1, 2]));
const [p, q] = [3, 4];
print(p, q);
ArrayIteratorPrototype.next = originalNext;
// Typed arrays, and a buffer detached mid-loop: next throws a TypeError.
print(collect(new Float64Array([1.5, -0, NaN])), collect(new BigInt64Array([1n, 2n])));
const ta = new Uint8Array(new ArrayBuffer(4, { maxByteLength: 8 }));
const tseen = [];
try {
  for (const x of ta) {
    tseen.push(x);
    if (tseen.length === 2) ta.buffer.transfer();
  }
} catch (e) {
  tseen.push(e.constructor.name);
}
print(JSON.stringify(tseen));
// Destructuring: defaults, holes, rest, fewer and more elements.
const [a = 'default', , c, ...rest] = [undefined, 'skipped', 'c', 'r1', 'r2'];
print(a, c, JSON.stringify(rest));
const [u, v, w] = [1];
print(u, v, w);
let x1, y1;
[x1, y1] = [y1 = 'y', 'x'];
print(x1, y1);
// break and continue, nested loops over the same array.
const nested = [];
for (const i of [1, 2, 3]) {
  if (i === 2) continue;
  for (const j of [1, 2, 3]) {
    if (j === 3) break;
    nested.push(i * 10 + j);
  }
}
print(JSON.stringify(nested));
