// visual/model.hpp: the state of a program at one moment, rebuilt from its event stream alone:
// goroutines, channels (values in order, send and receive queues), WaitGroups, mutexes, Onces,
// the channel-flow and sync-object edges learned so far, the output and how the program ended. No ImGui here.
//
// Invariants: apply() takes events in seq order; after apply(e) the model is exactly the state
// just after e. A goroutine appears in an object's wait queue iff it is Blocked on it (select:
// on each of its channels). Ids are the run's dense ids, so vectors are indexed by id.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "cow_vector.hpp"
#include "goro/event.hpp"
#include "goro/run.hpp"

namespace goro::visual {

// GState is a goroutine's state as drawn.
enum class GState : uint8_t { Runnable, Running, Blocked, Sleeping, Finished };
const char* gstate_name(GState s);

// A recording's strings lie once in its string table, however many events use them; the model
// keeps its own copies of those it shows, cut to these lengths (clip_text()), so that no event
// makes it copy more than a bounded amount: a goroutine's or an object's name, a value, a panic
// or deadlock message, a race report. Output is kept whole up to kMaxOutput bytes in all, and
// race reports up to kMaxRaceReports bytes in all (later ones say they were not kept).
constexpr size_t kMaxName = 256;
constexpr size_t kMaxValue = 256;
constexpr size_t kMaxMessage = 64 << 10;
constexpr size_t kMaxOutput = 4 << 20;
constexpr size_t kMaxRaceReports = 16 << 20;
// clip_text() is s if it has at most max bytes, else its first bytes up to a UTF-8 boundary
// (at most max) followed by "…".
std::string clip_text(const std::string& s, size_t max);

// park_reason() is a GoPark event's WaitReason number: its aux, less the kValueIsInt flag
// (goro::wait_reason_text() gives its words).
inline uint8_t park_reason(const Event& e) { return e.aux & static_cast<uint8_t>(~kValueIsInt); }
// channel_value() is the value a channel event (or a GoPark to send) carries, as text: the
// integer in `value` when aux has kValueIsInt, else the string `text` names (clipped to
// kMaxValue).
std::string channel_value(const Event& e, const std::vector<std::string>& strings);
// parked_state() is the state a goroutine parked for `reason` is drawn in.
inline GState parked_state(uint8_t reason) {
  return reason == static_cast<uint8_t>(WaitReason::Sleep) ? GState::Sleeping : GState::Blocked;
}

// is_timer_name() tells a goroutine or a channel of the time package's own timers: the goroutine
// that waits out time.After, NewTimer, AfterFunc or a Ticker ("time.After.func1",
// "time.(*Ticker).run") and the channel it fires on ("time.After", "time.NewTicker"). Go has a
// runtime timer there and no goroutine: such a goroutine is never drawn, counted or leaked, and
// its channel is drawn as the timer's clock. (A user's program is package main: its names never
// start with "time.".)
inline bool is_timer_name(const std::string& name) { return name.rfind("time.", 0) == 0; }

// Goroutine is one goroutine's state.
struct Goroutine {
  uint64_t id = 0;
  std::string name;
  bool timer = false;  // the time package's, for a timer (is_timer_name()): not the program's
  uint64_t parent = 0;
  GState state = GState::Runnable;
  uint8_t reason = 0;                  // WaitReason while Blocked or Sleeping
  uint64_t waiting_on = 0;             // object id while Blocked (0: none or select)
  std::vector<uint64_t> select_chans;  // channels of the select it waits in
  std::string pending;                 // the value it waits to send
  int p = -1;                          // last P it ran on
  int64_t since = 0;                   // time of its last state change
  int64_t wake_at = -1;                // Sleeping: when it wakes
  uint64_t events = 0;                 // events about it so far
  uint32_t line = 0;                   // the source line it stands on (0: unknown)
  // uses: the objects it used so far (the diagram's edges), in (obj, how) order: how is
  // kRecv or kSend on a channel, or kSync + a SyncRole; count is how often (0: waited only).
  struct Use {
    uint64_t obj;
    uint8_t how;
    uint64_t count;
  };
  static constexpr uint8_t kRecv = 0, kSend = 1, kSync = 2;
  std::vector<Use> uses;  // kept here, not in a map of the model, so snapshots share it (CowVector)
};

// Channel is one channel's state.
struct Channel {
  uint64_t id = 0;
  std::string name;
  int64_t cap = 0;
  std::deque<std::string> buffer;      // values in FIFO order
  std::vector<uint64_t> sendq, recvq;  // goroutines waiting, in arrival order
  bool closed = false;
  uint64_t sends = 0, recvs = 0;
};

// WaitGroup is one WaitGroup's state.
struct WaitGroup {
  uint64_t id = 0;
  std::string name;
  int64_t counter = 0;
  std::vector<uint64_t> waiters;
};

// Mutex is one Mutex's or RWMutex's state.
struct Mutex {
  uint64_t id = 0;
  std::string name;
  bool rw = false;
  uint64_t owner = 0;             // exclusive holder (0: none)
  std::vector<uint64_t> readers;  // shared holders
  std::vector<uint64_t> waiters;
};

// Once is one Once's state.
struct Once {
  uint64_t id = 0;
  std::string name;
  uint64_t ran_by = 0;  // the goroutine that ran the function (0: not yet)
  std::vector<uint64_t> waiters;
};

// RaceMark is a data race found on a variable: goroutine g's access raced with other's.
struct RaceMark {
  uint64_t g = 0, other = 0;
  bool g_writes = false, other_writes = false;
  int64_t time = 0;
  std::string report;    // Go's words, from "WARNING: DATA RACE"
  size_t output_at = 0;  // how much the program had printed when it was found (where Go's report shows)
};

// Overwrite is what a write to a variable did to the value before it: whose value it replaced,
// and whether its goroutine had seen that value. A write that replaces another goroutine's
// write that its own goroutine never read, after reading an earlier value, is a lost update:
// the read-modify-write (counter++ as load, add, store) wrote back on a stale value.
struct Overwrite {
  uint64_t writer = 0;    // the goroutine that wrote (0: no write yet)
  uint64_t previous = 0;  // the goroutine whose write it replaced (0: none, the initial value)
  std::string previous_value;
  bool unseen = false;       // previous is another goroutine, whose value the writer never read
  bool lost_update = false;  // unseen, and the writer had read an earlier value of it
};

// Variable is one variable the race detector watched: who read and wrote it, its value (when
// the run told it: VarRead and VarWrite, recordings of version 5 on) and its races.
struct Variable {
  uint64_t id = 0;
  std::string name;
  std::vector<uint64_t> readers, writers;  // goroutines, in order of their first access
  std::vector<RaceMark> races;
  uint64_t declared_by = 0;  // the goroutine that declared it (0: not known, or the package)
  bool value_known = false;  // value is the value it holds (as Go prints it)
  std::string value;
  uint64_t writes = 0;        // VarWrites so far (the last one's number)
  Overwrite last_write;       // what the last write did
  uint64_t lost_updates = 0;  // writes that were lost updates, so far
  // shared() tells whether it is part of the picture: it raced, or two goroutines or more used
  // it and one of them wrote it. A variable only one goroutine touched (a job's field it
  // received), or only read (a constant-like numJobs, a channel variable), is not.
  bool shared() const {
    if (!races.empty()) return true;
    if (writers.empty()) return false;
    uint64_t first = writers[0];
    for (uint64_t g : readers)
      if (g != first) return true;
    for (uint64_t g : writers)
      if (g != first) return true;
    return false;
  }
};

// variable_title() is a variable's box title: its name (label), and its value when known
// ("counter = 1").
inline std::string variable_title(const std::string& label, const Variable& v) {
  return v.value_known ? label + " = " + v.value : label;
}

// Object is what an object id names: its kind and its index in the vector of that kind.
struct Object {
  ObjKind kind;
  size_t index;
};

// Transfer is a value moving through a channel (for the travelling tokens).
struct Transfer {
  int64_t time;
  uint64_t seq;
  uint64_t chan;
  uint64_t from;  // sending goroutine (0: from the buffer)
  uint64_t to;    // receiving goroutine (0: into the buffer)
  std::string value;
};

// Edge is a learned flow: goroutine g sends to (send) or receives from chan, count times (0:
// it only waited to).
struct EdgeKey {
  uint64_t g, chan;
  bool send;
  bool operator<(const EdgeKey& o) const { return std::tie(g, chan, send) < std::tie(o.g, o.chan, o.send); }
};

// SyncRole is how a goroutine used a sync object: WaitGroup Add (a positive delta), Done (a
// negative one), Wait; Mutex Lock (held or waited for); Once Do.
enum class SyncRole : uint8_t { Add, Done, Wait, Lock, Do };

// SyncEdgeKey is a learned use of a sync object: goroutine g used obj in role, count times.
struct SyncEdgeKey {
  uint64_t g, obj;
  SyncRole role;
  bool operator<(const SyncEdgeKey& o) const { return std::tie(g, obj, role) < std::tie(o.g, o.obj, o.role); }
};

// Model is the whole state.
class Model {
 public:
  // apply() advances the state by one event; strings is the run's string table.
  void apply(const Event& e, const std::vector<std::string>& strings);

