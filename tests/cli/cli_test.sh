#!/usr/bin/env bash
# End-to-end checks of the ratchet CLI: output, exit statuses, limits.
set -u
RATCHET="$1"
EXAMPLE="$2"
HARNESS="$3"
failures=0
passed=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# expect NAME STATUS STDOUT_SUBSTRING STDERR_SUBSTRING -- ARGS...
expect() {
  local name="$1" want_status="$2" want_out="$3" want_err="$4"
  shift 5
  "$RATCHET" "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  local ok=1
  [ "$status" = "$want_status" ] || ok=0
  [ -z "$want_out" ] || grep -qF -- "$want_out" "$tmp/out" || ok=0
  [ -z "$want_err" ] || grep -qF -- "$want_err" "$tmp/err" || ok=0
  if [ $ok = 1 ]; then
    passed=$((passed + 1))
  else
    failures=$((failures + 1))
    echo "FAIL: $name (status $status, want $want_status)"
    echo "  stdout: $(head -c 400 "$tmp/out")"
    echo "  stderr: $(head -c 400 "$tmp/err")"
  fi
}

expect "hello example" 0 "Hello, Ratchet!" "" -- "$EXAMPLE"
expect "fib" 0 "75025" "" -- -e 'function fib(n){return n<2?n:fib(n-1)+fib(n-2)} print(fib(25))'
expect "console.log" 0 "a 1" "" -- -e 'console.log("a", 1)'
expect "step limit" 3 "" "step limit" -- --max-steps 100000 -e 'for(;;){}'
expect "memory report" 0 "done" "array buffers" -- --memory-report -e 'globalThis.b = new ArrayBuffer(1 << 20); print("done")'
expect "memory report after a failure" 1 "" "memory used: " -- --memory-report --memory-limit 20000000 -e 'let a=[]; for(;;) a.push({x:a.length})'
expect "time limit" 3 "" "time limit" -- --timeout 500 -e 'for(;;){}'
# A catastrophic regular expression is matched in step slices: limits stop it.
expect "regexp step limit" 3 "" "step limit" -- --max-steps 200000 -e "/(a+)+\$/.test('a'.repeat(40)+'b')"
expect "regexp time limit" 3 "" "time limit" -- --timeout 500 -e "/(a+)+\$/.test('a'.repeat(40)+'b')"
# JSON.stringify of a DAG whose values serialize to nothing: 2^40 visits and
# almost no output. The native fast path hands it to the step-counted
# algorithm, so the limits still stop it.
dag='let n={}; for (let i=0;i<50;i++) n["u"+i]=undefined; let d=[n,n]; for (let i=0;i<40;i++) d=[d,d]; JSON.stringify(d)'
expect "JSON.stringify DAG step limit" 3 "" "step limit" -- --max-steps 5000000 -e "$dag"
expect "JSON.stringify DAG time limit" 3 "" "time limit" -- --timeout 1000 -e "$dag"
expect "JSON.stringify memory limit" 1 "" "out of memory" -- --memory-limit 30000000 -e 'let a=[]; for (let i=0;i<200000;i++) a.push("x".repeat(100)); JSON.stringify([a,a,a])'
# Returned frames' registers do not keep their temporaries alive: each level
# of this recursion leaves behind strings the size of its result (about 100 MB
# in all), while what is live at any time is a few MB.
expect "dead registers are collected" 0 "1604800" "" -- --memory-limit 50000000 -e "function f(n){ if(!n) return ''; const inner=f(n-1); const pad=' '.repeat(10*n); return '[' + pad + inner + pad + ']'; } print(f(400).length)"
expect "regexp memory limit" 1 "" "out of memory" -- --memory-limit 20000000 -e "/(a|b|c)*d/.test('abc'.repeat(2000000))"
expect "regexp syntax error" 1 "" "SyntaxError" -- -e "/(/"
# Stack traces show the user's frames, not the self-hosted builtins between them.
expect "trace through a builtin" 1 "" "at g (<eval>:1:16)" -- -e 'function g() { [1].map(() => { throw new TypeError("x") }) } g()'
if "$RATCHET" -e 'function g() { [1].map(() => { throw new TypeError("x") }) } g()' 2>&1 | grep -q selfhost; then
  failures=$((failures + 1))
  echo "FAIL: a stack trace shows self-hosted frames"
else
  passed=$((passed + 1))
