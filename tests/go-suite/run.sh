#!/usr/bin/env bash
# tests/go-suite/run.sh GOROSCOPE [RESULTS]: Go's own test programs (Debian's golang-1.19-src,
# its test/ tree) on Goroscope: every "// run" program of test/, ken/, chan/, interface/ and
# fixedbugs/ that imports only packages Goroscope provides (eligible.sh), run with `goroscope
# run` (procs 1, the virtual clock) and judged as Go's harness judges a run test (one.sh).
# Prints the count and every failure not in known_failures.txt; exits 1 if there is one.
# A known failure that passes is said too (take it off the list). RESULTS (default
# go-suite-results.txt in the current folder) gets one line a program.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
results=${2:-go-suite-results.txt}
dir=""
for d in /usr/share/go-1.19/test /usr/lib/go-1.19/test; do [ -d "$d" ] && dir=$d && break; done
if [ -z "$dir" ]; then
  echo "go-suite: Go's test programs are not installed (golang-1.19-src; ./setup.sh installs it)" >&2
  exit 1
fi
"$here/eligible.sh" "$dir" | xargs -P "$(nproc)" -I{} "$here/one.sh" "$bin" "$dir" {} | sort -k2 > "$results"
total=$(wc -l < "$results")
passed=$(grep -c '^PASS ' "$results" || true)
known=$( (grep -vE '^(#|$)' "$here/known_failures.txt" || true) | awk '{print $1}' | sort)
new=0 fixed=0
while read -r line; do
  path=${line#FAIL }; path=${path%%:*}
  if ! grep -qxF "$path" <<< "$known"; then
    echo "go-suite: new failure: ${line#FAIL }"
    new=$((new + 1))
  fi
done < <(grep '^FAIL ' "$results" || true)
while read -r path; do
  if grep -qxF "PASS $path" "$results"; then
    echo "go-suite: $path passes now: take it off tests/go-suite/known_failures.txt"
    fixed=$((fixed + 1))
  fi
done <<< "$known"
pct=$(awk -v p="$passed" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * p / t : 0 }')
echo "go-suite: $passed of $total of Go's eligible run tests pass ($pct%); $new new failure(s), $fixed known failure(s) now pass"
[ "$new" -eq 0 ]
