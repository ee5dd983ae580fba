// runtime/src/rwmutex.cpp: sync.RWMutex with Go's writer preference: a waiting writer blocks
// new readers; when a writer unlocks, the readers that queued behind it go first.
#include <mutex>

#include "goro/mutex.hpp"
#include "sched.hpp"
#include "wake_list.hpp"

namespace goro {

using namespace detail;

RWMutex::RWMutex(std::string name) : name_(std::move(name)), id_(next_object_id()) {
  if (Sched* tr = traced_sched()) tr->announce(trace_, ObjKind::RWMutex, name_);
}

namespace {

// Tracer records an RWMutex's events in a tapped run (does nothing otherwise).
struct Tracer {
  Sched* tr;
  uint64_t oid;
  Tracer(ObjTrace& t, const std::string& name)
      : tr(traced_sched()), oid(tr ? tr->announce(t, ObjKind::RWMutex, name) : 0) {}
  // locked() queues an event (lock held); g != 0 records it for another goroutine.
  void locked(EventKind k, LockMode m, uint64_t g = 0) {
    if (!tr) return;
    Event e = tr->event(k, oid);
    e.aux = static_cast<uint8_t>(m);
    if (g) e.g = g;
    tr->emit_locked(e);
  }
  void flush() {
    if (tr) tr->flush();
  }
  Event proto() const {
    Event e{};
    e.obj = oid;
    return e;
  }
};

}  // namespace

void RWMutex::lock() {
  G* g = current_g();
  Tracer t(trace_, name_);
  lock_.lock();
  if (!writer_ && readers_ == 0) {
    writer_ = true;
    t.locked(EventKind::MutexLock, LockMode::Exclusive);
    lock_.unlock();
    t.flush();
    return;
  }
  Sudog sg;
  sg.g = g;
  writers_.enqueue(&sg, &lock_);
  t.locked(EventKind::MutexContended, LockMode::Exclusive);
  Event proto = t.proto();
  current_sched().park(WaitReason::RWMutexLock, this, &unlock_spin, &lock_, &proto);
  // unlock()/unlock_shared() made us the writer.
}

bool RWMutex::try_lock() {
  Tracer t(trace_, name_);
  {
    std::lock_guard<SpinLock> l(lock_);
    if (writer_ || readers_ > 0) return false;
    writer_ = true;
    t.locked(EventKind::MutexLock, LockMode::Exclusive);
  }
  t.flush();
  return true;
}

void RWMutex::unlock() {
  Tracer t(trace_, name_);
  WakeList wake;
  lock_.lock();
  if (!writer_) {
    lock_.unlock();
    current_sched().fatal("sync: Unlock of unlocked RWMutex");
  }
  writer_ = false;
  t.locked(EventKind::MutexUnlock, LockMode::Exclusive);
  if (!readers_q_.empty()) {
    while (Sudog* sg = readers_q_.dequeue()) {
      ++readers_;
      t.locked(EventKind::MutexLock, LockMode::Shared, sg->g->id);
      wake.add(sg->g);
    }
  } else if (Sudog* sg = writers_.dequeue()) {
    writer_ = true;
    t.locked(EventKind::MutexLock, LockMode::Exclusive, sg->g->id);
    wake.add(sg->g);
  }
  lock_.unlock();
  t.flush();
  wake.ready_all();
}

void RWMutex::lock_shared() {
  G* g = current_g();
  Tracer t(trace_, name_);
  lock_.lock();
  if (!writer_ && writers_.empty()) {
    ++readers_;
    t.locked(EventKind::MutexLock, LockMode::Shared);
    lock_.unlock();
    t.flush();
    return;
  }
  Sudog sg;
  sg.g = g;
  readers_q_.enqueue(&sg, &lock_);
  t.locked(EventKind::MutexContended, LockMode::Shared);
  Event proto = t.proto();
  current_sched().park(WaitReason::RWMutexRLock, this, &unlock_spin, &lock_, &proto);
}

bool RWMutex::try_lock_shared() {
  Tracer t(trace_, name_);
  {
    std::lock_guard<SpinLock> l(lock_);
    if (writer_ || !writers_.empty()) return false;
    ++readers_;
    t.locked(EventKind::MutexLock, LockMode::Shared);
  }
  t.flush();
  return true;
}

void RWMutex::unlock_shared() {
  Tracer t(trace_, name_);
  WakeList wake;
  lock_.lock();
  if (readers_ == 0) {
    lock_.unlock();
    current_sched().fatal("sync: RUnlock of unlocked RWMutex");
  }
  t.locked(EventKind::MutexUnlock, LockMode::Shared);
  if (--readers_ == 0) {
    if (Sudog* sg = writers_.dequeue()) {
      writer_ = true;
      t.locked(EventKind::MutexLock, LockMode::Exclusive, sg->g->id);
      wake.add(sg->g);
    }
  }
  lock_.unlock();
  t.flush();
  wake.ready_all();
}

}  // namespace goro
