// Runs the differential test: COUNT generated programs (gen.js), in batches,
// on Ratchet and on node; compares their output program by program.
//   node compare.js RATCHET_BINARY COUNT [FIRST_BATCH] [BATCH_SIZE]
// Prints each program whose output differs (its source and both outputs,
// up to 20) and the totals; exit status 1 when any differs, except the
// programs known.txt lists with the reason node is the one that is wrong.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const [ratchet, countArg, firstArg, sizeArg] = process.argv.slice(2);
const count = Number(countArg || 1000), size = Number(sizeArg || 500), first = Number(firstArg || 1);
const known = new Map();
for (const line of fs.readFileSync(path.join(__dirname, 'known.txt'), 'utf8').split('\n')) {
  const m = /^(\d+)\s+(.*)$/.exec(line);
  if (m) known.set(Number(m[1]), m[2]);
}
function sections(text) {
  const map = new Map();
  let id = null;
  for (const line of text.split('\n')) {
    const m = /^#(\d+)$/.exec(line);
    if (m) { id = Number(m[1]); map.set(id, []); } else if (id !== null) map.get(id).push(line);
  }
  return map;
}
// Outputs that differ only in the last digits of some numbers (relative
// difference below 1e-14): results of operations the specification leaves
// implementation-approximated (Number::exponentiate, 6.1.6.1.3, and the
// Math functions, 21.3.2). Counted and reported apart, never hidden.
const NUM = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g;
function approximatelyEqual(a, b) {
  if (a.replace(NUM, '#') !== b.replace(NUM, '#')) return false;
  const x = a.match(NUM) || [], y = b.match(NUM) || [];
  return x.every((t, i) => {
    const p = Number(t), q = Number(y[i]);
    return p === q || Math.abs(p - q) <= 1e-14 * Math.max(Math.abs(p), Math.abs(q));
  });
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ratchet-diff-'));
let compared = 0, differ = 0, knownDiffer = 0, approximate = 0, shown = 0;
const batches = Math.ceil(count / size);
for (let b = first; b < first + batches; b++) {
  const src = spawnSync(process.execPath, [path.join(__dirname, 'gen.js'), String(b), String(size)], { encoding: 'utf8' }).stdout;
  const file = path.join(tmp, `batch${b}.js`);
  fs.writeFileSync(file, src);
  const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120000 });
  const r = run(ratchet, ['--max-steps', '200000000', file]);
  const n = run(process.execPath, [file]);
  if (r.status !== 0 || n.status !== 0) {
    console.log(`batch ${b}: ratchet exit ${r.status} ${r.stderr.slice(0, 300)} / node exit ${n.status} ${n.stderr.slice(0, 300)}`);
    differ++;
    continue;
  }
  const rs = sections(r.stdout), ns = sections(n.stdout);
  for (const [id, lines] of ns) {
    compared++;
    const mine = rs.get(id);
    if (mine !== undefined && mine.join('\n') === lines.join('\n')) continue;
    if (known.has(id)) { knownDiffer++; continue; }
    if (mine !== undefined && approximatelyEqual(mine.join('\n'), lines.join('\n'))) {
      if (approximate++ < 3) console.log(`(program ${id}: last digits differ: ${mine.join(' | ')} / node: ${lines.join(' | ')})`);
      continue;
    }
    differ++;
    if (shown++ < 20) {
      const m = new RegExp(`\\(function program${id}\\(\\)[\\s\\S]*?\\}\\)\\(\\);`).exec(src);
      console.log(`--- program ${id}\n${m ? m[0] : '(source not found)'}\nratchet:\n${(mine || ['(missing)']).join('\n')}\nnode:\n${lines.join('\n')}`);
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`differential: ${compared} programs compared with node ${process.version}, ${differ} differ` +
  (knownDiffer ? `, ${knownDiffer} known (tests/diff/known.txt)` : '') +
  `, ${approximate} differ only in the last digits of implementation-approximated results`);
process.exit(differ === 0 ? 0 : 1);