fi
expect "stack overflow" 1 "" "Uncaught RangeError" -- -e 'function f(){return f()} f()'
expect "10n ** 100000n" 0 "100001 1000000000 00000" "" -- -e 'const s = (10n ** 100000n).toString(); print(s.length, s.slice(0, 10), s.slice(-5))'
expect "BigInt memory limit" 0 "InternalError out of memory
100000000000000000000" "" -- --memory-limit 3000000 -e 'try { 10n ** 10000000n } catch (e) { print(e.name, e.message) } print(String(10n ** 20n))'
expect "out of memory" 1 "" "Uncaught InternalError: out of memory" -- --memory-limit 10000000 -e 'let a=[]; for(;;) a.push({x:a.length})'
expect "uncaught error with trace" 1 "" "at thrower (<eval>:1:" -- -e 'function thrower(){ throw new TypeError("bad") } thrower()'
expect "uncaught message" 1 "" "Uncaught TypeError: bad" -- -e 'throw new TypeError("bad")'
expect "syntax error" 1 "" "Uncaught SyntaxError" -- -e 'var = 1'
expect "compile only runs nothing" 0 "" "" -- --compile-only -e 'print("should not print")'
# Early errors and their absence (test262-parser-tests found these).
expect "label set continue" 0 "" "" -- --compile-only -e 'a: b: while (true) { continue a; }'
expect "html close comment first" 0 "" "" -- --compile-only -e '  /* c */ --> comment'
expect "cover initialized name" 1 "" "Invalid shorthand property initializer" -- --compile-only -e 'x = [{a = 0}]'
expect "strict body reserved param" 1 "" "reserved word" -- --compile-only -e 'function f(package) { "use strict"; }'
printf 'export default function (a) { super.x; }\n' >"$tmp/super.mjs"
expect "module compile-only scope errors" 1 "" "'super' keyword unexpected here" -- --compile-only --module "$tmp/super.mjs"
expect "dump bytecode" 0 "Add" "" -- --dump-bytecode -e 'var a = 1; a + 2'
expect "usage error" 2 "" "usage" -- --bogus
expect "missing file" 2 "" "cannot read" -- "$tmp/does-not-exist.js"
# Modules: imports load from files relative to the importer.
mkdir -p "$tmp/mods/lib"
printf "import { twice } from './lib/math.mjs';\nimport data from './lib/data.json' with { type: 'json' };\nprint('twice', twice(data.n));\nconst m = await import('./lib/math.mjs');\nprint('same', m.twice === twice);\n" >"$tmp/mods/main.mjs"
printf "export const twice = (x) => 2 * x;\n" >"$tmp/mods/lib/math.mjs"
printf '{"n": 21}' >"$tmp/mods/lib/data.json"
printf "import { nope } from './lib/math.mjs';\n" >"$tmp/mods/link.mjs"
printf "import './lib/missing.mjs';\n" >"$tmp/mods/missing.mjs"
printf "export let = 1;\n" >"$tmp/mods/lib/bad.mjs"
printf "import './lib/bad.mjs';\n" >"$tmp/mods/bad.mjs"
printf "print(typeof import.meta)\n" >"$tmp/mods/meta.js"
expect "module program" 0 "twice 42" "" -- "$tmp/mods/main.mjs"
expect "module import()" 0 "same true" "" -- "$tmp/mods/main.mjs"
expect "module flag" 0 "object" "" -- --module "$tmp/mods/meta.js"
expect "import.meta in a script" 1 "" "SyntaxError" -- "$tmp/mods/meta.js"
expect "module link error" 1 "" "does not provide an export named 'nope'" -- "$tmp/mods/link.mjs"
expect "missing module" 1 "" "Cannot find module './lib/missing.mjs' imported from" -- "$tmp/mods/missing.mjs"
expect "syntax error in an import" 1 "" "bad.mjs:1:" -- "$tmp/mods/bad.mjs"
# Text and bytes modules; source phase imports of modules without a source
# representation fail (statically at link time, dynamically as a rejection).
printf 'Hi \303\251\n' >"$tmp/mods/lib/note.txt"
printf "import text from './lib/note.txt' with { type: 'text' };\nimport bytes from './lib/note.txt' with { type: 'bytes' };\nprint('text', JSON.stringify(text), text.length);\nprint('bytes', bytes.join(), bytes.buffer.immutable);\n" >"$tmp/mods/text.mjs"
expect "text module" 0 'text "Hi é\n" 5' "" -- "$tmp/mods/text.mjs"
expect "bytes module" 0 "bytes 72,105,32,195,169,10 true" "" -- "$tmp/mods/text.mjs"
printf "import source m from './lib/math.mjs';\n" >"$tmp/mods/source.mjs"
expect "import source" 1 "" "has no source phase representation" -- "$tmp/mods/source.mjs"
printf "import.source('./lib/math.mjs').catch((e) => print(e.name, e.message));\n" >"$tmp/mods/source2.mjs"
expect "import.source()" 0 "SyntaxError Module" "" -- "$tmp/mods/source2.mjs"
# import defer: the deferred module runs at the first access to its namespace.
printf "globalThis.log.push('lazy runs');\nexport const v = 7;\n" >"$tmp/mods/lib/lazy.mjs"
printf "globalThis.log = [];\n" >"$tmp/mods/lib/setup.mjs"
printf "import './lib/setup.mjs';\nimport defer * as ns from './lib/lazy.mjs';\nlog.push('before');\nlog.push(Object.prototype.toString.call(ns), String(ns.then));\nlog.push('value ' + ns.v);\nconst d = await import.defer('./lib/lazy.mjs');\nlog.push('same ' + (d === ns));\nprint(log.join(', '));\n" >"$tmp/mods/defer.mjs"
expect "import defer" 0 "before, [object Deferred Module], undefined, lazy runs, value 7, same true" "" -- "$tmp/mods/defer.mjs"
expect "top-level await limit" 3 "" "step limit" -- --max-steps 100000 --module -e 'await null; for (;;) {}'
expect "module example" 0 "shapes created: 3" "" -- "$(dirname "$EXAMPLE")/modules/main.mjs"
expect "stack size option" 1 "" "RangeError" -- --stack-size 100000 -e 'function d(n){return n===0?0:1+d(n-1)} d(10000)'

