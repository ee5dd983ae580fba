// runtime/src/note.cpp: Note's futex calls (see note.hpp).
#include "note.hpp"

#include <time.h>

#include "futex.hpp"
#include "slice.hpp"

namespace goro::detail {

void Note::wake() {
  if (key_.exchange(kSignaled, std::memory_order_release) == kSleeping) futex_wake(key_);
}

bool Note::wait(const std::chrono::steady_clock::time_point* deadline) {
  if (in_slice()) return wait_in_slice(deadline);
  for (;;) {
    uint32_t v = key_.load(std::memory_order_acquire);
    if (v == kSignaled) {
      key_.store(kClear, std::memory_order_relaxed);
      return true;
    }
    if (v == kClear && !key_.compare_exchange_strong(v, kSleeping, std::memory_order_acquire)) continue;
    timespec rel{};
    if (deadline) {
      auto left = *deadline - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) {
        uint32_t s = kSleeping;
        if (key_.compare_exchange_strong(s, kClear, std::memory_order_acquire)) return false;
        continue;  // woken just now
      }
      auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
      rel.tv_sec = static_cast<time_t>(ns / 1000000000);
      rel.tv_nsec = static_cast<long>(ns % 1000000000);
    }
    futex_wait(key_, kSleeping, deadline ? &rel : nullptr);
  }
}

bool Note::wait_in_slice(const std::chrono::steady_clock::time_point* deadline) {
  // One thread: whoever wakes us runs on it, in the host's frame, while we are given back.
  for (;;) {
    if (key_.load(std::memory_order_acquire) == kSignaled) {
      key_.store(kClear, std::memory_order_relaxed);
      return true;
    }
    if (deadline && std::chrono::steady_clock::now() >= *deadline) return false;
    yield_slice();
  }
}

}  // namespace goro::detail
