// runtime/src/mutex.cpp: sync.Mutex's slow paths (the fast paths are inline in the header).
#include "goro/mutex.hpp"

#include <mutex>

#include "sched.hpp"

namespace goro {

using namespace detail;

Mutex::Mutex(std::string name) : name_(std::move(name)), id_(next_object_id()) {}

bool Mutex::try_lock() {
  uint32_t expected = 0;
  return state_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire);
}

void Mutex::lock_slow() {
  G* g = current_g();
  lock_.lock();
  for (;;) {
    uint32_t s = state_.load(std::memory_order_relaxed);
    if (!(s & kLocked)) {
      if (state_.compare_exchange_weak(s, s | kLocked, std::memory_order_acquire)) {
        lock_.unlock();
        return;
      }
      continue;
    }
    if (state_.compare_exchange_weak(s, s | kWaiters, std::memory_order_relaxed)) break;
  }
  Sudog sg;
  sg.g = g;
  waiters_.enqueue(&sg, &lock_);
  current_sched().park(WaitReason::MutexLock, this, &unlock_spin, &lock_);
  // unlock() handed the mutex to us: it is still marked locked.
}

void Mutex::unlock_slow() {
  lock_.lock();
  if (!(state_.load(std::memory_order_relaxed) & kLocked)) {
    lock_.unlock();
    current_sched().fatal("sync: unlock of unlocked mutex");
  }
  Sudog* sg = waiters_.dequeue();
  if (!sg) {
    state_.store(0, std::memory_order_release);
    lock_.unlock();
    return;
  }
  // Hand the mutex over without unlocking it: the waiter wakes owning it.
  if (waiters_.empty()) state_.store(kLocked, std::memory_order_release);
  G* g = sg->g;
  lock_.unlock();
  goready(g);
}

}  // namespace goro
