// Iterator.zip / zipKeyed, Promise.allKeyed / allSettledKeyed,
// Math.sumPrecise, Object.getOwnPropertyDescriptors and the Annex B
// accessor methods.
var show = (v) => JSON.stringify(v);
print(show(Iterator.zip([[1, 2, 3], "ab".split(""), new Set([true, false, null])]).toArray()));
print(show(Iterator.zip([[1, 2, 3], [4]], { mode: "longest", padding: [0, -1] }).toArray()));
try { Iterator.zip([[1, 2], [3]], { mode: "strict" }).toArray(); } catch (e) { print(e.name); }
try { Iterator.zip(["ab"]); } catch (e) { print(e.name, "strings are rejected"); }
var keyed = Iterator.zipKeyed({ a: [1, 2], b: [3, 4, 5], c: undefined }, { mode: "longest", padding: { a: "pad" } });
var rows = keyed.toArray();
print(show(rows), Object.getPrototypeOf(rows[0]));
// Closing: return() closes every open iterator in reverse order.
var log = [];
function tracked(name) {
  return { next() { return { value: name, done: false }; }, return() { log.push(name); return {}; } };
}
var z = Iterator.zip([tracked("x"), tracked("y"), tracked("z")]);
z.next();
z.return();
print(log.join(","));

print(Math.sumPrecise([1e308, 1e308, -1e308]), Math.sumPrecise([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3);
print(Math.sumPrecise([]), Object.is(Math.sumPrecise([-0, -0]), -0), Math.sumPrecise([1, -1]), Math.sumPrecise([1e-323, 5e-324]));
print(Math.sumPrecise([Infinity, 1]), Math.sumPrecise([Infinity, -Infinity]), Math.sumPrecise([2 ** 53, 1, 1]));
try { Math.sumPrecise([1, "2"]); } catch (e) { print(e.name); }

var o = {};
o.__defineGetter__("g", function () { return 42; });
o.__defineSetter__("s", function (v) { this.stored = v; });
o.s = 7;
print(o.g, o.stored, typeof o.__lookupGetter__("g"), o.__lookupSetter__("g"), typeof Object.create(o).__lookupSetter__("s"));
var ds = Object.getOwnPropertyDescriptors({ a: 1, get b() { return 2; } });
print(show(ds.a), typeof ds.b.get, ds.b.enumerable);

Promise.allKeyed({ x: Promise.resolve(1), y: 2, z: new Promise((r) => setTimeoutLike(r)) }).then((r) => {
  print("allKeyed", show(r), Object.getPrototypeOf(r));
});
function setTimeoutLike(r) { Promise.resolve().then(() => r("late")); }
Promise.allSettledKeyed({ ok: 1, bad: Promise.reject(new Error("no")) }).then((r) => {
  print("allSettledKeyed", r.ok.status, r.ok.value, r.bad.status, r.bad.reason.message);
});
Promise.allKeyed(5).catch((e) => print("allKeyed(5)", e.name));
