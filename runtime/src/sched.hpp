// runtime/src/sched.hpp: the scheduler, in Go's terms.
//
// Glossary (as in Go's proc.go):
//   G  a goroutine: a function, its stack (a Fiber) and its state.
//   M  a worker thread. Here each M is bound to one P for the whole program: goroutines never
//      make blocking system calls, so there is never a P to hand over. In a goro::Slices run
//      (the page: one thread) the one M is a fiber that the host's frames advance a slice at a
//      time, and where a thread would block it gives the slice back (slice.hpp).
//   P  a processor: the right to run Go code, with a local run queue. Config::procs of them.
//
// Every G is in exactly one of these states (GStatus):
//   Runnable  in some run queue (P-local, runnext or global), or just created;
//   Running   on a P, which owns its stack;
//   Waiting   parked with a WaitReason, owned by whatever will ready() it (a channel's wait
//             queue, a timer, a mutex's waiters...);
//   Dead      finished; its G may be reused for a new goroutine.
//
// park(reason) / ready(g) are the only ways a goroutine sleeps and wakes. park() releases the
// lock it is given only after the goroutine is off its stack, so a waker that takes that lock
// can never resume a goroutine that is still running.
//
// Beside it: which runnable G runs next when there is a choice (policy.*, goro/policy.hpp), an
// idle M's futex (note.*), the real clock (clock.*), sleep and timers (sleep.cpp, timer.*),
// stacks and switching (fiber.*); primitives record their events through tracer.hpp.
//
// Rejected designs: a single global run queue (contention at procs > 1, no locality for a woken
// receiver); parking by blocking the thread (a million goroutines would be a million threads).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "clock.hpp"
#include "fiber.hpp"
#include "goro/detail/chan_core.hpp"
#include "goro/detail/waitq.hpp"
#include "goro/event.hpp"
#include "goro/goroutine.hpp"
#include "goro/run.hpp"
#include "goro/tap.hpp"
#include "note.hpp"
#include "policy.hpp"
#include "race.hpp"
#include "rng.hpp"
#include "timer.hpp"

namespace goro::detail {

class Sched;

// goroutine_entry() is where every goroutine's stack begins.
void goroutine_entry(Transfer t);

// GStatus is where a goroutine is; see the glossary above.
enum class GStatus : uint8_t { Runnable, Running, Waiting, Dead };

// WaitReason (why a goroutine is parked) is part of the event contract: goro/event.hpp.

// Unwind is thrown from a blocking call in a goroutine abandoned at the end of the program, so
// that its stack unwinds; only the goroutine's entry catches it.
struct Unwind {};

// EhState is the C++ runtime's per-thread exception state, which belongs to a goroutine.
struct EhState {
  void* caught = nullptr;
  unsigned int uncaught = 0;
};

// G is a goroutine.
struct alignas(64) G {       // on cache lines of its own: Ps run goroutines side by side
  uint64_t id = 0;           // 1 for main, then creation order
  std::string name;          // shown by the app and the deadlock dump
  std::function<void()> fn;  // what it runs; destroyed on its own stack
  std::atomic<GStatus> status{GStatus::Runnable};
  WaitReason wait_reason = WaitReason::None;  // valid while Waiting
  const void* wait_object = nullptr;          // what it waits on, while Waiting
  Fiber fiber;                                // saved context while not Running
  Stack stack;                                // null until it first runs
  G* schedlink = nullptr;                     // link in the global run queue
  std::atomic<uint32_t> select_done{0};       // select: set by the first case to fire
  Sudog* param = nullptr;                     // select: the Sudog that fired
  bool unwinding = false;                     // program over: blocking calls throw Unwind
  bool discarded = false;                     // never resumed again (fatal error)
  EhState eh;                                 // exception state while switched out
  const SourceHooks* hooks = nullptr;         // where it stands in its source (set_source_hooks)
  const void* hooks_ctx = nullptr;
};

// line_of() is the source line g stands on (0: not known). Called on g's own thread while it
// runs, or on another while g is parked or runnable (then g's state is still).
inline uint32_t line_of(const G* g) { return g->hooks ? g->hooks->line(g->hooks_ctx) : 0; }

// SwitchReason is what a goroutine asks its P to do after switching to the scheduler.
enum class SwitchReason : uint8_t { Park, Yield, Exit };

// P is a processor together with the M (thread) that runs it.
struct P {
  // Go's runq holds 256. Ours holds twice what an interpreted loop of go statements makes
  // before it lets them run (lang's kMaxUnstarted, 4096): with 256, most of those went to the
  // global queue, a list through the Gs themselves, and taking them back cost a cache miss per
  // G (globrunqget was 5% of the million program at procs 1 and 2). 64 KiB a P.
  static constexpr uint32_t kRunqSize = 8192;

