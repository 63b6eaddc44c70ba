// Private methods are installed by the class's field initializer, a
// separate function: it must read the private name from the class
// environment (it once read a register of the defining frame).
class Base { constructor(o) { return o; } }
class C extends Base { #m() { return 'm'; } static call(o) { return o.#m(); } }
const obj = {};
new C(obj);
function again() { return new C(obj); }
try { again(); print('no error'); } catch (e) { print(e.constructor.name, e.message); }
print(C.call(obj));
class D { #a() {} #b() {} get #c() { return 1; } static has(o) { return #a in o && #b in o && #c in o; } }
print(D.has(new D()), D.has({}));
