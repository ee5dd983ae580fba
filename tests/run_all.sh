#!/usr/bin/env bash
# tests/run_all.sh: builds Goroscope and runs every test, then the same suite under ASan+UBSan
# (the window's Xvfb tests run in the first build only: the GL stack is not ours to sanitize).
# Usage: tests/run_all.sh        (after ./setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
cmake -S . -B build-asan -DGOROSCOPE_SANITIZE=address -DCMAKE_BUILD_TYPE=Debug -DGOROSCOPE_BENCH=OFF
cmake --build build-asan -j"$jobs"
ctest --test-dir build-asan --output-on-failure -j"$jobs" -E 'Window'
