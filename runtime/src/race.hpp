// runtime/src/race.hpp: the data race detector (FastTrack: Flanagan and Freund, PLDI 2009), fed
// with Go's happens-before edges by the primitives, through their Tracer (tracer.hpp).
//
// Glossary:
//   clock C_g   a vector clock per goroutine: C_g[u] is the last tick of goroutine u that g has
//               heard of; C_g[g] is g's own tick, advanced after each release.
//   epoch t@u   one goroutine's tick: "u at its tick t"; t@u happened before g iff t <= C_g[u].
//   sync clock  L_s for a synchronising address s: release merges C_g into L_s (and ticks g),
//               acquire merges L_s into C_g.
//   variable    its last write is one epoch; its reads are one epoch while they are ordered
//               (the common case), and widen to one epoch per reader only while the variable is
//               read-shared, until the next write.
//
// Edges, as the Go memory model gives them (who calls what):
//   go statement -> the goroutine's start           go_create()
//   send -> the matching receive completes          chan_buffer() / chan_meet()
//   k-th receive -> (k+C)-th send completes         chan_buffer(): a clock per buffer slot
//   close -> a receive that sees it                 release(&closed) / acquire(&closed)
//   Unlock -> the next Lock; RWMutex's rules        release(m) / acquire(m), two addresses
//   Once's function -> every Do that returns        release(once) / acquire(once)
//   WaitGroup Done -> the Wait it releases          release(wg) / acquire(wg)
//   context cancel -> Done's receivers              the close of its done channel
//   a timer's start -> its firing                   release(timer) / TimerActor
//
// Invariants: every method takes mu_ (a leaf: nothing is called with it held; not taken when one
// P runs the program), so Ps may call
// at once; a parked goroutine's clock is changed only by the goroutine that readies it, before
// it does. One report per variable (as Go's, which reports each address once).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "goro/detail/waitq.hpp"
#include "goro/race.hpp"

namespace goro::detail {

class Sched;

// VectorClock maps goroutine ids to ticks; absent entries are 0.
class VectorClock {
 public:
  uint32_t get(uint64_t g) const { return g < c_.size() ? c_[g] : 0; }
  void set(uint64_t g, uint32_t t) {
    if (g >= c_.size()) c_.resize(g + 1, 0);
    c_[g] = t;
  }
  void tick(uint64_t g) { set(g, get(g) + 1); }
  // join() makes this the pointwise maximum of itself and o.
  void join(const VectorClock& o) {
    if (o.c_.size() > c_.size()) c_.resize(o.c_.size(), 0);
    for (size_t i = 0; i < o.c_.size(); i++)
      if (o.c_[i] > c_[i]) c_[i] = o.c_[i];
  }

 private:
  std::vector<uint32_t> c_;
};

// Race is one program's detector (Config::race).
class Race {
 public:
  // serial: one P runs the program, so calls never overlap (holding the P orders them) and
  // mu_ is not taken, which halves the cost of a checked access.
  Race(Sched* s, bool serial) : sched_(s), serial_(serial) {}

  // go_create(): goroutine child starts with what its creator (parent; 0: none) knows.
  void go_create(uint64_t parent, uint64_t child, const race::Site* created_at);
  // go_end(): g has returned (reports say "finished").
  void go_end(uint64_t g);

  // acquire() and release() sync the running goroutine (or timer) with address s.
  void acquire(const void* s);
  void release(const void* s);
  // chan_buffer(): goroutine g (0: the running one) passes buffer slot `slot` of chan: it
  // acquires and then stores the slot's clock, so that the k-th receive orders the (k+C)-th
  // send, and a send the receive that takes its value.
  void chan_buffer(const void* chan, size_t slot, uint64_t g = 0);
  // chan_meet(): an unbuffered send and receive between the running goroutine and a parked
  // one: each completes after the other began.
  void chan_meet(uint64_t parked);

  // access() checks one read or write of addr by the running goroutine; seen (optional) is
  // its value and the variable's declaration, for a tapped run's VarRead and VarWrite.
  void access(const void* addr, const race::Site& site, const char* name, bool write,
              const race::Seen* seen = nullptr);
  // own_tick() is where the running goroutine's own tick is kept (null outside one).
  const std::atomic<uint32_t>* own_tick();
  // forget() drops what is known of [addr, addr + size).
  void forget(const void* addr, size_t size);

  // reports() hands over the races found so far.
  std::vector<RaceReport> take_reports();

