const p = new Proxy({}, { get: (t, k) => k === 'then' ? undefined : k, has: () => true, ownKeys: () => ['a', 'b'], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }) });
print(p.x, 'q' in p, Object.keys(p), Reflect.ownKeys(p)); class C { #v = 1; static has(o) { return #v in o; } } print(C.has(new C), C.has(p));
