// runtime/src/sched.cpp: the M:N scheduler: run queues, work stealing, idle Ms, the virtual
// clock's quiescence rule, deadlock detection, and the end of a program.
#include "sched.hpp"

#include <cxxabi.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <new>
#include <stdexcept>

#include "cpu_relax.hpp"
#include "goro/goroutine.hpp"
#include "slice.hpp"

namespace goro::detail {

namespace {

thread_local P* t_p = nullptr;

#ifdef __EMSCRIPTEN__
// Emscripten keeps the exception state in JavaScript, out of reach: nothing to switch with a
// goroutine (a goroutine that parks inside a catch block leaves its caught exception behind).
EhState* eh_globals() {
  static EhState none;
  return &none;
}
#else
EhState* eh_globals() { return reinterpret_cast<EhState*>(abi::__cxa_get_globals()); }
#endif

}  // namespace

// Not inlined: a goroutine may resume on another thread, and the compiler must not reuse a
// thread-local address computed before the switch.
__attribute__((noinline)) P* current_p() {
  P* p = t_p;
  asm volatile("" ::: "memory");
  return p;
}

G* current_g() {
  P* p = current_p();
  if (!p || !p->curg) throw std::logic_error("goro: called outside a goroutine (use goro::run)");
  return p->curg;
}

Sched* traced_sched() {
#ifdef GORO_NO_TAP
  return nullptr;
#endif
  if (g_tracing.load(std::memory_order_relaxed) == 0) return nullptr;
  P* p = current_p();
  return p && p->sched->traced() ? p->sched : nullptr;
}

Sched& current_sched() {
  P* p = current_p();
  if (!p) throw std::logic_error("goro: called outside a goroutine (use goro::run)");
  return *p->sched;
}

void sync_point_slow() {
  if (P* p = current_p(); p && p->curg) p->sched->sync_point();
}

void goready(G* g) {
  if (P* p = current_p()) p->sched->ready(g);
}

void unlock_spin(void* lock) { static_cast<SpinLock*>(lock)->unlock(); }

uint64_t next_object_id() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// ---- construction ----

Sched::Sched(const Config& cfg) : cfg_(cfg), stacks_(cfg.stack_size) {
  if (cfg.procs < 1 || cfg.procs > 64) throw std::invalid_argument("goro: procs must be 1 to 64");
  if (!(cfg.speed > 0) || !std::isfinite(cfg.speed)) throw std::invalid_argument("goro: speed must be > 0");
  if (cfg.stack_size < 16 * 1024 || cfg.stack_size > (1u << 30))
    throw std::invalid_argument("goro: stack_size must be 16 KiB to 1 GiB");
  for (int i = 0; i < cfg.procs; i++) {
    auto p = std::make_unique<P>();
    p->sched = this;
    p->id = i;
    p->rng.state = cfg.seed * 0x2545f4914f6cdd1dULL + static_cast<uint64_t>(i) + 1;
    ps_[nprocs_++] = std::move(p);
  }
}

Sched::~Sched() {
  for (G* g : allgs_) destroy_fiber(g->fiber);
}

// ---- the program ----

Exit Sched::run(std::function<void()> main_fn, const Observer& observer) {
  if (current_p()) throw std::logic_error("goro::run called from a goroutine");
  real_.start(cfg_.speed);
#ifndef GORO_NO_TAP
  tap_ = observer.tap;
#endif
  control_ = observer.control;
  hand_.attach(control_);
  if (observer.policy) {
    policy_ = observer.policy;
  } else if (cfg_.schedule == Schedule::Seeded) {
    seeded_ = std::make_unique<SeededPolicy>(cfg_.seed);
    policy_ = seeded_.get();
  }
  steered_ = control_ || policy_;
  if (cfg_.race) {
    race_ = std::make_unique<Race>(this, cfg_.procs == 1);
    g_racing.fetch_add(1);
  }
  bool observed = traced() || cfg_.race || cfg_.preempt_at_sync;
  if (traced()) tap_->attach(cfg_.procs);
  if (observed) g_tracing.fetch_add(1);
  if (control_) control_->attach(this);
  if (in_slice() && nprocs_ > 1) throw std::invalid_argument("goro: a run in slices has one P (procs 1)");
  newproc("main", std::move(main_fn));
  for (size_t i = 1; i < nprocs_; i++) {
    P* p = ps_[i].get();
    p->thread = std::thread([this, p] { worker(p); });
  }
  worker(ps_[0].get());
  for (size_t i = 1; i < nprocs_; i++) ps_[i]->thread.join();
  if (interrupting_.exchange(false)) g_interrupts.fetch_sub(1);  // nothing of this run computes now
  if (control_) control_->detach();
  control_ = nullptr;
  Tap* tap = tap_;
  tap_ = nullptr;  // abandoned goroutines unwind unobserved: the model keeps their last state
  teardown(ps_[0].get());
  std::lock_guard<std::mutex> l(exit_mu_);
  if (race_) {
    exit_.races = race_->take_reports();
    g_racing.fetch_sub(1);
  }
  if (observed && !tap) g_tracing.fetch_sub(1);
  exit_.output = std::move(output_);
  exit_.errors = std::move(errors_);
  exit_.goroutines = next_id_.load() - 1;
  if (tap) {
    Event e{};
    e.kind = EventKind::Exit;
    e.time = exit_.end_time;
    e.arg = static_cast<int64_t>(exit_.leaked);
    e.aux = static_cast<uint8_t>(exit_.status);
    tap->push(0, e);
    tap->detach();
    if (observed) g_tracing.fetch_sub(1);
  }
  return exit_;
}

// ---- the tap ----

void Sched::gated(const Event& e) {
  tap_->publish(e.p);  // the consumer must see it before we may pause
  control_->after_event(e);
}

void Sched::emit_watched(Event e) {
  if (e.seq == 0) e.seq = tap_->next_seq();
  snapshot_variables(e);
  tap_->push(e.p, e);
  if (control_->active()) gated(e);
}

void Sched::snapshot_variables(const Event& e) {
  if (e.kind == EventKind::GoEnd) {
    control_->forget_variables(e.g);
    return;
  }
  // Only on the P that has g: running it, or about to (GoStart). After a park, curg is null.
  P* p = current_p();
  G* g = p ? p->curg : nullptr;
  if (!g || g->id != e.g || g->unwinding || !g->hooks || !g->hooks->variables) return;
  control_->record_variables(e.g, e.seq, e.time, g->hooks->variables(g->hooks_ctx));
}

bool Sched::variables_now(uint64_t id, int held, std::vector<VarView>& out) const {
  if (held + nidle_.load() < static_cast<int>(nprocs_)) return false;  // a goroutine may be computing
  std::lock_guard<std::mutex> l(allg_mu_);
  for (const G* g : allgs_) {
    if (g->id != id) continue;
    if (g->status.load() == GStatus::Dead || !g->hooks || !g->hooks->variables) return false;
    out = g->hooks->variables(g->hooks_ctx);
    return true;
  }
  return false;
}

void Sched::flush() { publish_deferred(current_p()); }

void Sched::at_line(uint32_t line) {
  if (!traced() || !control_ || line == 0) return;
  P* p = current_p();
  if (!p || !p->curg || !control_->stops_at(p->curg->id, line)) return;
  Event e = event(EventKind::GoLine);
  e.line = line;
  emit(e);
}

void Sched::publish_deferred(P* p) {
  if (p->deferred.empty()) return;
  // Publishing may pause (the Control), so take the list out first.
  std::vector<Event> evs;
  evs.swap(p->deferred);
  for (const Event& e : evs) emit(e);
  evs.clear();
  if (p->deferred.empty()) p->deferred.swap(evs);  // keep the capacity
}

uint64_t Sched::introduce(ObjTrace& t, ObjKind kind, const std::string& name, int64_t cap) {
  uint64_t run = tap_->run_id();
  Event e = event(EventKind::ObjMake, 0, cap);
  {
    std::lock_guard<std::mutex> l(tap_->announce_mutex());
    if (t.run.load(std::memory_order_relaxed) == run) return t.id;
    t.id = tap_->next_object_id();
    e.obj = t.id;
    e.aux = static_cast<uint8_t>(kind);
    e.text = tap_->intern(name);
    // The seq before the id is seen: a goroutine on another P that finds it (announce() needs
    // no lock) takes a later seq for its event, so no reader meets the object before its make.
    e.seq = tap_->next_seq();
    t.run.store(run, std::memory_order_release);
  }
  emit(e);
  return t.id;
}

void Sched::trace_value(Event& e, const ElemOps* ops, const void* v) {
  int64_t x;
  if (ops->as_int && ops->as_int(v, &x)) {
    e.value = x;
    e.aux |= kValueIsInt;
  } else if (ops->format) {
    e.text = tap_->intern(ops->format(v));
  }
}

void Sched::worker(P* p) {
  t_p = p;
  thread_fiber(p->g0);
  while (G* g = findrunnable(p)) {
    execute(p, g);
    if (in_slice() && slice_spent()) yield_slice();  // the host's frame is due
  }
  if (traced()) tap_->publish(p->id);
  t_p = nullptr;
}

void Sched::execute(P* p, G* g) {
  // The G after this one in the local queue was most likely made, or last run, on another P
  // (stolen in a batch): fetch its lines while this one runs, not when it starts.
  if (nprocs_ > 1) {
    uint32_t h = p->runqhead.load(std::memory_order_relaxed);
    if (h != p->runqtail.load(std::memory_order_relaxed)) {
      const char* next =
          reinterpret_cast<const char*>(p->runq[h % P::kRunqSize].load(std::memory_order_relaxed));
      for (size_t off = 0; off < sizeof(G); off += 64) __builtin_prefetch(next + off, 1);
    }
  }
  p->curg = g;
  p->schedtick.store(p->schedtick.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  g->status.store(GStatus::Running, std::memory_order_relaxed);
  if (!g->stack) {
    g->stack = stackget(p);
    make_fiber(g->fiber, g->stack, &goroutine_entry);
  }
  if (traced()) emit(event(EventKind::GoStart));
  EhState* eh = eh_globals();
  *eh = g->eh;
  switch_fiber(p->g0, g->fiber, g);
  g->eh = *eh;
  *eh = EhState{};
  switch (p->reason) {
    case SwitchReason::Park:
      p->curg = nullptr;
      // From here on a waker may resume g on any thread: touch nothing of it after unlockf.
      if (p->unlockf) p->unlockf(p->unlock_arg);
      if (traced()) publish_deferred(p);  // the GoPark, sequenced before the unlock
      break;
    case SwitchReason::Yield: {
      Event e{};
      if (traced()) {
        e = event(EventKind::GoYield);
        e.seq = tap_->next_seq();
      }
      p->curg = nullptr;
      g->status.store(GStatus::Runnable, std::memory_order_relaxed);
      p->yielded = g;
      runqput(p, g, false);
      if (traced()) emit(e);
      wakep();
      break;
    }
    case SwitchReason::Exit:
      if (traced()) emit(event(EventKind::GoEnd));
      p->curg = nullptr;
      destroy_fiber(g->fiber);
      stackput(p, g->stack);
      g->stack = Stack{};
      g->status.store(GStatus::Dead, std::memory_order_release);
      gfput(p, g);
      break;
  }
}

void goroutine_entry(Transfer t) {
  G* g = static_cast<G*>(fiber_started(t));
  Sched* s = current_p()->sched;
  if (!g->unwinding) {
    try {
      g->fn();
    } catch (const Unwind&) {
    } catch (const Fatal& e) {
      if (!g->unwinding) s->on_fatal(g, e);
    } catch (const std::bad_alloc&) {  // as Go's runtime says it
      if (!g->unwinding) s->on_fatal(g, Fatal("runtime: out of memory"));
    } catch (const Panic& e) {
      if (!g->unwinding) s->on_panic(g, e.what(), e.frames());
    } catch (const std::exception& e) {
      if (!g->unwinding) s->on_panic(g, e.what());
    } catch (...) {
      if (!g->unwinding) s->on_panic(g, "unknown C++ exception");
    }
  }
  try {
    g->fn = nullptr;  // the closure's destructors run on the goroutine's own stack
  } catch (...) {
  }
  s->goexit(g);
}

void Sched::goexit(G* g) {
  if (race_) race_->go_end(g->id);
  if (g->id == 1 && !main_goexited_.load()) finish(ExitStatus::Ok, "");
  P* p = current_p();
  p->reason = SwitchReason::Exit;
  switch_fiber(g->fiber, p->g0, nullptr, /*from_dies=*/true);
  __builtin_unreachable();
}

void Sched::switch_to_scheduler(G* g, P* p, SwitchReason why) {
  p->reason = why;
  switch_fiber(g->fiber, p->g0, nullptr);
  // Resumed, perhaps on another thread.
  if (g->unwinding && std::uncaught_exceptions() == 0) throw Unwind{};
  if (g->unwinding) {
    // Already unwinding for another exception: it cannot be unwound further, so drop it.
    g->discarded = true;
    P* q = current_p();
    q->reason = SwitchReason::Park;
    q->unlockf = nullptr;
    switch_fiber(g->fiber, q->g0, nullptr);
    __builtin_unreachable();
  }
}

void Sched::park(WaitReason reason, const void* object, void (*unlockf)(void*), void* arg,
                 const Event* proto) {
  P* p = current_p();
  G* g = p->curg;
  if (traced() && !g->unwinding) {
    Event e = proto ? *proto : Event{};
    e.kind = EventKind::GoPark;
    e.time = now();
    e.p = static_cast<uint16_t>(p->id);
    e.g = g->id;
    e.line = line_of(g);
    e.aux = static_cast<uint8_t>(static_cast<uint8_t>(reason) | (proto ? (proto->aux & kValueIsInt) : 0));
    emit_locked(e);
  }
  if (g->unwinding) {
    if (unlockf) unlockf(arg);
    p->unlockf = nullptr;
    switch_to_scheduler(g, p, SwitchReason::Park);  // throws Unwind or never returns
    return;
  }
  g->wait_reason = reason;
  g->wait_object = object;
  g->status.store(GStatus::Waiting, std::memory_order_relaxed);
  p->unlockf = unlockf;
  p->unlock_arg = arg;
  switch_to_scheduler(g, p, SwitchReason::Park);
  g->wait_reason = WaitReason::None;
  g->wait_object = nullptr;
}

void Sched::ready(G* g) {
  if (tearing_down_) return;
  Event e{};
  if (traced()) {
    e = event(EventKind::GoReady, 0, 0);
    e.arg = static_cast<int64_t>(e.g);  // the waker
    e.g = g->id;
    e.line = line_of(g);       // where it waited
    e.seq = tap_->next_seq();  // before g can run and say so
  }
  g->status.store(GStatus::Runnable, std::memory_order_relaxed);
  P* p = current_p();
  if (p && p->sched == this) {
    runqput(p, g, true);
  } else {
    std::lock_guard<SpinLock> l(mu_);
    g->schedlink = nullptr;
    globrunqput(g, g, 1);
  }
  if (traced()) emit(e);
  wakep();
}

void Sched::preempt() {
  P* p = current_p();
  if (!p || !p->curg || p->curg->unwinding || stopping_.load(std::memory_order_relaxed)) return;
  // In a slice (the page), a goroutine that computes without switching gives the host its frame
  // here when the slice is spent, and goes on where it was in the next one.
  if (in_slice() && slice_spent()) yield_slice();
  // A goroutine that computes alone, never switching, lets the consumer see what it has done so
  // far (what it printed, the goroutines it made) here too, not only at its next switch.
  if (traced()) tap_->publish(p->id);
  fire_due_timers();  // (real clock) a timer due makes its goroutine runnable first
  if (runq_empty(p) && gq_size_.load(std::memory_order_relaxed) == 0) return;  // nobody else to run
  gosched();
}

void Sched::gosched() {
  P* p = current_p();
  G* g = p->curg;
  if (stopping_.load(std::memory_order_relaxed) || g->unwinding) {
    p->unlockf = nullptr;
    switch_to_scheduler(g, p, SwitchReason::Park);  // never resumed, or unwinds
    return;
  }
  switch_to_scheduler(g, p, SwitchReason::Yield);
}

uint64_t Sched::newproc(std::string name, std::function<void()> fn, const race::Site* created_at) {
  if (tearing_down_) return 0;
  P* p = current_p();
  if (p && p->sched != this) p = nullptr;
  G* g = gfget(p);
  g->id = next_id_.fetch_add(1, std::memory_order_relaxed);
  if (race_) race_->go_create(p && p->curg ? p->curg->id : 0, g->id, created_at);
  g->name = std::move(name);
  g->fn = std::move(fn);
  g->status.store(GStatus::Runnable, std::memory_order_relaxed);
  Event e{};
  if (traced()) {
    e = event(EventKind::GoCreate, 0, 0);  // its line: the parent's, at the go statement
    e.obj = static_cast<uint32_t>(e.g);    // the parent
    e.g = g->id;
    e.text = tap_->intern(g->name);
    e.seq = tap_->next_seq();
  }
  if (p) {
    runqput(p, g, true);
    wakep();
  } else {
    std::lock_guard<SpinLock> l(mu_);
    globrunqput(g, g, 1);
  }
  if (traced()) {
    if (p)
      emit(e);
    else
      tap_->push(0, e);  // main, from run(): announced, not gated
  }
  return g->id;
}

void Sched::print(std::string_view text, bool to_stderr) {
  Event e{};
  if (traced()) {
    e = event(EventKind::Output);
    e.text = tap_->intern(text);
    e.aux = to_stderr ? 1 : 0;
  }
  {
    std::lock_guard<std::mutex> l(out_mu_);
    (to_stderr ? errors_ : output_).append(text);
    if (traced()) e.seq = tap_->next_seq();  // events keep the output's order
  }
  if (traced()) emit(e);
}

Rng& Sched::rng() { return current_p()->rng; }

// ---- ends of programs ----

void Sched::finish(ExitStatus status, std::string message) {
  bool first = false;
  {
    std::lock_guard<std::mutex> l(exit_mu_);
    if (!exit_set_) {
      first = true;
      exit_set_ = true;
      exit_.status = status;
      exit_.message = message;
      exit_.end_time = now();
    }
  }
  if (first && traced() && status != ExitStatus::Ok) {
    Event e = event(status == ExitStatus::Panic ? EventKind::Panic : EventKind::Deadlock);
    e.text = tap_->intern(message);
    tap_->push(e.p, e);  // no pause here: the program is over
  }
  stopping_.store(true);
  raise_interrupt();
  wake_all();
}

std::string Sched::dump(const char* headline, G* only, const std::string& only_frames) const {
  std::string s = headline;
  auto one = [&s, &only_frames, only](const G* g) {
    GStatus st = g->status.load(std::memory_order_relaxed);
    const char* what = st == GStatus::Running    ? "running"
                       : st == GStatus::Runnable ? "runnable"
                                                 : wait_reason_text(g->wait_reason);
    s += "\n\ngoroutine " + std::to_string(g->id) + " [" + what + "]:\n";
    std::string frames = g == only && !only_frames.empty() ? only_frames
                         : g->hooks                        ? g->hooks->traceback(g->hooks_ctx)
                                                           : std::string();
    if (!frames.empty())
      s += frames;  // an interpreted goroutine: Go's frames
    else
      s += g->name.empty() ? "(unnamed)" : g->name;
  };
  if (only) {
    one(only);
  } else {
    std::vector<const G*> gs;
    {
      std::lock_guard<std::mutex> l(allg_mu_);
      for (const G* g : allgs_)
        if (g->status.load(std::memory_order_relaxed) != GStatus::Dead) gs.push_back(g);
    }
    std::sort(gs.begin(), gs.end(), [](const G* a, const G* b) { return a->id < b->id; });
    for (const G* g : gs) one(g);
  }
  return s + "\n";
}

void Sched::on_panic(G* g, const std::string& what, const std::string& frames) {
  finish(ExitStatus::Panic, dump(("panic: " + what).c_str(), g, frames));
}

void Sched::on_fatal(G* g, const Fatal& e) {
  finish(ExitStatus::Panic, dump((e.header() + "fatal error: " + e.what()).c_str(), g, e.frames()));
}

void Sched::fatal(const char* msg) {
  G* g = current_g();
  finish(ExitStatus::Panic, dump((std::string("fatal error: ") + msg).c_str(), g));
  g->discarded = true;
  P* p = current_p();
  p->unlockf = nullptr;
  p->reason = SwitchReason::Park;
  switch_fiber(g->fiber, p->g0, nullptr);
  __builtin_unreachable();
}

void Sched::teardown(P* p) {
  t_p = p;
  {
    std::lock_guard<std::mutex> l(exit_mu_);
    size_t leaked = 0;
    std::lock_guard<std::mutex> l2(allg_mu_);
    for (G* g : allgs_)
      if (g->id != 1 && g->status.load() != GStatus::Dead) {
        ++leaked;
        GStatus st = g->status.load();
        exit_.blocked.push_back(
            {g->id, g->name,
             st == GStatus::Waiting   ? wait_reason_text(g->wait_reason)
             : st == GStatus::Running ? "running"
                                      : "runnable",
             st == GStatus::Waiting ? wait_object_name(g->wait_reason, g->wait_object) : "", line_of(g)});
      }
    std::sort(exit_.blocked.begin(), exit_.blocked.end(),
              [](const Blocked& a, const Blocked& b) { return a.goroutine < b.goroutine; });
    exit_.leaked = leaked;
  }
  tearing_down_ = true;
  // Unwind every goroutine that did not finish, so that its destructors run: newest first and
  // main last, because goroutines often refer to their creators' locals (as Go closures do).
  // No goroutine is created now, so allgs_ does not change under us.
  std::vector<G*> gs;
  {
    std::lock_guard<std::mutex> l(allg_mu_);
    gs = allgs_;
  }
  std::sort(gs.begin(), gs.end(), [](const G* a, const G* b) { return a->id > b->id; });
  for (G* g : gs) {
    if (g->status.load() == GStatus::Dead || g->discarded) continue;
    g->unwinding = true;
    execute(p, g);
  }
  timers_.clear();
  t_p = nullptr;
}

// choose_next() (procs = 1) lets a Policy pick among the runnable goroutines; returns the
// chosen one, or null to go on as usual (none or one candidate).
G* Sched::choose_next(P* p, Policy& policy) {
  std::vector<G*> gs;
  while (G* g = runqget(p)) gs.push_back(g);  // runnext first, then the local queue in order
  {
    std::lock_guard<SpinLock> l(mu_);
    while (G* g = gq_head_) {
      gq_head_ = g->schedlink;
      gs.push_back(g);
    }
    gq_tail_ = nullptr;
    gq_size_.store(0);
  }
  G* chosen = nullptr;
  if (gs.size() > 1) {
    std::vector<RunnableG> cands;
    cands.reserve(gs.size());
    for (G* g : gs) cands.push_back({g->id, g->name, g == p->yielded});
    size_t i = policy.pick(cands);
    chosen = gs[i < gs.size() ? i : 0];
  }
  for (G* g : gs)
    if (g != chosen) runqput(p, g, false);
  p->yielded = nullptr;
  return chosen;
}

// ---- run queues (after Go's runqput / runqget / runqsteal) ----

void Sched::runqput(P* p, G* g, bool next) {
  if (next) {
    G* old = p->runnext.exchange(g, std::memory_order_acq_rel);
    if (!old) return;
    g = old;  // the old runnext goes to the tail
  }
  for (;;) {
    uint32_t h = p->runqhead.load(std::memory_order_acquire);
    uint32_t t = p->runqtail.load(std::memory_order_relaxed);
    if (t - h < P::kRunqSize) {
      p->runq[t % P::kRunqSize].store(g, std::memory_order_relaxed);
      p->runqtail.store(t + 1, std::memory_order_release);
      return;
    }
    if (runqputslow(p, g, h, t)) return;
  }
}

bool Sched::runqputslow(P* p, G* g, uint32_t h, uint32_t t) {
  // Move half the local queue, plus g, to the global queue. Once the CAS has taken slots
  // [h, h + n) from thieves, only this P (the only one that writes the ring) could overwrite
  // them, so they are read after it: no copy of half the ring on the goroutine's stack.
  uint32_t n = (t - h) / 2;
  if (!p->runqhead.compare_exchange_strong(h, h + n, std::memory_order_acq_rel)) return false;
  G* first = n ? p->runq[h % P::kRunqSize].load(std::memory_order_relaxed) : g;
  for (uint32_t i = 0; i < n; i++) {
    G* next = i + 1 < n ? p->runq[(h + i + 1) % P::kRunqSize].load(std::memory_order_relaxed) : g;
    p->runq[(h + i) % P::kRunqSize].load(std::memory_order_relaxed)->schedlink = next;
  }
  g->schedlink = nullptr;
  std::lock_guard<SpinLock> l(mu_);
  globrunqput(first, g, n + 1);
  return true;
}

G* Sched::runqget(P* p) {
  G* next = p->runnext.load(std::memory_order_relaxed);
  if (next && p->runnext.compare_exchange_strong(next, nullptr, std::memory_order_acquire)) return next;
  for (;;) {
    uint32_t h = p->runqhead.load(std::memory_order_acquire);
    uint32_t t = p->runqtail.load(std::memory_order_relaxed);
    if (t == h) return nullptr;
    G* g = p->runq[h % P::kRunqSize].load(std::memory_order_relaxed);
    if (p->runqhead.compare_exchange_strong(h, h + 1, std::memory_order_release)) return g;
  }
}

uint32_t Sched::runqgrab(P* victim, P* into, uint32_t into_head, bool steal_runnext) {
  for (;;) {
    uint32_t h = victim->runqhead.load(std::memory_order_acquire);
    uint32_t t = victim->runqtail.load(std::memory_order_acquire);
    uint32_t n = t - h;
    n = n - n / 2;
    if (n == 0) {
      if (steal_runnext) {
        G* next = victim->runnext.load(std::memory_order_relaxed);
        if (next) {
          // The victim is about to run it (a woken receiver, say): give it ~3us first, as Go
          // does, rather than bounce the goroutine to another thread (even when the victim is
          // between two goroutines: that is when a ping-pong's partner sits there). If it does
          // run it, it is making progress: leave whatever it readied since where it is, too.
          // (Its count of goroutines run tells: runnext alone may hold the same G again by then.)
          uint64_t tick = victim->schedtick.load(std::memory_order_relaxed);
          auto moved = [&] {
            return victim->runnext.load(std::memory_order_relaxed) != next ||
                   victim->schedtick.load(std::memory_order_relaxed) != tick;
          };
          // Wait without watching: each look would pull the lines the victim writes per switch.
          auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(3);
          while (std::chrono::steady_clock::now() < until) cpu_relax();
          if (moved()) return 0;
        }
        if (next && victim->runnext.compare_exchange_strong(next, nullptr, std::memory_order_acquire)) {
          into->runq[into_head % P::kRunqSize].store(next, std::memory_order_relaxed);
          return 1;
        }
      }
      return 0;
    }
    if (n > P::kRunqSize / 2) continue;  // read an inconsistent h and t
    for (uint32_t i = 0; i < n; i++) {
      G* g = victim->runq[(h + i) % P::kRunqSize].load(std::memory_order_relaxed);
      into->runq[(into_head + i) % P::kRunqSize].store(g, std::memory_order_relaxed);
    }
    if (victim->runqhead.compare_exchange_strong(h, h + n, std::memory_order_release)) return n;
  }
}

G* Sched::runqsteal(P* p, P* victim, bool steal_runnext) {
  uint32_t t = p->runqtail.load(std::memory_order_relaxed);
  uint32_t n = runqgrab(victim, p, t, steal_runnext);
  if (n == 0) return nullptr;
  n--;
  G* g = p->runq[(t + n) % P::kRunqSize].load(std::memory_order_relaxed);
  if (n > 0) p->runqtail.store(t + n, std::memory_order_release);
  return g;
}

bool Sched::runq_empty(const P* p) const {
  return p->runqhead.load() == p->runqtail.load() && p->runnext.load() == nullptr;
}

void Sched::globrunqput(G* first, G* last, size_t n) {
  last->schedlink = nullptr;
  if (gq_tail_)
    gq_tail_->schedlink = first;
  else
    gq_head_ = first;
  gq_tail_ = last;
  gq_size_.fetch_add(n);
}

G* Sched::globrunqget(P* p) {
  size_t size = gq_size_.load();
  if (size == 0) return nullptr;
  // Take a fair share, but never more than fits in the local queue (overflowing it would
  // come back here for mu_, which we hold).
  uint32_t used = p->runqtail.load(std::memory_order_relaxed) - p->runqhead.load(std::memory_order_acquire);
  size_t n = std::min<size_t>(size / nprocs_ + 1, P::kRunqSize / 2);
  n = std::min({n, size, static_cast<size_t>(P::kRunqSize - used) + 1});
  G* g = gq_head_;
  gq_head_ = g->schedlink;
  for (size_t i = 1; i < n; i++) {
    G* x = gq_head_;
    gq_head_ = x->schedlink;
    runqput(p, x, false);
  }
  if (!gq_head_) gq_tail_ = nullptr;
  gq_size_.fetch_sub(n);
  return g;
}

bool Sched::any_work() const {
  if (gq_size_.load() > 0) return true;
  for (size_t i = 0; i < nprocs_; i++)
    if (!runq_empty(ps_[i].get())) return true;
  return false;
}

// ---- finding work, and idling ----

G* Sched::findrunnable(P* p) {
  for (;;) {
    if (steered_) [[unlikely]] {
      if (control_) {
        if (traced() && control_->active()) tap_->publish(p->id);
        control_->gate();  // paused: nothing runs and the clock stands still
        if (control_->stopping()) finish(ExitStatus::Ok, "");
      }
      if (Policy* policy = next_policy())
        if (G* g = choose_next(p, *policy)) return g;
    }
    if (stopping_.load(std::memory_order_acquire)) return nullptr;
    fire_due_timers();  // before the run queue: goroutines handing work back and forth never
                        // empty it, and a sleeper whose time has come must get its turn
    if (p->schedtick.load(std::memory_order_relaxed) % 61 == 0 &&
        gq_size_.load(std::memory_order_relaxed) > 0) {
      std::lock_guard<SpinLock> l(mu_);
      if (G* g = globrunqget(p)) return g;
    }
    if (G* g = runqget(p)) return g;
    if (gq_size_.load(std::memory_order_relaxed) > 0) {
      std::lock_guard<SpinLock> l(mu_);
      if (G* g = globrunqget(p)) return g;
    }
    if (cfg_.clock == ClockMode::Real && timers_.next_when() <= now()) {
      timers_.fire_due(now());
      continue;
    }
    if (nprocs_ > 1) {
      nspinning_.fetch_add(1);
      G* got = nullptr;
      for (int round = 0; round < 4 && !got; round++) {
        uint32_t start = p->rng.below(static_cast<uint32_t>(nprocs_));
        for (size_t i = 0; i < nprocs_ && !got; i++) {
          P* victim = ps_[(start + i) % nprocs_].get();
          if (victim != p) got = runqsteal(p, victim, round == 3);
        }
      }
      // Stay spinning a little longer before sleeping, watching the run queues: while an M
      // spins, wakep() wakes no other, so goroutines handing work back and forth on one P
      // (a ping-pong) do not pay a futex wake-up each time. Bounded: an idle program sleeps.
      // Only a queue of two or more is worth stealing from here: one goroutine waiting is
      // about to run where it is (a select's partner), and moving it costs a cross-P wake-up.
      auto until = std::chrono::steady_clock::now() + kSpinBeforeSleep;
      while (!got && gq_size_.load(std::memory_order_relaxed) == 0 &&
             !stopping_.load(std::memory_order_relaxed) && std::chrono::steady_clock::now() < until) {
        for (size_t i = 0; i < nprocs_ && !got; i++) {
          P* victim = ps_[i].get();
          if (victim != p && victim->runqtail.load(std::memory_order_relaxed) -
                                     victim->runqhead.load(std::memory_order_relaxed) >=
                                 2)
            got = runqsteal(p, victim, false);
        }
        for (int k = 0; k < 16; k++) cpu_relax();
      }
      nspinning_.fetch_sub(1);
      if (got) return got;
    }
    // Nothing to run: become idle (and let the consumer see what we did).
    if (traced()) tap_->publish(p->id);
    std::unique_lock<SpinLock> l(mu_);
    if (stopping_.load()) return nullptr;
    if (G* g = globrunqget(p)) return g;
    p->idle = true;
    p->idle_next = idle_head_;
    idle_head_ = p;
    nidle_.fetch_add(1);
    // A stop asked for since the top of this loop: its wake_all() (under mu_) either comes
    // after this and finds p on the list, or came before, and then its stop is seen here.
    if (control_ && control_->stopping()) {
      unidle_locked(p);
      continue;
    }
    if (nidle_.load() == static_cast<int>(nprocs_) && !any_work()) {
      if (!quiescent_step(p, l)) return nullptr;
      if (!l.owns_lock()) continue;
    }
    l.unlock();
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (any_work()) {
      if (!unidle(p)) p->note.sleep();  // a waker took us off the list and will wake us
      continue;
    }
    int64_t next = cfg_.clock == ClockMode::Real ? timers_.next_when() : Timers::kNever;
    if (next != Timers::kNever) {
      if (!p->note.sleep_until(real_.wall_deadline(next)) && !unidle(p)) p->note.sleep();
    } else {
      p->note.sleep();
    }
  }
}

// quiescent_step() runs when every P is idle and no goroutine is runnable, with mu_ held and
// p on the idle list. Virtual clock: jump to the next timer and fire it (releasing mu_). Real
// clock with a timer pending: keep mu_ and go to sleep until it is due. No timer at all: the
// program is deadlocked. As in Go, once main has called runtime.Goexit and no goroutine is left
// the program is over even with a timer pending. Returns false when the program is over.
bool Sched::quiescent_step(P* p, std::unique_lock<SpinLock>& l) {
  if (main_goexited_.load() && !any_goroutine_left()) {
    l.unlock();
    finish(ExitStatus::Deadlock, "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
    return false;
  }
  if (timers_.empty()) {
    std::string msg = dump("fatal error: all goroutines are asleep - deadlock!", nullptr);
    l.unlock();
    finish(ExitStatus::Deadlock, std::move(msg));
    return false;
  }
  if (cfg_.clock == ClockMode::Real) return true;
  unidle_locked(p);  // firing readies goroutines onto this P
  l.unlock();
  if (control_) control_->gate();  // paused: the virtual clock does not move either
  int64_t when = timers_.next_when();
  if (when > vnow_.load()) vnow_.store(when, std::memory_order_release);
  timers_.fire_due(vnow_.load());
  return true;
}

bool Sched::any_goroutine_left() const {
  std::lock_guard<std::mutex> l(allg_mu_);
  for (const G* g : allgs_)
    if (g->status.load(std::memory_order_relaxed) != GStatus::Dead) return true;
  return false;
}

void Sched::unidle_locked(P* p) {
  p->idle = false;
  P** pp = &idle_head_;
  while (*pp != p) pp = &(*pp)->idle_next;
  *pp = p->idle_next;
  nidle_.fetch_sub(1);
}

bool Sched::unidle(P* p) {
  std::lock_guard<SpinLock> l(mu_);
  if (!p->idle) return false;
  unidle_locked(p);
  return true;
}

void Sched::wakep() {
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (nidle_.load(std::memory_order_relaxed) == 0 || nspinning_.load(std::memory_order_relaxed) != 0) return;
  P* q = nullptr;
  {
    std::lock_guard<SpinLock> l(mu_);
    q = idle_head_;
    if (!q) return;
    idle_head_ = q->idle_next;
    q->idle = false;
    nidle_.fetch_sub(1);
  }
  q->note.wake();
}

void Sched::wake_all() {
  std::vector<P*> woken;
  {
    std::lock_guard<SpinLock> l(mu_);
    while (P* q = idle_head_) {
      idle_head_ = q->idle_next;
      q->idle = false;
      nidle_.fetch_sub(1);
      woken.push_back(q);
    }
  }
  for (P* q : woken) q->note.wake();
}

// ---- G and stack reuse ----

G* Sched::gfget(P* p) {
  if (p && p->gfree.empty()) {
    // Refill in a batch, so that Ps trading Gs do not take the lock once per goroutine.
    std::lock_guard<SpinLock> l(gfree_lock_);
    for (int i = 0; i < 32 && !gfree_.empty(); i++) {
      p->gfree.push_back(gfree_.back());
      gfree_.pop_back();
    }
  }
  if (p && !p->gfree.empty()) {
    G* g = p->gfree.back();
    p->gfree.pop_back();
    return g;
  }
  {
    std::lock_guard<SpinLock> l(gfree_lock_);
    if (!gfree_.empty()) {
      G* g = gfree_.back();
      gfree_.pop_back();
      return g;
    }
  }
  // None free anywhere: a slab of new ones (one allocation, not one each), dead until used.
  auto slab = std::make_unique<G[]>(kGSlab);
  for (size_t i = 0; i < kGSlab; i++) slab[i].status.store(GStatus::Dead, std::memory_order_relaxed);
  G* g = &slab[0];
  {
    std::lock_guard<std::mutex> l(allg_mu_);
    for (size_t i = 0; i < kGSlab; i++) allgs_.push_back(&slab[i]);
    slabs_.push_back(std::move(slab));
  }
  if (p) {
    for (size_t i = 1; i < kGSlab; i++) p->gfree.push_back(g + i);
  } else {
    std::lock_guard<SpinLock> l(gfree_lock_);
    for (size_t i = 1; i < kGSlab; i++) gfree_.push_back(g + i);
  }
  return g;
}

void Sched::gfput(P* p, G* g) {
  g->name.clear();
  g->wait_reason = WaitReason::None;
  g->wait_object = nullptr;
  g->select_done.store(0, std::memory_order_relaxed);
  g->param = nullptr;
  g->eh = EhState{};
  g->hooks = nullptr;
  g->hooks_ctx = nullptr;
  p->gfree.push_back(g);
  if (p->gfree.size() >= 64) {
    std::lock_guard<SpinLock> l(gfree_lock_);
    while (p->gfree.size() > 32) {
      gfree_.push_back(p->gfree.back());
      p->gfree.pop_back();
    }
  }
}

Stack Sched::stackget(P* p) {
  if (!p->stack_cache.empty()) {
    Stack s = p->stack_cache.back();
    p->stack_cache.pop_back();
    return s;
  }
  return stacks_.get();
}

void Sched::stackput(P* p, Stack s) {
  if (p->stack_cache.size() < 64)
    p->stack_cache.push_back(s);
  else
    stacks_.put(s);
}

// ---- time ----

void Sched::freeze_clock(bool frozen) {
  if (cfg_.clock != ClockMode::Real) return;
  real_.freeze(frozen);
  wake_all();  // sleepers recompute their deadlines
}

void Sched::set_speed(double speed) {
  if (cfg_.clock != ClockMode::Real) return;
  real_.set_speed(speed);
  wake_all();
}

}  // namespace goro::detail
