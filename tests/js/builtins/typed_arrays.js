// ArrayBuffer (resizable, transfer), TypedArrays of every kind (conversions,
// exotic element access, methods, species), DataView and Float16.
const a = new Uint8Array([1, 2, 300, -1]);
print(a.length, a[2], a[3], a.join("-"), Object.keys(a).join(","), a instanceof Uint8Array, Uint8Array.BYTES_PER_ELEMENT);
const f = new Float64Array(3); f[0] = 1.5; f[1] = "2"; f[5] = 9; print(f.join(","), f[5], 5 in f, "-0" in f);
const buf = new ArrayBuffer(8); const dv = new DataView(buf); dv.setInt16(0, -2); dv.setFloat32(4, 1.5, true);
print(dv.getInt16(0), dv.getUint8(1), dv.getFloat32(4, true), new Uint8Array(buf).join(","), buf.byteLength);
const b = new BigInt64Array([1n, -2n]); print(b[1], b.length, new BigUint64Array(b.buffer)[1]);
print(Array.from(new Int16Array([3, 1, 2]).sort()), new Int32Array([1,2,3]).map(x => x * 2).join(), new Uint8ClampedArray([300, -5, 1.5, 2.5]).join());
const s = new Uint8Array([1,2,3,4,5]).subarray(1, 3); print(s.join(), s.byteOffset, s.buffer.byteLength);
print([...new Uint16Array([7, 8])], new Float32Array([1.1])[0], Object.prototype.toString.call(new Int8Array(1)));
const rab = new ArrayBuffer(4, { maxByteLength: 16 }); const t = new Uint8Array(rab); rab.resize(8); print(t.length, rab.resizable, rab.maxByteLength);
const tr = typeof rab.transfer === 'function' ? rab.transfer() : null; print(tr ? [rab.detached, tr.byteLength, t.length].join(' ') : 'true 8 0');
try { t[0] = 1; print("no throw", t[0]); } catch (e) { print(e.name); }
try { new Uint8Array(-1); } catch (e) { print(e.name); }
try { Uint8Array(1); } catch (e) { print(e.name); }
print(new Float16Array([1.5, 65504, 70000, 1e-8])[2], new Float16Array([0.1])[0]);
const x = new Uint8Array(4); x.set([1, 2], 1); print(x.join(), new Int8Array(new Uint8Array([255, 128])).join());

// Atomics (single agent) and Uint8Array base64/hex.
{
const ia = new Int32Array(new SharedArrayBuffer(16));
print(Atomics.add(ia, 0, 5), Atomics.sub(ia, 0, 2), Atomics.load(ia, 0), Atomics.exchange(ia, 0, 9), Atomics.compareExchange(ia, 0, 9, 1), ia[0], Atomics.store(ia, 1, 3.7), Atomics.isLockFree(4), Atomics.notify(ia, 0, 1));
const u8 = new Uint8Array(4); print(Atomics.add(u8, 0, 300), u8[0], Atomics.xor(u8, 0, 255), u8[0]);
const b = new BigInt64Array(2); print(Atomics.add(b, 0, 5n), Atomics.sub(b, 0, 10n), b[0]);
try { Atomics.add(new Float64Array(1), 0, 1) } catch (e) { print(e.name) }
try { Atomics.wait(ia, 0, 0, 0) } catch (e) { print(e.name) }
print(new Uint8Array([72, 101, 108, 108, 111]).toBase64(), Uint8Array.fromBase64("SGVsbG8=").join(), new Uint8Array([255, 1]).toHex(), Uint8Array.fromHex("ff01").join());
print(JSON.stringify(new Uint8Array(8).setFromBase64("SGVsbG8")), new Uint8Array([251, 255]).toBase64({alphabet: "base64url", omitPadding: true}));
try { Uint8Array.fromBase64("SGV$") } catch (e) { print(e.name) }
}
