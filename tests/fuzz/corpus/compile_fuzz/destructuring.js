let { a, b: [c, , ...d] = [], ...e } = obj; [x.y, z = 1, ...w[0]] = arr; for (const [k, { v = k }] of m) ({ a = 1 } = {});
function f({ p } = {}, [q, r] = [], ...s) { 'use strict'; return (t = p, u) => t ** -u; }
