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