  // TimerActor makes a timer's callback act, on this thread, with the clock its arming
  // released to the timer's address (the timer's start happens before its firing).
  class TimerActor {
   public:
    TimerActor(Race* r, const void* timer);
    ~TimerActor();
    TimerActor(const TimerActor&) = delete;
    TimerActor& operator=(const TimerActor&) = delete;

   private:
    VectorClock clock_;
    bool on_ = false;
  };

 private:
  struct GState {
    VectorClock clock;
    std::atomic<uint32_t> tick{1};  // clock[g] (g's own tick), where an interpreter can read it
    race::Site created_at;
    bool has_site = false;
    bool finished = false;
    uint64_t parent = 0;  // the goroutine that started it (0: none, main)
  };
  // Access is one access's epoch (tick t of goroutine g) and where it was.
  struct Access {
    uint64_t g = 0;
    uint32_t t = 0;
    race::Site site;
  };
  // Known is what goroutine g knows of a variable's values: the number of the last write it
  // read or made (0: the value the variable was made with), and whether it ever read it.
  struct Known {
    uint64_t g = 0;
    uint64_t write = 0;
    bool read = false;
  };
  struct Var {
    Access write;                 // the last write (g 0: none)
    Access read;                  // the last read, while reads are ordered (g 0: none)
    std::vector<Access> readers;  // read-shared: the last read of each reader, by goroutine id
    bool shared = false;
    bool reported = false;
    std::string name;
    // In a tapped run: the variable as an object of the run, and which (goroutine, read or
    // write) the tap has been told of (g << 1 | write), so each is told once.
    std::unique_ptr<ObjTrace> trace;
    std::vector<uint64_t> told;
    // Its values, when an interpreter gives them (race::Seen): the writes so far, and what
    // each goroutine knows of it, by goroutine id; who declared it.
    uint64_t writes = 0;
    std::vector<Known> known;
    uint64_t declared_by = 0;
    bool declaration_known = false;  // declared_by was worked out (at the first access with a Seen)
  };
  // Tell is what the tap hears of one access, said after mu_ is released (announcing an object
  // may pause the program).
  struct Tell {
    ObjTrace* trace = nullptr;  // null: nothing to say
    std::string name;
    bool access = false, write = false;  // a VarAccess (the goroutine's first of its kind)
    bool race = false;                   // a Race with `other`
    uint64_t other = 0;
    uint8_t bits = 0;
    std::string text;
    uint64_t declared_by = 0;          // the ObjMake's arg, should it be said now
    const race::Seen* seen = nullptr;  // a VarRead or VarWrite of this value (null: none)
    bool seen_write = false;           // a VarWrite
    int64_t write_number = 0;          // its arg
  };
  // values() works out the VarRead or VarWrite that an access with a value makes (if any).
  void values(Var& v, uint64_t g, bool write, const race::Seen* seen, Tell& tell);
  // check() returns the variable (null when the access is not checked).
  Var* check(const void* addr, const race::Site& site, const char* name, bool write, Tell& tell);
  void say(const Tell& tell);
  GState* state(uint64_t g);
  void ticked(uint64_t g);            // g's clock ticked: keep GState::tick in step
  VectorClock* current(uint64_t* g);  // the running goroutine's clock (or a timer's), or null
  void report(uintptr_t addr, Var& v, uint64_t g, bool write, const race::Site& site, const Access& prev,
              bool prev_write, Tell& tell);

  Sched* sched_;
  // Locked holds mu_ for a scope, unless the program is serial.
  class Locked {
   public:
    explicit Locked(Race& r) : r_(r) {
      if (!r_.serial_) r_.mu_.lock();
    }
    ~Locked() {
      if (!r_.serial_) r_.mu_.unlock();
    }
    Locked(const Locked&) = delete;
    Locked& operator=(const Locked&) = delete;

   private:
    Race& r_;
  };
  const bool serial_;
  SpinLock mu_{true};                        // guards everything below (short sections only)
  std::vector<std::unique_ptr<GState>> gs_;  // by goroutine id
  std::unordered_map<const void*, VectorClock> syncs_;
  std::unordered_map<const void*, std::vector<VectorClock>> slots_;  // per channel, by slot
  std::unordered_map<uintptr_t, Var> vars_;
  uintptr_t last_key_ = 0;   // the variable checked last (a loop checks one variable again
  Var* last_var_ = nullptr;  // and again): its entry, stable until forget() erases entries
  std::vector<RaceReport> reports_;
};

// race_here() is the running program's detector, or null (one relaxed load when none runs).
Race* race_here();

}  // namespace goro::detail
