// URI functions, escape/unescape and JSON.parse with a reviver.
print(encodeURIComponent("a b&c/ü€😀"), encodeURI("http://x.y/a b?q=1#f"), decodeURIComponent("%F0%9F%98%80%20%2F"), decodeURI("%2F%20%23"));
try { decodeURI("%E0%A4%A") } catch (e) { print(e.name) }
try { encodeURI("\uD800") } catch (e) { print(e.name) }
print(escape("a b+ü€"), unescape("%u20AC%20%zz"));
print(JSON.stringify(JSON.parse('{"a":[1,2,{"b":3}],"c":4}', (k, v) => typeof v === "number" ? v * 10 : v)), JSON.parse("[1,2]", (k, v) => k === "0" ? undefined : v).length);
