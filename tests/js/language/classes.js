class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name + ' makes a sound'; }
  get upper() { return this.name.toUpperCase(); }
  static create(n) { return new this(n); }
}
class Dog extends Animal {
  constructor(name) {
    super(name);
    this.kind = 'dog';
  }
  speak() { return super.speak() + ' (woof)'; }
}
const d = new Dog('rex');
assertEq(d.speak(), 'rex makes a sound (woof)');
assertEq(d.upper, 'REX');
assertEq(d instanceof Dog, true);
assertEq(d instanceof Animal, true);
assertEq(Object.getPrototypeOf(Dog), Animal);
assertEq(Dog.create('fido').kind, 'dog');
assertThrows(TypeError, () => Dog('x'));
class Base {}
class Derived extends Base {}
assertEq(new Derived() instanceof Base, true);
class NoSuper extends Base { constructor() { } }
assertThrows(ReferenceError, () => new NoSuper());
assertEq(typeof Animal, 'function');
assertEq(Object.keys(Animal.prototype).length, 0);

// Getters, setters and methods on object literals.
const acc = {
  _v: 1,
  get v() { return this._v * 10; },
  set v(x) { this._v = x; },
  ['comp' + 'uted']: 3,
  method() { return 'm'; },
};
acc.v = 4;
assertEq(acc.v, 40);
assertEq(acc.computed, 3);
assertEq(acc.method(), 'm');

// Constructors and prototypes.
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
assertEq(new Point(2, 3).sum(), 5);
assertEq(new Point(1, 1).constructor, Point);
