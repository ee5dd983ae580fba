# bench/lang/timing.sh: what compare.sh and race_cost.sh share, sourced by them after they set
# `here` (their folder): the build folder ($1, default build/), REPS ($2, default 3), the
# goroscope binary, a scratch folder removed on exit, and best().
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
reps=${2:-3}
goroscope=$build/app/goroscope
[ -x "$goroscope" ] || { echo "no $goroscope: build the goroscope target first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best COMMAND...: "WALL_SECONDS CPU_SECONDS MAX_RSS_KB" over $reps runs of a command (its output
# discarded; its exit status, 66 for a race, is no failure here): the least wall time and the
# least CPU time (user + system) each over the runs, and the peak RSS of all runs. On a shared
# machine the CPU time is the steadier of the two.
best() {
  local bw="" bc="" br=""
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" > /dev/null 2>&1 || true
    read -r w u s r < <(tail -n 1 "$tmp/t")  # after "Command exited with non-zero status N"
    c=$(awk "BEGIN{print $u + $s}")
    if [ -z "$bw" ] || awk "BEGIN{exit !($w < $bw)}"; then bw=$w; fi
    if [ -z "$bc" ] || awk "BEGIN{exit !($c < $bc)}"; then bc=$c; fi
    if [ -z "$br" ] || [ "$r" -gt "$br" ]; then br=$r; fi
  done
  echo "$bw $bc $br"
}
