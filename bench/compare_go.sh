#!/usr/bin/env bash
# bench/compare_go.sh: runs each reference workload on Go (gobench.go) and on goro (gorobench),
# on this machine, for procs 1 and 2, and prints the ratio goro/Go of ns per op (lower is
# better; <= 1.0 means goro is as fast). For 'alive' it also compares peak RSS.
# Usage: bench/compare_go.sh [BUILD_DIR] [REPS]   (needs golang-go: GOROSCOPE_WITH_GO=1 ./setup.sh)
# It prints the core-to-core round trip (bench/core_to_core) before and after: see bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
reps=${2:-3}
gosrc=${GOBENCH_SRC:-$here/../../shared/reference/bench/gobench.go}
command -v go >/dev/null || { echo "compare_go.sh: 'go' not found (GOROSCOPE_WITH_GO=1 ./setup.sh)" >&2; exit 2; }
[ -f "$gosrc" ] || { echo "compare_go.sh: $gosrc not found (set GOBENCH_SRC)" >&2; exit 2; }
[ -x "$build/bench/gorobench" ] || { echo "compare_go.sh: build gorobench first (cmake --build $build)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && cp "$gosrc" gobench.go && GOCACHE="$tmp/cache" go build -o gobench gobench.go)

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
# best(): the lowest ns_per_op over $reps runs of a command.
best() { local b=""; for _ in $(seq "$reps"); do v=$("$@" | field ns_per_op); b=$(echo "$b $v" | tr ' ' '\n' | grep . | sort -g | head -1); done; echo "$b"; }

# The machine's core-to-core latency, which every procs = 2 number follows (see core_to_core.cpp).
c2c() { [ -x "$build/bench/core_to_core" ] && "$build/bench/core_to_core" | field round_trip_ns || echo "?"; }
echo "core-to-core round trip before: $(c2c) ns"
printf "%-22s %5s %12s %12s %7s\n" workload procs "go ns/op" "goro ns/op" ratio
for procs in 1 2; do
  while read -r name args; do
    g=$(GOMAXPROCS=$procs best "$tmp/gobench" $args)
    o=$(best "$build/bench/gorobench" $args --procs "$procs")
    printf "%-22s %5d %12s %12s %7.2f\n" "$name" "$procs" "$g" "$o" "$(echo "$o / $g" | bc -l)"
  done <<'LIST'
spawn                 spawn 1000000
pingpong              pingpong 1000000
buffered              buffered 10000000 128
pool(3)               pool 1000000 3
pool(64)              pool 1000000 64
mutex                 mutex 1000 1000
select                select 1000000
LIST
  ga=$(GOMAXPROCS=$procs "$tmp/gobench" alive 1000000 | field vmhwm_kb)
  oa=$("$build/bench/gorobench" alive 1000000 --procs "$procs" | field vmhwm_kb)
  printf "%-22s %5d %12s %12s %7.2f\n" "alive 1M peak RSS (kB)" "$procs" "$ga" "$oa" "$(echo "$oa / $ga" | bc -l)"
done
echo "core-to-core round trip after: $(c2c) ns"
