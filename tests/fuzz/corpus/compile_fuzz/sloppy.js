var let = 1; with (o) { yield = 2; } if (a) function f() {} else function g() {} l1: l2: for (;;) { continue l1; }
<!-- html comment
--> also a comment
a = 010 + 08; eval('x'); arguments = 3; delete x; /=/g.test(s); x = y / z / w;
