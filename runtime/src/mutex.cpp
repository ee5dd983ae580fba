// runtime/src/mutex.cpp: sync.Mutex's slow paths (the fast paths are inline in the header):
// waiters queue in order; unlock wakes one of them to compete; one that loses goes back to the
// front, and once it has waited over a millisecond it is handed the lock (Go's starvation mode).
#include "goro/mutex.hpp"

#include <chrono>
#include <mutex>

#include "sched.hpp"

namespace goro {

using namespace detail;

namespace {
constexpr auto kStarving = std::chrono::milliseconds(1);  // Go's starvationThresholdNs
}  // namespace

Mutex::Mutex(std::string name) : name_(std::move(name)), id_(next_object_id()) {
  if (Sched* tr = traced_sched()) tr->announce(trace_, ObjKind::Mutex, name_);
}

namespace detail {
void trace_mutex(Mutex* m, bool locked) {
  Sched* tr = traced_sched();
  if (!tr) return;
  uint64_t oid = tr->announce(m->trace_, ObjKind::Mutex, m->name_);
  tr->emit(tr->event(locked ? EventKind::MutexLock : EventKind::MutexUnlock, oid));
}
}  // namespace detail

bool Mutex::try_lock() {
  uint32_t s = state_.load(std::memory_order_relaxed);
  while (!(s & kLocked))
    if (state_.compare_exchange_weak(s, s | kLocked, std::memory_order_acquire)) {
      if (g_tracing.load(std::memory_order_relaxed)) trace_mutex(this, true);
      return true;
    }
  return false;
}

void Mutex::lock_slow() {
  G* g = current_g();
  Sched* tr = traced_sched();
  uint64_t oid = tr ? tr->announce(trace_, ObjKind::Mutex, name_) : 0;
  auto acquired = [&] {
    if (tr) tr->emit(tr->event(EventKind::MutexLock, oid));
  };
  bool woken = false;  // we were woken by unlock and own the kWoken bit
  std::chrono::steady_clock::time_point waiting_since{};  // when we first queued
  for (;;) {
    for (int spin = 0; spin < 64; spin++) {  // brief spin: the holder may be running on another P
      uint32_t s = state_.load(std::memory_order_relaxed);
      if (!(s & kLocked) && state_.compare_exchange_weak(s, (s | kLocked) & ~(woken ? kWoken : 0u),
                                                         std::memory_order_acquire))
        return acquired();
      __builtin_ia32_pause();
    }
    lock_.lock();
    uint32_t s = state_.load(std::memory_order_relaxed);
    for (;;) {
      uint32_t clear = woken ? kWoken : 0u;
      if (!(s & kLocked)) {
        if (state_.compare_exchange_weak(s, (s | kLocked) & ~clear, std::memory_order_acquire)) {
          lock_.unlock();
          return acquired();
        }
        continue;
      }
      if (state_.compare_exchange_weak(s, (s | kWaiters) & ~clear, std::memory_order_relaxed)) break;
    }
    Sudog sg;
    sg.g = g;
    waiters_.enqueue(&sg, &lock_);
    if (waiting_since == std::chrono::steady_clock::time_point{}) waiting_since = std::chrono::steady_clock::now();
    if (woken) {
      // Lost the race after being woken: go back to the front. Starving (as Go says: waiting
      // over a millisecond), be handed the lock next, so that a stream of newcomers on other
      // Ps cannot keep it from us; otherwise compete again, which keeps the lock moving.
      waiters_.remove(&sg);
      sg.next = waiters_.first;
      sg.prev = nullptr;
      sg.queue = &waiters_;
      sg.lock = &lock_;
      if (waiters_.first) waiters_.first->prev = &sg;
      else waiters_.last = &sg;
      waiters_.first = &sg;
      if (std::chrono::steady_clock::now() - waiting_since > kStarving) handoff_ = true;
    }
    Event proto{};
    proto.obj = oid;
    if (tr) tr->emit_locked(tr->event(EventKind::MutexContended, oid));
    current_sched().park(WaitReason::MutexLock, this, &unlock_spin, &lock_, &proto);
    if (sg.success) return;  // handed over (the unlocker recorded our MutexLock)
    woken = true;
  }
}

void Mutex::unlock_slow() {
  Sched* tr = traced_sched();
  uint64_t oid = tr ? tr->announce(trace_, ObjKind::Mutex, name_) : 0;
  lock_.lock();
  uint32_t s = state_.load(std::memory_order_relaxed);
  if (!(s & kLocked)) {
    lock_.unlock();
    current_sched().fatal("sync: unlock of unlocked mutex");
  }
  if (handoff_ && !waiters_.empty()) {
    // The front waiter already lost once: give it the lock without unlocking.
    handoff_ = false;
    Sudog* sg = waiters_.dequeue();
    sg->success = true;
    if (waiters_.empty()) state_.fetch_and(~kWaiters, std::memory_order_relaxed);
    G* owner = sg->g;
    if (tr) {
      Event e = tr->event(EventKind::MutexLock, oid);
      e.g = owner->id;
      tr->emit_locked(e);
    }
    lock_.unlock();
    if (tr) tr->flush();
    goready(owner);
    return;
  }
  if ((s & kWoken) || waiters_.empty()) {
    state_.fetch_and(~kLocked, std::memory_order_release);  // someone is already on the way
    lock_.unlock();
    return;
  }
  Sudog* sg = waiters_.dequeue();
  uint32_t clear = kLocked | (waiters_.empty() ? kWaiters : 0u);
  s = state_.load(std::memory_order_relaxed);
  while (!state_.compare_exchange_weak(s, (s & ~clear) | kWoken, std::memory_order_release)) {
  }
  G* g = sg->g;
  lock_.unlock();
  goready(g);
}

}  // namespace goro