  // goroutines() is indexed by id - 1: it may hold ids no event named (ids are dense in a run,
  // not in a crafted file); those have no events. goroutine_count() counts those that exist.
  const CowVector<Goroutine>& goroutines() const { return gs_; }
  size_t goroutine_count() const { return named_; }
  const Goroutine* goroutine(uint64_t id) const { return id && id <= gs_.size() ? &gs_[id - 1] : nullptr; }
  const std::vector<Channel>& channels() const { return chans_; }
  const std::vector<WaitGroup>& waitgroups() const { return wgs_; }
  const std::vector<Mutex>& mutexes() const { return mus_; }
  const std::vector<Once>& onces() const { return onces_; }
  const std::vector<Variable>& variables() const { return vars_; }
  size_t races() const { return races_; }  // data races found so far
  // object() is what id names, or null: an id no ObjMake made (one below a made id included,
  // which an event of a crafted file may name in a field its kind does not use) names nothing.
  const Object* object(uint64_t id) const {
    return id && id <= objs_.size() && objs_[id - 1].index != SIZE_MAX ? &objs_[id - 1] : nullptr;
  }
  std::string object_name(uint64_t id) const;
  const Channel* channel(uint64_t id) const;
  // edges() and sync_edges() are the learned uses, in key order, gathered from the goroutines.
  std::vector<std::pair<EdgeKey, uint64_t>> edges() const;
  std::vector<std::pair<SyncEdgeKey, uint64_t>> sync_edges() const;
  const std::deque<Transfer>& recent_transfers() const { return transfers_; }

