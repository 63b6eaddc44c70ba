// ASan (stack-use-after-scope): compiling a direct eval inside a module read
// the options of a generator that pointed at a destroyed temporary.
try { eval('1'); } catch { eval?.('2'); }
function f() { return eval('3'); }
export { f };
