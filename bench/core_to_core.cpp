// bench/core_to_core.cpp: how long one cache line takes to go from CPU 0 to CPU 1 and back.
// Two threads, pinned, pass a counter back and forth 2 million times; prints the mean round
// trip. Every procs = 2 number depends on it, and on a shared machine it moves (this one goes
// from ~80 ns to ~390 ns for minutes at a time): compare_go.sh prints it before and after.
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace {

bool pin(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  return pthread_setaffinity_np(pthread_self(), sizeof set, &set) == 0;
}

}  // namespace

int main() {
  constexpr int kRounds = 2'000'000;
  alignas(64) std::atomic<int> turn{0};
  bool other_pinned = false;
  std::thread other([&] {
    other_pinned = pin(1);
    for (int i = 0; i < kRounds; i++) {
      while (turn.load(std::memory_order_acquire) != 2 * i + 1) {
      }
      turn.store(2 * i + 2, std::memory_order_release);
    }
  });
  bool pinned = pin(0);
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; i++) {
    turn.store(2 * i + 1, std::memory_order_release);
    while (turn.load(std::memory_order_acquire) != 2 * i + 2) {
    }
  }
  auto ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
  other.join();
  pinned = pinned && other_pinned;
  std::printf("core_to_core round_trip_ns=%.1f%s\n", ns / kRounds,
              pinned ? "" : " (not pinned: fewer than 2 CPUs?)");
  return 0;
}