  int64_t time() const { return time_; }  // the latest time of the events applied
  uint64_t seq() const { return seq_; }
  const std::string& output() const { return output_; }  // the program's standard output
  const std::string& errors() const { return errors_; }  // its standard error (print, println)
  uint64_t channel_ops() const { return chan_ops_; }
  // count() is how many of the program's goroutines are in state s (timers' not counted).
  size_t count(GState s) const { return counts_[static_cast<size_t>(s)]; }
  // timers() is how many timer goroutines (Goroutine::timer) have not fired or stopped yet.
  size_t timers() const { return timers_alive_; }
  // program_goroutines() is how many goroutines the program made (timers' not counted).
  size_t program_goroutines() const { return gs_.size() - timers_made_; }

  bool exited() const { return exited_; }
  ExitStatus exit_status() const { return status_; }
  const std::string& exit_message() const { return message_; }  // panic / deadlock text
  uint64_t leaked() const { return leaked_; }  // goroutines alive when main returned (timers' not counted)

  // own_bytes() is about how much memory this copy holds that no other copy shares.
  size_t own_bytes() const;

  // dump() describes every goroutine and object, for `goroscope inspect --at`.
  std::string dump() const;

 private:
  Goroutine& g(uint64_t id);
  void set_state(Goroutine& x, GState s, int64_t since);
  void use(uint64_t g, uint64_t obj, uint8_t how, uint64_t n = 1);  // counts a learned edge  // keeps counts_
  void unqueue(Goroutine& gr);
  void transfer(const Event& e, uint64_t from, uint64_t to, std::string v);
  // with_names() is a race report whose goroutines (Go's numbers) also carry the diagram's
  // names: "by goroutine 2 (main.func1):", "Goroutine 2 = main.func1 (running) created at:".
  std::string with_names(std::string report, std::initializer_list<uint64_t> ids) const;
  void var_value(Variable& v, const Event& e, const std::vector<std::string>& strings);  // VarRead, VarWrite

  CowVector<Goroutine> gs_;
  std::array<size_t, 5>
      counts_{};  // goroutines by GState  // copies (replay snapshots) share what they did not change
  size_t timers_alive_ = 0, timers_made_ = 0;  // timer goroutines (not in counts_)
  std::vector<Object> objs_;
  std::vector<Channel> chans_;
  std::map<std::string, std::pair<size_t, size_t>>
      chan_names_;  // Go name -> (channels so named, the first's index)
  std::vector<WaitGroup> wgs_;
  std::vector<Mutex> mus_;
  std::vector<Once> onces_;
  std::vector<Variable> vars_;
  std::string errors_;
  size_t races_ = 0;
  std::deque<Transfer> transfers_;  // the last few, newest at the back
  std::string output_;
  int64_t time_ = 0;
  uint64_t seq_ = 0;
  uint64_t chan_ops_ = 0;
  bool exited_ = false;
  ExitStatus status_ = ExitStatus::Ok;
  std::string message_;
  uint64_t leaked_ = 0;
  size_t named_ = 0;              // goroutines some event named
  bool output_cut_ = false;       // output and errors reached kMaxOutput
  uint32_t message_text_ = 0;     // the string message_ was copied from
  size_t race_report_bytes_ = 0;  // kept in races so far
};

}  // namespace goro::visual
