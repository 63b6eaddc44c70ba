// JSON.stringify has a native fast path for plain data and falls back to the
// self-hosted algorithm for anything else. An identity replacer function
// always takes the general path, so both must print the same text.
const identity = (k, v) => v;
function same(value, space, label) {
  const fast = JSON.stringify(value, undefined, space);
  const general = JSON.stringify(value, identity, space);
  assertEq(fast, general, label);
  return fast;
}
const dict = { keep: 1 };
for (let i = 0; i < 100; i++) dict['k' + i] = i;
for (let i = 0; i < 100; i += 2) delete dict['k' + i];
let deep = [];
for (let i = 0; i < 400; i++) deep = [deep];
let deeper = { leaf: true };
for (let i = 0; i < 1000; i++) deeper = { d: deeper };  // beyond the fast path's depth
assertEq(JSON.stringify(deeper), JSON.stringify(deeper, identity), 'deeper');
assertEq(JSON.stringify(deeper).length, 1000 * 6 + 13, 'deeper length');
const wideLate = { a: 'plain', b: undefined, c: '\u65e5\u672c', d: undefined, e: [undefined, () => 1, Symbol('s')] };
const values = [
  0, -0, 1.5, 1e21, 123456789012, NaN, Infinity, -Infinity, true, false, null, 'str', '',
  'quote" back\\ \b\f\n\r\t \u0001 \u001f \u007f', '\ud800 lone', 'pair \ud83d\ude00', '\udc00',
  { a: 1, b: [1, 2, { c: null }], d: 'x' }, [], {}, [[]], [{}],
  { 2: 'two', 1: 'one', b: 'b', a: 'a' }, { u: undefined, f() {}, s: Symbol('x'), v: 1 },
  [undefined, function () {}, Symbol('y')], dict, deep, wideLate,
  Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } }),
  { get g() { return 'getter'; }, after: 1 },
  [1, , 3], { date: new Date(0) }, { n: new Number(5), s: new String('w'), b: new Boolean(false) },
  { nested: { toJSON() { return 'custom'; } } }, new Map([[1, 2]]), [new Int8Array(2)],
  { caf\u00e9: '\u00e9\u00ff' }, 'latin \u00e9', JSON.rawJSON('1e1000'),
];
for (const space of [undefined, 2, '--', 20, '\t\t\t\t\t\t\t\t\t\t\tx', 0, -1]) {
  for (let i = 0; i < values.length; i++) same(values[i], space, 'value ' + i + ' space ' + JSON.stringify(space));
}
print(JSON.stringify(values.slice(17, 24)));
print(JSON.stringify(wideLate, null, 1));
print(JSON.stringify({ a: [1, { b: 2 }] }, null, '..'));
print(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol()));
const cyclic = { name: 'c' };
cyclic.self = { back: cyclic };
assertThrows(TypeError, () => JSON.stringify(cyclic), 'cycle');
assertThrows(TypeError, () => JSON.stringify({ big: 1n }), 'BigInt');
BigInt.prototype.toJSON = function () { return this.toString(); };
print(JSON.stringify({ big: 10n }));
delete BigInt.prototype.toJSON;
Object.prototype.toJSON = function () { return 'patched'; };
print(JSON.stringify({ a: 1 }), JSON.stringify([1]));
delete Object.prototype.toJSON;
Array.prototype[1] = 'from proto';
print(JSON.stringify([0, , 2]));
delete Array.prototype[1];
const proxy = new Proxy({ p: 1 }, {});
print(JSON.stringify({ proxy }));
// A DAG whose values all serialize to nothing: much work, little output.
let node = {};
for (let i = 0; i < 50; i++) node['u' + i] = undefined;
let dag = [node, node];
for (let i = 0; i < 12; i++) dag = [dag, dag];
print(JSON.stringify(dag).length);
