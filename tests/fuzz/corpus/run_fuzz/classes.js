class A { static #count = 0; constructor() { A.#count++; } static get count() { return A.#count; } toString() { return 'A'; } }
class B extends A { constructor() { super(); this.b = 1; } get [Symbol.toStringTag]() { return 'B!'; } }
new A(); new B(); print(A.count, String(new B()), Object.prototype.toString.call(new B()), B.name, B.length);
