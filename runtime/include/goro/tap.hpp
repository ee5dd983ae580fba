// goro/tap.hpp: observing a running program. Attach a Tap (events) and a Control (pause, step,
// choose) to goro::run through goro::Observer, and drain the events from another thread.
//
// Invariants: events reach the consumer in seq order with no gap and none lost: each P writes
// to its own lock-free ring, and a P whose ring is full waits for the consumer (dropped() stays
// 0 unless a ring was abandoned). With no tap attached the runtime pays one predictable branch
// per event site; building with GOROSCOPE_TAP=OFF compiles the tap out.
//
// Example:
//   goro::Tap tap;  goro::Control control;
//   std::thread runner([&] { goro::run(cfg, {&tap, &control}, program); });
//   std::vector<goro::Event> evs;  tap.drain(evs);  control.pause();  control.step();
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "goro/event.hpp"
#include "goro/goroutine.hpp"

namespace goro {

namespace detail {
class Sched;

// EventRing is one P's single-producer single-consumer ring of events. 64K events (3.5 MB):
// a consumer that wakes up every 100 us or so must not find a fast producer waiting for room
// (at 16K, ping-pong's producer sometimes did, and ran 2.5 times slower).
struct EventRing {
  static constexpr uint64_t kSize = 1 << 16;
  alignas(64) std::atomic<uint64_t> head{0};  // next to read (consumer)
  alignas(64) std::atomic<uint64_t> tail{0};  // published end (producer)
  alignas(64) uint64_t local_tail = 0;        // written end (producer only)
  uint64_t cached_head = 0;                   // producer's last look at head
  Event slots[kSize];

  void put(uint64_t t, const Event& e) { slots[t % kSize] = e; }
  void publish(uint64_t t) { tail.store(t, std::memory_order_release); }
};
}  // namespace detail

// Tap receives a run's events. One Tap serves one run at a time; attaching resets it.
class Tap {
 public:
  Tap();
  ~Tap();
  Tap(const Tap&) = delete;
  Tap& operator=(const Tap&) = delete;

  // drain() appends, in seq order, every event published so far with no gap before it; returns
  // how many. Call it from one thread at a time, during or after the run.
  size_t drain(std::vector<Event>& out);
  // strings() copies the string table entries [from, size) into out; returns the new size.
  size_t strings(size_t from, std::vector<std::string>& out) const;
  // text() is one entry of the string table ("" for 0 or out of range).
  std::string text(uint32_t id) const;
  // finished() tells whether the run has ended and every event has been drained.
  bool finished() const;
  uint64_t dropped() const { return dropped_.load(); }

  // ---- producer side (the runtime) ----
  void attach(int procs);
  // detach() publishes every ring and marks the run over (after the run's threads are gone).
  void detach();
  // abandon() says nobody will drain any more: from now on a full ring drops events (counted
  // in dropped()) instead of waiting, so a program being stopped can always finish.
  void abandon() { abandoned_.store(true); }
  uint64_t next_seq() {
    if (nrings_ > 1) return seq_.fetch_add(1, std::memory_order_relaxed);
    uint64_t v = seq_.load(std::memory_order_relaxed);  // one P: one writer, no locked add
    seq_.store(v + 1, std::memory_order_relaxed);
    return v;
  }
  // push() queues e from P p (taking a seq if e.seq is 0); it becomes visible to drain() at
  // the next publish(p), which push() does itself every kPublishEvery events.
  void push(int p, Event e) {  // inline: the tap's hot path is this and nothing else
    if (e.seq == 0) e.seq = next_seq();
    detail::EventRing& r = *rings_[static_cast<size_t>(p)];
    uint64_t t = r.local_tail;
    if (t - r.cached_head >= detail::EventRing::kSize) [[unlikely]] {
      push_full(r, e);
    } else {
      r.put(t, e);
      r.local_tail = t + 1;
    }
    if (r.local_tail - r.tail.load(std::memory_order_relaxed) >= kPublishEvery) r.publish(r.local_tail);
  }
  // publish() makes everything P p pushed visible (only P p's thread, or after the run).
  void publish(int p);
  static constexpr uint64_t kPublishEvery = 64;
  // intern() stores text once and returns its index.
  uint32_t intern(std::string_view text);
  uint64_t run_id() const { return run_id_; }
  std::mutex& announce_mutex() { return announce_mu_; }
  uint64_t next_object_id() { return ++objects_; }

