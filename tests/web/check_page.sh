#!/usr/bin/env bash
# tests/web/check_page.sh: the page (build-web/web/goroscope.html) in headless Chromium against a
# static server on 127.0.0.1, in real time (no virtual time: the page's slices end by the
# clock), each check one page load whose console lines (web/main_web.cpp) it reads:
#   1. the worker pool runs to its end and its console text equals `goroscope run worker_pool`'s
#      (sorted: which worker takes which job varies); its PNG export (&shot=1) is a PNG of the
#      page's size, not blank (kept as docs/pictures/web-worker-pool.png);
#   2. a program that computes without switching (a long loop, then recursive fib) prints what
#      `goroscope run` prints while the page goes on drawing frames, two a second, and lends
#      the others to the program (none held for the run);
#   3. a recording made by `goroscope run --record` opens (?rec=URL) and seeks (&at=TIME): the
#      state there equals `goroscope inspect --at TIME`'s; one made by `goroscope explore` opens
#      at its bookmark (&at=bookmark) with inspect's bookmarks, caption and state;
#   4. a program with a compile error (#src=, base64url) shows it at its line, as `goroscope vet`;
#   5. ?program=URL runs a .go file next to the page;
#   6. settings are kept in the browser: a second load, with no ?program, shows the program the
#      first one showed.
# Pages that do not time themselves load two or three at a time (each a browser of its own); the
# computing program's page, which counts its frames, loads alone.
# Usage: tests/web/check_page.sh BUILD_WEB_DIR DESKTOP_GOROSCOPE
set -euo pipefail
goroscope=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
fail() {
  echo "check_page: $*" >&2
  exit 1
}
source "$(dirname "$0")/page_lib.sh"
start_site "$1/web"

# together PID...: waits for the pages loading in the background; fails if any failed.
together() {
  local pid status=0
  for pid in "$@"; do wait "$pid" || status=1; done
  [ "$status" = 0 ] || fail "a page above did not say what it should"
}

# 1. The worker pool, its output and its PNG; beside it, the first load of the settings check (6).
page pool "goroscope.html?program=worker_pool&run=1&clock=virtual&shot=1" goroscope-png-end &
pool_pid=$!
LINGER=8 page first "goroscope.html?program=select" goroscope-settings-kept 90 "$out/profile-kept" &
together "$pool_pid" $!
lines pool "goroscope-ready " | sed 's/^/check_page: ready after /'
lines pool "goroscope-output: " | sort >"$out/pool.sorted"
"$goroscope" run worker_pool 2>/dev/null | sort >"$out/cli.sorted"
diff -u "$out/cli.sorted" "$out/pool.sorted" || fail "the page's console text differs from goroscope run worker_pool's (sorted)"
echo "check_page: the page printed the worker pool's $(wc -l <"$out/pool.sorted") lines, as goroscope run does"
lines pool "goroscope-run: " | sed 's/^/check_page: worker pool: /'
lines pool "goroscope-png-data: " | tr -d '\n' | base64 -d >"$out/page.png" || fail "the PNG export is not base64"
python3 - "$out/page.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "the PNG export is not a PNG"
pos, idat, w, h, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR": w, h, _, ctype = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT": idat += body
    pos += 12 + n
assert w == 1280 and 400 <= h <= 800, f"the PNG export is {w}x{h}, not the page's canvas (1280 wide)"
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
print(f"check_page: PNG export {w}x{h}, {len(colours)} distinct samples, the commonest {top:.0%}")
assert len(colours) > 20 and top < 0.97, "the page's PNG export is blank"
PY
mkdir -p docs/pictures
cp "$out/page.png" docs/pictures/web-worker-pool.png

# 2. Computing without switching: the page keeps drawing while main computes.
cat >"$out/compute.go" <<'EOF'
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	x := 0
	for i := 0; i < 20000000; i++ {
		x++
	}
	fmt.Println(x, fib(30))
}
EOF
page compute "goroscope.html?run=1#src=$(base64url "$out/compute.go")" goroscope-run: 180
want=$("$goroscope" run "$out/compute.go" 2>/dev/null)
got=$(lines compute "goroscope-output: ")
[ "$got" = "$want" ] || fail "the computing program printed '$got' in the page, '$want' in goroscope run"
run=$(lines compute "goroscope-run: ")
echo "check_page: computing: $run"
python3 - "$run" <<'PY' || fail "the page stopped drawing while the program computed"
import re, sys
m = re.search(r"([0-9.]+) s, (\d+) frames, .* max ([0-9.]+) ms .*; (\d+) frames undrawn, max ([0-9.]+) ms",
              sys.argv[1])
