const p = { x: 1, y: [1, 2, ...rest], get z() { return 3; } };
class A extends B {
  m() { return super.m() + this.x; }
}
const { x, ...others } = p;
