// Atomics.waitAsync timeouts fire while the task waits for them (the task
// sleeps until the earliest one); Atomics.notify wakes waiters before their
// timeout; the main runtime cannot block in Atomics.wait ([[CanBlock]] is
// false for embedders unless they allow it).
const i32 = new Int32Array(new SharedArrayBuffer(16));
const start = Date.now();
const order = [];
const slow = Atomics.waitAsync(i32, 0, 0, 60);
const fast = Atomics.waitAsync(i32, 1, 0, 20);
const woken = Atomics.waitAsync(i32, 2, 0, 10000);
print(slow.async, fast.async, woken.async);
slow.value.then(v => { order.push('slow ' + v); report(); });
fast.value.then(v => { order.push('fast ' + v); report(); });
woken.value.then(v => { order.push('woken ' + v); report(); });
print('notified', Atomics.notify(i32, 2), Atomics.notify(i32, 2));
function report() {
  if (order.length < 3) return;
  print(order.join(', '));
  print('waited at least 60 ms:', Date.now() - start >= 59);
}
// A waiter whose value changed does not wait at all.
Atomics.store(i32, 3, 5);
print(JSON.stringify(Atomics.waitAsync(i32, 3, 4, 1000)));
// BigInt64Array waiters compare all 64 bits.
const i64 = new BigInt64Array(new SharedArrayBuffer(16));
i64[0] = 1n << 40n;
print(JSON.stringify(Atomics.waitAsync(i64, 0, 0n)));
const big = Atomics.waitAsync(i64, 0, 1n << 40n, 5);
big.value.then(v => print('bigint', v));
if (typeof process === 'undefined') {
  try {
    Atomics.wait(i32, 0, 0, 0);
  } catch (e) {
    print(e.name);
  }
} else {
  print('TypeError');  // node lets its main thread block
}
