#!/usr/bin/env bash
# tests/web/check_vm.sh: the page's build of lang/ and runtime/ (WebAssembly, Asyncify fibers,
# one P; web/run_node.cpp) runs every golden Go program under node as tests/lang/programs_test.cpp
# runs them on the desktop at procs 1 (the same output, exit status and fatal error text), once
# compiled plainly and once as the page compiles them (race detector, statement lines). It checks
# what only the page's build has: its hot loop outside Asyncify (lang/vm/vm.cpp, run_hot), its
# fibers, a 32-bit size_t.
# Usage: tests/web/check_vm.sh BUILD_WEB_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
node_js=$1/web/goroscope_node.js
[ -f "$node_js" ] || { echo "check_vm: $node_js not built (target goroscope_node)" >&2; exit 1; }
# (node 20's fetch cannot read a file: path; emscripten 3.1.6's loader then reads the .wasm itself)
status=0
node --no-experimental-fetch "$node_js" --check "$root/tests/lang/programs" "$root/tests/lang/programs" || status=1
node --no-experimental-fetch "$node_js" --check "$root/assets/programs" "$root/tests/lang/article" || status=1
# Deep expressions with V8's optimising tier from the start (--no-liftoff), as the page runs the
# checker once it is hot: Asyncify's instrumentation once made its frames so large that a sum of
# 30 terms ran out of the browser's stack (lang/CMakeLists.txt leaves the checker out of it).
prog=$root/tests/lang/programs/deep_expressions
if got=$(node --no-experimental-fetch --no-liftoff "$node_js" "$prog.go" 2>/dev/null) && [ "$got" = "$(cat "$prog.out")" ]; then
  echo "check_vm: deep_expressions.go, optimised from the start: as go run prints it"
else
  echo "check_vm: FAIL deep_expressions.go optimised from the start printed: ${got:-nothing}" >&2
  status=1
fi
# A syntax error in the package clause, and nesting past the parser's limit: the parser's own
# exceptions (lang/front/parser.cpp), which once passed its catch in this build and stopped it.
printf 'packag main\n' >"${TMPDIR:-/tmp}/goroscope-check-vm-bad.go"
python3 -c 'print("package main\n\nfunc f(x int) int { return x }\n\nfunc main() { println(" + "f(" * 300 + "1" + ")" * 301 + " }")' \
  >"${TMPDIR:-/tmp}/goroscope-check-vm-deep.go"
for bad in bad:"syntax error: unexpected name packag, expected package clause" deep:"exceeded max nesting depth"; do
  file=${TMPDIR:-/tmp}/goroscope-check-vm-${bad%%:*}.go
  said=$(node --no-experimental-fetch "$node_js" "$file" 2>&1 | grep -a "^$file:" || true)
  if [[ "$said" == *"${bad#*:}"* ]]; then
    echo "check_vm: $(basename "$file"): $said"
  else
    echo "check_vm: FAIL $(basename "$file") did not say '${bad#*:}'" >&2
    status=1
  fi
  rm -f "$file"
done
exit $status
