// Iterator helpers are lazy, close their source on return() and on errors,
// and reject receivers of the wrong kind.
let closed = 0;
function* naturals() {
  try {
    for (let i = 0; ; i++) yield i;
  } finally {
    closed++;
  }
}
assertEq(naturals().map((x) => x * 2).filter((x) => x % 3 === 0).take(4).toArray().join(), '0,6,12,18');
assertEq(closed, 1);
assertEq(naturals().drop(3).take(2).toArray().join(), '3,4');
assertEq([1, 2, 3].values().reduce((a, b) => a + b), 6);
assertEq([1, 2, 3].values().reduce((a, b) => a + b, 10), 16);
assertThrows(TypeError, () => [].values().reduce((a, b) => a + b));
assertEq(naturals().some((x) => x > 3), true);
assertEq(naturals().every((x) => x < 3), false);
assertEq(naturals().find((x) => x === 7), 7);
const seen = [];
[5, 6].values().forEach((v, i) => seen.push(i + ':' + v));
assertEq(seen.join(), '0:5,1:6');

// Laziness: nothing is pulled before next().
let pulled = 0;
const counted = { next() { pulled++; return { value: pulled, done: pulled > 3 }; } };
const lazy = Iterator.from(counted).map((x) => x * 10);
assertEq(pulled, 0);
assertEq(lazy.next().value, 10);
assertEq(pulled, 1);

// return() closes the underlying iterator, also before the first next().
closed = 0;
const helper = naturals().map((x) => x);
helper.next();
assertEq(helper.return().done, true);
assertEq(closed, 1);
assertEq(helper.next().done, true);

// A throwing callback closes the source and propagates.
closed = 0;
assertThrows(RangeError, () => naturals().map(() => { throw new RangeError('boom'); }).next());
assertEq(closed, 1);

// flatMap flattens iterables (not strings); concat chains iterables.
assertEq([[1, 2], [3]].values().flatMap((x) => x).toArray().join(), '1,2,3');
assertThrows(TypeError, () => [1].values().flatMap((x) => 'ab').next());
assertEq(Iterator.concat([1], new Set([2, 3])).toArray().join(), '1,2,3');

// Validation.
assertThrows(RangeError, () => naturals().take(-1));
assertThrows(RangeError, () => naturals().drop(NaN));
assertThrows(TypeError, () => naturals().map(1));
assertThrows(TypeError, () => Iterator.prototype.map.call(1, (x) => x));
assertThrows(TypeError, () => new Iterator());
class Countdown extends Iterator {
  constructor(n) { super(); this.n = n; }
  next() { return this.n > 0 ? { value: this.n--, done: false } : { value: undefined, done: true }; }
}
assertEq(new Countdown(3).toArray().join(), '3,2,1');
assertEq(Object.prototype.toString.call(naturals().map((x) => x)), '[object Iterator Helper]');
// Generator methods reject helpers and vice versa.
function* g() {}
assertThrows(TypeError, () => g.prototype.next.call(naturals().map((x) => x)));
assertThrows(TypeError, () => Object.getPrototypeOf(naturals().map((x) => x)).next.call(g()));
print('iterator helpers ok');
