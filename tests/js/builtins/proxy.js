// Proxy: every trap reached from the operations that use it, invariants,
// revocation, callable proxies, proxies on prototype chains.
const log = [];
const target = { a: 1, b: 2 };
const traced = new Proxy(target, {
  get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
  has(t, k) { log.push('has ' + String(k)); return k in t; },
  deleteProperty(t, k) { log.push('delete ' + String(k)); return delete t[k]; },
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  defineProperty(t, k, d) { log.push('define ' + String(k)); return Reflect.defineProperty(t, k, d); },
  getPrototypeOf(t) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
  setPrototypeOf(t, p) { log.push('setPrototypeOf'); return Reflect.setPrototypeOf(t, p); },
  isExtensible(t) { log.push('isExtensible'); return Reflect.isExtensible(t); },
  preventExtensions(t) { log.push('preventExtensions'); return Reflect.preventExtensions(t); },
});
print(traced.a, traced['b'], 'a' in traced, 'z' in traced);
traced.c = 3;
traced[0] = 'zero';
delete traced.a;
print(Object.keys(traced).join(), JSON.stringify(traced));
print(Object.getOwnPropertyNames(traced).join(), Reflect.ownKeys(traced).length);
print(Object.prototype.hasOwnProperty.call(traced, 'b'), Object.hasOwn(traced, 'nope'));
Object.defineProperty(traced, 'd', { value: 4, enumerable: true, configurable: true, writable: true });
print(Object.getOwnPropertyDescriptor(traced, 'd').value, Object.getPrototypeOf(traced) === Object.prototype);
print(Object.isExtensible(traced));
const keys = [];
for (const k in traced) keys.push(k);
print('for-in', keys.join());
print('spread', JSON.stringify({ ...traced }));
print(log.join(' | '));

// A proxy on the prototype chain sees the original receiver.
const protoProxy = new Proxy({}, {
  get(t, k, r) { return k === 'who' ? r.name : undefined; },
  set(t, k, v, r) { Object.defineProperty(r, k, { value: v * 10, writable: true, enumerable: true, configurable: true }); return true; },
  has(t, k) { return k === 'magic'; },
});
const child = Object.create(protoProxy);
child.name = 'child';
print(child.who, 'magic' in child, 'other' in child);
child.n = 5;
print(child.n, Object.keys(child).join());

// Callable proxies: apply and construct traps, typeof, instanceof.
function Point(x, y) { this.x = x; this.y = y; }
const P = new Proxy(Point, {
  apply(t, self, args) { return 'called with ' + args.join(); },
  construct(t, args, nt) { const o = Reflect.construct(t, args, nt); o.made = true; return o; },
});
print(typeof P, P(1, 2), P.call(null, 3), P.apply(null, [4, 5]));
const pt = new P(1, 2);
print(pt.x, pt.y, pt.made, pt instanceof Point, pt instanceof P);
class Sub extends P { constructor() { super(7, 8); } }
const s = new Sub();
print(s.x, s.made, s instanceof Sub, Object.prototype.toString.call(P));

// Invariants: a non-configurable, non-writable property must be reported
// as it is.
const frozen = Object.freeze({ k: 1 });
const liar = new Proxy(frozen, { get() { return 2; }, has() { return false; }, ownKeys() { return []; } });
for (const [what, f] of [['get', () => liar.k], ['has', () => 'k' in liar], ['ownKeys', () => Object.keys(liar)]]) {
  try { f(); print(what, 'no error'); } catch (e) { print(what, e.constructor.name); }
}
try { new Proxy({}, { ownKeys() { return ['a', 'a']; } }); Reflect.ownKeys(new Proxy({}, { ownKeys() { return ['a', 'a']; } })); } catch (e) { print('duplicate keys', e.constructor.name); }
try { Object.keys(new Proxy({}, { ownKeys() { return [1]; } })); } catch (e) { print('number key', e.constructor.name); }

// Revocation.
const { proxy, revoke } = Proxy.revocable({ x: 1 }, {});
print(proxy.x);
revoke();
revoke();
for (const f of [() => proxy.x, () => { proxy.x = 2; }, () => 'x' in proxy, () => Object.keys(proxy), () => typeof proxy]) {
  try { print(f()); } catch (e) { print(e.constructor.name); }
}
try { Proxy({}, {}); } catch (e) { print('call without new', e.constructor.name); }
try { new Proxy(1, {}); } catch (e) { print('primitive target', e.constructor.name); }
print(Array.isArray(new Proxy([], {})), Object.prototype.toString.call(new Proxy([], {})), 'revocable' in Proxy, 'prototype' in Proxy);

// Strict mode: a falsish set trap throws; sloppy code ignores it.
const refuse = new Proxy({}, { set() { return false; }, deleteProperty() { return false; }, defineProperty() { return false; } });
refuse.x = 1;
print('sloppy set ok', Reflect.set(refuse, 'x', 1), Reflect.defineProperty(refuse, 'x', { value: 1 }));
(function () { 'use strict'; try { refuse.x = 1; } catch (e) { print('strict set', e.constructor.name); } try { delete refuse.x; } catch (e) { print('strict delete', e.constructor.name); } })();
try { Object.defineProperty(refuse, 'x', { value: 1 }); } catch (e) { print('defineProperty', e.constructor.name); }
try { Object.freeze(new Proxy({ a: 1 }, { preventExtensions() { return false; } })); } catch (e) { print('freeze', e.constructor.name); }
print(Object.isFrozen(new Proxy(Object.freeze({ a: 1 }), {})));

// A proxy of a proxy, and a deep chain of them (no host recursion).
let deep = { leaf: 'ok' };
for (let i = 0; i < 2000; i++) deep = new Proxy(deep, {});
print(deep.leaf, 'leaf' in deep, Object.keys(deep).join());
