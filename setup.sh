#!/usr/bin/env bash
# setup.sh: installs, from Debian's packages, everything Goroscope needs to build, test and run.
# Usage: sudo ./setup.sh            (idempotent; safe to run again)
set -euo pipefail
packages=(
  build-essential cmake pkg-config           # toolchain (g++ brings ASan, UBSan and TSan)
  clang-format                               # the format check (tests/run_all.sh format)
  libboost-context-dev                       # goroutine context switches (fcontext)
  googletest libgtest-dev libbenchmark-dev   # tests and benchmarks
  libimgui-dev libstb-dev libglfw3-dev libepoxy-dev  # the app: Dear ImGui 1.86, GLFW, GL loader
  fonts-dejavu-core                          # the app's TTF font
  ffmpeg                                     # GIF and MP4 clips of replays (goroscope render)
  xvfb xauth libgl1-mesa-dri libglx-mesa0    # headless display (software GL) for the app's checks
  golang-1.19-src                            # Go's own test programs (tests/go-suite; sources, no toolchain)
)
if [ "${GOROSCOPE_WITH_GO:-0}" = 1 ]; then packages+=(golang-go); fi   # bench/compare_go.sh only
if [ "${GOROSCOPE_WITH_LUA:-0}" = 1 ]; then packages+=(lua5.4); fi    # bench/lang/compare.sh only
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The page (the WebAssembly build, tests/run_all.sh web): emscripten, chromium, Dear ImGui's sources.
if [ "${GOROSCOPE_WITH_WEB:-0}" = 1 ]; then "$(dirname "$0")/web/setup.sh"; fi
