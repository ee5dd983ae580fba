#!/usr/bin/env bash
# bench/lang/race_cost.sh [BUILD] [REPS]: what `goroscope run FILE.go --race` costs beside the
# same run without it, on the article's data race (race.go: two goroutines, n unsynchronised
# increments each) and its mutex counter (mutex_counter.go: 100 goroutines, n locked increments
# each), at procs 1 and 2. Best of REPS; wall time and CPU time (user + system: on a loaded
# machine the steadier figure), and the ratio of each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/timing.sh"

echo "best of $reps; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "| %-26s | %5s | %-17s | %-17s | %-13s |\n" program procs "off: wall, cpu" "--race: wall, cpu" "ratio (wall, cpu)"
for prog in race mutex_counter; do
  for procs in 1 2; do
    read -r w0 c0 _ < <(best "$goroscope" run "$here/$prog.go" --procs "$procs")
    read -r w1 c1 _ < <(best "$goroscope" run "$here/$prog.go" --procs "$procs" --race)
    printf "| %-26s | %5s | %6.2f s, %5.2f s | %6.2f s, %5.2f s | %5.2fx, %5.2fx |\n" "$prog.go" "$procs" \
      "$w0" "$c0" "$w1" "$c1" "$(awk "BEGIN{print $w1 / $w0}")" "$(awk "BEGIN{print $c1 / $c0}")"
  done
done
