// Source phase imports: import.source() parses in scripts and rejects with a
// SyntaxError once the module is loaded (Ratchet's modules have no source
// representation); `new import.source()` and a missing argument are early
// errors; `import source x from` in modules is covered by the CLI tests.
for (const code of ['new import.source("x")', 'import.source()', 'typeof import.source', 'import.source("a", {})']) {
  let error = 'none';
  try { (0, eval)(code); } catch (e) { error = e.constructor.name; }
  print(code, '->', error);
}
const p = import.source('./does-not-exist.mjs');
print(p instanceof Promise);
p.then(() => print('fulfilled?'), (e) => print('rejected', e.constructor.name));
const spec = { toString() { throw new RangeError('specifier'); } };
import.source(spec).catch((e) => print('specifier error', e.constructor.name));