  Sched* sched = nullptr;
  int id = 0;
  // Local run queue (Go's runq): only the owner pushes at the tail; the owner and thieves take
  // from the head with a CAS. runnext holds a G to run next (a woken receiver, a new goroutine).
  // Each on a cache line of its own: idle Ps watch runqhead and runqtail, and must not pull
  // away the line that every hand-off writes (runnext) or the owner's own fields.
  alignas(64) std::atomic<uint32_t> runqhead{0};
  std::atomic<uint32_t> runqtail{0};
  std::array<std::atomic<G*>, kRunqSize> runq{};
  alignas(64) std::atomic<G*> runnext{nullptr};

  alignas(64) G* curg = nullptr;  // the running goroutine
  // Goroutines run: for global-queue fairness, and read by a thief to tell whether this P
  // is making progress. Written only by the owner.
  std::atomic<uint64_t> schedtick{0};
  Rng rng{0};
  Fiber g0;  // the scheduler loop's context on this thread
  // Set by the goroutine right before it switches to g0:
  SwitchReason reason = SwitchReason::Park;
  void (*unlockf)(void*) = nullptr;
  void* unlock_arg = nullptr;

  // Idle list (guarded by Sched::mu_):
  P* idle_next = nullptr;
  bool idle = false;
  Note note;

  std::vector<Event> deferred;     // events sequenced under a lock, published once it is released
  std::vector<Stack> stack_cache;  // stacks kept for reuse without the pool's lock
  std::vector<G*> gfree;           // dead Gs kept for reuse
  G* yielded = nullptr;            // the goroutine that last yielded here (while runnable)
  std::thread thread;
};

// current_p() is the P running on this thread (null outside goroutines).
P* current_p();
// current_g() is the running goroutine; throws std::logic_error outside one.
G* current_g();
// current_sched() is the program this thread runs; throws std::logic_error outside one.
Sched& current_sched();
// goready() makes g runnable in the current program (nothing outside one).
void goready(G* g);
// unlock_spin() is a park() unlock function for a SpinLock.
void unlock_spin(void* lock);
// next_object_id() numbers channels and sync objects, process-wide.
uint64_t next_object_id();

// Runs with a tap attached, the race detector or preemption at sync points, process-wide:
// primitives look no further while it is 0.
extern std::atomic<int> g_tracing;
extern std::atomic<int> g_racing;  // runs with the race detector, process-wide
// wait_object_name() names what a goroutine parked for `reason` waits on ("chan jobs",
// "mutex mu"; "" when nothing named), for leak reports (leaks.cpp).
std::string wait_object_name(WaitReason reason, const void* object);
// sync_point() is Sched::sync_point() for the running program (nothing outside one); one
// relaxed load when no program is observed.
void sync_point_slow();
inline void sync_point() {
  if (g_tracing.load(std::memory_order_relaxed) != 0) [[unlikely]]
    sync_point_slow();
}
// traced_sched() is the current program if it is tapped, else null (cheap when none is).
Sched* traced_sched();

// Sched is one running program.
class Sched {
 public:
  const Config& config() const { return cfg_; }
  explicit Sched(const Config& cfg);
  ~Sched();

  Exit run(std::function<void()> main_fn, const Observer& observer);

