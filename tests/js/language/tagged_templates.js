// Tagged templates: one frozen template object per site, raw strings,
// undefined cooked values for invalid escapes, member tags keep `this`.
function tag(strings, ...values) {
  return strings.raw.join('|') + ':' + strings.join('|') + ':' + values.join(',');
}
assertEq(tag`a${1}b${2}c\n`, 'a|b|c\\n:a|b|c\n:1,2');
function site(s) { return s; }
function get() { return site`x${0}y`; }
const first = get();
assertEq(first, get());
assertEq(Object.isFrozen(first) && Object.isFrozen(first.raw), true);
assertEq(first.length, 2);
assertEq(Object.getOwnPropertyDescriptor(first, 'raw').enumerable, false);
assertEq(site`\unicode`[0], undefined);
assertEq(site`\unicode`.raw[0], '\\unicode');
assertEq(String.raw`a\nb${1}c`, 'a\\nb1c');
const obj = { m(s) { return this === obj; } };
assertEq(obj.m`hi`, true);
assertEq(obj['m']`hi`, true);
print('tagged templates ok');
