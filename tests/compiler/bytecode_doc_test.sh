#!/usr/bin/env bash
# docs/bytecode.md must match what tools/gen-bytecode-doc makes of vm/opcodes.def.
exec python3 tools/gen-bytecode-doc --check
