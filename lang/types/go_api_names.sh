#!/usr/bin/env bash
# lang/types/go_api_names.sh: writes lang/types/go_api_names.inc, the exported package-level
# names (functions, variables, constants, types) of Go 1.19's API for each package Goroscope
# provides (each folder of lang/std that holds .go files), read from the API lists that
# Debian's golang-1.19 ships (/usr/lib/go-1.19/api/go1*.txt). Run it again when a package is
# added to lang/std; the build and CI never need Go.
set -euo pipefail
cd "$(dirname "$0")/../.."
api=${GO_API_DIR:-/usr/lib/go-1.19/api}
[ -f "$api/go1.txt" ] || { echo "go_api_names.sh: no $api/go1.txt (apt-get install golang-1.19-src)" >&2; exit 1; }
pkgs=$(find lang/std -name '*.go' -printf '%h\n' | sed 's|^lang/std/||' | sort -u)
{
  echo "// lang/types/go_api_names.inc: written by go_api_names.sh from Go 1.19's API lists; do not edit."
  echo "// Each line: \"path.Name\", sorted (bytewise), for the packages Goroscope provides."
  cat "$api"/go1*.txt | awk -v pkgs="$pkgs" '
    BEGIN { n = split(pkgs, list, "\n"); for (i = 1; i <= n; i++) want[list[i]] = 1 }
    /^pkg [^ ,]+, (func|var|const|type) [A-Z]/ {
      path = $2; sub(/,$/, "", path)
      if (!(path in want)) next
      name = $4; sub(/[^A-Za-z0-9_].*$/, "", name)
      print "\"" path "." name "\","
    }' | LC_ALL=C sort -u
} >lang/types/go_api_names.inc
echo "go_api_names.sh: $(grep -c '^"' lang/types/go_api_names.inc) names of $(echo "$pkgs" | wc -l) packages"
