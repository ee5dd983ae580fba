// runtime/src/once.cpp: sync.Once: the first caller runs the function, the others wait for it.
#include "goro/once.hpp"

#include <mutex>

#include "sched.hpp"
#include "tracer.hpp"
#include "wake_list.hpp"

namespace goro {

using namespace detail;

Once::Once(std::string name) : name_(std::move(name)), id_(next_object_id()) {
  Tracer::introduce(trace_, ObjKind::Once, name_);
}

void Once::call(const std::function<void()>& fn) {
  sync_point();
  // Every Do that returns comes after the function returned (the race detector's edge).
  auto race_done = [this] {
    if (Race* r = race_here()) r->acquire(this);
  };
  if (done_.load(std::memory_order_acquire)) return race_done();
  G* g = current_g();
  Tracer tr(trace_, ObjKind::Once, name_);
  lock_.lock();
  if (done_.load(std::memory_order_relaxed)) {
    lock_.unlock();
    return race_done();
  }
  if (running_) {
    Sudog sg;
    sg.g = g;
    waiters_.enqueue(&sg, &lock_);
    Event proto = tr.proto();
    current_sched().park(WaitReason::OnceDo, this, &unlock_spin, &lock_, &proto);
    return race_done();
  }
  running_ = true;
  lock_.unlock();
  if (tr) tr.emit(tr.event(EventKind::OnceRun));
  // Done even if fn panics (as in Go); the waiters are released either way.
  struct Finish {
    Once* once;
    ~Finish() {
      WakeList wake;
      if (Race* r = race_here()) r->release(once);
      once->lock_.lock();
      once->done_.store(true, std::memory_order_release);
      once->running_ = false;
      wake.take_all(once->waiters_);
      once->lock_.unlock();
      wake.ready_all();
    }
  } finish{this};
  fn();
}

}  // namespace goro
