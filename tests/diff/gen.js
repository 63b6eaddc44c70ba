// Differential testing: a generator of random but deterministic JavaScript
// programs whose printed output must be the same on Ratchet and node.
//   node gen.js SEED COUNT > batch.js
// Writes COUNT programs (numbered SEED*COUNT ...): each runs in its own
// function, prints through a shared `show` (so both engines format values
// the same way, without console.log's engine-specific rendering), and
// catches its own exceptions (printing the error's name: messages differ
// between engines). The prelude makes `print` exist on node too.
'use strict';
const seedArg = Number(process.argv[2] || 1), count = Number(process.argv[3] || 100);
let state = (seedArg * 2654435761) >>> 0 || 1;
function rnd(n) {
  state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
  return state % n;
}
const pick = (a) => a[rnd(a.length)];

const NUMBERS = ['0', '-0', '1', '-1', '0.1', '1.5', '-2.5', '7', '2 ** 31', '2 ** 32 + 1', '1e21', '1e-7', 'NaN',
  'Infinity', '-Infinity', '123456789.125', '5e-324', '0.000001', '255', '-0.5', '9007199254740993', '1 / 3'];
const STRINGS = ["''", "'0'", "'1'", "'abc'", "' 12 '", "'1e3'", "'x,y'", "'NaN'", "'-0'", "'0x1f'", "'\\u00e9t\\u00e9'",
  "'a-b-c'", "'Infinity'", "'  '", "'true'"];
const OTHERS = ['true', 'false', 'null', 'undefined', '[]', '[1, 2]', "['a']", '[null]', '[[1], [2, 3]]', '{}',
  '{a: 1}', '{valueOf() { return 7; }}', "{toString() { return 'ts'; }}", '[undefined, 0]', '10n', '-3n', '0n'];
const BIN = ['+', '-', '*', '/', '%', '**', '==', '===', '!=', '!==', '<', '>', '<=', '>=', '&', '|', '^', '<<', '>>',
  '>>>', '&&', '||', '??'];
const UN = ['-', '+', '!', '~', 'typeof ', 'void '];

