// runtime/src/waitq.cpp: the FIFO of waiting goroutines shared by channels and sync objects,
// and the runtime lock's slow path (spin, and for channels' locks, sleep on a futex).
#include "goro/detail/waitq.hpp"

#include <sched.h>
#include <time.h>

#include <mutex>

#include "cpu_relax.hpp"
#include "futex.hpp"
#include "sched.hpp"

namespace goro::detail {

namespace {
constexpr int kActiveSpins = 4, kActiveSpinPauses = 30;  // Go's active_spin, active_spin_cnt
}  // namespace

void SpinLock::lock_slow() noexcept {
  if (!sleepy_) {
    for (unsigned backoff = 1;;) {  // exponential back-off, up to 64 pauses between looks
      for (uint32_t v = kUnlocked; key_.load(std::memory_order_relaxed) == kUnlocked; v = kUnlocked)
        if (key_.compare_exchange_weak(v, kLocked, std::memory_order_acquire)) return;
      for (unsigned i = 0; i < backoff; i++) cpu_relax();
      if (backoff < 64) backoff *= 2;
    }
  }
  // As Go's lock_futex.go: a short active spin, one yield, then sleep. `wait` is what to leave
  // in key_ on taking the lock: kSleeping once anyone may be asleep, so that our unlock wakes them.
  uint32_t wait = key_.exchange(kLocked, std::memory_order_acquire);
  if (wait == kUnlocked) return;
  auto grab = [&] {
    for (uint32_t v = kUnlocked; key_.load(std::memory_order_relaxed) == kUnlocked; v = kUnlocked)
      if (key_.compare_exchange_weak(v, wait, std::memory_order_acquire)) return true;
    return false;
  };
  for (;;) {
    for (int i = 0; i < kActiveSpins; i++) {
      if (grab()) return;
      for (int k = 0; k < kActiveSpinPauses; k++) cpu_relax();
    }
    if (grab()) return;
    sched_yield();
    if (key_.exchange(kSleeping, std::memory_order_acquire) == kUnlocked) return;
    wait = kSleeping;
    timespec limit{0, kSleepMicros * 1000};
    futex_wait(key_, kSleeping, &limit);
  }
}

void SpinLock::wake_one() noexcept { futex_wake(key_); }

Sudog::~Sudog() {
  if (!queue) return;  // the usual case: a waker took it off its queue
  std::lock_guard<SpinLock> l(*lock);
  if (queue) queue->remove(this);
}

void WaitQ::enqueue(Sudog* sg, SpinLock* l) noexcept {
  sg->next = nullptr;
  sg->prev = last;
  sg->queue = this;
  sg->lock = l;
  if (last)
    last->next = sg;
  else
    first = sg;
  last = sg;
}

void WaitQ::push_front(Sudog* sg, SpinLock* l) noexcept {
  sg->prev = nullptr;
  sg->next = first;
  sg->queue = this;
  sg->lock = l;
  if (first)
    first->prev = sg;
  else
    last = sg;
  first = sg;
}

void WaitQ::remove(Sudog* sg) noexcept {
  if (sg->queue != this) return;
  if (sg->prev)
    sg->prev->next = sg->next;
  else
    first = sg->next;
  if (sg->next)
    sg->next->prev = sg->prev;
  else
    last = sg->prev;
  sg->next = sg->prev = nullptr;
  sg->queue = nullptr;
}

Sudog* WaitQ::dequeue() noexcept {
  while (Sudog* sg = first) {
    remove(sg);
    if (sg->is_select) {
      uint32_t expected = 0;
      // Another case of that select already fired: drop this one and look further.
      if (!sg->g->select_done.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) continue;
      sg->g->param = sg;
    }
    return sg;
  }
  return nullptr;
}

}  // namespace goro::detail
