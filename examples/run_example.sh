#!/usr/bin/env bash
# Runs an example program and compares what it prints with its .expected file.
#   run_example.sh BINARY EXPECTED
set -euo pipefail
out="$("$1")"
if [ "$out" != "$(cat "$2")" ]; then
  echo "example $1 printed:"
  echo "$out"
  echo "expected:"
  cat "$2"
  exit 1
fi
echo "example $1: output as expected"
