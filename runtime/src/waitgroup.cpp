// runtime/src/waitgroup.cpp: sync.WaitGroup on a spin lock and a wait queue.
#include "goro/waitgroup.hpp"

#include <mutex>

#include "goro/goroutine.hpp"
#include "sched.hpp"
#include "wake_list.hpp"

namespace goro {

using namespace detail;

WaitGroup::WaitGroup(std::string name) : name_(std::move(name)), id_(next_object_id()) {}

int64_t WaitGroup::counter() const {
  std::lock_guard<SpinLock> l(lock_);
  return counter_;
}

void WaitGroup::add(int64_t delta) {
  WakeList wake;
  lock_.lock();
  counter_ += delta;
  if (counter_ < 0) {
    counter_ -= delta;
    lock_.unlock();
    throw Panic("sync: negative WaitGroup counter");
  }
  if (counter_ == 0) wake.take_all(waiters_);
  lock_.unlock();
  wake.ready_all();
}

void WaitGroup::wait() {
  lock_.lock();
  if (counter_ == 0) {
    lock_.unlock();
    return;
  }
  Sudog sg;
  sg.g = current_g();
  waiters_.enqueue(&sg, &lock_);
  current_sched().park(WaitReason::WaitGroupWait, this, &unlock_spin, &lock_);
}

}  // namespace goro
