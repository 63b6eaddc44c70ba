// for-of closes its iterator when an iteration ends abruptly (break, return,
// throw, a jump out), not on continue or normal completion.
var log = [];
function it(name, throwOnReturn) {
  return { [Symbol.iterator]() { return this; }, i: 0,
    next() { return { value: this.i++, done: this.i > 3 }; },
    return() { log.push("close " + name); if (throwOnReturn) throw new Error("ret"); return {}; } };
}
for (var a of it("normal")) {}
for (var b of it("continue")) { if (b == 1) continue; }
outer: for (var c of it("outer")) { for (var d of it("inner")) { continue outer; } }
try { for (var e of it("throw", true)) throw new Error("body"); } catch (err) { log.push(err.message); }
try { (function () { for (var f of it("return-throws", true)) return 1; })(); } catch (err) { log.push(err.message); }
for (var [g] of [[1], [2]]) { break; }
print(log.join("; "));
// Generators run their finally blocks when a for-of leaves early.
log = [];
function* gen(){ try { yield 1; yield 2; } finally { log.push("closed"); } }
function early(){ for (var x of gen()) return x; }
early(); for (var y of gen()) break;
try { for (var z of gen()) throw 1; } catch(e){}
print(log.join(","));
