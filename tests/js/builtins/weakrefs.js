// WeakRef and FinalizationRegistry: the API (collection itself is covered by
// tests/api/task_test.cc, which can run the collector).
var wr = new WeakRef({ a: 1 });
print(typeof wr.deref(), Object.prototype.toString.call(wr), WeakRef.length, typeof WeakRef.prototype.deref);
var log = [];
var fr = new FinalizationRegistry(function (held) { log.push(held); });
(function () { for (var i = 0; i < 3; i++) fr.register({}, "held" + i, undefined); })();
var token = {};
fr.register({}, "unreg", token);
print(fr.unregister(token), fr.unregister(token));
try { fr.register(1, 2); } catch (e) { print(e.name); }
try { var o = {}; fr.register(o, o); } catch (e) { print(e.name); }
try { WeakRef({}); } catch (e) { print(e.name); }
print(typeof new WeakRef(Symbol("local")).deref(), (() => { try { new WeakRef(Symbol.for("registered")); } catch (e) { return e.name; } })());
