// let/const bindings in registers: the generator skips the dead-zone marker
// and writes the initializer's value directly when no reference can come
// before the initialization; everything else must still throw.
assertThrows(ReferenceError, () => { let x = x + 1; }, 'self-reference in the initializer');
assertThrows(ReferenceError, () => { let [p = q, q] = []; }, 'a later binding read by a default');
assertThrows(ReferenceError, () => {
  switch (1) {
    case 0:
      let y = 1;  // skipped by the jump to case 1
    case 1:
      return y;
  }
}, 'a switch case jumping over the declaration');
assertThrows(ReferenceError, () => {
  for (let i = 0; i < 2; i++) {
    if (i === 1) z;  // before the declaration in the loop body
    let z = i;
  }
}, 'a use before the declaration in a later iteration');
{
  const r = [];
  for (let i = 0; i < 3; i++) {
    const sq = i * i;
    let acc = sq + 1;
    acc += sq;
    r.push(acc);
  }
  assertArrayEq(r, [1, 3, 9]);
}
{
  const { a, b = a * 2 } = { a: 3 };
  assertEq(b, 6);
  const f = () => a + b;  // captured: lives in an environment
  assertEq(f(), 9);
}
function* gen() {
  const v = yield 1;
  const w = v + (yield 2);
  return w;
}
{
  const g = gen();
  g.next();
  g.next(10);
  assertEq(g.next(5).value, 15, 'a value written across yields');
}
assertEq((() => { try { const t = (() => { throw 1; })(); return t; } catch (e) { return e; } })(), 1);
print('ok');