 private:
  void push_full(detail::EventRing& r, const Event& e);  // waits for room (or drops, abandoned)
  // Producer side (the program's threads), on cache lines of its own: the consumer never
  // writes here.
  // Set by attach() (under rings_mu_): rings_[p] for p < nrings_, a P's ring one load away.
  alignas(64) std::array<std::unique_ptr<detail::EventRing>, 64> rings_;
  size_t nrings_ = 0;
  uint64_t run_id_ = 0;
  std::atomic<uint64_t> seq_{1};
  alignas(64) std::atomic<uint64_t> dropped_{0};
  std::atomic<bool> ended_{false};
  std::atomic<bool> abandoned_{false};
  uint64_t objects_ = 0;  // guarded by announce_mu_
  std::mutex announce_mu_;
  // Consumer side. rings_mu_ keeps the consumer from walking rings_ while attach() replaces it;
  // producers never take it (they only run between attach() and detach()).
  alignas(64) mutable std::mutex rings_mu_;
  std::vector<Event> pending_;  // drained from rings, waiting for a gap to fill
  uint64_t next_ = 1;           // next seq to hand out
  // String table.
  alignas(64) mutable std::mutex strings_mu_;  // guards strings_ and index_
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> index_;
};

// RunnableG is a goroutine that could run next (for choose-next).
struct RunnableG {
  uint64_t id;
  std::string name;
  bool yielded = false;  // it was running and gave up the processor (a yield, a preemption point)
};

// Control steers a running program from another thread: pause, resume, step one event, run
// until a time, change the real clock's speed, and (procs = 1) choose the next goroutine.
// While paused no goroutine runs and the clock stands still.
class Control {
 public:
  Control();
  ~Control();
  Control(const Control&) = delete;
  Control& operator=(const Control&) = delete;

  void pause();
  void resume();
  // step() lets n more events happen, then pauses again.
  void step(int n = 1);
  // run_until() runs until goro::now() reaches t (ns), then pauses.
  void run_until(int64_t t);
  bool paused() const;
  // set_speed() changes the real clock's speed at once (virtual seconds per wall second).
  void set_speed(double speed);
  // choose_mode(): with procs = 1, stop before each scheduling decision that has more than one
  // candidate, until choose() names the goroutine to run.
  void choose_mode(bool on);
  bool choose_mode() const;
  // candidates() lists the goroutines waiting to be chosen (empty when no choice is pending).
  std::vector<RunnableG> candidates() const;
  // choice_number() counts the choices posted so far: a new number means a new choice.
  uint64_t choice_number() const;
  // choose() runs goroutine id next; returns false if it is not a candidate.
  bool choose(uint64_t id);
  // stop() ends a paused or running program at its next event (as if main returned).
  void stop();

  // Source lines (events carry them: Event::line). set_breakpoints(): pause when a goroutine
  // arrives at one of these lines; none: empty. step_line(): run until goroutine g arrives at a
  // line other than from_line, then pause; with hold (procs = 1), g runs whenever it can and
  // the others only while it cannot (it waits on a channel, a lock, a timer). An interpreter
  // that marks its statements (goro::at_line) stops at every statement, in loops too (a
  // GoLine event); other code stops at events only (an event about g on a line other than its
  // last), so a line where such a goroutine only computes is passed unseen.
  void set_breakpoints(std::vector<uint32_t> lines);
  void step_line(uint64_t g, uint32_t from_line, bool hold = false);
  // Stop is why the program last paused at a line: goroutine g arrived at line (seq: the event).
  struct LineStop {
    uint64_t g = 0;
    uint32_t line = 0;
    uint64_t seq = 0;
    bool breakpoint = false;  // false: a step_line() ended
  };
  // line_stops() counts the pauses at lines so far; last_line_stop() is the latest.
  uint64_t line_stops() const;
  LineStop last_line_stop() const;

