const m = new Map([[1, 'a'], ['1', 'b']]); const s = new Set('hello'); const w = new WeakMap([[m, s]]);
const ta = new Float64Array([1.5, NaN, -0]); const dv = new DataView(new ArrayBuffer(16)); dv.setFloat32(0, Math.PI);
print(m.size, [...s].join(''), w.get(m) === s, ta.includes(NaN), Object.is(ta[2], -0), dv.getFloat32(0).toFixed(5));
