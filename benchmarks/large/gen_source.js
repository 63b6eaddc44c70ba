// Writes (with print) a large, varied, valid JavaScript program for the
// compile-throughput benchmark: functions, classes, closures, object and
// array literals, templates, destructuring, loops, switch, try, regexps,
// async functions and generators. Deterministic. Usage (any engine with
// print, or node with a print shim): ratchet gen_source.js > big.js
'use strict';
const UNITS = typeof globalThis.UNITS === 'number' ? globalThis.UNITS : 6000;
let seed = 7;
function rand(n) {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}
const NAMES = ['alpha', 'beta', 'gamma', 'delta', 'item', 'node', 'value', 'count', 'total', 'buffer', 'index', 'state'];
const name = (i) => NAMES[rand(NAMES.length)] + i;
function expr(depth) {
  if (depth <= 0) {
    switch (rand(5)) {
      case 0: return String(rand(1000));
      case 1: return `'str${rand(100)}'`;
      case 2: return 'x';
      case 3: return 'this.' + NAMES[rand(NAMES.length)];
      default: return (rand(10000) / 100).toString();
    }
  }
  switch (rand(8)) {
    case 0: return `${expr(depth - 1)} + ${expr(depth - 1)}`;
    case 1: return `(${expr(depth - 1)}) * ${expr(depth - 1)}`;
    case 2: return `f${rand(50)}(${expr(depth - 1)}, ${expr(depth - 1)})`;
    case 3: return `{ a: ${expr(depth - 1)}, b: [${expr(depth - 1)}, ${expr(depth - 1)}] }`;
    case 4: return `\`t${rand(9)} \${${expr(depth - 1)}} end\``;
    case 5: return `${expr(depth - 1)} ? ${expr(depth - 1)} : ${expr(depth - 1)}`;
    case 6: return `((y) => y.${NAMES[rand(NAMES.length)]} ?? (${expr(depth - 1)}))(x)`;
    default: return `${expr(depth - 1)} === ${expr(depth - 1)} && !${expr(depth - 1)}`;
  }
}
function unit(i) {
  switch (i % 6) {
    case 0:
      return `function f${i}(x, { ${name(i)} = 1, ...rest } = {}) {\n  let s = 0;\n  for (let k = 0; k < x; k++) {\n    s += ${expr(2)};\n    if (s > ${rand(1000)}) break;\n  }\n  return s;\n}\n`;
    case 1:
      return `class C${i} extends Object {\n  #p = ${expr(1)};\n  static s = ${rand(100)};\n  constructor(x) { super(); this.v = ${expr(2)}; }\n  get p() { return this.#p; }\n  m${i}(x, ...args) { return args.map((a) => a + this.#p + ${expr(1)}); }\n}\n`;
    case 2:
      return `const o${i} = {\n  ${name(i)}: ${expr(2)},\n  list: [${expr(1)}, ${expr(1)}, 'k${i}', /ab+c${i}/gi],\n  method(x) { switch (x) { case 1: return ${expr(1)}; case 2: return 'two'; default: return null; } },\n};\n`;
    case 3:
      return `async function a${i}(x) {\n  try {\n    const [p, q = ${rand(9)}] = await Promise.all([x, ${expr(1)}]);\n    return p + q;\n  } catch (e) {\n    throw new Error(\`failed \${e.message} at ${i}\`);\n  } finally {\n    x = null;\n  }\n}\n`;
    case 4:
      return `function* g${i}(x) {\n  let n = ${rand(100)};\n  while (n-- > 0) yield ${expr(2)};\n  do { n++; } while (n < 3);\n  return typeof x === 'object' ? Object.keys(x) : [];\n}\n`;
    default:
      return `var v${i} = (function (x) {\n  'use strict';\n  const t = x instanceof Array ? x.length : ${expr(2)};\n  return { t, u: ${expr(2)}, w: x?.y?.[0] };\n})(${rand(10)});\n`;
  }
}
const parts = [];
for (let i = 0; i < UNITS; i++) parts.push(unit(i));
print(parts.join(''));
