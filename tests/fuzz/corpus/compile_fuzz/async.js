async function* g() { for await (const x of xs) { try { yield await x; } catch { continue; } finally { label: { break label; } } } }
const h = async (a) => { await using r = a; using q = null; return import('./m.js', { with: { type: 'json' } }); };
