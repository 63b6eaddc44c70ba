// Class fields, private names, static blocks and super in every position.

// Public and private instance fields, initialized in order with `this`.
let order = [];
class Point {
  x = (order.push('x'), 1);
  #y = (order.push('#y'), this.x + 1);
  ['comp' + 'uted'] = (order.push('computed'), 3);
  get y() { return this.#y; }
  set y(v) { this.#y = v; }
  static origin = new Point();
}
assertEq(order.join(), 'x,#y,computed');
const p = new Point();
assertEq(p.x + p.y + p.computed, 6);
p.y = 10;
assertEq(p.y, 10);
assertEq(Object.keys(p).join(), 'x,computed');
assertEq(Object.getOwnPropertySymbols(p).length, 0);
assertEq(typeof Reflect === 'undefined' || Reflect.ownKeys(p).length === 2, true);
assertEq(JSON.stringify(p), '{"x":1,"computed":3}');
assertEq(Point.origin instanceof Point, true);

// Fields are own, writable, enumerable, configurable data properties.
const desc = Object.getOwnPropertyDescriptor(p, 'x');
assertEq(desc.writable && desc.enumerable && desc.configurable, true);

// Private methods, accessors and static private members; brand checks.
class Counter {
  #count = 0;
  static #instances = 0;
  constructor() { Counter.#instances++; }
  #bump() { return ++this.#count; }
  get #double() { return this.#count * 2; }
  set #double(v) { this.#count = v / 2; }
  tick() { this.#bump(); return this.#double; }
  reset(v) { this.#double = v; return this.#count; }
  static instances() { return Counter.#instances; }
  static isCounter(o) { return #count in o; }
  static peek(o) { return o.#count; }
  writeMethod() { this.#bump = 1; }
}
const c = new Counter();
new Counter();
assertEq(c.tick(), 2);
assertEq(c.tick(), 4);
assertEq(c.reset(8), 4);
assertEq(Counter.instances(), 2);
assertEq(Counter.isCounter(c), true);
assertEq(Counter.isCounter({}), false);
assertThrows(TypeError, () => Counter.peek({}));
assertThrows(TypeError, () => Counter.isCounter(1));
assertThrows(TypeError, () => c.writeMethod());
assertThrows(TypeError, () => c.tick.call({}));

// Each evaluation of a class makes new private names.
function makeClass() { return class { #v = 1; static read(o) { return o.#v; } }; }
const K1 = makeClass(), K2 = makeClass();
assertEq(K1.read(new K1()), 1);
assertThrows(TypeError, () => K1.read(new K2()));

// Fields of derived classes are initialized when super() returns, also
// when super() is called from an arrow function.
class Base { constructor() { this.fromBase = 'base'; } }
class Derived extends Base {
  seen = this.fromBase;
  constructor() { const init = () => super(); init(); }
}
assertEq(new Derived().seen, 'base');
class Twice extends Base { constructor() { super(); super(); } }
assertThrows(ReferenceError, () => new Twice());
class DefaultCtor extends Base { own = this.fromBase + '!'; }
assertEq(new DefaultCtor().own, 'base!');

// A return from a derived constructor is checked after the body, outside
// its try blocks.
class ReturnsPrimitive extends Base {
  constructor() { super(); try { return 1; } catch (e) { return {}; } }
}
assertThrows(TypeError, () => new ReturnsPrimitive());

// Static blocks run in order with the static fields, `this` the class.
const log = [];
class Statics {
  static a = log.push('a');
  static { log.push('block ' + (this === Statics)); var local = 1; }
  static b = log.push('b');
}
assertEq(log.join(), 'a,block true,b');
assertEq(typeof local, 'undefined');

// super property reads and writes, in methods, arrows and field initializers.
class Parent { greet() { return 'hi'; } static who() { return 'parent'; } }
class Child extends Parent {
  greeting = super.greet() + '!';
  greet() { return (() => super.greet() + ' there')(); }
  static who() { return 'child of ' + super.who(); }
  setViaSuper() { super.stored = 5; return this.stored; }
}
const ch = new Child();
assertEq(ch.greeting, 'hi!');
assertEq(ch.greet(), 'hi there');
assertEq(Child.who(), 'child of parent');
assertEq(ch.setViaSuper(), 5);
assertEq(Object.prototype.hasOwnProperty.call(ch, 'stored'), true);

// Names of anonymous functions in fields.
const sym = Symbol('s');
class Named {
  f = function () {};
  #g = () => {};
  static [sym] = function () {};
  gName() { return this.#g.name; }
}
assertEq(new Named().f.name, 'f');
assertEq(new Named().gName(), '#g');
assertEq(Named[sym].name, '[s]');

// Class heritage sees the class name in its TDZ.
assertThrows(ReferenceError, () => { const X = class X extends X {}; });
print('class elements ok');
