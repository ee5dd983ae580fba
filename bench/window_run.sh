#!/usr/bin/env bash
# bench/window_run.sh: how long a program runs in the window against the command line. The
# command line's time is `goroscope run` (real clock) from start to exit; the window's is the
# app's own measure, from the live run's start to the frame that drained its end (printed with
# --screenshot: "the live run took X s"), under Xvfb at 1600x1000. Prints both and the ratio.
# Usage: bench/window_run.sh [BUILD_DIR] [SCENARIO] [FRAMES]   (defaults: build million 400)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
scenario=${2:-million}
frames=${3:-400}
bin=$build/app/goroscope
command -v xvfb-run >/dev/null || { echo "window_run.sh: xvfb-run missing (./setup.sh)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s.%N)
"$bin" run "$scenario" --clock real >/dev/null 2>&1
t1=$(date +%s.%N)
cli=$(echo "$t1 - $t0" | bc -l)
window=$(XDG_CONFIG_HOME=$tmp xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" --scenario "$scenario" \
         --clock real --size 1600x1000 --frames "$frames" --screenshot "$tmp/shot.png" 2>&1 |
         sed -n 's/.*the live run took \([0-9.e+-]*\) s.*/\1/p')
[ -n "$window" ] || { echo "window_run.sh: the run did not end within $frames frames" >&2; exit 1; }
printf "%s: command line %.2f s, window %.2f s, window/command line %.2f\n" "$scenario" "$cli" "$window" \
       "$(echo "$window / $cli" | bc -l)"
