// DisposableStack, AsyncDisposableStack, SuppressedError, AggregateError,
// Iterator chunks/windows/includes/join and Symbol.dispose.
const log = [];
{
  const s = new DisposableStack();
  s.defer(() => log.push("defer"));
  s.use({ [Symbol.dispose]() { log.push("use"); } });
  print(s.adopt(7, v => log.push("adopt " + v)), s.disposed);
  s.dispose();
  print(log.join(), s.disposed);
}
try {
  const s = new DisposableStack();
  s.defer(() => { throw new Error("a"); });
  s.defer(() => { throw new Error("b"); });
  s.dispose();
} catch (e) { print(e.name, e.error.message, e.suppressed.message); }
const e = new SuppressedError(1, 2, "m"); print(e.error, e.suppressed, e.message, e instanceof Error);
const ag = new AggregateError([1, 2], "x"); print(ag.errors.join(), ag.message, ag.name);
const as = new AsyncDisposableStack();
as.use({ async [Symbol.asyncDispose]() { print("async disposed"); } });
as.disposeAsync().then(() => print("done", as.disposed));
print([1, 2, 3, 4, 5].values().chunks(2).toArray().map(c => c.join("")).join(" "), [1, 2, 3, 4].values().windows(3).toArray().length, [1, NaN].values().includes(NaN), ["a", null, "b"].values().join("-"));
let closed = false; const it = { next() { return { value: 1, done: false }; }, return() { closed = true; return {}; }, __proto__: Iterator.prototype };
it[Symbol.dispose](); print(closed, typeof Symbol.dispose);
print(Error.isError(new TypeError()), Error.isError({}), Error.isError(new SuppressedError()), Error.isError(new AggregateError([])));
