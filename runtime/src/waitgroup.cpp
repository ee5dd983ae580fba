// runtime/src/waitgroup.cpp: sync.WaitGroup on a spin lock and a wait queue.
#include "goro/waitgroup.hpp"

#include <mutex>

#include "goro/goroutine.hpp"
#include "sched.hpp"
#include "wake_list.hpp"

namespace goro {

using namespace detail;

WaitGroup::WaitGroup(std::string name) : name_(std::move(name)), id_(next_object_id()) {
  if (Sched* tr = traced_sched()) tr->announce(trace_, ObjKind::WaitGroup, name_);
}

int64_t WaitGroup::counter() const {
  std::lock_guard<SpinLock> l(lock_);
  return counter_;
}

void WaitGroup::add(int64_t delta) {
  Sched* tr = traced_sched();
  uint64_t oid = tr ? tr->announce(trace_, ObjKind::WaitGroup, name_) : 0;
  WakeList wake;
  lock_.lock();
  counter_ += delta;
  if (counter_ < 0) {
    counter_ -= delta;
    lock_.unlock();
    throw Panic("sync: negative WaitGroup counter");
  }
  if (tr) {
    Event e = tr->event(EventKind::WgAdd, oid, counter_);
    e.value = delta;
    tr->emit_locked(e);
  }
  if (counter_ == 0 && !waiters_.empty()) {
    size_t n = 0;
    for (Sudog* sg = waiters_.first; sg; sg = sg->next) ++n;
    if (tr) tr->emit_locked(tr->event(EventKind::WgRelease, oid, static_cast<int64_t>(n)));
    wake.take_all(waiters_);
  }
  lock_.unlock();
  if (tr) tr->flush();
  wake.ready_all();
}

void WaitGroup::wait() {
  Sched* tr = traced_sched();
  uint64_t oid = tr ? tr->announce(trace_, ObjKind::WaitGroup, name_) : 0;
  lock_.lock();
  if (tr) tr->emit_locked(tr->event(EventKind::WgWait, oid, counter_));
  if (counter_ == 0) {
    lock_.unlock();
    if (tr) tr->flush();
    return;
  }
  Sudog sg;
  sg.g = current_g();
  waiters_.enqueue(&sg, &lock_);
  Event proto{};
  proto.obj = oid;
  current_sched().park(WaitReason::WaitGroupWait, this, &unlock_spin, &lock_, &proto);
}

}  // namespace goro
