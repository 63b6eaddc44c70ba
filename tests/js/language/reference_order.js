// Property references: the base becomes an object before the key is
// converted (GetValue / PutValue), so a null base throws before toString.
// (node 20 converts the key of `base[key] += 1` twice; the spec converts it once.)
var log = [];
var key = { toString() { log.push("key"); return "k"; } };
function attempt(f) { try { f(); } catch (e) { log.push(e.name); } }
attempt(() => { var base = null; base[key] *= 2; });
attempt(() => { var base; base[key]; });
attempt(() => { var base = null; base[key] = 1; });
attempt(() => { var base = undefined; delete base[key]; });
attempt(() => { var base = {}; base[key] += 1; });
print(log.join(" "));