  // newproc() creates a goroutine and queues it to run next; returns its id. created_at is
  // its go statement, for the race detector's reports.
  uint64_t newproc(std::string name, std::function<void()> fn, const race::Site* created_at = nullptr);
  // park() blocks the current goroutine. unlockf(arg) runs once it is off its stack. `proto`
  // (tapped runs) gives the GoPark event's object id and value.
  void park(WaitReason reason, const void* object, void (*unlockf)(void*), void* arg,
            const Event* proto = nullptr);
  // ready() makes a parked goroutine runnable (it runs next on this P).
  void ready(G* g);
  // can_spin() tells a goroutine waiting for a Mutex whether to spin once more (Go's
  // sync_runtime_canSpin): only a few times, only if another P runs (the holder may be there
  // and about to unlock), and only if nothing else waits to run on ours.
  bool can_spin(int iter) const {
    if (iter >= 4 || cfg_.procs <= 1) return false;
    if (cfg_.procs <= nidle_.load(std::memory_order_relaxed) + nspinning_.load(std::memory_order_relaxed) + 1)
      return false;
    return runq_empty(current_p());
  }
  // gosched() puts the current goroutine at the back of the run queue.
  void gosched();
  // main_goexit(): main (the caller) ends by Go's runtime.Goexit, so its return does not end
  // the program; see goro::main_goexit().
  void main_goexit() { main_goexited_.store(true); }
  // race() is the data race detector (Config::race), or null.
  Race* race() const { return race_.get(); }
  // sync_point() is where a synchronising call or checked access begins: with
  // Config::preempt_at_sync (procs = 1) and another goroutine runnable, the Policy may run
  // another first. No lock may be held.
  void sync_point() {
    if (cfg_.preempt_at_sync && nprocs_ == 1) [[unlikely]]
      preempt();
  }
  // preempt() is goro::preempt_point(): the current goroutine goes to the back of the run
  // queue where another goroutine is runnable or a real-clock timer is due.
  void preempt();
  // sleep() parks the current goroutine for ns of the program's clock (sleep.cpp).
  void sleep(int64_t ns);
  int64_t now() {
    return cfg_.clock == ClockMode::Virtual ? vnow_.load(std::memory_order_acquire) : real_now();
  }
  void print(std::string_view text, bool to_stderr = false);
  // fatal() ends the program with "fatal error: msg"; the goroutine never runs again.
  [[noreturn]] void fatal(const char* msg);  // (a const char*: nothing on our stack to leak)
  Rng& rng();
  Timers& timers() { return timers_; }
  // add_timer() arms t (its mutex not held by the caller).
  void add_timer(Timer* t);

  // ---- the tap (all of these only when traced(); primitives use them through a Tracer) ----
  // traced() tells whether a Tap is attached; false at compile time when the tap is built out
  // (GOROSCOPE_TAP=OFF).
#ifdef GORO_NO_TAP
  static constexpr bool traced() { return false; }
#else
  bool traced() const { return tap_ != nullptr; }
#endif
  // The hot ones (event, emit, emit_locked, announce's check) are inline: with a tap attached
  // they run for every event.
  // event() makes an event about the current goroutine, stamped with time and P.
  Event event(EventKind kind, uint64_t obj = 0, int64_t arg = 0) {
    Event e{};
    e.kind = kind;
    e.time = now();
    P* p = current_p();
    e.p = static_cast<uint16_t>(p ? p->id : 0);
    e.g = p && p->curg ? p->curg->id : 0;
    e.line = p && p->curg ? line_of(p->curg) : 0;
    e.obj = static_cast<uint32_t>(obj);
    e.arg = arg;
    return e;
  }
  // emit() publishes e now (no spin lock may be held: the Control may pause here).
  void emit(const Event& e) {
    if (control_ && control_->watching(e.g)) [[unlikely]]
      return emit_watched(e);
    tap_->push(e.p, e);
    if (control_ && control_->active()) [[unlikely]]
      gated(e);
  }
  // emit_locked() sequences e now, under the caller's lock; flush() publishes it afterwards
  // (or the scheduler does, once a parking goroutine is off its stack).
  void emit_locked(Event e) {
    e.seq = tap_->next_seq();
    if (control_ && control_->watching(e.g)) [[unlikely]]
      snapshot_variables(e);
    // Publishing can only pause (and so must wait for the lock's release) under a Control.
    if (control_ && control_->active()) [[unlikely]]
      current_p()->deferred.push_back(e);
    else
      tap_->push(e.p, e);
  }
  void flush();
  // intern() is text's index in the tap's string table (tapped runs only).
  uint32_t intern(std::string_view text) { return tap_->intern(text); }
  // announce() is obj's id in this run, introducing it (ObjMake) the first time. No lock held.
  uint64_t announce(ObjTrace& t, ObjKind kind, const std::string& name, int64_t cap = 0) {
    if (t.run.load(std::memory_order_acquire) == tap_->run_id()) [[likely]]
      return t.id;
    return introduce(t, kind, name, cap);
  }
  // trace_value() puts a channel value into e.
  void trace_value(Event& e, const ElemOps* ops, const void* v);

