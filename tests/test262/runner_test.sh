#!/usr/bin/env bash
# The test262 runner on a small synthetic suite: modes, negative tests,
# async protocol, a runaway test, expectations (regressions and unexpected
# passes) and the single-file explanation.
set -u
RUNNER="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/harness" "$tmp/test/language/t"
cat >"$tmp/harness/assert.js" <<'JS'
function assert(b, m) { if (b !== true) throw new Test262Error(m); }
assert.sameValue = function (a, b, m) { if (a !== b) throw new Test262Error(m || (a + ' !== ' + b)); };
JS
cat >"$tmp/harness/sta.js" <<'JS'
function Test262Error(message) { this.message = message || ''; }
JS
cat >"$tmp/harness/doneprintHandle.js" <<'JS'
function $DONE(e) { print(e ? 'Test262:AsyncTestFailure:' + e : 'Test262:AsyncTestComplete'); }
JS
cat >"$tmp/harness/extra.js" <<'JS'
function extraHelper() { return 42; }
JS
w() { cat >"$tmp/test/language/t/$1"; }
w pass.js <<'JS'
/*---
description: passes in both modes
---*/
assert.sameValue(1 + 1, 2);
JS
w strict-only.js <<'JS'
/*---
flags: [onlyStrict]
---*/
assert.sameValue((function () { return this; })(), undefined);
JS
w sloppy-only.js <<'JS'
/*---
flags: [noStrict]
---*/
assert.sameValue((function () { return typeof this; })(), 'object');
JS
w includes.js <<'JS'
/*---
includes: [extra.js]
---*/
assert.sameValue(extraHelper(), 42);
JS
w fail.js <<'JS'
/*---
description: fails
---*/
assert.sameValue(1, 2, 'one is not two');
JS
w negative-parse.js <<'JS'
/*---
negative:
  phase: parse
  type: SyntaxError
---*/
$DONOTEVALUATE();
var = 1;
JS
w negative-runtime.js <<'JS'
/*---
negative:
  phase: runtime
  type: TypeError
---*/
null.x;
JS
w async.js <<'JS'
/*---
flags: [async]
---*/
$DONE();
JS
w runaway.js <<'JS'
/*---
description: never ends
---*/
for (;;) {}
JS
printf '# known failures\ntest/language/t/fail.js\ntest/language/t/runaway.js\n' >"$tmp/expect.txt"
out="$("$RUNNER" --test262-dir "$tmp" --jobs 2 --max-steps 1000000 --expectations "$tmp/expect.txt" \
  --results "$tmp/results.jsonl" test/language 2>&1)"
status=$?
failures=0
check() {
  if ! grep -qF -- "$1" <<<"$out"; then
    echo "FAIL: expected output to contain: $1"
    failures=$((failures + 1))
  fi
}
check "7 passed, 2 failed"
[ "$status" = 0 ] || { echo "FAIL: exit status $status with matching expectations"; failures=$((failures + 1)); }
[ "$(wc -l <"$tmp/results.jsonl")" = 9 ] || { echo "FAIL: results.jsonl lines"; failures=$((failures + 1)); }
# A regression (fail.js not listed) and an unexpected pass (pass.js listed) fail the run.
printf 'test/language/t/runaway.js\ntest/language/t/pass.js\n' >"$tmp/expect2.txt"
out="$("$RUNNER" --test262-dir "$tmp" --max-steps 1000000 --expectations "$tmp/expect2.txt" test/language 2>&1)"
status=$?
check "REGRESSIONS (1 files"
check "UNEXPECTED PASSES (1 listed"
[ "$status" = 1 ] || { echo "FAIL: regressions must exit 1 (got $status)"; failures=$((failures + 1)); }
# A single file explains itself.
out="$("$RUNNER" --test262-dir "$tmp" test/language/t/fail.js 2>&1)"
check "one is not two"
check "[sloppy] FAIL"
if [ "$failures" = 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; echo "$out"; fi
[ "$failures" = 0 ]
