#!/usr/bin/env bash
# bench/lang/instructions.sh OLD NEW [PROGRAM.go ...]: instructions executed (user space) by two
# goroscope binaries running the same programs, with `perf stat` (linux-perf) or, where the
# machine has no hardware counters, valgrind's callgrind. A count, not a time: it does not
# change with the machine's load, so it compares builds on a busy machine. Defaults: the
# bench/lang programs iface, strings, fib and sieve.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$1 new=$2
shift 2
progs=("$@")
[ ${#progs[@]} -gt 0 ] || progs=("$here/iface.go" "$here/strings.go" "$here/fib.go" "$here/sieve.go")
count() {  # binary program -> instructions
  local n
  n=$(perf stat -x, -e instructions:u "$1" run "$2" 2>&1 >/dev/null | awk -F, '/instructions/ {print $1}')
  if [[ ! "$n" =~ ^[0-9]+$ ]]; then
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" run "$2" 2>&1 >/dev/null |
      awk '/Collected/ {print $4}')
  fi
  echo "$n"
}
printf "%-12s %16s %16s %8s\n" program old new new/old
for p in "${progs[@]}"; do
  a=$(count "$old" "$p")
  b=$(count "$new" "$p")
  printf "%-12s %16d %16d %8.3f\n" "$(basename "$p" .go)" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN {print b / a}')"
done
