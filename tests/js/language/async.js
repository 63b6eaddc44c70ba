// Async functions, promises and jobs: the order of events must match the
// spec's job queue exactly (checked against node in async.expected).
const log = (...a) => print(a.join(' '));
async function f(x) {
  log('f start', x);
  const y = await x;
  log('f resumed', y);
  return y * 2;
}
f(1).then((v) => log('f result', v));
log('sync after call');
Promise.resolve('a').then((v) => log('then', v));
queueLike();
function queueLike() {
  new Promise((resolve) => { log('executor'); resolve('b'); }).then((v) => log('then', v));
}
(async () => {
  try {
    await Promise.reject(new Error('boom'));
  } catch (e) {
    log('caught', e.message);
  } finally {
    log('finally');
  }
})();
const thenable = { then(resolve) { log('thenable.then'); resolve('t'); } };
(async () => log('awaited thenable', await thenable))();
Promise.all([1, Promise.resolve(2), f(3)]).then((v) => log('all', v.join(',')));
Promise.allSettled([Promise.reject(1), 2]).then((v) => log('allSettled', JSON.stringify(v)));
Promise.any([Promise.reject(1), Promise.resolve(5)]).then((v) => log('any', v));
Promise.race([new Promise(() => {}), Promise.resolve('race')]).then((v) => log('race', v));
Promise.reject('r').catch((e) => log('catch', e)).finally(() => log('finally 2'));
// (node 20, used to produce async.expected, predates withResolvers.)
const withResolvers = Promise.withResolvers
  ? () => Promise.withResolvers()
  : () => { let resolve; const promise = new Promise((r) => { resolve = r; }); return { promise, resolve }; };
const { promise, resolve } = withResolvers();
promise.then((v) => log('withResolvers', v));
resolve('w');
async function* ag() { yield 1; await null; yield 2; return 3; }
(async () => {
  for await (const v of ag()) log('for await', v);
  const it = ag();
  log(JSON.stringify([await it.next(), await it.return('early'), await it.next()]));
})();
log('sync end');

// ArrowParameters[?Await]: inside an async function `await` in a nested
// arrow's parameters is an AwaitExpression (an early error), never an
// identifier; in the nested arrow's body of a plain arrow it is fine.
for (const src of ['async () => { (a = await/r/g) => {} }', 'async (a = (await) => {}) => {}',
  'async (...[a = (await) => {}]) => {}', 'async function f() { (x = await 1) => x; }']) {
  let name = 'none';
  try { eval(src); } catch (e) { name = e.name; }
  assertEq(name, 'SyntaxError', src);
}
assertEq(typeof eval('async () => { const g = (a = 1) => a; return g(); }'), 'function');
