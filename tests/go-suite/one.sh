#!/usr/bin/env bash
# tests/go-suite/one.sh GOROSCOPE GO_TEST_DIR PATH: runs one of Go's test programs as Go's own
# test harness does for a "// run" test (its combined output must equal PATH's .out file, or
# be empty without one, and it must exit 0) and prints one line: "PASS PATH" or
# "FAIL PATH: why". The summary line goroscope run adds on standard error is not the program's.
# Needs perl (perl-base, in every Debian).
set -uo pipefail
bin=$1 dir=$2 path=$3
limit=${GO_SUITE_TIMEOUT:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# GOOS and GOARCH as Go's own test runs have them (cmd/dist sets them; env.go checks GOARCH)
(cd "$dir/$(dirname "$path")" && GOOS=linux GOARCH=amd64 timeout -k 5 "$limit" "$bin" run "$(basename "$path")" > "$tmp/all" 2>&1)
status=$?
# (the summary is written last: after output without a final newline it ends the last line)
perl -0777 -pe 's/goroscope: [0-9]+ goroutines?, [^\n]*\n\z//' "$tmp/all" > "$tmp/out" || true
want="$dir/${path%.go}.out"
first() { head -n 1 "$tmp/out" | sed -E 's/^[^ :]*\.go:[0-9]+(:[0-9]+)?: //' | cut -c1-150; }
if [ $status -eq 124 ] || [ $status -eq 137 ]; then
  echo "FAIL $path: timeout (${limit}s)"
elif [ $status -eq 1 ] && grep -q '^goroscope: ' "$tmp/all" && ! grep -qE '^goroscope: [0-9]+ goroutines?, ' "$tmp/all"; then
  echo "FAIL $path: $(grep '^goroscope: ' "$tmp/all" | head -n 1 | cut -c1-150)"
elif [ $status -eq 1 ] && ! grep -qE '^goroscope: [0-9]+ goroutines?, ' "$tmp/all"; then
  echo "FAIL $path: compile error: $(first)"
elif [ $status -ne 0 ]; then
  echo "FAIL $path: exit status $status: $(grep -m1 -E '^(panic|fatal error)' "$tmp/out" | cut -c1-150)"
elif [ -f "$want" ]; then
  if cmp -s "$tmp/out" "$want"; then
    echo "PASS $path"
  else
    n=$(cmp "$tmp/out" "$want" 2>/dev/null | sed -nE 's/.* line ([0-9]+).*/\1/p')
    echo "FAIL $path: output differs from ${path%.go}.out${n:+ at line $n}"
  fi
elif [ -s "$tmp/out" ]; then
  echo "FAIL $path: printed output where none is expected: $(head -n 1 "$tmp/out" | cut -c1-100)"
else
  echo "PASS $path"
fi
