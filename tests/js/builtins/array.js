const a = [5, 1, 4];
assertEq(a.push(3), 4);
assertEq(a.join('-'), '5-1-4-3');
assertEq(a.sort().join(), '1,3,4,5');
assertEq([10, 9, 1].sort((x, y) => x - y).join(), '1,9,10');
assertEq([3, 1, 2].map(x => x * 2).join(), '6,2,4');
assertEq([1, 2, 3, 4].filter(x => x % 2).join(), '1,3');
assertEq([1, 2, 3].reduce((s, x) => s + x, 0), 6);
assertEq([1, 2, 3].indexOf(2), 1);
assertEq([1, NaN].includes(NaN), true);
assertEq([1, 2, 3].slice(1).join(), '2,3');
assertEq([1].concat([2, 3], 4).join(), '1,2,3,4');
assertEq([1, 2, 3].find(x => x > 1), 2);
assertEq([1, 2, 3].some(x => x > 2), true);
assertEq([1, 2, 3].every(x => x > 2), false);
assertEq(Array.isArray([]), true);
assertEq(Array(3).length, 3);
assertEq([,,1].length, 3);
assertEq(String([1, [2, 3]]), '1,2,3');
const holey = [1, , 3];
assertEq(1 in holey, false);
const big = [];
big[4000000000] = 'far';
assertEq(big.length, 4000000001);
const trunc = [1, 2, 3, 4];
trunc.length = 2;
assertEq(trunc.join(), '1,2');
assertEq([3, 2, 1].reverse().join(), '1,2,3');
assertEq([1, 2].pop(), 2);
const it = [7, 8][Symbol.iterator]();
assertEq(it.next().value, 7);
let sum = 0;
for (const [i, v] of [10, 20].entries()) sum += i * v;
assertEq(sum, 20);

// Generic mutators on array-likes, holes and frozen arrays.
{
  const arrayLike = { length: 2, 0: 'a', 1: 'b' };
  assertEq(Array.prototype.push.call(arrayLike, 'c'), 3);
  assertEq(arrayLike[2], 'c');
  assertEq(Array.prototype.pop.call(arrayLike), 'c');
  assertEq(Array.prototype.shift.call(arrayLike), 'a');
  assertEq(arrayLike[0] + arrayLike.length, 'b1');
  assertEq(Array.prototype.unshift.call(arrayLike, 'z'), 2);
  const holey = [1, , 3];
  holey.reverse();
  assertEq(1 in holey, false);
  assertEq(holey[0] + holey[2], 4);
  assertThrows(TypeError, () => Object.freeze([1]).push(2));
  assertThrows(TypeError, () => Object.freeze([1]).pop());
  assertEq([1, 2, 3].splice(1, 1).join(), '2');
  assertEq([1, [2, [3, [4]]]].flat(Infinity).join(), '1,2,3,4');
  assertEq([3, 1, 2].toSorted().join() + '|' + [1, 2, 3].with(0, 9).join(), '1,2,3|9,2,3');
  assertEq(Array.from({ length: 3 }, (_, i) => i * i).join(), '0,1,4');
  assertEq([1, 2, 3].findLast((x) => x < 3), 2);
}

// concat: Symbol.isConcatSpreadable, species; Array.of with another
// constructor; toLocaleString invokes each element's method.
{
  const spreadable = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true };
  assertArrayEq([1].concat(spreadable, [2, 3], 4), [1, 'a', 'b', 2, 3, 4], 'spreadable object');
  const opaque = [5, 6];
  opaque[Symbol.isConcatSpreadable] = false;
  assertEq([1].concat(opaque)[1], opaque, 'non-spreadable array');
  class MyArray extends Array {}
  assertTrue(MyArray.from([1]).concat([2]) instanceof MyArray, 'species');
  function Box(n) { this.n = n; }
  const boxed = Array.of.call(Box, 'x', 'y');
  assertTrue(boxed instanceof Box, 'Array.of with a constructor');
  assertEq(boxed.length, 2);
  assertEq(boxed.n, 2);
  assertEq(Array.of(7, 8).length, 2);
  const seen = [];
  const item = { toLocaleString() { seen.push(this === item); return 'L'; } };
  assertEq([item, null, undefined, 1.5].toLocaleString(), 'L,,,' + (1.5).toLocaleString());
  assertEq(seen.join(), 'true');
  assertThrows(TypeError, () => [{ toLocaleString: 1 }].toLocaleString(), 'non-callable toLocaleString');
}

// An accessor or read-only element on the prototype chain governs what
// storing a new element does: push/unshift take the generic path.
{
  Object.defineProperty(Array.prototype, 1, { get() { return 'proto'; }, configurable: true });
  const a = [0];
  assertThrows(TypeError, () => a.push(1), 'push onto a getter-only inherited index');
  assertEq(a.length, 1);
  assertThrows(TypeError, () => [0].unshift(9), 'unshift moves 0 to the inherited index');
  delete Array.prototype[1];
  Object.defineProperty(Object.prototype, 2, { value: 'ro', writable: false, configurable: true });
  const b = [0, 1];
  assertThrows(TypeError, () => b.push(2), 'push onto a read-only inherited index');
  delete Object.prototype[2];
  assertEq([0, 1].push(2), 3);
}