  // ---- control ----
  // at_line(): the running goroutine arrives at a statement on `line` (goro::at_line): a
  // GoLine event, and so a pause, where the Control stops it.
  void at_line(uint32_t line);
  // variables_now() fills out with goroutine id's variables when nothing can run (every P
  // idle or among the `held` in the Control, whose lock the caller holds) and it has them;
  // false otherwise.
  bool variables_now(uint64_t id, int held, std::vector<VarView>& out) const;
  void freeze_clock(bool frozen);
  // interrupt() wakes every idle M to look at the Control again (which asks to stop), and has
  // goroutines that never block stop at their next checkpoint().
  void interrupt() {
    raise_interrupt();
    wake_all();
  }
  bool interrupted() const { return interrupting_.load(std::memory_order_relaxed); }
  void set_speed(double speed);

 private:
  friend void goroutine_entry(Transfer t);
  void gated(const Event& e);  // emit()'s tail under an active Control: publish, maybe pause
  // The watched goroutine's events (Control::watch_variables): emit_watched() is emit() that
  // snapshots first; snapshot_variables() takes the snapshot when e is about the goroutine
  // running on this thread (its stack is ours to read), or forgets it at its end.
  void emit_watched(Event e);
  void snapshot_variables(const Event& e);
  uint64_t introduce(ObjTrace& t, ObjKind kind, const std::string& name, int64_t cap);
  void worker(P* p);
  G* findrunnable(P* p);
  void execute(P* p, G* g);
  void switch_to_scheduler(G* g, P* p, SwitchReason why);
  void goexit(G* g);
  // fire_due_timers(): with the real clock, fires the timers whose time has come (one load
  // when none is pending). The virtual clock's timers fire only when nothing can run.
  void fire_due_timers() {
    if (cfg_.clock != ClockMode::Real) return;
    int64_t when = timers_.next_when();
    if (when != Timers::kNever && when <= now()) timers_.fire_due(now());
  }
  void on_panic(G* g, const std::string& what, const std::string& frames = {});
  void on_fatal(G* g, const Fatal& e);  // a goroutine ended by a fatal error (goro::Fatal)
  void finish(ExitStatus status, std::string message);
  // dump() is Go's goroutine dump: each goroutine's state and frames (an interpreter's, from
  // its SourceHooks, or only_frames for `only`), or its name when none are known.
  std::string dump(const char* headline, G* only, const std::string& only_frames = {}) const;
  void teardown(P* p);
  void publish_deferred(P* p);
  // next_policy() is the Policy to ask before this decision (null: the run queues decide).
  Policy* next_policy() {
    if (nprocs_ != 1) return nullptr;
    if (control_ && control_->hand_picks()) return &hand_;
    return policy_;
  }
  G* choose_next(P* p, Policy& policy);

