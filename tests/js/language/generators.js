// Generators: detached frames, resumption modes, finally on return, yield*.
function* counter(n) {
  for (let i = 0; i < n; i++) {
    const sent = yield i;
    if (sent === 'stop') return 'stopped';
  }
  return 'done';
}
let it = counter(3);
assertEq(it.next().value, 0);
assertEq(it.next().value, 1);
let r = it.next('stop');
assertEq(r.value, 'stopped');
assertEq(r.done, true);
assertEq(it.next().done, true);
assertArrayEq([...counter(4)], [0, 1, 2, 3]);

// return() runs finally blocks; a yield inside finally suspends again.
const log = [];
function* withFinally() {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push('finally');
    yield 'cleanup';
  }
}
it = withFinally();
it.next();
r = it.return(99);
assertEq(r.value, 'cleanup');
assertEq(r.done, false);
r = it.next();
assertEq(r.value, 99);
assertEq(r.done, true);
assertArrayEq(log, ['finally']);

// throw() is catchable inside the generator.
function* catcher() {
  try {
    yield 1;
  } catch (e) {
    yield 'caught ' + e;
  }
}
it = catcher();
it.next();
assertEq(it.throw('boom').value, 'caught boom');
// throw() before the first next() completes the generator without running it.
it = catcher();
assertThrows(Error, () => it.throw(new Error('early')));
assertEq(it.next().done, true);

// yield* forwards next/throw/return and produces the inner return value.
function* inner() {
  const x = yield 'a';
  yield x;
  return 'inner-result';
}
function* outer() {
  const v = yield* inner();
  yield v;
  yield* [1, 2];
}
assertArrayEq([...outer()], ['a', undefined, 'inner-result', 1, 2]);
it = outer();
it.next();
assertEq(it.next('sent').value, 'sent');

// A running generator cannot be re-entered.
let self;
function* reentrant() { self.next(); yield 1; }
self = reentrant();
assertThrows(TypeError, () => self.next());

// Prototypes and tags.
function* g() {}
assertEq(Object.getPrototypeOf(g()), g.prototype);
assertEq(Object.getPrototypeOf(g.prototype), Object.getPrototypeOf(g).prototype, '%GeneratorPrototype%');
assertEq(Object.getPrototypeOf(g).prototype.constructor, Object.getPrototypeOf(g));
assertEq(Object.prototype.toString.call(g()), '[object Generator]');
assertEq(Object.getPrototypeOf(g).constructor.name, 'GeneratorFunction');
assertThrows(TypeError, () => new g());

// Generator methods and deep recursion through yield* never touch the C++ stack.
const obj = { *items() { yield* [10, 20]; } };
assertArrayEq([...obj.items()], [10, 20]);
function* deep(n) { if (n > 0) yield* deep(n - 1); else yield 'bottom'; }
assertEq(deep(2000).next().value, 'bottom');
print('generators ok');
