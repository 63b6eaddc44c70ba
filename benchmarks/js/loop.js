// A tight loop with property access and arithmetic.
function run() {
  const o = { x: 0 };
  let s = 0;
  for (let i = 0; i < 20000000; i++) {
    s = (s + i * 3) % 1000003;
    o.x = s;
  }
  return o.x;
}
const r = run();
if (r !== 5490) throw new Error('wrong result ' + r);
print('loop = ' + r);
