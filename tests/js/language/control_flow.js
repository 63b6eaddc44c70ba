// Labelled break and continue.
let hits = 0;
outer: for (let i = 0; i < 5; i++) {
  for (let j = 0; j < 5; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    hits++;
  }
}
assertEq(hits, 6);

// switch with fallthrough and default in the middle.
function sw(x) {
  let r = '';
  switch (x) {
    case 1: r += 'one';
    case 2: r += 'two'; break;
    default: r += 'other';
    case 3: r += 'three';
  }
  return r;
}
assertEq(sw(1), 'onetwo');
assertEq(sw(2), 'two');
assertEq(sw(3), 'three');
assertEq(sw(9), 'otherthree');

// try / catch / finally and completion order.
const log = [];
function tf() {
  try {
    log.push('try');
    return 'from try';
  } finally {
    log.push('finally');
  }
}
assertEq(tf(), 'from try');
assertEq(log.join(), 'try,finally');
function override() {
  try { return 1; } finally { return 2; }
}
assertEq(override(), 2);
function rethrow() {
  try { throw new TypeError('x'); } catch (e) { throw new RangeError('y: ' + e.message); } finally { log.push('f2'); }
}
assertThrows(RangeError, rethrow);
assertEq(log[log.length - 1], 'f2');
let loops = 0;
for (let i = 0; i < 3; i++) {
  try {
    if (i === 1) continue;
    loops += 10;
  } finally {
    loops += 1;
  }
}
assertEq(loops, 23);
const caught = (() => { try { null.x; } catch ({ message }) { return typeof message; } })();
assertEq(caught, 'string');

// do-while, while, for-in order.
let n = 0;
do { n++; } while (n < 5);
assertEq(n, 5);
const o = { b: 1, a: 2, 1: 'x', 0: 'y' };
const keys = [];
for (const k in o) keys.push(k);
assertEq(keys.join(), '0,1,b,a');
function Proto() { this.own = 1; }
Proto.prototype.inherited = 2;
const seen = [];
for (const k in new Proto()) seen.push(k);
assertEq(seen.join(), 'own,inherited');

// Conditional, logical and nullish operators.
assertEq(null ?? 'd', 'd');
assertEq(0 ?? 'd', 0);
assertEq(0 || 'd', 'd');
assertEq(1 && 2, 2);
let la = null;
la ??= 5;
assertEq(la, 5);
la ||= 6;
assertEq(la, 5);
la &&= 7;
assertEq(la, 7);
const deep = { a: { b: null } };
assertEq(deep?.a?.b?.c, undefined);
assertEq(deep.x?.y.z, undefined);
assertEq(deep.a.f?.(), undefined);
