#!/usr/bin/env bash
# bench/web_page.sh BUILD_WEB_DIR DESKTOP_GOROSCOPE [RUNS]: the page (docs/web.md) measured beside
# the desktop build on the same machine, in headless Chromium (SwiftShader, real time) against a
# local static server: the page's size (gzip -9 too), how soon it is ready, fib(35) in the page
# against `goroscope run`, the worker pool's frame time (real clock, drawn live), and opening a
# recording of about a million events. The page's own timings come from its console lines
# (web/main_web.cpp); bench/README.md has the numbers. RUNS (default 3) of each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build_web=$1
goroscope=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
runs=${3:-3}
source "$here/../tests/web/page_lib.sh"
start_site "$build_web/web"

echo "== size"
for f in goroscope.wasm goroscope.js goroscope.html; do
  printf "%-16s %10d bytes, gzip -9 %10d\n" "$f" "$(stat -L -c %s "$site/$f")" "$(gzip -9 -c "$site/$f" | wc -c)"
done

echo "== fib(35): desktop (goroscope run) against the page"
for i in $(seq "$runs"); do
  /usr/bin/time -f "desktop: %e s wall, %U s user" "$goroscope" run "$here/lang/fib.go" >/dev/null
done 2>&1
for i in $(seq "$runs"); do
  page fib$i "goroscope.html#src=$(base64url "$here/lang/fib.go")" goroscope-run: 300 >/dev/null
  echo "page: $(lines fib$i "goroscope-output: ") in $(lines fib$i "goroscope-run: ")"
done

echo "== the worker pool (real clock, 4 s of program time), drawn live: the page's frames"
for i in $(seq "$runs"); do
  page pool$i "goroscope.html?program=worker_pool&run=1" goroscope-run: 120 >/dev/null
  echo "ready $(lines pool$i "goroscope-ready ") after navigation; $(lines pool$i "goroscope-start: ")"
  echo "  $(lines pool$i "goroscope-run: ")"
done

echo "== a recording of about a million events"
"$goroscope" run million --set n=143000 --record "$site/million.gorec" >/dev/null 2>&1
"$goroscope" inspect "$site/million.gorec" | grep -E '^events:'
ls -l "$site/million.gorec" | awk '{print $5 " bytes"}'
for i in $(seq "$runs"); do
  page rec$i "goroscope.html?rec=million.gorec" goroscope-replay: 120 >/dev/null
  lines rec$i "goroscope-fetched: "
  lines rec$i "goroscope-replay: "
done
