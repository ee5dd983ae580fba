#!/usr/bin/env bash
# tests/run_all.sh: every check CI runs, leg by leg, each timed (the times: tests/README.md).
#   format   every C++ file matches .clang-format (Debian's clang-format)
#   build    everything with -Werror, then every test, the window's under Xvfb
#   install  cmake --install, then tests/consumer built and run against the installed goro
#            package; runtime/ configured and built on its own
#   asan     the suite again under ASan+UBSan (not the window: the GL stack is not ours)
#   tsan     the runtime's, the app's and lang's threaded tests under TSan
#   gosuite  Go's own "// run" test programs (golang-1.19-src's test/) on the build's goroscope
#   web      the page (emscripten): the golden Go programs on its VM under node, then the page
#            in headless Chromium: the worker pool's output, a screenshot
#            (skipped, saying so, where emscripten, chromium or Dear ImGui's sources are missing:
#            GOROSCOPE_WITH_WEB=1 ./setup.sh)
# Usage: tests/run_all.sh [leg ...]      (after ./setup.sh; no leg: all of them, in this order)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
legs=("$@")
# Tests write their files under TEST_TMPDIR (gtest's TempDir()): one of our own, so that two
# checkouts tested at once on one machine never share a file.
TEST_TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/goroscope-tests.XXXXXX")
export TEST_TMPDIR
trap 'rm -rf "$TEST_TMPDIR"' EXIT
[ ${#legs[@]} -gt 0 ] || legs=(format build install gosuite asan tsan web)

leg_format() {
  local files
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files=$(git ls-files '*.cpp' '*.hpp')
  else
    files=$(find runtime visual app tests bench -name '*.cpp' -o -name '*.hpp')
  fi
  # shellcheck disable=SC2086
  clang-format --dry-run --Werror $files
}

# CI's optimised builds keep line tables only (-g1): a crash's or a TSan report's stack still has
# its files and lines, and the compiler does a third less work than with full debug information.
ci_flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG")

leg_build() {
  cmake -S . -B build "${ci_flags[@]}" -DGOROSCOPE_WERROR=ON
  cmake --build build -j"$jobs"
  ctest --test-dir build --output-on-failure -j"$jobs"
}

leg_install() {
  [ -x build/app/goroscope ] || leg_build
  rm -rf build/stage build/consumer build/runtime-alone
  cmake --install build --prefix "$PWD/build/stage"
  test -f build/stage/share/goroscope/assets/programs/08_worker_pool.go  # the assets are installed
  local staged="$PWD/build/stage/bin/goroscope"
  (cd / && "$staged" run buffered_channel >/dev/null)  # the programs are built in, no assets needed
  cmake -S tests/consumer -B build/consumer -DCMAKE_PREFIX_PATH="$PWD/build/stage"
  cmake --build build/consumer -j"$jobs"
  build/consumer/goro_consumer
  cmake -S runtime -B build/runtime-alone -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGOROSCOPE_WERROR=ON
  cmake --build build/runtime-alone -j"$jobs"
}

leg_gosuite() {
  [ -x build/app/goroscope ] || leg_build
  tests/go-suite/run.sh build/app/goroscope build/go-suite-results.txt
}

leg_asan() {
  cmake -S . -B build-asan -DGOROSCOPE_SANITIZE=address -DCMAKE_BUILD_TYPE=Debug -DGOROSCOPE_BENCH=OFF \
    -DGOROSCOPE_WERROR=ON
  cmake --build build-asan -j"$jobs"
  # The Go fuzz test's mutants 1 to 1,500 run in the build leg (and ran here, under ASan, in every
  # run before); here 500 others, so that each run tries 2,000 in all in a third less time.
  GOROSCOPE_FUZZ_SEED=1501 GOROSCOPE_FUZZ_INPUTS=500 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -E 'Window'
}

leg_tsan() {
  cmake -S . -B build-tsan -DGOROSCOPE_SANITIZE=thread "${ci_flags[@]}" -DGOROSCOPE_BENCH=OFF \
    -DGOROSCOPE_WERROR=ON
  cmake --build build-tsan -j"$jobs" --target runtime_tests app_tests lang_tests
  # TSan needs the address space layout it was built for; newer kernels randomise more.
  local run=()
  if setarch "$(uname -m)" -R true 2>/dev/null; then run=(setarch "$(uname -m)" -R); fi
  # No suppressions: a racy Go program races in its own variables, which the VM loads and
  # stores under slot locks at procs > 1 (lang/vm/slot.hpp), so TSan sees no race of ours.
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
  # Two streams at once (a core each; each binary runs a test at a time): lang_tests' threaded
  # tests, then runtime_tests, beside app_tests; each stream's output is printed whole when it
  # ends, and the leg fails if either failed.
  "${run[@]}" true  # (fail here, not in a stream, where setarch cannot run)
  local logs
  logs=$(mktemp -d "$TEST_TMPDIR/tsan.XXXXXX")
  tsan_lang_and_runtime >"$logs/lang_runtime.txt" 2>&1 &
  local first=$!
  tsan_app >"$logs/app.txt" 2>&1 &
  local second=$! status=0
  wait "$first" || status=1
  cat "$logs/lang_runtime.txt"
  wait "$second" || status=1
  cat "$logs/app.txt"
  return "$status"
}

# lang's tests where goroutines run on several threads: racy programs at procs 2 and 4, the race
# detector, every Go program and hostile program at procs 2 (not these, at procs 1 and 2 in the
# other legs: the million goroutines, a memory-ceiling test that allocates gigabytes, and the one
# that fills the ceiling with goroutines: TSan counts each fiber as a thread and stops at 8,128).
# Then the runtime's tests at procs 2 and 4: at procs 1 one thread runs the goroutines, and those
# runs (a quarter of the suite's time under TSan) are checked in the build and asan legs.
tsan_lang_and_runtime() {
  "${run[@]}" build-tsan/tests/lang/lang_tests \
    --gtest_filter='*RacyMemory*:*procs2*:*procs4*:Race*:-*million*:*MemoryGivenBackIsNotCounted*:*SmallObjectsGoroutinesAndStacks*:Race.NothingInTheArticlesCorrectPrograms' &&
    "${run[@]}" build-tsan/tests/runtime_tests --gtest_filter='-*procs1'
}

# The crafted-recording fuzz runs in full in the build and asan legs; a few hundred here. Not here
# (they run in the build and asan legs): the tests that read damaged or crafted files on one
# thread, which TSan has nothing to check in and which took 4 of its 8 minutes, and the
# explorer's search of every article program.
tsan_app() {
  GOROSCOPE_FUZZ_RUNS=300 "${run[@]}" build-tsan/tests/app_tests \
    --gtest_filter='-Recording.BrokenFilesGetClearErrors:Recording.ADamagedBlockLengthIsNotTruncation:RecordingTrust.EventsReadInPlaceAreTheRunsEvents:RecordingCases.EveryProgramsRecordingKeepsTheContract:Explore.FindsNothingInTheArticlesCorrectPrograms'
}

leg_web() {
  local missing=()
  command -v emcmake >/dev/null || missing+=(emscripten)
  command -v chromium >/dev/null || missing+=(chromium)
  [ -d /usr/share/nodejs/acorn ] || missing+=(node-acorn)
  ls -d build-web/imgui-src/imgui-*/ >/dev/null 2>&1 || missing+=("Dear ImGui's sources")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "web leg SKIPPED: ${missing[*]} missing (GOROSCOPE_WITH_WEB=1 ./setup.sh installs them)"
    return 0
  fi
  [ -x build/app/goroscope ] || leg_build
  # Debian's emcc needs Debian's acorn on node's module path.
  export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
  # Not -Werror: clang on wasm32 (a 32-bit size_t) warns where the desktop's g++ -Werror build does not.
  emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release
  cmake --build build-web -j"$jobs" --target goroscope_web goroscope_node
  tests/web/check_vm.sh build-web
  tests/web/check_page.sh build-web build/app/goroscope
}

for leg in "${legs[@]}"; do
  if ! declare -F "leg_$leg" >/dev/null; then
    echo "run_all.sh: no leg '$leg' (format build install gosuite asan tsan web)" >&2
    exit 64
  fi
  echo "==== $leg"
  # Wall time, and the CPU time of every process the leg ran: on a busy machine the wall time
  # grows, while CPU time / cores says what the leg needs on cores of its own.
  TIMEFORMAT="==== $leg took %0R s wall, %0U s user + %0S s system CPU"
  time "leg_$leg"
  echo "==== $leg passed"
done
