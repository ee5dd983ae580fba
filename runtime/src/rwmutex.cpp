// runtime/src/rwmutex.cpp: sync.RWMutex with Go's writer preference: a waiting writer blocks
// new readers; when a writer unlocks, the readers that queued behind it go first.
#include <mutex>

#include "goro/mutex.hpp"
#include "sched.hpp"
#include "wake_list.hpp"

namespace goro {

using namespace detail;

RWMutex::RWMutex(std::string name) : name_(std::move(name)), id_(next_object_id()) {}

void RWMutex::lock() {
  G* g = current_g();
  lock_.lock();
  if (!writer_ && readers_ == 0) {
    writer_ = true;
    lock_.unlock();
    return;
  }
  Sudog sg;
  sg.g = g;
  writers_.enqueue(&sg, &lock_);
  current_sched().park(WaitReason::RWMutexLock, this, &unlock_spin, &lock_);
  // unlock()/unlock_shared() made us the writer.
}

bool RWMutex::try_lock() {
  std::lock_guard<SpinLock> l(lock_);
  if (writer_ || readers_ > 0) return false;
  writer_ = true;
  return true;
}

void RWMutex::unlock() {
  WakeList wake;
  lock_.lock();
  if (!writer_) {
    lock_.unlock();
    current_sched().fatal("sync: Unlock of unlocked RWMutex");
  }
  writer_ = false;
  if (!readers_q_.empty()) {
    while (Sudog* sg = readers_q_.dequeue()) {
      ++readers_;
      wake.add(sg->g);
    }
  } else if (Sudog* sg = writers_.dequeue()) {
    writer_ = true;
    wake.add(sg->g);
  }
  lock_.unlock();
  wake.ready_all();
}

void RWMutex::lock_shared() {
  G* g = current_g();
  lock_.lock();
  if (!writer_ && writers_.empty()) {
    ++readers_;
    lock_.unlock();
    return;
  }
  Sudog sg;
  sg.g = g;
  readers_q_.enqueue(&sg, &lock_);
  current_sched().park(WaitReason::RWMutexRLock, this, &unlock_spin, &lock_);
}

bool RWMutex::try_lock_shared() {
  std::lock_guard<SpinLock> l(lock_);
  if (writer_ || !writers_.empty()) return false;
  ++readers_;
  return true;
}

void RWMutex::unlock_shared() {
  WakeList wake;
  lock_.lock();
  if (readers_ == 0) {
    lock_.unlock();
    current_sched().fatal("sync: RUnlock of unlocked RWMutex");
  }
  if (--readers_ == 0) {
    if (Sudog* sg = writers_.dequeue()) {
      writer_ = true;
      wake.add(sg->g);
    }
  }
  lock_.unlock();
  wake.ready_all();
}

}  // namespace goro
