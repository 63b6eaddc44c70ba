// Many Atomics.waitAsync waiters: notify wakes the oldest of one location
// only, timeouts fire for the others, and the cost is what each operation
// touches (kept at 1,000 waiters so that the GC-stress run, which collects
// at every allocation, stays fast).
const many = new Int32Array(new SharedArrayBuffer(8));
const waiters = [];
for (let i = 0; i < 1000; i++) waiters.push(Atomics.waitAsync(many, i % 2, 0, i % 2 ? 5 : 100000).value);
print('woken', Atomics.notify(many, 0, 3), Atomics.notify(many, 0), Atomics.notify(many, 0));
Promise.all(waiters).then((results) => {
  const counts = {};
  for (const r of results) counts[r] = (counts[r] || 0) + 1;
  print(JSON.stringify(counts), results[0], results[1], results[998], results[999]);
});
