// runtime/src/note.hpp: Note, the one-shot wake-up an idle M sleeps on (Go's note, in
// lock_futex.go), on a futex word.
//
// Invariants: at most one wake() per sleep; the word is kClear (nobody asleep, no wake-up
// pending), kSignaled (a wake-up waits to be taken) or kSleeping (an M is, or is about to be,
// in the futex). A wake() that comes before the sleep costs no system call, nor does the sleep
// after it. In a goro::Slices body nobody sleeps in the futex: the slice is given back instead.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace goro::detail {

// Note is a one-shot wake-up for an idle M.
class Note {
 public:
  // wake() wakes the M asleep on the note, or the next one to sleep on it.
  void wake();
  // sleep() blocks until wake().
  void sleep() { wait(nullptr); }
  // sleep_until() blocks until wake() or t; returns false on timeout.
  bool sleep_until(std::chrono::steady_clock::time_point t) { return wait(&t); }

 private:
  static constexpr uint32_t kClear = 0, kSignaled = 1, kSleeping = 2;
  bool wait(const std::chrono::steady_clock::time_point* deadline);
  bool wait_in_slice(const std::chrono::steady_clock::time_point* deadline);  // goro::Slices
  std::atomic<uint32_t> key_{kClear};
};

}  // namespace goro::detail
