// runtime/src/timer.hpp: the timer heap behind sleep, context deadlines and the virtual clock.
//
// Invariants: heap_ is a min-heap on (when, seq); every Timer in it has index == its position,
// every Timer outside it has index == -1; next_when_ mirrors the root (INT64_MAX when empty).
// Callbacks never run with the heap's lock held, so they may take any other lock.
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <mutex>
#include <vector>

#include "goro/detail/waitq.hpp"

namespace goro::detail {

// Timer is one pending wake-up; its owner keeps it alive while it is in the heap.
struct Timer {
  int64_t when = 0;  // goro::now() time at which it fires
  uint64_t seq = 0;  // set by add(): ties fire in the order they were added
  void (*f)(void* arg) = nullptr;
  void* arg = nullptr;
  void (*drop)(void* arg) = nullptr;  // called by clear() instead of f, when set
  ptrdiff_t index = -1;               // position in the heap, -1 when not in it
};

class Timers {
 public:
  static constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
  // after() is the time d nanoseconds after t, at most the last moment before kNever (a
  // Sleep(math.MaxInt64) is a real timer that never comes, not an overflow)
  static constexpr int64_t after(int64_t t, int64_t d) { return d > kNever - 1 - t ? kNever - 1 : t + d; }

  // mutex() guards the heap. A spin lock, not std::mutex: sleep() takes it on a goroutine and
  // the scheduler releases it after the switch (park's unlock), which pthreads forbid.
  SpinLock& mutex() { return mu_; }
  // add_locked() inserts t; returns whether it is now the earliest. Caller holds mutex().
  bool add_locked(Timer* t);
  // remove() takes t out if it is still pending; returns whether it was.
  bool remove(Timer* t);
  // next_when() is when the earliest timer fires (kNever when none).
  int64_t next_when() const { return next_when_.load(std::memory_order_acquire); }
  bool empty() const { return next_when() == kNever; }
  // fire_due() runs, in (when, seq) order, every timer due at `now`; returns how many ran.
  size_t fire_due(int64_t now);
  // clear() forgets every pending timer without running it (calling its drop, if any).
  void clear();

 private:
  void up(size_t i);
  void down(size_t i);
  void swap_at(size_t a, size_t b);
  bool less(size_t a, size_t b) const;
  void pop_root();

  SpinLock mu_;  // guards heap_ and seq_
  std::vector<Timer*> heap_;
  uint64_t seq_ = 0;
  std::atomic<int64_t> next_when_{kNever};
};

}  // namespace goro::detail
