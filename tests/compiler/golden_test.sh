#!/usr/bin/env bash
# Golden bytecode: each tests/compiler/golden/*.js must disassemble exactly to
# its .bytecode file. Regenerate with tools/update-golden and review the diff.
set -u
RATCHET="$1"
dir="$(dirname "$2")"
passed=0
failed=0
for js in "$dir"/*.js; do
  want="${js%.js}.bytecode"
  if diff -u "$want" <("$RATCHET" --dump-bytecode "$js") >/tmp/golden.diff 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $js differs from its golden bytecode:"
    head -60 /tmp/golden.diff
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