  // Run queues.
  void runqput(P* p, G* g, bool next);
  bool runqputslow(P* p, G* g, uint32_t h, uint32_t t);
  G* runqget(P* p);
  G* runqsteal(P* p, P* victim, bool steal_runnext);
  uint32_t runqgrab(P* victim, P* into, uint32_t into_head, bool steal_runnext);
  bool runq_empty(const P* p) const;
  void globrunqput(G* first, G* last, size_t n);  // with mu_ held
  G* globrunqget(P* p);                           // with mu_ held
  bool any_work() const;

  // Idle Ms. A P that found nothing to steal keeps looking this long before it sleeps.
  static constexpr std::chrono::microseconds kSpinBeforeSleep{20};
  void wakep();
  void wake_all();
  bool unidle(P* p);
  void unidle_locked(P* p);  // with mu_ held and p idle
  bool quiescent_step(P* p, std::unique_lock<SpinLock>& l);
  bool any_goroutine_left() const;

  // Goroutine objects and stacks.
  G* gfget(P* p);
  void gfput(P* p, G* g);
  Stack stackget(P* p);
  void stackput(P* p, Stack s);

  int64_t real_now() const { return real_.now(); }

  const Config cfg_;
  // The Ps, in the object itself: spinning Ps read this all the time, and a heap block here
  // could share its cache line with a goroutine's G, written at every switch.
  std::array<std::unique_ptr<P>, 64> ps_;
  size_t nprocs_ = 0;
  // Read on every hand-off and by spinning Ps, written once a run: kept apart from what changes.
  std::atomic<bool> stopping_{false};
  std::atomic<bool> interrupting_{false};  // counted in g_interrupts (checkpoint() stops here)
  void raise_interrupt() {
    if (!interrupting_.exchange(true)) g_interrupts.fetch_add(1);
  }
  bool tearing_down_ = false;
  std::atomic<bool> main_goexited_{false};  // main ended by runtime.Goexit: the others go on
  Tap* tap_ = nullptr;
  Control* control_ = nullptr;
  bool steered_ = false;      // a Control or a Policy: findrunnable() asks them
  Policy* policy_ = nullptr;  // the Observer's, or seeded_ (null: fair)
  std::unique_ptr<SeededPolicy> seeded_;
  HandPolicy hand_;             // asks control_ while it is in choose mode
  std::unique_ptr<Race> race_;  // Config::race
  StackPool stacks_;
  Timers timers_;

  // Written as Ps start and stop looking for work, read by every wakep(): a line of their own.
  alignas(64) std::atomic<int> nidle_{0};
  std::atomic<int> nspinning_{0};

  // The sched lock: global run queue, idle list, quiescence. Go's runtime lock (spin, then
  // sleep): its sections are short, and a mutex made each collision two futex calls.
  alignas(64) mutable SpinLock mu_{true};
  G* gq_head_ = nullptr;  // global run queue, linked by G::schedlink
  G* gq_tail_ = nullptr;
  std::atomic<size_t> gq_size_{0};
  P* idle_head_ = nullptr;

  // Every go statement takes an id: on a line of its own, away from what idle Ps keep reading.
  alignas(64) std::atomic<uint64_t> next_id_{1};
  mutable std::mutex allg_mu_;               // guards allgs_ and slabs_
  std::vector<G*> allgs_;                    // every G ever allocated (never shrinks, as in Go)
  std::vector<std::unique_ptr<G[]>> slabs_;  // where they live, kGSlab at a time
  static constexpr size_t kGSlab = 64;
  // Dead Gs beyond the P caches. Ps trade them in batches (one P's goroutines end where another
  // creates them) under a spin lock: its sections are a few dozen pointer moves, and a mutex
  // there made every collision two futex calls.
  alignas(64) SpinLock gfree_lock_;
  std::vector<G*> gfree_;

  std::atomic<int64_t> vnow_{0};  // virtual clock
  RealClock real_;                // real clock

  std::mutex exit_mu_;  // guards exit_ and exit_set_
  bool exit_set_ = false;
  Exit exit_;
  std::mutex out_mu_;  // guards output_ and errors_
  std::string output_;
  std::string errors_;
};

}  // namespace goro::detail