  // Variables (an interpreter's goroutines, through SourceHooks::variables). VarSnapshot is
  // goroutine g's variables as of its event seq (0: taken while the program was paused).
  struct VarSnapshot {
    bool known = false;  // false: nothing known (not watched, not interpreted, none yet, ended)
    uint64_t g = 0;
    uint64_t seq = 0;
    int64_t time = 0;  // the program's clock then (ns)
    std::vector<VarView> vars;
  };
  // watch_variables() names the goroutine whose variables to keep (0: none). Every event that
  // goroutine emits on its own thread snapshots them there, so no other thread ever reads its
  // stack while it runs; its end (GoEnd) forgets them. Unwatched goroutines cost nothing
  // beyond one relaxed load per event.
  void watch_variables(uint64_t g);
  uint64_t watched_variables() const { return watch_.load(std::memory_order_relaxed); }
  // variables() is g's latest snapshot: as of its last event; or, when g is watched, the
  // program is paused and nothing runs (every P idle or held by this Control), taken at once
  // while g stands still (parked, runnable, or held at an event). A goroutine that ended, or
  // one not watched, gives none (known false).
  VarSnapshot variables(uint64_t g);

  // ---- runtime side ----
  void attach(detail::Sched* s);
  void detach();
  // after_event() blocks while paused; called after each published event.
  void after_event(const Event& e);
  // gate() blocks while paused (scheduler safe points).
  void gate();
  // pick() is called with the candidates when hand_picks(); returns the chosen id (0: any).
  uint64_t pick(std::vector<RunnableG> candidates);
  // hand_picks(): choose mode, or a held line step: the scheduler asks pick() (procs = 1).
  bool hand_picks() const;
  // stops_at() tells whether goroutine g arriving at line stops the program (goro::at_line).
  bool stops_at(uint64_t g, uint32_t line) const;
  bool stopping() const { return stop_.load(); }
  // watching() tells whether events about g snapshot its variables (one relaxed load).
  bool watching(uint64_t g) const { return g != 0 && watch_.load(std::memory_order_relaxed) == g; }
  // record_variables() keeps g's snapshot, taken on g's own thread at event seq;
  // forget_variables() drops it (g ended).
  void record_variables(uint64_t g, uint64_t seq, int64_t time, std::vector<VarView> vars);
  void forget_variables(uint64_t g);
  // active() tells whether anything may hold the program (pause, step, until, choose, stop).
  bool active() const { return active_.load(std::memory_order_relaxed); }

 private:
  void set_paused_locked(bool p);
  void wait_resumed(std::unique_lock<std::mutex>& l);  // while paused; counted in held_
  mutable std::mutex mu_;                              // guards everything below
  std::condition_variable cv_;
  bool paused_ = false;
  int64_t budget_ = -1;  // events before pausing (-1: unlimited)
  int64_t until_ = -1;   // pause when time reaches this (-1: none)
  bool choose_ = false;
  std::vector<uint32_t> breaks_;  // sorted
  uint64_t step_g_ = 0;           // step_line()'s goroutine (0: none)
  uint32_t step_from_ = 0;
  bool hold_ = false;           // step_line()'s hold
  bool counted_ = false;        // counted in detail::g_lines_watched
  void lines_changed_locked();  // after breaks_ or step_g_ change: keeps g_lines_watched true
  std::unordered_map<uint64_t, uint32_t> last_line_;  // while lines matter: each goroutine's
  LineStop stop_at_;
  uint64_t line_stops_ = 0;
  bool watching_lines() const { return !breaks_.empty() || step_g_ != 0; }
  std::vector<RunnableG> candidates_;
  uint64_t chosen_ = 0;
  uint64_t choices_ = 0;
  detail::Sched* sched_ = nullptr;
  int held_ = 0;                    // threads waiting in after_event() or gate() while paused
  VarSnapshot vars_;                // the watched goroutine's latest variables
  std::atomic<uint64_t> watch_{0};  // the watched goroutine (0: none); read at every event
  std::atomic<bool> stop_{false};
  std::atomic<bool> active_{false};  // anything to check at all (fast path)
};

class Policy;

// Observer is what watches (and steers) a run; every part is optional.
struct Observer {
  Tap* tap = nullptr;
  Control* control = nullptr;
  Policy* policy = nullptr;  // procs = 1: who picks the next goroutine (goro/policy.hpp)
};

}  // namespace goro
