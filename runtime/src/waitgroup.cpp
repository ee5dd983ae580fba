// runtime/src/waitgroup.cpp: sync.WaitGroup as Go's: one atomic state word (counter and
// waiters) and a semaphore; a tapped run serializes adds and waits to log them in order.
#include "goro/waitgroup.hpp"

#include "goro/goroutine.hpp"
#include "sched.hpp"
#include "tracer.hpp"

namespace goro {

using namespace detail;

namespace {
constexpr int kCounterShift = 32;
int32_t counter_of(uint64_t state) { return static_cast<int32_t>(state >> kCounterShift); }
uint32_t waiters_of(uint64_t state) { return static_cast<uint32_t>(state); }
[[noreturn]] void misuse() { throw Panic("sync: WaitGroup misuse: Add called concurrently with Wait"); }
}  // namespace

WaitGroup::WaitGroup(std::string name) : name_(std::move(name)), id_(next_object_id()) {
  Tracer::introduce(trace_, ObjKind::WaitGroup, name_);
}

int64_t WaitGroup::counter() const { return counter_of(state_.load(std::memory_order_acquire)); }

void WaitGroup::add(int64_t delta) {
  sync_point();
  Tracer tr(trace_, ObjKind::WaitGroup, name_);
  if (delta < 0)
    if (Race* r = tr.race()) r->release(this);  // Done happens before the Wait it releases
  if (tr) trace_lock_.lock();
  uint64_t step = static_cast<uint64_t>(delta) << kCounterShift;
  uint64_t s = state_.fetch_add(step, std::memory_order_acq_rel) + step;
  int32_t v = counter_of(s);
  uint32_t w = waiters_of(s);
  if (v < 0) {
    state_.fetch_sub(step, std::memory_order_relaxed);
    if (tr) trace_lock_.unlock();
    throw Panic("sync: negative WaitGroup counter");
  }
  if (w != 0 && delta > 0 && v == delta) {  // waiters of a counter that was zero: a racing Wait
    if (tr) trace_lock_.unlock();
    misuse();
  }
  if (tr) {
    Event e = tr.event(EventKind::WgAdd, v);
    e.value = delta;
    tr.locked(e);
    if (v == 0 && w > 0) tr.locked(tr.event(EventKind::WgRelease, w));
  }
  bool release = v == 0 && w > 0;
  if (release) {
    // Nobody may add or wait between our add and this: they would race with the release.
    if (state_.load(std::memory_order_relaxed) != s) {
      if (tr) trace_lock_.unlock();
      misuse();
    }
    state_.store(0, std::memory_order_relaxed);
  }
  if (tr) {
    trace_lock_.unlock();
    tr.flush();
  }
  if (release) sema_.release(w);
}

void WaitGroup::wait() {
  sync_point();
  Tracer tr(trace_, ObjKind::WaitGroup, name_);
  if (tr) trace_lock_.lock();
  uint64_t s = state_.load(std::memory_order_acquire);
  if (tr) tr.locked(tr.event(EventKind::WgWait, counter_of(s)));
  for (;;) {
    if (counter_of(s) == 0) {
      if (tr) {
        trace_lock_.unlock();
        tr.flush();
      }
      if (Race* r = tr.race()) r->acquire(this);
      return;
    }
    if (state_.compare_exchange_weak(s, s + 1, std::memory_order_acq_rel)) break;
  }
  if (tr) {
    trace_lock_.unlock();
    tr.flush();
  }
  sema_.acquire(WaitReason::WaitGroupWait, this, tr.oid());
  if (state_.load(std::memory_order_acquire) != 0)
    throw Panic("sync: WaitGroup is reused before previous Wait has returned");
  if (Race* r = tr.race()) r->acquire(this);
}

}  // namespace goro
