import { number, label } from './format.mjs';

export let created = 0;

class Shape {
  constructor(name) {
    this.name = name;
    created++;
  }
  describe() { return `${label(this.name)} with area ${number(this.area())}`; }
}

export class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r * this.r; }
}

export class Square extends Shape {
  constructor(side) { super('square'); this.side = side; }
  area() { return this.side * this.side; }
}
