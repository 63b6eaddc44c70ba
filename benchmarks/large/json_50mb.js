// JSON.parse of a generated document of at least 50 MB and JSON.stringify of
// the result, timed inside the program (generation is not timed). Prints
// "size_bytes parse_ms stringify_ms"; checks that the round trip reproduces
// the text exactly. Run by benchmarks/json-large.
'use strict';
const TARGET = 50 * 1024 * 1024;
let seed = 12345;
function rand(n) {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet',
  'kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'caf\u00e9',
  'quote"d', 'tab\there', '\u65e5\u672c'];
function record(i) {
  const tags = [];
  for (let k = rand(5); k > 0; k--) tags.push(WORDS[rand(WORDS.length)]);
  return {
    id: i,
    name: WORDS[rand(WORDS.length)] + ' ' + WORDS[rand(WORDS.length)],
    score: rand(1000000) / 1000,
    active: rand(2) === 0,
    parent: rand(4) === 0 ? null : rand(i + 1),
    tags,
    position: { x: rand(2000) - 1000, y: rand(2000) - 1000, z: rand(100) / 7 },
  };
}
// Build the text in chunks so that generation does not dominate.
const chunks = [];
let size = 2;
let i = 0;
while (size < TARGET) {
  const batch = [];
  for (let k = 0; k < 1000; k++) batch.push(record(i++));
  const text = JSON.stringify(batch);
  chunks.push(text.slice(1, -1));
  size += text.length - 1;
}
const doc = '[' + chunks.join(',') + ']';
chunks.length = 0;

let t0 = Date.now();
const value = JSON.parse(doc);
const parseMs = Date.now() - t0;
t0 = Date.now();
const again = JSON.stringify(value);
const stringifyMs = Date.now() - t0;
if (again.length !== doc.length || again !== doc || value.length !== i) throw new Error('round trip mismatch');
print(doc.length + ' ' + parseMs + ' ' + stringifyMs);
