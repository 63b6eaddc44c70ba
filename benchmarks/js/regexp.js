// Regular expressions over a few MB of generated server logs: a dozen
// realistic patterns (timestamps, e-mails, IPs, request lines, quoted
// strings, case-insensitive words, named groups, lookbehind, Unicode
// properties, a sticky tokenizer) with match, matchAll, replace, split, test.
// Every count is checked against what the generator wrote.

let seed = 12345;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return (seed >>> 8) % n;
}
const pick = (a) => a[rand(a.length)];
const pad = (n, w) => String(n).padStart(w, '0');

const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];
const domains = ['example.com', 'mail.example.org', 'corp.test', 'x-y.dev'];
const methods = ['GET', 'POST', 'PUT', 'DELETE'];
const paths = ['/api/v1/items', '/api/v1/users', '/static/app.js', '/login', '/search', '/api/v2/orders'];
const levels = ['INFO', 'INFO', 'INFO', 'WARN', 'DEBUG', 'ERROR'];
const words = ['café', 'naïve', 'résumé', 'Straße', 'Ελλάδα', 'данные', 'request', 'timeout', 'cache', 'retry'];

const expect = { lines: 0, emails: 0, errors: 0, ips: 0, latency: 0, queries: 0, quoted: 0, prices: 0,
                 cents: 0, words: 0, byUser: new Map() };
const parts = [];
let size = 0;
while (size < 3_000_000) {
  const user = pick(users);
  const level = pick(levels);
  const ts = `2026-${pad(1 + rand(12), 2)}-${pad(1 + rand(28), 2)}T${pad(rand(24), 2)}:${pad(rand(60), 2)}:` +
             `${pad(rand(60), 2)}.${pad(rand(1000), 3)}Z`;
  const ip = `${10 + rand(240)}.${rand(256)}.${rand(256)}.${rand(256)}`;
  const method = pick(methods);
  const query = rand(3) === 0 ? `?page=${rand(50)}&sort=${pick(['asc', 'desc'])}` : '';
  const latency = rand(2000);
  let line = `${ts} ${level} [worker-${rand(16)}] user=${user} ip=${ip} ${method} ${pick(paths)}/${rand(100000)}` +
             `${query} ${pick([200, 201, 204, 301, 404, 500])} ${latency}ms`;
  expect.lines++;
  expect.ips++;
  expect.latency += latency;
  if (query) expect.queries++;
  if (level === 'ERROR') expect.errors++;
  expect.byUser.set(user, (expect.byUser.get(user) || 0) + 1);
  if (rand(2) === 0) {
    line += ` from=${user}.${rand(100)}@${pick(domains)}`;
    expect.emails++;
  }
  if (rand(3) === 0) {
    line += ` msg="${pick(words)} \\"${pick(words)}\\" ${pick(words)}"`;
    expect.quoted++;
  }
  if (rand(4) === 0) {
    const dollars = rand(500), cents = rand(100);
    line += ` total=$${dollars}.${pad(cents, 2)}`;
    expect.prices++;
    expect.cents += dollars * 100 + cents;
  }
  const n = rand(4);
  for (let i = 0; i < n; i++) line += ' ' + pick(words);
  expect.words += n;
  parts.push(line);
  size += line.length + 1;
}
const text = parts.join('\n') + '\n';

function check(name, got, want) {
  if (got !== want) throw new Error(`${name}: got ${got}, want ${want}`);
}

// 1. Line splitting.
const lines = text.split(/\r?\n/);
check('lines', lines.length - 1, expect.lines);
// 2. ISO timestamps.
check('timestamps', text.match(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\b/g).length, expect.lines);
// 3. E-mail addresses.
const emailRe = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
check('emails', text.match(emailRe).length, expect.emails);
// 4. IPv4 addresses after ip=.
check('ips', text.match(/\bip=(?:\d{1,3}\.){3}\d{1,3}\b/g).length, expect.ips);
// 5. Request lines with captures; queries counted.
let queries = 0;
for (const m of text.matchAll(/\b(GET|POST|PUT|DELETE) (\/[^\s?]*)(?:\?(\S*))?/g)) if (m[3] !== undefined) queries++;
check('queries', queries, expect.queries);
// 6. Status and latency, summed through a replace callback.
let latency = 0;
text.replace(/ (\d{3}) (\d+)ms\b/g, (m, status, ms) => { latency += +ms; return m; });
check('latency', latency, expect.latency);
// 7. Quoted strings with escapes.
check('quoted', text.match(/"(?:[^"\\\n]|\\.)*"/g).length, expect.quoted);
// 8. Case-insensitive level search, line by line.
let errors = 0;
const errorRe = /\berror\b/i;
for (const line of lines) if (errorRe.test(line)) errors++;
check('errors', errors, expect.errors);
// 9. Named groups: requests per user.
const byUser = new Map();
for (const m of text.matchAll(/user=(?<name>[a-z]+)/g)) {
  byUser.set(m.groups.name, (byUser.get(m.groups.name) || 0) + 1);
}
for (const [user, n] of expect.byUser) check('user ' + user, byUser.get(user), n);
// 10. Lookbehind: prices after a dollar sign.
let cents = 0, prices = 0;
for (const m of text.matchAll(/(?<=\$)(\d+)\.(\d\d)\b/g)) {
  prices++;
  cents += +m[1] * 100 + +m[2];
}
check('prices', prices, expect.prices);
check('cents', cents, expect.cents);
// 11. Replace with $ patterns (dates to DD/MM/YYYY) and with a function (mask e-mails).
const rewritten = text.replace(/(\d{4})-(\d{2})-(\d{2})T/g, '$3/$2/$1 ').replace(emailRe, (m) => m[0] + '***');
check('rewritten dates', rewritten.match(/\b\d\d\/\d\d\/2026 /g).length, expect.lines);
check('masked', rewritten.split('***@').length - 1, 0);
check('masked emails', rewritten.match(/\w\*\*\*/g).length, expect.emails);
// 12. Unicode letters (u flag, property escapes) in the free words.
const wordRe = /(?<![\p{L}\p{N}_=\/.@-])(?:café|naïve|résumé|Straße|\p{Script=Greek}+|\p{Script=Cyrillic}+|request|timeout|cache|retry)(?![\p{L}\p{N}"\\])/gu;
let freeWords = 0;
for (const line of lines) {
  const tail = line.replace(/ msg="(?:[^"\\]|\\.)*"/u, '');
  const m = tail.match(wordRe);
  if (m) freeWords += m.length;
}
check('words', freeWords, expect.words);
// 13. A sticky tokenizer over the first lines.
const tokenRe = /\s*(?:(\d+)|([A-Za-z_]\w*)|("(?:[^"\\]|\\.)*")|(\S))/y;
let tokens = 0, numbers = 0;
for (let i = 0; i < 3000; i++) {
  const line = lines[i];
  tokenRe.lastIndex = 0;
  let m;
  while (tokenRe.lastIndex < line.length && (m = tokenRe.exec(line)) !== null) {
    tokens++;
    if (m[1] !== undefined) numbers++;
  }
  if (tokenRe.lastIndex !== line.length && !/\s$/.test(line)) throw new Error('tokenizer stopped early');
}
if (numbers === 0 || tokens <= numbers) throw new Error('tokenizer counts');

print(`regexp: ${expect.lines} lines, ${text.length} chars, ${expect.emails} e-mails, ${tokens} tokens`);
