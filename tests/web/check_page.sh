#!/usr/bin/env bash
# tests/web/check_page.sh: the page (build-web/web/goroscope.html) in headless Chromium against a
# static server on 127.0.0.1: the worker pool runs to its end in the page, and its console text
# equals `goroscope run worker_pool`'s (sorted: which worker takes which job varies from run to
# run); a screenshot of the page is not blank (kept as docs/pictures/web-worker-pool.png).
# Usage: tests/web/check_page.sh BUILD_WEB_DIR DESKTOP_GOROSCOPE
set -euo pipefail
page_dir=$1/web
goroscope=$2
out=$(mktemp -d "${TMPDIR:-/tmp}/goroscope-web.XXXXXX")
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$out"' EXIT

# A port of our own: the first free one from 8765.
port=$(python3 -c 'import socket
for p in range(8765, 8865):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); print(p); break
    except OSError: pass
    finally: s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$page_dir" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/goroscope.html" >/dev/null 2>&1 && break; sleep 0.1; done

url="http://127.0.0.1:$port/goroscope.html?program=worker_pool&run=1&clock=virtual"
chrome=(chromium --headless=new --no-sandbox --disable-gpu --use-gl=swiftshader --enable-unsafe-swiftshader
        --user-data-dir="$out/profile" --no-first-run --window-size=1280,800
        --enable-logging=stderr --v=0 --virtual-time-budget=30000)
start=$(date +%s.%N)
timeout 120 "${chrome[@]}" --screenshot="$out/page.png" "$url" >"$out/chrome.log" 2>&1 || true
echo "check_page: chromium took $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
grep -o 'goroscope-ready [0-9]* ms' "$out/chrome.log" | head -1 | sed 's/^/check_page: /' || true

# The page's console lines: [..:INFO:CONSOLE(1)] "goroscope-output: LINE", source: ...
python3 - "$out/chrome.log" >"$out/page.txt" <<'PY'
import re, sys
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r'"goroscope-output: (.*)", source:', line)
    if m: print(m.group(1))
    if '"goroscope-output-end"' in line: print("<end>")
PY
if ! grep -qx '<end>' "$out/page.txt"; then
  echo "check_page: the worker pool did not end in the page; chromium said:" >&2
  grep -E 'CONSOLE|ERROR' "$out/chrome.log" | tail -20 >&2
  exit 1
fi
grep -vx '<end>' "$out/page.txt" | sort >"$out/page.sorted"
"$goroscope" run worker_pool 2>/dev/null | sort >"$out/cli.sorted"
if ! diff -u "$out/cli.sorted" "$out/page.sorted"; then
  echo "check_page: the page's console text differs from goroscope run worker_pool's (sorted)" >&2
  exit 1
fi
echo "check_page: the page printed the worker pool's $(wc -l <"$out/page.sorted") lines, as goroscope run does"

# The screenshot: not blank (more than a few colours, not one colour almost everywhere).
python3 - "$out/page.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w, h, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR": w, h, _, ctype = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT": idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = 4 if ctype == 6 else 3
stride = w * bpp + 1
colours = {}
for y in range(0, h, 4):  # every 4th row, as stored (filtered): a blank page stores a few values
    row = raw[y * stride + 1:(y + 1) * stride]
    for x in range(0, len(row) - bpp, bpp * 4):
        c = row[x:x + 3]
        colours[c] = colours.get(c, 0) + 1
top = max(colours.values()) / sum(colours.values())
print(f"check_page: screenshot {w}x{h}, {len(colours)} distinct samples, the commonest {top:.0%}")
assert len(colours) > 20 and top < 0.97, "the page's screenshot is blank"
PY
mkdir -p docs/pictures
cp "$out/page.png" docs/pictures/web-worker-pool.png