# Deeply nested source is a clean SyntaxError, never a crash.
python3 -c "print('[' * 100000 + ']' * 100000)" >"$tmp/deep.js"
expect "deep nesting" 1 "" "SyntaxError" -- --compile-only "$tmp/deep.js"
python3 -c "print('(' * 50000 + '1' + ')' * 50000)" >"$tmp/parens.js"
expect "deep parens" 1 "" "SyntaxError" -- "$tmp/parens.js"
# ... while the documented depths parse and run (compiler/parser.h): 1,000
# levels of parentheses, arrays, objects, blocks, ifs and assignments, 700 of
# arrow functions, 400 of function expressions.
# (Sanitizer builds: a fifth of each depth.)
scale=1
[ "${RATCHET_SANITIZED:-}" = 1 ] && scale=5
python3 -c "
n = 1000 // $scale
print('var a, r = [];')
print('r.push(' + '(' * n + '1' + ')' * n + ');')
print('r.push(' + '[' * n + ']' * n + '.length);')
print('r.push(' + '{a:' * n + '1' + '}' * n + '.a ? 1 : 0);')
print('{' * n + 'r.push(1);' + '}' * n)
print('if (1) ' * n + 'r.push(1);')
print('r.push(' + 'a = ' * n + '1);')
print('r.push(' + '(() => ' * (700 // $scale) + '1' + ')()' * (700 // $scale) + ');')
print('r.push(' + '(function () { return ' * (400 // $scale) + '1' + '})()' * (400 // $scale) + ');')
print('print(r.join(\"\"));')
" >"$tmp/nested.js"
expect "documented nesting depths" 0 "11111111" "" -- "$tmp/nested.js"
python3 -c "print('var a=1; a' + '+a' * 200000 + ';')" >"$tmp/long.js"
expect "long flat expression" 0 "" "" -- "$tmp/long.js"
if [ "$("$RATCHET" --compile-only "$tmp/deep.js" 2>&1 >/dev/null | grep -c 'Segmentation')" != 0 ]; then
  failures=$((failures + 1))
fi

# Every JS test also runs through the CLI (harness prepended).
for js in $(find "$(dirname "$HARNESS")" -name '*.js' ! -name harness.js | sort); do
  cat "$HARNESS" "$js" >"$tmp/js_test.js"
  expected="${js%.js}.expected"
  if [ -f "$expected" ]; then
    expect "js: $js" 0 "" "" -- "$tmp/js_test.js"
    if ! diff -q "$expected" <("$RATCHET" "$tmp/js_test.js" 2>&1) >/dev/null; then
      failures=$((failures + 1))
      echo "FAIL: output of $js differs from $expected"
    fi
  else
    expect "js: $js" 0 "" "" -- "$tmp/js_test.js"
  fi
done

echo "$passed passed, $failures failed"
[ "$failures" = 0 ]
