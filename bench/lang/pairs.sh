#!/usr/bin/env bash
# bench/lang/pairs.sh N 'COMMAND_A' 'COMMAND_B': runs A and B in turn N times (A B A B ...) and
# prints the median wall and CPU (user + system) seconds of each and the median of the pair-by-
# pair ratios A/B. On a shared machine whose speed drifts, the ratio of neighbouring runs is the
# figure to quote; the CPU time is steadier than the wall time. Commands are split as a shell
# splits words; their output is discarded.
#   bench/lang/pairs.sh 7 'build/bench/gorun p.go --procs 2' 'build/bench/gorun p.go --procs 1'
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 N 'COMMAND_A' 'COMMAND_B'" >&2; exit 2; }
n=$1 a=$2 b=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for _ in $(seq "$n"); do
  for x in a b; do
    cmd=$a
    [ $x = b ] && cmd=$b
    # shellcheck disable=SC2086  # the command is split into words on purpose
    /usr/bin/time -f "%e %U %S" -o "$tmp/t" $cmd > /dev/null 2>&1 || true
    tail -n 1 "$tmp/t" >> "$tmp/$x"
  done
done
python3 - "$tmp/a" "$tmp/b" <<'PY'
import statistics, sys
rows = [[list(map(float, l.split())) for l in open(f)] for f in sys.argv[1:3]]
wall = [[r[0] for r in x] for x in rows]
cpu = [[r[1] + r[2] for r in x] for x in rows]
med = statistics.median
ratio = lambda x, y: statistics.median([p / q for p, q in zip(x, y) if q > 0] or [float("nan")])
print("A: wall %.3f s, cpu %.3f s (median)" % (med(wall[0]), med(cpu[0])))
print("B: wall %.3f s, cpu %.3f s (median)" % (med(wall[1]), med(cpu[1])))
print("A/B pair by pair: wall %.2f, cpu %.2f (median)" % (ratio(*wall), ratio(*cpu)))
PY
