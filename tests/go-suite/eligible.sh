#!/usr/bin/env bash
# tests/go-suite/eligible.sh GO_TEST_DIR: the "// run" programs of Go's own test tree (test/,
# test/ken, test/chan, test/interface, test/fixedbugs) that import only packages Goroscope
# provides (docs/go-subset.md), one path a line, relative to GO_TEST_DIR, sorted.
set -euo pipefail
dir=$1
supported=" fmt errors time sync sync/atomic context strings strconv math math/rand math/bits sort os io bufio bytes runtime unicode unicode/utf8 unicode/utf16 container/heap container/list container/ring text/tabwriter "
cd "$dir"
for f in *.go ken/*.go chan/*.go interface/*.go fixedbugs/*.go typeparam/*.go; do
  [ "$(head -n 1 "$f")" = "// run" ] || continue
  # a build constraint that excludes this platform or asks for cgo & co: not ours to run
  if grep -qE '^(//go:build|// \+build)' "$f"; then continue; fi
  ok=1
  # the imports: `import "p"`, `import name "p"` and the lines of `import ( ... )`
  while read -r p; do
    case "$supported" in *" $p "*) ;; *) ok=0; break ;; esac
  done < <(awk '
    /^import \(/ { inblock = 1; next }
    inblock && /^\)/ { inblock = 0; next }
    inblock { if (match($0, /"[^"]+"/)) print substr($0, RSTART + 1, RLENGTH - 2); next }
    /^import / { if (match($0, /"[^"]+"/)) print substr($0, RSTART + 1, RLENGTH - 2) }
  ' "$f")
  [ $ok = 1 ] && echo "$f"
done | sort
