#!/usr/bin/env bash
# web/setup.sh: installs, from Debian's packages, what the page (the WebAssembly build, web/)
# needs, and fetches Dear ImGui's sources from Debian's archive.
#   emscripten (3.1.6) and node-acorn (Debian's emcc needs it on node's module path),
#   chromium (the headless check, tests/run_all.sh web), dpkg-dev (apt-get source).
# Debian's libimgui-dev ships no sources, so `apt-get source imgui` unpacks the source package
# into build-web/imgui-src (ignored, never committed); a deb-src line for it goes in
# /etc/apt/sources.list.d/goroscope-src.sources, beside the machine's own sources.
# Usage: sudo web/setup.sh            (idempotent; ./setup.sh calls it with GOROSCOPE_WITH_WEB=1)
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
packages=(emscripten node-acorn chromium dpkg-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
src_list=/etc/apt/sources.list.d/goroscope-src.sources
updated=0
if [ ! -f "$src_list" ]; then
  # The mirror the machine's binary packages come from (deb.debian.org where nothing says).
  mirror=$(grep -hsoE '^URIs: *[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources | head -1 | sed 's/^URIs: *//')
  [ -n "$mirror" ] || mirror=$(grep -hsoE '^deb +[^ ]+/debian/? ' /etc/apt/sources.list | head -1 | awk '{print $2}')
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$mirror" | $SUDO tee "$src_list" >/dev/null
  $SUDO apt-get update -q
  updated=1
fi
if [ ${#missing[@]} -gt 0 ]; then
  [ "$updated" = 1 ] || $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if ! ls -d build-web/imgui-src/imgui-*/ >/dev/null 2>&1; then
  mkdir -p build-web/imgui-src
  (cd build-web/imgui-src && apt-get source -q imgui)
fi
echo "web/setup.sh: ready; imgui sources in $(ls -d build-web/imgui-src/imgui-*/)"
