// Mapped arguments objects (10.4.4): in sloppy functions with simple
// parameter lists, arguments[i] and the i-th parameter are one binding
// until the element is deleted, becomes an accessor or non-writable.
function writeThroughArguments(p) { arguments[0] = 7; return p; }
assertEq(writeThroughArguments(1), 7);
function writeThroughParameter(p) { p = 5; return arguments[0]; }
assertEq(writeThroughParameter(1), 5);
// Duplicate names: the last parameter of a name is the mapped one.
function duplicates(a, a) { a = 9; return [arguments[0], arguments[1]].join(); }
assertEq(duplicates(1, 2), '1,9');
// delete ends the mapping.
function deleted(a) { delete arguments[0]; a = 3; return [arguments[0], a].join(); }
assertEq(deleted(1), ',3');
// defineProperty: a value is written through; writable: false unmaps
// (keeping the current value); configurable: false keeps the mapping.
function defined(a) {
  Object.defineProperty(arguments, '0', { value: 4 });
  const r1 = a;
  Object.defineProperty(arguments, '0', { writable: false });
  a = 8;
  return [r1, arguments[0], a].join();
}
assertEq(defined(1), '4,4,8');
function nonConfigurable(a) {
  Object.defineProperty(arguments, '0', { configurable: false });
  a = 2;
  const d = Object.getOwnPropertyDescriptor(arguments, '0');
  return [arguments[0], d.value, d.writable, d.enumerable, d.configurable].join();
}
assertEq(nonConfigurable(1), '2,2,true,true,false');
function accessor(a) {
  Object.defineProperty(arguments, '0', { get() { return 'getter'; } });
  a = 'param';
  return [arguments[0], a].join();
}
assertEq(accessor(1), 'getter,param');
// Freezing unmaps (non-writable), so the parameter goes its own way.
function frozen(a) { Object.freeze(arguments); a = 5; return [arguments[0], a].join(); }
assertEq(frozen(1), '1,5');
// Only passed arguments are mapped; extra arguments are plain elements.
function missing(a, b) { b = 'x'; arguments[2] = 'y'; return [arguments.length, arguments[1], a].join(); }
assertEq(missing(1), '1,,1');
function extras(a) { return [arguments.length, [...arguments].join('|'), Object.keys(arguments).join('|')].join(); }
assertEq(extras(1, 2, 3), '3,1|2|3,0|1|2');
// Arrow functions see the enclosing function's mapped object.
function viaArrow(a) { (() => { arguments[0] = 'arrow'; })(); return a; }
assertEq(viaArrow(1), 'arrow');
// The object outlives the call and still aliases the (captured) binding.
function escape(a) { return [arguments, () => a]; }
const [escaped, readA] = escape('first');
escaped[0] = 'changed';
assertEq(readA(), 'changed');
// Unmapped: strict code and non-simple parameter lists.
function strict(a) { 'use strict'; arguments[0] = 2; return a; }
assertEq(strict(1), 1);
function defaults(a = 0) { arguments[0] = 2; return a; }
assertEq(defaults(1), 1);
function rest(a, ...r) { a = 2; return arguments[0]; }
assertEq(rest(1), 1);
// callee is the function in mapped objects, a thrower in unmapped ones.
function callee() { return arguments.callee === callee; }
assertEq(callee(), true);
assertThrows(TypeError, function () { 'use strict'; return arguments.callee; });
print('mapped arguments ok');
