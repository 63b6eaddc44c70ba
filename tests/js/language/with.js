// The with statement: object environments, @@unscopables, calls with the
// object as this, assignments, typeof/delete, closures, nesting.
var x = 'global x';
var o = { x: 'o.x', y: 1, f() { return this === o; } };
with (o) {
  print(x, y, f());
  y = 2;
  z = 'created globally';
  var v = 'var through with';
}
print(o.y, typeof z, z, v, o.v);
with ({ v: 0 }) { var v = 'assigned to the object'; }
print(v);

const blocked = { x: 'blocked', w: 'visible', [Symbol.unscopables]: { x: true } };
with (blocked) print(x, w);

function makeGetter() {
  const scope = { n: 1 };
  let getter;
  with (scope) { getter = () => n; }
  scope.n = 2;
  return getter;
}
print(makeGetter()());

with ({ a: 1 }) with ({ b: 2 }) with ({ a: 3 }) print(a, b);

const d = { gone: 1 };
with (d) { print(typeof gone, delete gone, typeof gone, typeof nothingAtAll); }

// GetBindingValue checks HasProperty again (9.1.1.2.6 step 2); node
// 20 skips that second `has` (test262 follows the spec).
let log = [];
const proxy = new Proxy({ p: 1 }, {
  has(t, k) { log.push('has ' + String(k)); return k in t; },
  get(t, k) { log.push('get ' + String(k)); return t[k]; },
});
with (proxy) { p; }
print(log.join(', '));

try { with (null) {} } catch (e) { print(e.constructor.name); }
with ('str') print(length, charAt(1));
print(eval('with ({ q: 5 }) q * 2'));
for (const k of [1, 2]) { with ({ k: k * 10 }) print(k); }
label: with ({}) { for (;;) break label; }
print('done');