seconds, frames, worst = float(m.group(1)), int(m.group(2)), float(m.group(3))
undrawn, undrawn_worst = int(m.group(4)), float(m.group(5))
# A page held by the program draws one frame for the whole run; sliced, it goes back to the
# browser several times a second (frames drawn twice a second, the others lent to the
# program whole: App::may_skip_drawing), none anywhere near the run's length.
assert undrawn >= 1, "no frame was lent to the computing program"
assert frames >= int(seconds), f"{frames} frames drawn in {seconds} s (the first and the last apart)"
assert frames + undrawn >= max(3, 5 * seconds), f"{frames} + {undrawn} frames in {seconds} s"
assert worst < max(250.0, seconds * 1000 / 4), f"a frame of {worst} ms in a run of {seconds} s"
assert undrawn_worst < 150, f"a frame lent to the program took {undrawn_worst} ms"
PY

# 3. A recording from the desktop CLI, opened and seeked in the page; beside it (3b) a recording
# the schedule explorer made, opened at its bookmark (the failure): the bookmarks, the caption
# shown there and the state there are `goroscope inspect`'s.
"$goroscope" run worker_pool --record "$site/pool.gorec" >/dev/null 2>&1
"$goroscope" explore data_race --record "$site/race.gorec" >/dev/null 2>&1 || true  # (it found one: status 66)
[ -s "$site/race.gorec" ] || fail "goroscope explore data_race found no failing run"
page replay "goroscope.html?rec=pool.gorec&at=1.5s" goroscope-state-end &
replay_pid=$!
page bookmark "goroscope.html?rec=race.gorec&at=bookmark" goroscope-state-end &
together "$replay_pid" $!
lines replay "goroscope-replay: " | sed 's/^/check_page: replay: /'
lines replay "goroscope-state: " >"$out/replay.state"
"$goroscope" inspect "$site/pool.gorec" --at 1.5s | sed -n '/^state at /,$p' >"$out/cli.state"
diff -u "$out/cli.state" "$out/replay.state" || fail "the page's state at 1.5s differs from goroscope inspect's"
echo "check_page: the recording's state at 1.5s in the page equals goroscope inspect's ($(wc -l <"$out/cli.state") lines)"

"$goroscope" inspect "$site/race.gorec" | sed -n 's/^bookmark //p' >"$out/cli.bookmarks"
lines bookmark "goroscope-bookmark: " >"$out/page.bookmarks"
[ -s "$out/cli.bookmarks" ] || fail "goroscope explore data_race recorded no bookmark"
diff -u "$out/cli.bookmarks" "$out/page.bookmarks" || fail "the page's bookmarks differ from goroscope inspect's"
at=$(head -1 "$out/cli.bookmarks" | cut -d: -f1)
[ "$(lines bookmark "goroscope-caption: ")" = "$(head -1 "$out/cli.bookmarks" | cut -d: -f2- | cut -c2-)" ] ||
  fail "the caption at the bookmark is '$(lines bookmark "goroscope-caption: ")'"
lines bookmark "goroscope-state: " >"$out/bookmark.state"
"$goroscope" inspect "$site/race.gorec" --at "$at" | sed -n '/^state at /,$p' >"$out/cli.bookmark.state"
diff -u "$out/cli.bookmark.state" "$out/bookmark.state" || fail "the page's state at the bookmark differs from goroscope inspect's"
echo "check_page: the explorer's recording opened at its bookmark ($at), its caption and state as goroscope inspect has them"

# 4. A compile error at its line; 5. ?program=URL, a .go file next to the page; 6. the second
# load of the settings check, which opens the program the first load showed.
mkdir -p "$out/vet"
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(y)\n}\n' >"$out/vet/main.go"
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 1; i <= 3; i++ {\n\t\tfmt.Println("hello", i)\n\t}\n}\n' >"$site/hello.go"
page broken "goroscope.html#src=$(base64url "$out/vet/main.go")" goroscope-compile-error: &
broken_pid=$!
page program "goroscope.html?program=hello.go" goroscope-output-end &
program_pid=$!
page second "goroscope.html" "goroscope-program: " 90 "$out/profile-kept" &
together "$broken_pid" "$program_pid" $!

got=$(lines broken "goroscope-compile-error: " | head -1)
want=$("$goroscope" vet "$out/vet/main.go" 2>&1 | head -1 || true)
echo "check_page: compile error: $got"
case "$got" in *main.go:6:*) ;; *) fail "the compile error is not at line 6: '$got'" ;; esac
[ "${got#*main.go:}" = "${want#*main.go:}" ] || fail "the page's compile error '$got' is not goroscope vet's '$want'"

[ "$(lines program "goroscope-output: ")" = "$("$goroscope" run "$site/hello.go" 2>/dev/null)" ] ||
  fail "?program=hello.go printed '$(lines program "goroscope-output: ")'"
echo "check_page: ?program=hello.go ran and printed what goroscope run prints"

grep -qx "goroscope-program: select" "$out/first.txt" || fail "?program=select showed $(lines first "goroscope-program: ")"
[ "$(lines second "goroscope-program: " | head -1)" = select ] ||
  fail "the second load showed '$(lines second "goroscope-program: " | head -1)', not the kept 'select'"
echo "check_page: settings kept in localStorage: the second load showed select again"
