// eval in global code: indirect eval, and direct eval where the caller's
// environment is the global one (direct_eval.js: inside functions/blocks).
var g = 1;
assertEq(eval('g + 1'), 2);
assertEq((0, eval)('g + 2'), 3);
// Sloppy eval code: var and function declarations become deletable globals;
// let/const/class stay local to the eval.
eval('var fromEval = 5; function fnFromEval() { return "f"; } let local = 1;');
assertEq(fromEval, 5);
assertEq(fnFromEval(), 'f');
assertEq(typeof local, 'undefined');
assertEq(delete globalThis.fromEval, true);
assertEq(typeof fromEval, 'undefined');
// Strict eval code keeps its vars to itself.
assertEq(eval('"use strict"; var hidden = 7; hidden'), 7);
assertEq(typeof hidden, 'undefined');
// Completion values.
assertEq(eval('1; if (true) {}'), undefined);
assertEq(eval('2; do { 3; break; } while (false)'), 3);
assertEq(eval('var x = 9;'), undefined);
// Non-strings come back unchanged; syntax errors are SyntaxErrors.
const obj = {};
assertEq(eval(obj), obj);
assertThrows(SyntaxError, () => (0, eval)('let let = 1'));
// Declarations are checked before any binding is made.
Object.defineProperty(globalThis, 'fixedFn', { value: 1, writable: false, enumerable: false, configurable: false });
assertThrows(TypeError, () => (0, eval)('var before; function fixedFn() {}'));
assertEq(Object.getOwnPropertyDescriptor(globalThis, 'before'), undefined);
// this in global eval code is the global this.
assertEq((0, eval)('this'), globalThis);
// A direct eval sees its function's local scope.
function localEval() { const secret = 1; return eval('secret'); }
assertEq(localEval(), 1);
// Its early errors are SyntaxErrors.
function badEval() { return eval('super.x'); }
assertThrows(SyntaxError, badEval);
print('eval ok');
