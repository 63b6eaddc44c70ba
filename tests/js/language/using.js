// using / await using declarations: disposal order, every exit path, errors
// (SuppressedError chains), null values, TDZ, generators, static blocks.
var log = [];
function res(name, fail) {
  return { [Symbol.dispose]() { log.push("dispose " + name); if (fail) throw new Error(name); } };
}
{
  using a = res("a"), b = res("b");
  using n = null;
  log.push("body");
}
print(log.join(", ")); log = [];
function f() {
  using x = res("x");
  for (var i = 0; i < 3; i++) {
    using y = res("y" + i);
    if (i === 1) continue;
    if (i === 2) break;
  }
  return "ret";
}
print(f(), log.join(", ")); log = [];
try {
  using p = res("p", true);
  using q = res("q", true);
  throw new Error("body");
} catch (e) {
  print(e.name, e.error.message, e.suppressed.name, e.suppressed.error.message, e.suppressed.suppressed.message);
}
try { { using bad = 1; } } catch (e) { print(e.name, e.message); }
try { { using bad = {}; } } catch (e) { print(e.name, e.message); }
var using = 5; print(using);
function* g() { using r = res("gen"); yield 1; yield 2; }
var it = g(); it.next(); it.return(); print(log.join(", ")); log = [];
async function af() {
  await using a = { async [Symbol.asyncDispose]() { log.push("async a"); } };
  await using b = res("sync-b");
  await using c = null;
  log.push("af body");
}
af().then(() => print(log.join(", ")));
class C { static { using s = res("static"); } }
print(log.join(", ")); log = [];
try { { using t = t; } } catch (e) { print(e.name); }
async function skip(flag) { if (flag) { await using q = null; } return "same tick"; }
var order = []; skip(false).then(v => order.push(v)); Promise.resolve().then(() => order.push("tick")).then(() => print(order.join(" < ")));
// using in for heads.
var flog = [];
function res2(n) { return { [Symbol.dispose]() { flog.push("d" + n); } }; }
for (using x of [res2(1), res2(2), res2(3)]) { flog.push("b"); if (flog.length > 4) break; }
print(flog.join(" ")); flog = [];
for (using a = res2("a"), b = res2("b"); flog.length < 2; ) flog.push("i");
print(flog.join(" ")); flog = [];
for (using of [5]) print(using);
async function forAwaitUsing() {
  var alog = [];
  for (await using y of [{ [Symbol.dispose]() { alog.push("dy1"); } }, null]) alog.push("ab");
  print("for await using:", alog.join(" "));
}
forAwaitUsing();
