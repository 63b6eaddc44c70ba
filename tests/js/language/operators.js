assertEq(1 + '2', '12');
assertEq('3' * '4', 12);
assertEq(2 ** 10, 1024);
assertEq(7 % -3, 1);
assertEq(-7 % 3, -1);
assertEq(1 / 0, Infinity);
assertEq(-1 / Infinity, -0);
assertEq(0.1 + 0.2, 0.30000000000000004);
assertEq(5 >>> 1, 2);
assertEq(-1 >>> 0, 4294967295);
assertEq(1 << 31, -2147483648);
assertEq(~5, -6);
assertEq(2147483647 + 1, 2147483648);
assertEq(null == undefined, true);
assertEq(null == 0, false);
assertEq('1' == 1, true);
assertEq(NaN == NaN, false);
assertEq(typeof null, 'object');
assertEq(typeof function () {}, 'function');
assertEq(typeof undeclaredVariable, 'undefined');
assertEq('b' > 'a', true);
assertEq('10' < '9', true);
assertEq(10 < 9, false);
// Objects convert through valueOf / toString / Symbol.toPrimitive.
const v = { valueOf() { return 41; } };
assertEq(v + 1, 42);
assertEq(`${{ toString() { return 'str'; } }}`, 'str');
const tp = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 1 : 'x'; } };
assertEq(+tp, 1);
assertEq(`${tp}`, 'x');
assertEq(tp + '', 'x');
let counter = { n: 0, valueOf() { return ++this.n; } };
assertEq(counter < 5, true);
assertEq(counter.n, 1);
let i = '5';
i++;
assertEq(i, 6);
assertEq('x' in { x: 1 }, true);
assertEq(delete [].length, false);
const o = { k: 1 };
assertEq(delete o.k, true);
assertEq('k' in o, false);
assertEq(void 0, undefined);
assertEq((1, 2, 3), 3);

// A parenthesized unary expression is a valid base of ** (found by the
// differential tester: `(-1) ** y` was rejected as an unparenthesized unary).
assertEq((-1) ** 2, 1);
assertEq(((-2)) ** 3, -8);
assertEq((-1n) ** 3n, -1n);
assertEq((!0) ** 2, 1);
assertEq((typeof 1) ** 1, NaN);
let unparenthesized = '';
try { eval('-1 ** 2'); } catch (e) { unparenthesized = e.name; }
assertEq(unparenthesized, 'SyntaxError');
