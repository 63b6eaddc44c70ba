// URI functions, escape/unescape and JSON.parse with a reviver.
print(encodeURIComponent("a b&c/ü€😀"), encodeURI("http://x.y/a b?q=1#f"), decodeURIComponent("%F0%9F%98%80%20%2F"), decodeURI("%2F%20%23"));
try { decodeURI("%E0%A4%A") } catch (e) { print(e.name) }
try { encodeURI("\uD800") } catch (e) { print(e.name) }
print(escape("a b+ü€"), unescape("%u20AC%20%zz"));
print(JSON.stringify(JSON.parse('{"a":[1,2,{"b":3}],"c":4}', (k, v) => typeof v === "number" ? v * 10 : v)), JSON.parse("[1,2]", (k, v) => k === "0" ? undefined : v).length);

// JSON.stringify: array replacers pick and order keys; space objects.
print(JSON.stringify({a: 1, b: 2, c: {a: 3, d: 4}}, ["a", "c"]), JSON.stringify({a: 1, b: 2}, ["b", "a", "b", 1]));
print(JSON.stringify([{id: 1, x: 2}], ["id"]), JSON.stringify({1: "one", 2: "two"}, [new Number(1), new String("2")]));
print(JSON.stringify({a: [1]}, null, new Number(2.9)), JSON.stringify({a: 1}, null, new String("--")));
// JSON.rawJSON / isRawJSON and the reviver's source context.
var raw = JSON.rawJSON("12345678901234567890");
print(JSON.stringify({big: raw, list: [JSON.rawJSON('"s"'), JSON.rawJSON("null")]}), JSON.isRawJSON(raw),
      JSON.isRawJSON({}), Object.isFrozen(raw), Object.getPrototypeOf(raw));
for (var bad of ["", " 1", "{}", "[1]", "1 2"]) {
  try { JSON.rawJSON(bad); } catch (e) { print(JSON.stringify(bad), e.name); }
}
var sources = [];
JSON.parse('{"a": 1.50, "b": [true, "x\\u0041"], "c": null}', function (k, v, ctx) {
  sources.push(k + "=" + ctx.source);
  return v;
});
print(sources.join(" "));
print(JSON.parse("9007199254740993", (k, v, {source}) => BigInt(source)));
