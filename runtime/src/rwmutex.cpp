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
  if (g) e.g = g, e.line = 0;  // not known here: readers keep its last
  t.locked(e);
}

}  // namespace

// The race detector's edges, as Go's rwmutex.go annotates them: Unlock releases `this` (what
// the next Lock and every later RLock acquire); RUnlock releases &readers_ (what the next Lock
// acquires), so that readers are not ordered among themselves.
namespace {
void race_locked(const Tracer& t, RWMutex* rw, const void* readers) {
  if (Race* r = t.race()) {
    r->acquire(rw);
    r->acquire(readers);
  }
}
void race_rlocked(const Tracer& t, RWMutex* rw) {
  if (Race* r = t.race()) r->acquire(rw);
}
}  // namespace

void RWMutex::lock() {
  sync_point();
  G* g = current_g();
  Tracer t(trace_, ObjKind::RWMutex, name_);
  lock_.lock();
  if (!writer_ && readers_ == 0) {
    race_locked(t, this, &readers_);
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
  race_locked(t, this, &readers_);
}

bool RWMutex::try_lock() {
  Tracer t(trace_, ObjKind::RWMutex, name_);
  {
    std::lock_guard<SpinLock> l(lock_);
    if (writer_ || readers_ > 0) return false;
    race_locked(t, this, &readers_);
    writer_ = true;
    locked(t, EventKind::MutexLock, LockMode::Exclusive);
  }
  t.flush();
  return true;
}

void RWMutex::unlock() {
  sync_point();
  Tracer t(trace_, ObjKind::RWMutex, name_);
  WakeList wake;
  lock_.lock();
  if (!writer_) {
    lock_.unlock();
    current_sched().fatal("sync: Unlock of unlocked RWMutex");
  }
  if (Race* r = t.race()) r->release(this);
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
  sync_point();
  G* g = current_g();
  Tracer t(trace_, ObjKind::RWMutex, name_);
  lock_.lock();
  if (!writer_ && writers_.empty()) {
    race_rlocked(t, this);
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
  race_rlocked(t, this);
}

bool RWMutex::try_lock_shared() {
  Tracer t(trace_, ObjKind::RWMutex, name_);
  {
    std::lock_guard<SpinLock> l(lock_);
    if (writer_ || !writers_.empty()) return false;
    race_rlocked(t, this);
    ++readers_;
    locked(t, EventKind::MutexLock, LockMode::Shared);
  }
  t.flush();
  return true;
}

void RWMutex::unlock_shared() {
  sync_point();
  Tracer t(trace_, ObjKind::RWMutex, name_);
  WakeList wake;
  lock_.lock();
  if (readers_ == 0) {
    lock_.unlock();
    current_sched().fatal("sync: RUnlock of unlocked RWMutex");
  }
  if (Race* r = t.race()) r->release(&readers_);
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
