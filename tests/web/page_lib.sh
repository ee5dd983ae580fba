#!/usr/bin/env bash
# tests/web/page_lib.sh: what the page's checks and benchmarks share (sourced, not run): a static
# server on 127.0.0.1 for a site holding the page and the files they open next to it, and
# headless Chromium loading a page until its console says a given line.
#
# After start_site PAGE_DIR: $out is a scratch folder (removed at exit), $site the site's folder
# in it, $port the server's port. page NAME URL MARKER [SECONDS] [PROFILE] leaves the page's
# console lines in $out/NAME.txt; lines NAME PREFIX reads them back. Chromium runs in real time
# (no --virtual-time-budget: the page's slices end by the clock, and its timings are real).
# LINGER=SECONDS keeps the page open that long after its marker.

# start_site PAGE_DIR: the site (PAGE_DIR's goroscope.html, .js, .wasm) served on a port of its own.
start_site() {
  local page_dir
  page_dir=$(cd "$1" && pwd)
  out=$(mktemp -d "${TMPDIR:-/tmp}/goroscope-web.XXXXXX")
  server=""
  trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$out"' EXIT
  site=$out/site
  mkdir -p "$site"
  for f in goroscope.html goroscope.js goroscope.wasm; do ln -s "$page_dir/$f" "$site/$f"; done
  # The first free port from 8765.
  port=$(python3 -c 'import socket
for p in range(8765, 8865):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); print(p); break
    except OSError: pass
    finally: s.close()')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >"$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/goroscope.html" >/dev/null 2>&1 && break; sleep 0.1; done
}

# page NAME URL MARKER [SECONDS] [PROFILE]: loads the page at URL (after the site's address) until
# its console says a line starting with MARKER, then closes it; its console lines go to
# $out/NAME.txt. A fresh browser profile per NAME unless PROFILE is given.
page() {
  local name=$1 url=$2 marker=$3 limit=${4:-90} profile=${5:-$out/profile-$1}
  local log=$out/$name.log start
  start=$(date +%s.%N)
  : >"$log"
  chromium --headless=new --no-sandbox --disable-gpu --use-gl=swiftshader --enable-unsafe-swiftshader \
    --user-data-dir="$profile" --no-first-run --window-size=1280,800 --enable-logging=stderr --v=0 \
    "http://127.0.0.1:$port/$url" >"$log" 2>&1 &
  local pid=$! waited=0
  until grep -q "\"$marker" "$log"; do
    if [ "$waited" -ge $((limit * 10)) ] || ! kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      echo "page: $name: no \"$marker\" within $limit s; the page said:" >&2
      grep -E 'CONSOLE|ERROR' "$log" | tail -20 >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  sleep "${LINGER:-0}"  # (the browser writes localStorage to its profile a few seconds late)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # The console lines: [..:INFO:CONSOLE(1)] "TEXT", source: ...
  python3 -c '
import re, sys
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"CONSOLE[^\]]*\] \"(.*)\", source:", line)
    if m: print(m.group(1))' "$log" >"$out/$name.txt"
  echo "page: $name: $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s in chromium"
}

# lines NAME PREFIX: the console lines of NAME that start with PREFIX, without it.
lines() { sed -n "s/^$2//p" "$out/$1.txt"; }

# base64url FILE: FILE's bytes as base64url (RFC 4648 §5), no padding.
base64url() { base64 -w0 "$1" | tr '+/' '-_' | tr -d '='; }
