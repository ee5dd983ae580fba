// runtime/src/mutex.cpp: sync.Mutex's slow paths, as Go's (the fast paths are inline in the
// header): waiters queue in order on the mutex's semaphore; unlock wakes one of them to compete;
// one that loses goes back to the front, and once it has waited over a millisecond the mutex
// starves newcomers and unlock hands it over (Go's starvation mode).
#include "goro/mutex.hpp"

#include <chrono>
#include <mutex>

#include "cpu_relax.hpp"
#include "sched.hpp"
#include "tracer.hpp"

namespace goro {

using namespace detail;

namespace {
constexpr auto kStarveAfter = std::chrono::milliseconds(1);  // Go's starvationThresholdNs
}  // namespace

Mutex::Mutex(std::string name) : name_(std::move(name)), id_(next_object_id()) {
  Tracer::introduce(trace_, ObjKind::Mutex, name_);
}

namespace detail {
void trace_mutex(Mutex* m, bool locked) {
  Tracer tr(m->trace_, ObjKind::Mutex, m->name_);
  if (Race* r = tr.race()) {
    if (locked)
      r->acquire(m);  // the previous Unlock happened before this Lock
    else
      r->release(m);
  }
  if (tr) tr.emit(tr.event(locked ? EventKind::MutexLock : EventKind::MutexUnlock));
}
}  // namespace detail

bool Mutex::try_lock() {
  uint32_t s = state_.load(std::memory_order_relaxed);
  while (!(s & (kLocked | kStarving)))
    if (state_.compare_exchange_weak(s, s | kLocked, std::memory_order_acquire)) {
      if (g_tracing.load(std::memory_order_relaxed)) trace_mutex(this, true);
      return true;
    }
  return false;
}

// lock_slow() is Go's lockSlow: spin a little while the holder runs on another P, else count
// ourselves a waiter and sleep on sema_; woken, compete again, or be handed the lock when the
// mutex starves.
void Mutex::lock_slow() {
  Sched& sched = current_sched();
  Tracer tr(trace_, ObjKind::Mutex, name_);
  std::chrono::steady_clock::time_point waiting_since{};  // when we first slept
  bool starving = false, awoke = false;                   // awoke: we own kWoken
  int iter = 0;
  uint32_t old = state_.load(std::memory_order_relaxed);
  for (;;) {
    if ((old & (kLocked | kStarving)) == kLocked && sched.can_spin(iter)) {
      // Tell unlock not to wake anyone else: we are awake and about to take it.
      if (!awoke && !(old & kWoken) && (old >> kWaiterShift) &&
          state_.compare_exchange_weak(old, old | kWoken, std::memory_order_relaxed))
        awoke = true;
      for (int i = 0; i < 30; i++) cpu_relax();
      iter++;
      old = state_.load(std::memory_order_relaxed);
      continue;
    }
    uint32_t want = old;
    if (!(old & kStarving)) want |= kLocked;             // a starving mutex goes to the front waiter
    if (old & (kLocked | kStarving)) want += kWaiter;    // so we wait
    if (starving && (old & kLocked)) want |= kStarving;  // and make it starve newcomers
    if (awoke) want &= ~kWoken;
    if (!state_.compare_exchange_weak(old, want, std::memory_order_acquire, std::memory_order_relaxed))
      continue;
    if (!(old & (kLocked | kStarving))) break;  // ours
    bool lifo = waiting_since != std::chrono::steady_clock::time_point{};
    if (!lifo) waiting_since = std::chrono::steady_clock::now();
    Event contended = tr ? tr.event(EventKind::MutexContended) : Event{};
    sema_.acquire(WaitReason::MutexLock, this, tr.oid(), lifo, tr ? &contended : nullptr);
    starving = starving || std::chrono::steady_clock::now() - waiting_since > kStarveAfter;
    old = state_.load(std::memory_order_relaxed);
    if (old & kStarving) {
      // Handed over: the lock is ours; leave starvation when we are the last waiter or have
      // not waited long (Go's rule, so that the mutex does not stay in its slow mode).
      uint32_t delta = kLocked - kWaiter;
      if (!starving || (old >> kWaiterShift) == 1) delta -= kStarving;
      state_.fetch_add(delta, std::memory_order_acquire);
      break;
    }
    awoke = true;
    iter = 0;
  }
  if (Race* r = tr.race()) r->acquire(this);
  if (tr) tr.emit(tr.event(EventKind::MutexLock));
}

void Mutex::unlock_slow(uint32_t left) {
  if (!((left + kLocked) & kLocked)) current_sched().fatal("sync: unlock of unlocked mutex");
  if (left & kStarving) return sema_.release();  // the front waiter takes it as it is
  for (uint32_t old = left;;) {
    // Nobody waits, or someone already took it, is awake, or is being handed it.
    if ((old >> kWaiterShift) == 0 || (old & (kLocked | kWoken | kStarving))) return;
    if (state_.compare_exchange_weak(old, (old - kWaiter) | kWoken, std::memory_order_relaxed))
      return sema_.release();
  }
}

}  // namespace goro
