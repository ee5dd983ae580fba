// runtime/src/note.cpp: Note's futex calls (see note.hpp).
#include "note.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace goro::detail {

void Note::wake() {
  if (key_.exchange(kSignaled, std::memory_order_release) == kSleeping)
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&key_), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

bool Note::wait(const std::chrono::steady_clock::time_point* deadline) {
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
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&key_), FUTEX_WAIT_PRIVATE, kSleeping,
            deadline ? &rel : nullptr, nullptr, 0);
  }
}

}  // namespace goro::detail
