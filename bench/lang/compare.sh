#!/usr/bin/env bash
# bench/lang/compare.sh [BUILD] [REPS]: the Go front end's speed beside lua5.4, python3 and
# compiled Go (each when installed), best of REPS wall-clock runs, and peak RSS.
#   fib(35) (fib.go, fib.lua, fib.py), a slice-and-map sieve to 5,000,000 (sieve.*), 5M
#   interface method calls on 100 shapes (iface.*), 200k lines through Sprintf, Fields and a
#   map[string]int (strings.*),
#   unbuffered ping-pong (pingpong.go against gorobench's C++ ping-pong on goro) and the
#   article's million-goroutine program (assets/programs/14_performance_million.go), and 100,000
#   goroutines parked at once (parked.go); then the million program and its worker pool
#   (pool.go) at procs 1 and 2 beside Go at GOMAXPROCS=1 and 2. Each Go program runs on the VM
#   alone (gorun, built with -DGOROSCOPE_BENCH=ON) and, in the first part, under `goroscope run`
#   (which attaches the tap and the model).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/timing.sh"

row() {  # name command...
  local name=$1; shift
  read -r w c r < <(best "$@")
  printf "%-44s %8.2f s %8.2f s %9d KB\n" "$name" "$w" "$c" "$r"
}

have() { command -v "$1" > /dev/null 2>&1; }
gobin() {  # compile a Go program once, outside the timing
  local src=$1 out=$tmp/$(basename "$1" .go)
  (cd "$tmp" && go build -o "$out" "$src") && echo "$out"
}
gorun=$build/bench/gorun  # the VM with nothing attached (no tap, no model): the interpreter alone
vm() {  # name file: the program on the VM alone (when gorun is built) and under goroscope run
  if [ -x "$gorun" ]; then row "$1: gorun (VM alone)" "$gorun" "$2"; fi
  row "$1: goroscope run (tap + model)" "$goroscope" run "$2"
}

echo "best of $reps; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-44s %10s %10s %12s\n" "program" "wall" "cpu" "peak RSS"
for prog in fib sieve iface strings; do
  vm "$prog" "$here/$prog.go"
  have lua5.4 && row "$prog: lua5.4 $prog.lua" lua5.4 "$here/$prog.lua"
  have python3 && row "$prog: python3 $prog.py" python3 "$here/$prog.py"
  if have go; then b=$(gobin "$here/$prog.go"); row "$prog: go 1.19 (compiled)" "$b"; fi
done
vm pingpong "$here/pingpong.go"
if [ -x "$build/bench/gorobench" ]; then row "pingpong: goro C++ API (gorobench)" "$build/bench/gorobench" pingpong 1000000; fi
if have go; then b=$(gobin "$here/pingpong.go"); row "pingpong: go 1.19 (compiled)" env GOMAXPROCS=1 "$b"; fi
million=$root/assets/programs/14_performance_million.go
vm million "$million"
if have go; then b=$(gobin "$million"); row "million: go 1.19 (compiled)" env GOMAXPROCS=1 "$b"; fi
vm "parked (100k in <-ch)" "$here/parked.go"
if have go; then b=$(gobin "$here/parked.go"); row "parked (100k in <-ch): go 1.19 (compiled)" env GOMAXPROCS=1 "$b"; fi
# A second processor: the million program and its worker pool of 8 (pool.go) on the VM alone at
# procs 1 and 2, real clock (what Go's time.Now reads), beside compiled Go at GOMAXPROCS=1 and 2.
# The row to read is CPU as much as wall: on a shared 2-core machine a procs-2 run rarely gets
# both cores for its whole length.
if [ -x "$gorun" ]; then
  for p in 1 2; do
    row "million: gorun --procs $p --clock real" "$gorun" "$million" --procs $p --clock real
    row "pool of 8: gorun --procs $p --clock real" "$gorun" "$here/pool.go" --procs $p --clock real
  done
fi
if have go; then
  bm=$(gobin "$million")
  bp=$(gobin "$here/pool.go")
  for p in 1 2; do
    row "million: go 1.19 GOMAXPROCS=$p" env GOMAXPROCS=$p "$bm"
    row "pool of 8: go 1.19 GOMAXPROCS=$p" env GOMAXPROCS=$p "$bp"
  done
fi
