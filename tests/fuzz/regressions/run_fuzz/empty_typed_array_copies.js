// UBSan: memmove/memcpy of zero bytes from a null buffer (typed arrays over
// empty buffers: copyWithin, set, slice, sort, ArrayBuffer slice/transfer).
const e = new Uint8Array(0), f = new Float64Array(new ArrayBuffer(0));
e.set(new Uint8Array(0)); e.copyWithin(0, 0); e.sort(); f.sort(); new BigInt64Array(0).sort();
new BigUint64Array(0).slice(); f.slice(0, 0); new ArrayBuffer(0).slice(0); new ArrayBuffer(0).transfer?.();
new Int16Array(new SharedArrayBuffer(0)).set([]); new DataView(new ArrayBuffer(0)).byteLength;
