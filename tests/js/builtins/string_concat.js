// Long concatenations append in place into a shared buffer (slices); every
// string keeps its own value however others extend the same buffer.
var base = "";
for (var i = 0; i < 300; i++) base += String.fromCharCode(97 + (i % 26));
var left = base + "L";          // appends in place
var right = base + "R";         // base is no longer the tip: copies
var left2 = left + "2";
print(base.length, left.length, right.length, left2.length);
print(left.slice(-3), right.slice(-3), left2.slice(-3), base.slice(-3));
print(left === base + "L", right.endsWith("zR") || right.endsWith(base.slice(-1) + "R"));
// Latin-1 then UTF-16 content in the same chain.
var mixed = base;
mixed += "\u00e9";
mixed += "\u03a9";
mixed += "x";
print(mixed.length, mixed.charCodeAt(300).toString(16), mixed.charCodeAt(301).toString(16), mixed.slice(-2));
print(base.indexOf("\u03a9"), mixed.indexOf("\u03a9"));
// Two-byte prefix, Latin-1 suffix.
var greek = "\u03b1".repeat(300);
var g2 = greek + "abc";
var g3 = g2 + "def";
print(g3.length, g3.slice(-7), g2.slice(-4), greek.slice(-1) === "\u03b1");
// Strings built this way are ordinary values: keys, equality, hashing.
var obj = {};
obj[left] = 1;
obj[base + "L"] += 1;
print(obj[left], Object.keys(obj)[0].length, left2 > left, left < right);
// A large join stays linear.
var parts = [];
for (var i = 0; i < 3000; i++) parts.push("line " + i);
var text = parts.join("\n");
print(text.length, text.split("\n").length, text.slice(0, 13));
var acc = "";
for (var i = 0; i < 10000; i++) acc += i % 10;
print(acc.length, acc.slice(0, 12), acc.slice(-5));
