// Declaration early errors: each source is parsed as a script by indirect
// eval; "ok" means it parsed, otherwise the SyntaxError's message.
var geval = eval;
function check(src) {
  try {
    geval(src);
    return "ok";
  } catch (e) {
    return e.name + ": " + e.message;
  }
}
var cases = [
  "{ let a; { var a; } }",
  "{ let a; let a; }",
  "{ const a = 1; function a() {} }",
  "switch (0) { case 1: let a; default: let a; }",
  "switch (0) { case 1: let b; default: var b; }",
  "{ function f() {} function f() {} }",
  "'use strict'; { function f() {} function f() {} }",
  "{ function* g() {} function g() {} }",
  "{ async function h() {} function h() {} }",
  "try {} catch (e) { let e; }",
  "try {} catch (e) { var e; }",
  "try {} catch (e) { for (var e of []); }",
  "try {} catch ([e]) { var e; }",
  "try {} catch ([e, e]) {}",
  "for (let i = 0; ;) { var i; break; }",
  "for (const [x, x] of []);",
  "for (let k in {}) { var k; }",
  "function f1(a) { let a; }",
  "function f2(a) { var a; function a() {} }",
  "(a) => { const a = 1; }",
  "let x1; var x1;",
  "var x2; let x2;",
  "function x3() {} let x3;",
  "var x4; function x4() {}",
  "class C { static { var s; let t; function s() {} } }",
  "class D { static { let s; var s; } }",
  "if (1) l: function f() {}",
  "while (0) l: function f() {}",
  "l1: l2: function lf() {}",
  "l: function* lg() {}",
  "for (;;) async function af() {}",
  "if (1) function* ig() {}",
  "0_7", "08_1", "0 && 0 ?? 1", "0 ?? 0 || 1", "(0 || 0) ?? 1",
  "function d() { '\\8'; 'use strict'; }",
  "function e() { 'use strict'; '\\7'; }",
  // Parameters may not contain yield / await expressions.
  "function* g1(x = yield) {}",
  "function* g2() { (x = yield) => {}; }",
  "function* g3() { () => yield; }",
  "async function a1(x = await 1) {}",
  "function* g4(x = function* () { yield 1; }) {}",
  // Assignment targets and patterns.
  "[...r,] = [];",
  "({...r,} = {});",
  "(x = y) = 1;",
  "({}) = 1;",
  "[(q)] = [];",
  "[(q = 1)] = [];",
  "function* g5() { ({ yield } = {}); }",
  "({ yield } = {});",
  // Private names.
  "class P1 { #x = 1; m() { const { #x: x } = this; } }",
  "class P2 { #m; D = class extends P2 { a() { return super.#m; } } }",
  "class P3 { #f; m() { return #f in #f in this; } }",
  "class P4 { #f; m(o) { return #f in o; } }",
];
for (var i = 0; i < cases.length; i++) print(cases[i], "=>", check(cases[i]));
