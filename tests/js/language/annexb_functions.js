// Annex B.3.2: in sloppy code a function declared in a block also gets a var
// binding in the enclosing function, set when the declaration is evaluated.
function hoisted() {
  const before = typeof f;
  { function f() { return 1; } }
  return before + ' ' + f();
}
assertEq(hoisted(), 'undefined 1');
function shadowedByLet() { let f = 2; { function f() {} } return f; }
assertEq(shadowedByLet(), 2);
function shadowedByParam(f) { { function f() {} } return f; }
assertEq(shadowedByParam(5), 5);
function strict() { 'use strict'; { function q() {} } return typeof q; }
assertEq(strict(), 'undefined');
{ function globalFromBlock() { return 'g'; } }
assertEq(globalFromBlock(), 'g');
assertEq(typeof globalThis.globalFromBlock, 'function');
print('annex b functions ok');
