// runtime/src/rwmutex.cpp: sync.RWMutex with Go's writer preference: a waiting writer blocks
// new readers; when a writer unlocks, the readers that queued behind it go first.
#include <mutex>

#include "goro/mutex.hpp"
#include "sched.hpp"
#include "tracer.hpp"
#include "wake_list.hpp"

namespace goro {

using namespace detail;

RWMutex::RWMutex(std::string name) : name_(std::move(name)), id_(next_object_id()) {
  Tracer::introduce(trace_, ObjKind::RWMutex, name_);
}

namespace {

// locked() queues an RWMutex event (its lock held); g != 0 records it for another goroutine.
void locked(const Tracer& t, EventKind k, LockMode m, uint64_t g = 0) {
  if (!t) return;
  Event e = t.event(k);
  e.aux = static_cast<uint8_t>(m);
  if (g) e.g = g;
  t.locked(e);
}

}  // namespace

void RWMutex::lock() {
  G* g = current_g();
  Tracer t(trace_, ObjKind::RWMutex, name_);
  lock_.lock();
  if (!writer_ && readers_ == 0) {
    writer_ = true;
    locked(t, EventKind::MutexLock, LockMode::Exclusive);
    lock_.unlock();
    t.flush();
    return;
  }
  Sudog sg;
  sg.g = g;
  writers_.enqueue(&sg, &lock_);
  locked(t, EventKind::MutexContended, LockMode::Exclusive);
  Event proto = t.proto();
  current_sched().park(WaitReason::RWMutexLock, this, &unlock_spin, &lock_, &proto);
  // unlock()/unlock_shared() made us the writer.
}

bool RWMutex::try_lock() {
  Tracer t(trace_, ObjKind::RWMutex, name_);
  {
    std::lock_guard<SpinLock> l(lock_);
    if (writer_ || readers_ > 0) return false;
    writer_ = true;
    locked(t, EventKind::MutexLock, LockMode::Exclusive);
  }
  t.flush();
  return true;
}

void RWMutex::unlock() {
  Tracer t(trace_, ObjKind::RWMutex, name_);
  WakeList wake;
  lock_.lock();
  if (!writer_) {
    lock_.unlock();
    current_sched().fatal("sync: Unlock of unlocked RWMutex");
  }
  writer_ = false;
  locked(t, EventKind::MutexUnlock, LockMode::Exclusive);
  if (!readers_q_.empty()) {
    while (Sudog* sg = readers_q_.dequeue()) {
      ++readers_;
      locked(t, EventKind::MutexLock, LockMode::Shared, sg->g->id);
      wake.add(sg->g);
    }
  } else if (Sudog* sg = writers_.dequeue()) {
    writer_ = true;
    locked(t, EventKind::MutexLock, LockMode::Exclusive, sg->g->id);
    wake.add(sg->g);
  }
  lock_.unlock();
  t.flush();
  wake.ready_all();
}

void RWMutex::lock_shared() {
  G* g = current_g();
  Tracer t(trace_, ObjKind::RWMutex, name_);
  lock_.lock();
  if (!writer_ && writers_.empty()) {
    ++readers_;
    locked(t, EventKind::MutexLock, LockMode::Shared);
    lock_.unlock();
    t.flush();
    return;
  }
  Sudog sg;
  sg.g = g;
  readers_q_.enqueue(&sg, &lock_);
  locked(t, EventKind::MutexContended, LockMode::Shared);
  Event proto = t.proto();
  current_sched().park(WaitReason::RWMutexRLock, this, &unlock_spin, &lock_, &proto);
}

bool RWMutex::try_lock_shared() {
  Tracer t(trace_, ObjKind::RWMutex, name_);
  {
    std::lock_guard<SpinLock> l(lock_);
    if (writer_ || !writers_.empty()) return false;
    ++readers_;
    locked(t, EventKind::MutexLock, LockMode::Shared);
  }
  t.flush();
  return true;
}

void RWMutex::unlock_shared() {
  Tracer t(trace_, ObjKind::RWMutex, name_);
  WakeList wake;
  lock_.lock();
  if (readers_ == 0) {
    lock_.unlock();
    current_sched().fatal("sync: RUnlock of unlocked RWMutex");
  }
  locked(t, EventKind::MutexUnlock, LockMode::Shared);
  if (--readers_ == 0) {
    if (Sudog* sg = writers_.dequeue()) {
      writer_ = true;
      locked(t, EventKind::MutexLock, LockMode::Exclusive, sg->g->id);
      wake.add(sg->g);
    }
  }
  lock_.unlock();
  t.flush();
  wake.ready_all();
}

}  // namespace goro
