// goro/mutex.hpp: sync.Mutex and sync.RWMutex for goroutines (they park the goroutine, never the
// thread). Both work with std::lock_guard, std::unique_lock and std::shared_lock.
//
// Mutex invariants (Go's sync.Mutex, the same state word): state_ holds kLocked, kWoken (a
// waiter is awake and on its way to retry, so unlock wakes no other), kStarving (the lock passes
// straight from unlock to the front waiter, never to a newcomer) and, above kWaiterShift, how
// many goroutines wait or are about to. Unlock is one atomic add; only with waiters and nobody
// awake does it wake one, through sema_ (a count of wake-ups, and the queue of those parked
// waiting for one). A woken waiter competes with running goroutines; one that loses goes back
// to the front of the queue, and once it has waited over a millisecond the mutex starves
// newcomers until the queue is empty: no waiter waits forever, and waiters go in arrival order.
//
// RWMutex invariants: a waiting writer blocks new readers (as in Go); writer_ and readers_ > 0
// never hold together.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "goro/detail/sema.hpp"
#include "goro/detail/waitq.hpp"

namespace goro {

class Mutex;
namespace detail {
extern std::atomic<int> g_tracing;  // runs with a tap, the race detector or sync-point preemption
void trace_mutex(Mutex* m, bool locked);
void sync_point_slow();
}  // namespace detail

// Mutex is a mutual exclusion lock. Unlocking an unlocked Mutex is a fatal error.
class Mutex {
 public:
  explicit Mutex(std::string name = {});
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  // lock() blocks until the mutex is ours.
  void lock() {
    bool observed = detail::g_tracing.load(std::memory_order_relaxed) != 0;
    if (observed) [[unlikely]]
      detail::sync_point_slow();
    uint32_t expected = 0;
    if (!state_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire))
      lock_slow();
    else if (observed) [[unlikely]]
      detail::trace_mutex(this, true);
  }
  // try_lock() takes the mutex if it is free; returns whether it did.
  bool try_lock();
  // unlock() releases the mutex, waking the longest waiter if any.
  void unlock() {
    if (detail::g_tracing.load(std::memory_order_relaxed)) [[unlikely]]
      detail::trace_mutex(this, false);  // (the race detector's release comes before the unlock)
    uint32_t left = state_.fetch_sub(kLocked, std::memory_order_release) - kLocked;
    if (left != 0) unlock_slow(left);
  }

  const std::string& name() const { return name_; }
  uint64_t id() const { return id_; }

 private:
  static constexpr uint32_t kLocked = 1;
  static constexpr uint32_t kWoken = 2;
  static constexpr uint32_t kStarving = 4;
  static constexpr uint32_t kWaiterShift = 3;
  static constexpr uint32_t kWaiter = 1u << kWaiterShift;
  friend void detail::trace_mutex(Mutex* m, bool locked);
  void lock_slow();
  void unlock_slow(uint32_t left);

  std::string name_;
  uint64_t id_;
  detail::ObjTrace trace_;  // its id in a tapped run
  std::atomic<uint32_t> state_{0};
  detail::Sema sema_;  // where waiters sleep
};

// RWMutex is a reader/writer lock: many readers or one writer.
class RWMutex {
 public:
  explicit RWMutex(std::string name = {});
  RWMutex(const RWMutex&) = delete;
  RWMutex& operator=(const RWMutex&) = delete;

  void lock();  // blocks until no reader and no writer holds it
  bool try_lock();
  void unlock();       // fatal error if not write-locked
  void lock_shared();  // Go's RLock: blocks while a writer holds or waits
  bool try_lock_shared();
  void unlock_shared();  // Go's RUnlock: fatal error if not read-locked

  const std::string& name() const { return name_; }
  uint64_t id() const { return id_; }

 private:
  std::string name_;
  uint64_t id_;
  detail::ObjTrace trace_;   // its id in a tapped run
  detail::SpinLock lock_;    // guards everything below
  int readers_ = 0;          // readers holding the lock
  bool writer_ = false;      // a writer holds the lock
  detail::WaitQ writers_;    // blocked writers
  detail::WaitQ readers_q_;  // blocked readers
};

}  // namespace goro
