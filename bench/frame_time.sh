#!/usr/bin/env bash
# bench/frame_time.sh: the window's frame time under Xvfb's software renderer at 1600x1000, for
# the worker pool and for 10,000 live goroutines (bench/leakers.go: the leak, many times over). Prints the
# mean frame time the app measures over its frames (vsync off). Given a recording, also its
# replay with the timeline showing: still, and playing from the middle.
# Usage: bench/frame_time.sh [BUILD_DIR] [FRAMES] [FILE.gorec]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
frames=${2:-300}
recording=${3:-}
bin=$build/app/goroscope
command -v xvfb-run >/dev/null || { echo "frame_time.sh: xvfb-run missing (./setup.sh)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
run() {
  local name=$1; shift
  local out
  out=$(XDG_CONFIG_HOME=$tmp xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" "$@" --size 1600x1000 \
        --frames "$frames" --screenshot "$tmp/shot.png" 2>&1 | grep -o 'mean frame [0-9.]* ms over [0-9]* frames')
  printf "%-28s %s\n" "$name" "$out"
}
run "worker pool (3 workers)" --scenario worker_pool --clock real --speed 2
run "10,000 live goroutines" "$here/leakers.go" --set leakers=10000 --set sleepMs=3600000 --clock real
run "100,000 live goroutines" "$here/leakers.go" --set leakers=100000 --set sleepMs=3600000 --clock real
if [ -n "$recording" ]; then
  end=$("$bin" inspect "$recording" | sed -n 's/^duration: //p')
  run "replay, still at the end" "$recording" --timeline --at "$end"
  run "replay, playing from the middle" "$recording" --timeline --play --at "$(awk -v d="$end" 'BEGIN {
    n = d + 0; u = d; sub(/^[0-9.]+/, "", u); printf "%g%s", n / 2, (u == "" ? "ns" : u) }')"
fi
