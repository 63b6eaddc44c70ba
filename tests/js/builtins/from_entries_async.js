// Object.fromEntries, Object.values/entries over getters, Array.fromAsync.
Array.fromAsync([1, Promise.resolve(2), 3], x => x * 2).then(a => print("fromAsync", a.join()));
async function* g() { yield 1; yield 2; }
Array.fromAsync(g()).then(a => print("gen", a.join()));
Array.fromAsync({length: 2, 0: "a", 1: "b"}).then(a => print("arraylike", a.join()));
print(JSON.stringify(Object.fromEntries([["a", 1], ["b", 2]])), JSON.stringify(Object.entries({get x() { return 5 }, y: 1})), Object.values({get z() { return 3 }}).join());
