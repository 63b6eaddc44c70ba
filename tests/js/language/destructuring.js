const { a, b: { c = 5 } = {}, ...rest } = { a: 1, x: 2, y: 3 };
assertEq(a, 1);
assertEq(c, 5);
assertEq(Object.keys(rest).join(), 'x,y');
const [p, , q = 9, ...tail] = [1, 2, undefined, 4, 5];
assertEq(p, 1);
assertEq(q, 9);
assertArrayEq(tail, [4, 5]);
let s1 = 1, s2 = 2;
[s1, s2] = [s2, s1];
assertEq(s1 * 10 + s2, 21);
function f({ x, y = 2 }, [z] = [3]) { return x + y + z; }
assertEq(f({ x: 1 }), 6);
const arr = [...'abc', ...[1, 2]];
assertEq(arr.length, 5);
assertEq(Math.max(...[3, 9, 4]), 9);
const merged = { ...{ a: 1 }, b: 2, ...{ a: 3 } };
assertEq(merged.a + merged.b, 5);

// Array destructuring closes its iterator on an abrupt completion while the
// iterator is not done: a throw (return() errors ignored), or a generator's
// return() through a yield inside the pattern; a next() that throws leaves
// it done (not closed).
function countingIterable(log, values) {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return {
        next() { log.push('next'); return i < values.length ? { value: values[i++], done: false } : { done: true }; },
        return() { log.push('return'); return {}; },
      };
    },
  };
}
{
  const log = [];
  assertThrows(RangeError, () => { const [a = (() => { throw new RangeError('x'); })()] = countingIterable(log, [undefined]); });
  assertEq(log.join(), 'next,return');
  const log2 = [];
  function* g() { const [x = yield] = countingIterable(log2, [undefined, 2]); }
  const it = g();
  it.next();
  assertEq(it.return(7).value, 7);
  assertEq(log2.join(), 'next,return');
  const log3 = [];
  const [p, q] = countingIterable(log3, [1, 2, 3]);
  assertEq(log3.join(), 'next,next,return');
  const throwingNext = { [Symbol.iterator]() { return { next() { throw new TypeError('n'); }, return() { log3.push('closed?'); } }; } };
  assertThrows(TypeError, () => { const [z] = throwingNext; });
  assertEq(log3.join(), 'next,next,return');
  // A property reference target is evaluated before the iterator steps.
  const log4 = [];
  const target = { get obj() { log4.push('target'); return {}; } };
  [target.obj.x] = countingIterable(log4, [1]);
  assertEq(log4.join(), 'target,next,return');
}

// Parameters of a list with expressions are in their TDZ until bound.
assertThrows(ReferenceError, function (a = b, b) {});
assertThrows(ReferenceError, function (a = a) {});
assertEq((function (a, b = a) { return b; })(5), 5);
// ... and the body's vars are a separate scope: closures in the list see
// the parameters, not the body's vars.
assertEq((function (a, f = () => a) { var a = 2; return [a, f()].join(); })(1), '2,1');
var outerX = 'outer';
assertEq((function (f = () => typeof innerOnly) { var innerOnly = 1; return f(); })(), 'undefined');
