function counter() {
  let n = 0;
  return { inc: () => ++n, get: () => n };
}
const c1 = counter(), c2 = counter();
c1.inc(); c1.inc(); c2.inc();
assertEq(c1.get(), 2);
assertEq(c2.get(), 1);

// Each loop iteration gets its own binding.
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
assertArrayEq(fns.map(f => f()), [0, 1, 2]);
const fns2 = [];
for (const x of ['a', 'b']) fns2.push(() => x);
assertEq(fns2[0]() + fns2[1](), 'ab');
var vs = [];
for (var j = 0; j < 3; j++) vs.push(() => j);
assertEq(vs[0](), 3);

// Nested captures across several levels.
function outer(a) {
  return function middle(b) {
    return function inner(c) { return a + b + c; };
  };
}
assertEq(outer(1)(2)(3), 6);

// Named function expressions see themselves.
const fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
assertEq(fact(10), 3628800);

// Temporal dead zone.
assertThrows(ReferenceError, () => { x; let x = 1; });
assertThrows(ReferenceError, () => { const g = () => y; g(); let y = 2; });
assertThrows(TypeError, () => { const k = 1; k = 2; });

// this in arrows is lexical.
const obj = { v: 7, m() { return [1].map(() => this.v)[0]; } };
assertEq(obj.m(), 7);

// arguments
function args() { return arguments.length + ':' + arguments[1]; }
assertEq(args(1, 2, 3), '3:2');
function rest(a, ...more) { return more.length; }
assertEq(rest(1, 2, 3, 4), 3);
function defaults(a, b = a + 1) { return a + b; }
assertEq(defaults(1), 3);
assertEq(defaults(1, 5), 6);
