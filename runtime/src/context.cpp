// runtime/src/context.cpp: Go's context: a tree of cancellable states, each with a done channel
// closed exactly once, and an optional deadline timer.
//
// Invariants: err is set at most once, under mu, and done is closed right after; a state whose
// timer is armed keeps itself alive (keepalive) until the timer fires, is stopped, or is dropped
// at the end of the program.
#include "goro/context.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

#include "goro/goroutine.hpp"
#include "sched.hpp"

namespace goro {

namespace detail {

struct ContextState {
  std::mutex mu;     // guards everything below
  Chan<Empty> done;  // nil for background
  std::string err;
  int64_t deadline = -1;
  std::weak_ptr<ContextState> parent;
  std::vector<std::weak_ptr<ContextState>> children;
  Timer timer;
  bool armed = false;                       // timer is in the program's heap
  Sched* sched = nullptr;                   // whose heap, while armed
  std::shared_ptr<ContextState> keepalive;  // self, while armed

  // cancel() sets err (once), closes done, cancels the children and leaves the parent.
  void cancel(const std::string& why);
};

namespace {

void disarm_locked(ContextState* st, std::shared_ptr<ContextState>& keep) {
  st->armed = false;
  st->sched = nullptr;
  keep = std::move(st->keepalive);
}

void on_deadline(void* arg) {
  auto* st = static_cast<ContextState*>(arg);
  Race::TimerActor actor(race_here(), &st->timer);  // the arming happened before this firing
  std::shared_ptr<ContextState> keep;
  {
    std::lock_guard<std::mutex> l(st->mu);
    disarm_locked(st, keep);
  }
  if (keep) keep->cancel("context deadline exceeded");
}

void on_drop(void* arg) {
  auto* st = static_cast<ContextState*>(arg);
  std::shared_ptr<ContextState> keep;
  std::lock_guard<std::mutex> l(st->mu);
  disarm_locked(st, keep);
  // keep is released after the lock guard (declared first, destroyed last).
}

}  // namespace

void ContextState::cancel(const std::string& why) {
  std::vector<std::weak_ptr<ContextState>> kids;
  std::shared_ptr<ContextState> keep;
  Sched* timer_sched = nullptr;
  {
    std::lock_guard<std::mutex> l(mu);
    if (!err.empty()) return;
    err = why;
    kids.swap(children);
    if (armed) timer_sched = sched;
  }
  if (timer_sched && timer_sched->timers().remove(&timer)) {
    std::lock_guard<std::mutex> l(mu);
    disarm_locked(this, keep);
  }
  if (!done.nil()) done.close();
  for (auto& w : kids)
    if (auto k = w.lock()) k->cancel(why);
  if (auto p = parent.lock()) {
    std::lock_guard<std::mutex> l(p->mu);
    auto& c = p->children;
    c.erase(std::remove_if(c.begin(), c.end(),
                           [this](const std::weak_ptr<ContextState>& w) {
                             auto s = w.lock();
                             return !s || s.get() == this;
                           }),
            c.end());
  }
}

}  // namespace detail

using detail::ContextState;

RecvChan<Empty> Context::done() const { return s_->done; }

std::string Context::err() const {
  std::lock_guard<std::mutex> l(s_->mu);
  return s_->err;
}

int64_t Context::deadline() const { return s_->deadline; }

Context background() {
  static const std::shared_ptr<ContextState> bg = std::make_shared<ContextState>();
  return Context(bg);
}

namespace {

std::pair<Context, CancelFunc> derive(const Context& parent, int64_t deadline) {
  auto st = std::make_shared<ContextState>();
  st->done = make_chan<Empty>(0, "ctx.done");
  st->parent = parent.state();
  int64_t parent_deadline = parent.deadline();
  if (deadline >= 0 && parent_deadline >= 0 && parent_deadline <= deadline)
    deadline = -1;  // parent's comes first
  st->deadline = deadline >= 0 ? deadline : parent_deadline;
  std::string parent_err;
  if (!parent.done().nil()) {
    std::lock_guard<std::mutex> l(parent.state()->mu);
    if (parent.state()->err.empty())
      parent.state()->children.push_back(st);
    else
      parent_err = parent.state()->err;
  }
  if (!parent_err.empty()) {
    st->cancel(parent_err);
  } else if (deadline >= 0) {
    detail::Sched& s = detail::current_sched();
    if (deadline <= s.now()) {
      st->cancel("context deadline exceeded");
    } else {
      std::lock_guard<std::mutex> l(st->mu);
      st->timer.when = deadline;
      st->timer.f = &detail::on_deadline;
      st->timer.drop = &detail::on_drop;
      st->timer.arg = st.get();
      st->armed = true;
      st->sched = &s;
      st->keepalive = st;
      if (detail::Race* r = s.race()) r->release(&st->timer);
      s.add_timer(&st->timer);
    }
  }
  return {Context(st), [st] { st->cancel("context canceled"); }};
}

}  // namespace

std::pair<Context, CancelFunc> with_cancel(const Context& parent) { return derive(parent, -1); }

std::pair<Context, CancelFunc> with_deadline(const Context& parent, int64_t deadline) {
  return derive(parent, std::max<int64_t>(deadline, 0));
}

std::pair<Context, CancelFunc> with_timeout(const Context& parent, std::chrono::nanoseconds timeout) {
  return with_deadline(parent, detail::Timers::after(detail::current_sched().now(), timeout.count()));
}

}  // namespace goro