// (Negative and computed literals are parenthesized: `-1 ** 2` is a
// SyntaxError.)
const paren = (s) => (/^-|\s/.test(s) && !/^[[{']/.test(s) ? `(${s})` : s);
function literal() {
  const r = rnd(10);
  if (r < 4) return paren(pick(NUMBERS));
  if (r < 7) return pick(STRINGS);
  return paren(pick(OTHERS));
}
function expr(d) {
  if (d <= 0) return rnd(4) === 0 ? pick(['x', 'y', 'arr', 'obj']) : literal();
  switch (rnd(9)) {
    case 0: case 1: case 2: return `(${expr(d - 1)} ${pick(BIN)} ${expr(d - 1)})`;
    case 3: return `(${pick(UN)}(${expr(d - 1)}))`;
    case 4: return `(${expr(d - 1)} ? ${expr(d - 1)} : ${expr(d - 1)})`;
    case 5: return `String(${expr(d - 1)})`;
    case 6: return `[${expr(d - 1)}, ${expr(d - 1)}]`;
    case 7: return `({k: ${expr(d - 1)}, [${pick(STRINGS)}]: ${expr(d - 1)}})`;
    default: return `Number(${expr(d - 1)})`;
  }
}
const STR_METHODS = [
  () => `slice(${rnd(7) - 3}, ${rnd(7) - 1})`, () => `substring(${rnd(5)}, ${rnd(5)})`,
  () => `padStart(${rnd(9)}, ${pick(["'*'", "'ab'", "''"])})`, () => `padEnd(${rnd(9)})`,
  () => `split(${pick(["','", "'-'", "''", 'undefined', '/[-,]/'])})`, () => `indexOf(${pick(STRINGS)})`,
  () => `at(${rnd(7) - 3})`, () => `repeat(${rnd(4)})`, () => 'toUpperCase()', () => 'trim()',
  () => `replace(${pick(["'a'", '/[a-c]/g', '/(\\d)/', "'-'"])}, ${pick(["'$&$&'", "'_'", '(m) => m.length', "'$1'"])})`,
  () => `charCodeAt(${rnd(4)})`, () => `startsWith(${pick(STRINGS)})`, () => `concat(${expr(1)})`,
  () => `localeCompare === undefined`, () => `includes(${pick(STRINGS)})`, () => `lastIndexOf('-')`,
];
const NUM_METHODS = [
  () => `toFixed(${rnd(8)})`, () => `toPrecision(${1 + rnd(12)})`, () => `toExponential(${rnd(8)})`,
  () => 'toString()',
];
// Number::toString with a radix other than 10 is implementation-approximated
// for non-integers and integers past 2 ** 53 (ES2025 21.1.3.6): engines print
// different digit strings that all round-trip. Radix output is compared on
// safe integers, where it is exact.
const SAFE_INTEGERS = ['0', '1', '7', '255', '(-1)', '(2 ** 31)', '123456789', '(-9007199254740991)', '36'];
const ARR_METHODS = [
  () => `map((v, i) => ${expr(1).replace(/\bx\b/g, 'v')})`, () => `filter((v) => v ${pick(['>', '==', '!=='])} ${literal()})`,
  () => `reduce((acc, v) => acc ${pick(['+', '*', '-'])} v, ${literal()})`, () => `join(${pick(["'-'", "''", 'undefined'])})`,
  () => `flat()`, () => `indexOf(${literal()})`, () => `includes(${literal()})`, () => `slice(${rnd(5) - 2})`,
  () => `concat(${expr(1)})`, () => `reverse()`, () => `at(${rnd(5) - 2})`, () => `findLast((v) => v)`,
  () => `toSorted()`, () => `with(0, ${literal()})`, () => `entries().next().value`, () => `fill(${literal()}, 1)`,
];
const ERRORS = ['Error', 'TypeError', 'RangeError', 'SyntaxError'];

function statement(k) {
  switch (rnd(12)) {
    case 0: case 1: case 2:
      return `print(show(${expr(3)}));`;
    case 3:
      if (rnd(3) === 0) return `print(show((${pick(SAFE_INTEGERS)}).toString(${pick([2, 3, 7, 8, 16, 36])})));`;
      return `print(show((${pick(NUMBERS)}).${pick(NUM_METHODS)()}));`;
    case 4:
      return `print(show(String(${expr(1)}).${pick(STR_METHODS)()}));`;
    case 5:
      return `print(show([${[0, 1, 2, 3].map(() => literal()).join(', ')}].${pick(ARR_METHODS)()}));`;
    case 6: {
      const op = pick(['+', '*', '-', '+ "!" +']);
      return `{ const mk = (n) => { let c = n; return () => (c = c ${op} ${literal()}); }; const f = mk(${literal()}); ` +
        `const g = mk(${literal()}); print(show(f()), show(g()), show(f())); }`;
    }
    case 7: {
      const err = pick(ERRORS);
      return `{ const log = []; function t${k}(v) { try { if (${expr(1).replace(/\bx\b/g, 'v')}) throw new ${err}('m' + v); ` +
        `return ${expr(1).replace(/\bx\b/g, 'v')}; } catch (e) { log.push(e.name); return e instanceof ${err}; } ` +
        `finally { log.push('f'); } } print(show(t${k}(${literal()})), show(t${k}(${literal()})), show(log)); }`;
    }
    case 8: {
      const nums = [0, 1, 2, 3, 4, 5, 6].map(() => rnd(20) - 10 + (rnd(3) === 0 ? 0.5 : 0));
      const cmp = pick(['(p, q) => p - q', '(p, q) => q - p', '(p, q) => Math.abs(p) - Math.abs(q)',
        '(p, q) => (p % 3) - (q % 3)', 'undefined']);
      return `print(show([${nums.join(', ')}].sort(${cmp})));`;
    }
    case 9: {
      const items = [0, 1, 2, 3, 4].map((i) => `{k: ${rnd(3)}, v: ${literal()}, i: ${i}}`);
      return `print(show([${items.join(', ')}].sort((p, q) => p.k - q.k).map((o) => o.i)));`;
    }
    case 10: {
      const ind = pick(['undefined', '2', "'\\t'", '0']);
      return `{ const s = JSON.stringify(${expr(2)}, null, ${ind}); print(show(s)); if (s !== undefined) print(show(JSON.parse(s))); }`;
    }
    default: {
      const v = literal();
      return `print(show(Object.entries({a: ${v}, b: [${v}], ...{c: ${literal()}}})), show(${expr(2)} in {a: 1, 0: 2}));`;
    }
  }
}

const out = [];
out.push(`'use strict';
if (typeof print === 'undefined') globalThis.print = (...a) => process.stdout.write(a.join(' ') + '\\n');
function show(v, d = 0) {
  if (d > 3) return '...';
  switch (typeof v) {
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return v + 'n';
    case 'string': return JSON.stringify(v);
    case 'symbol': return 'Symbol(' + (v.description ?? '') + ')';
    case 'function': return 'function';
    case 'undefined': case 'boolean': return String(v);
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    const parts = [];
    for (let i = 0; i < v.length && i < 20; i++) parts.push(i in v ? show(v[i], d + 1) : 'hole');
    return '[' + parts.join(',') + (v.length > 20 ? ',+' + (v.length - 20) : '') + ']';
  }
  return '{' + Object.keys(v).map((k) => JSON.stringify(k) + ':' + show(v[k], d + 1)).join(',') + '}';
}
`);
for (let p = 0; p < count; p++) {
  const id = seedArg * count + p;
  const body = [];
  for (let s = 0, n = 2 + rnd(4); s < n; s++) body.push(statement(s));
  out.push(`(function program${id}() { print('#${id}'); let x = ${literal()}, y = ${literal()}; ` +
    `const arr = [${literal()}, ${literal()}], obj = {p: ${literal()}};\n  try {\n  ${body.join('\n  ')}\n  } catch (e) { print('threw', e?.name); } })();`);
}
process.stdout.write(out.join('\n') + '\n');
