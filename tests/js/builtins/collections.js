// Map, Set, WeakMap, WeakSet: SameValueZero keys, insertion order, live
// iteration, the set methods and groupBy.
const m = new Map([[1, 'one'], ['1', 'string one'], [NaN, 'nan'], [-0, 'zero']]);
assertEq(m.size, 4);
assertEq(m.get(1), 'one');
assertEq(m.get('1'), 'string one');
assertEq(m.get(NaN), 'nan');
assertEq(m.get(0), 'zero');
assertEq(Object.is([...m.keys()][3], 0), true);
assertEq(m.set(5, 'five'), m);
assertEq(m.delete(1), true);
assertEq(m.delete(1), false);
assertArrayEq([...m.keys()].map(String), ['1', 'NaN', '0', '5']);

// Iteration sees entries added during iteration and skips deleted ones.
const live = new Map([['a', 1], ['b', 2], ['c', 3]]);
const visited = [];
for (const [k] of live) {
  visited.push(k);
  if (k === 'a') {
    live.delete('b');
    live.set('d', 4);
  }
}
assertEq(visited.join(), 'a,c,d');
const s = new Set([1, 2, 3]);
const seen = [];
s.forEach((v) => {
  seen.push(v);
  if (v === 1) {
    s.clear();
    s.add(9);
  }
});
assertEq(seen.join(), '1,9');

// Set methods.
const a = new Set([1, 2, 3, 4]);
const b = new Set([3, 4, 5]);
assertEq([...a.union(b)].join(), '1,2,3,4,5');
assertEq([...a.intersection(b)].join(), '3,4');
assertEq([...a.difference(b)].join(), '1,2');
assertEq([...a.symmetricDifference(b)].join(), '1,2,5');
assertEq(new Set([3]).isSubsetOf(b), true);
assertEq(a.isSupersetOf(new Set([1, 2])), true);
assertEq(a.isDisjointFrom(new Set([7])), true);
// Set-like arguments: anything with size, has and keys.
const setLike = { size: 1, has: (v) => v === 2, keys: () => [2][Symbol.iterator]() };
assertEq([...a.intersection(setLike)].join(), '2');
assertThrows(TypeError, () => a.union({ size: NaN, has() {}, keys() {} }));
assertThrows(RangeError, () => a.union({ size: -1, has() {}, keys() {} }));

// groupBy.
const grouped = Map.groupBy([1, 2, 3, 4, 5], (x) => (x % 2 ? 'odd' : 'even'));
assertEq(grouped.get('odd').join(), '1,3,5');
assertEq(JSON.stringify(Object.groupBy(['ab', 'c', 'de'], (x) => x.length)), '{"1":["c"],"2":["ab","de"]}');

// Weak collections hold objects and unregistered symbols only.
const wm = new WeakMap();
const key = {};
wm.set(key, 'v');
assertEq(wm.get(key), 'v');
assertEq(wm.has({}), false);
assertThrows(TypeError, () => wm.set(1, 1));
assertThrows(TypeError, () => new WeakSet().add(Symbol.for('registered')));
const ws = new WeakSet([key]);
assertEq(ws.has(key), true);
assertEq(ws.delete(key), true);
assertEq(ws.has(key), false);

// Constructors need new, take iterables, and close the iterator on errors.
assertThrows(TypeError, () => Map());
let closed = false;
const bad = {
  [Symbol.iterator]() {
    return { next: () => ({ value: 1, done: false }), return: () => { closed = true; return {}; } };
  },
};
assertThrows(TypeError, () => new Map(bad));
assertEq(closed, true);
class MyMap extends Map {}
assertEq(new MyMap([[1, 2]]).get(1), 2);
assertEq(new MyMap() instanceof MyMap, true);
assertEq(Object.prototype.toString.call(new Set().values()), '[object Set Iterator]');
print('collections ok');
