// runtime/src/sleep.cpp: goro::sleep() and arming timers (Go's time.go): a sleeping goroutine
// parks on a Timer in the program's heap, and the timer readies it when the clock reaches it.
//
// Invariant: a sleeping goroutine's Timer lives on its own stack and is out of the heap before
// sleep() returns or unwinds.
#include "sched.hpp"

namespace goro::detail {

void Sched::add_timer(Timer* t) {
  bool earliest;
  {
    std::lock_guard<SpinLock> l(timers_.mutex());
    earliest = timers_.add_locked(t);
  }
  if (earliest && cfg_.clock == ClockMode::Real) wakep();  // an idle M recomputes its sleep
}

namespace {
void ready_timer_g(void* arg) {
  G* g = static_cast<G*>(arg);
  Sched* s = current_p()->sched;
  if (s->traced()) {
    Event e = s->event(EventKind::TimerFire);
    e.g = g->id;
    e.line = line_of(g);
    s->emit(e);
  }
  s->ready(g);
}
void unlock_timers(void* arg) { static_cast<Timers*>(arg)->mutex().unlock(); }
}  // namespace

void Sched::sleep(int64_t ns) {
  if (ns <= 0) return;
  G* g = current_g();
  Timer t;
  t.when = Timers::after(now(), ns);
  if (traced()) emit(event(EventKind::Sleep, 0, t.when));
  t.f = &ready_timer_g;
  t.arg = g;
  timers_.mutex().lock();
  bool earliest = timers_.add_locked(&t);
  if (earliest && cfg_.clock == ClockMode::Real) wakep();
  // Unwinding (the program ended while we slept) leaves park() by exception: take t out then.
  struct Disarm {
    Timers& timers;
    Timer& t;
    ~Disarm() {
      if (t.index >= 0) timers.remove(&t);
    }
  } disarm{timers_, t};
  park(WaitReason::Sleep, &t, &unlock_timers, &timers_);
}

}  // namespace goro::detail
