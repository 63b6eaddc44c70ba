// Direct eval inside functions, blocks, methods, arrows, generators and
// nested evals: the eval code sees the caller's scopes (19.2.1.1), its
// var declarations land in the caller's variable environment (19.2.1.3),
// and this / new.target / super / arguments / private names are the
// caller's.

// Locals of every kind, at every depth.
function locals(a) {
  var b = 2;
  let c = 3;
  const d = 4;
  {
    let e = 5;
    return eval('a + b + c + d + e');
  }
}
assertEq(locals(1), 15);
function outer() {
  var x = 'outer';
  return function inner() { return eval('x'); };
}
assertEq(outer()(), 'outer');
{ let blockLocal = 'block'; assertEq(eval('blockLocal'), 'block'); }

// Assignments through eval write the caller's bindings.
function assigns(p) {
  var v = 1;
  eval('p = 10; v = 20');
  return [p, v].join();
}
assertEq(assigns(0), '10,20');
function constAssign() {
  const k = 1;
  try { eval('k = 2'); } catch (e) { return e.constructor.name + ' ' + k; }
}
assertEq(constAssign(), 'TypeError 1');
function tdz() {
  try { eval('later'); } catch (e) { return e.constructor.name; }
  let later = 1;
}
assertEq(tdz(), 'ReferenceError');

// Sloppy eval code declares vars and functions in the function.
function declares() {
  eval('var made = 5; function fn() { return made * 2; }');
  return [made, fn(), typeof globalThis.made, typeof globalThis.fn].join();
}
assertEq(declares(), '5,10,undefined,undefined');
function existing(p) {
  var q = 'q';
  eval('var p = "p2"; var q; function r() {}');
  return [p, q, typeof r].join();
}
assertEq(existing('p'), 'p2,q,function');
// They are deletable; the function's own vars are not.
function deletes() {
  var own = 1;
  eval('var dyn = 1');
  return [delete dyn, typeof dyn, delete own, typeof own].join();
}
assertEq(deletes(), 'true,undefined,false,number');
// Closures made before the eval see its vars; calls get this undefined.
function lateBinding() {
  const read = () => typeof late === 'undefined' ? 'none' : late;
  const before = read();
  eval('var late = "now"; function who() { return this; }');
  return [before, read(), who() === globalThis].join();
}
assertEq(lateBinding(), 'none,now,true');
// A lexical binding between the eval and its var scope is a SyntaxError
// (checked before anything is declared); a catch parameter is not.
function clash() {
  let taken = 1;
  try { eval('var fresh = 1; var taken = 2'); } catch (e) {
    return [e.constructor.name, typeof fresh, taken].join();
  }
}
assertEq(clash(), 'SyntaxError,undefined,1');
function catchParam() {
  try { throw 1; } catch (c) { eval('var c = 2'); return c; }
}
assertEq(catchParam(), 2);
// let/const/class in sloppy eval code stay inside it.
function lexicals() {
  eval('let l = 1; const k = 2; class C {}');
  return [typeof l, typeof k, typeof C].join();
}
assertEq(lexicals(), 'undefined,undefined,undefined');
// Strict callers and strict eval code keep vars to the eval.
function strictCaller() { 'use strict'; eval('var s = 1'); return typeof s; }
assertEq(strictCaller(), 'undefined');
function strictCode() { eval('"use strict"; var s2 = 1'); return typeof s2; }
assertEq(strictCode(), 'undefined');
// Arrow functions have their own variable environment.
const arrowVars = () => { eval('var av = 3'); return av; };
assertEq(arrowVars(), 3);
assertEq(typeof av, 'undefined');

// this, new.target, arguments, super, private names.
const o = {
  v: 7,
  m() { return eval('this.v'); },
  arrow() { return (() => eval('this.v'))(); },
};
assertEq(o.m(), 7);
assertEq(o.arrow(), 7);
function nt() { return eval('new.target') === nt; }
assertEq(new nt() instanceof nt, true);
assertEq(nt(), false);
function args() { return eval('arguments.length + arguments[0]'); }
assertEq(args(10, 20), 12);
class Base { constructor() { this.b = 'base'; } get g() { return 'getter'; } }
class Derived extends Base {
  #secret = 's';
  constructor() {
    let early;
    try { eval('this'); } catch (e) { early = e.constructor.name; }
    eval('super()');
    this.early = early;
  }
  read() { return eval('super.g + " " + this.b + " " + this.#secret + " " + (#secret in this)'); }
}
const dv = new Derived();
assertEq(dv.early, 'ReferenceError');
assertEq(dv.read(), 'getter base s true');
class Fields { f = eval('this.constructor.name'); static s = eval('this.name'); }
assertEq(new Fields().f, 'Fields');
assertEq(Fields.s, 'Fields');
assertThrows(SyntaxError, () => new (class { f = eval('arguments'); })());

// with: the object environment is in the eval's scope chain.
function withScope() {
  const w = { wx: 'from with' };
  with (w) { return eval('wx'); }
}
assertEq(withScope(), 'from with');

// Generators and async functions keep their environments across resumes.
function* gen() { let n = 1; yield eval('n++'); yield eval('n'); }
assertEq([...gen()].join(), '1,2');
(async function () { let a = 'async'; await null; return eval('a'); })().then((v) => print('after await:', v));

// Nested evals see every level.
function nested() {
  var a = 1;
  return eval('let b = 2; eval("var c = 3; a + b + c")') + c;
}
assertEq(nested(), 9);
// Eval in a parameter list: its vars are outside the parameters.
function paramEval(p = eval('var fromParam = 4; fromParam'), q = fromParam) {
  var fromParam = 'body';
  return [p, q, fromParam].join();
}
assertEq(paramEval(), '4,4,body');
assertThrows(SyntaxError, function (p = eval('var p')) {});

// Annex B: a function in a block of eval code also gets a var binding.
function annexB() {
  eval('{ function inBlock() { return "b"; } }');
  return inBlock();
}
assertEq(annexB(), 'b');

// A callee that is not %eval% is an ordinary call.
function shadowed() {
  const eval = (s) => 'not eval: ' + s;
  return eval('x');
}
assertEq(shadowed(), 'not eval: x');
print('direct eval ok');
