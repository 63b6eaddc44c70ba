function* g(a = yield) {} function* h() { const x = yield; yield* [1, 2]; return yield yield 1; } const o = { *m() {}, async n() {}, get [Symbol.iterator]() { return function* () {}; } };
new.target; function F() { return new.target ?? new F; } switch (x) { case 1: let y; break; default: }
