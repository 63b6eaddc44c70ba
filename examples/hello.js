// Run with: ./ratchet examples/hello.js
function greet(name) {
  return `Hello, ${name}!`;
}

const languages = ['JavaScript', 'C++', 'bytecode'];
print(greet('Ratchet'));
for (const [i, lang] of languages.entries()) {
  console.log(`${i + 1}. ${lang}`);
}

class Counter {
  constructor() { this.count = 0; }
  increment() { return ++this.count; }
}
const c = new Counter();
c.increment();
c.increment();
print('counted to', c.increment());

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print('fib(20) =', fib(20));
print(JSON.stringify({ ok: true, items: languages.map((s) => s.length) }));
