#!/usr/bin/env bash
# bench/lang/compare.sh [BUILD] [REPS]: the Go front end's speed beside lua5.4, python3 and
# compiled Go (each when installed), best of REPS wall-clock runs, and peak RSS.
#   fib(35) (fib.go, fib.lua, fib.py), a slice-and-map sieve to 5,000,000 (sieve.*),
#   unbuffered ping-pong (pingpong.go against gorobench's C++ ping-pong on goro) and the
#   article's million-goroutine program (assets/programs/14_performance_million.go).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
reps=${2:-3}
goroscope=$build/app/goroscope
[ -x "$goroscope" ] || { echo "no $goroscope: build the goroscope target first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best WALL_SECONDS MAX_RSS_KB over $reps runs of a command (its output discarded)
best() {
  local bw="" br=""
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" > /dev/null 2>&1 || true
    read -r w r < "$tmp/t"
    if [ -z "$bw" ] || awk "BEGIN{exit !($w < $bw)}"; then bw=$w; fi
    if [ -z "$br" ] || [ "$r" -gt "$br" ]; then br=$r; fi
  done
  echo "$bw $br"
}

row() {  # name command...
  local name=$1; shift
  read -r w r < <(best "$@")
  printf "%-34s %8.2f s %9d KB\n" "$name" "$w" "$r"
}

have() { command -v "$1" > /dev/null 2>&1; }
gobin() {  # compile a Go program once, outside the timing
  local src=$1 out=$tmp/$(basename "$1" .go)
  (cd "$tmp" && go build -o "$out" "$src") && echo "$out"
}

echo "best of $reps; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-34s %10s %12s\n" "program" "wall" "peak RSS"
for prog in fib sieve; do
  row "$prog: goroscope run $prog.go" "$goroscope" run "$here/$prog.go"
  have lua5.4 && row "$prog: lua5.4 $prog.lua" lua5.4 "$here/$prog.lua"
  have python3 && row "$prog: python3 $prog.py" python3 "$here/$prog.py"
  if have go; then b=$(gobin "$here/$prog.go"); row "$prog: go 1.19 (compiled)" "$b"; fi
done
row "pingpong: goroscope run pingpong.go" "$goroscope" run "$here/pingpong.go"
if [ -x "$build/bench/gorobench" ]; then row "pingpong: goro C++ API (gorobench)" "$build/bench/gorobench" pingpong 1000000; fi
if have go; then b=$(gobin "$here/pingpong.go"); row "pingpong: go 1.19 (compiled)" env GOMAXPROCS=1 "$b"; fi
million=$root/assets/programs/14_performance_million.go
row "million: goroscope run" "$goroscope" run "$million"
if have go; then b=$(gobin "$million"); row "million: go 1.19 (compiled)" env GOMAXPROCS=1 "$b"; fi
