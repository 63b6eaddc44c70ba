class A extends (B ?? Object) { #x = 1; static #y; static { this.#y = 2; } get x() { return this.#x; } set [k](v) {} static m() { return #x in this; } async *g() { yield* super.g?.(); } }
