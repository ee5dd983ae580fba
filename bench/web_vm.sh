#!/usr/bin/env bash
# bench/web_vm.sh BUILD_WEB_DIR DESKTOP_GOROSCOPE [RUNS]: the page's VM (lang/ and runtime/ built
# with emscripten: Asyncify fibers, one P; web/run_node.cpp) under node beside the desktop's
# `goroscope run`, on bench/lang's programs, RUNS (default 3) of each in turn: each line the
# program's run time in the page's build (compile apart) and the desktop's user CPU time.
# bench/README.md ("The page") has the numbers. Build the target first: cmake --build BUILD_WEB
# --target goroscope_node.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
node_js=$1/web/goroscope_node.js
goroscope=$2
runs=${3:-3}
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for prog in fib sieve strings iface; do
  for i in $(seq "$runs"); do
    page=$(node --no-experimental-fetch "$node_js" "$here/lang/$prog.go" 2>&1 >/dev/null | sed -n 's/^compile .* ms, run \(.*\) ms$/\1/p')
    /usr/bin/time -f "%U" -o "$times" "$goroscope" run "$here/lang/$prog.go" >/dev/null 2>&1
    desk=$(tail -1 "$times")
    echo "$prog: page's VM under node ${page} ms, desktop ${desk} s user"
  done
done
