// visual/timeline.hpp: the timeline's data, built incrementally from events (no ImGui): for each
// goroutine, the spans of time it spent in each state; for each P, which goroutine it ran when;
// the flows of values from sends to receives; counter tracks. Spans carry both time and event
// number, so the view can lay them out by either (virtual time stands still while goroutines
// run, and then only event numbers spread them out).
//
// Invariants: a goroutine's spans (and a P's) are in order and do not overlap; the last one is
// open (end = -1) while the goroutine lives (or runs on the P); flows are in the order of their
// receives; add() takes events in seq order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flow.hpp"
#include "goro/event.hpp"
#include "model.hpp"

namespace goro::visual {

// StateSpan is one stretch of one state.
struct StateSpan {
  int64_t t0, t1;   // time; t1 = -1 while open
  uint64_t s0, s1;  // event seq; s1 = 0 while open
  GState state;
  uint8_t reason;  // WaitReason while Blocked or Sleeping
  uint64_t obj;    // what it waited on
};

// RunSpan is one stretch of a P running one goroutine.
struct RunSpan {
  int64_t t0, t1;   // t1 = -1 while it runs
  uint64_t s0, s1;  // s1 = 0 while it runs
  uint64_t g;
};

// Mark is a channel operation on a goroutine's lane (a tick on the timeline).
struct Mark {
  int64_t t;
  uint64_t s;
  bool send;
};

// Sample is one value of a counter (a channel's length, a WaitGroup's counter) from then on.
struct Sample {
  int64_t t;
  uint64_t s;
  int64_t v;
};

// Counter is one counter track.
struct Counter {
  uint64_t obj;  // the channel or WaitGroup
  bool chan;
  std::vector<Sample> samples;
};

// Timeline holds every goroutine's spans, its channel operations, and the counter tracks.
class Timeline {
 public:
  void add(const Event& e);
  void clear() { *this = Timeline(); }
  const std::vector<std::vector<StateSpan>>& lanes() const { return lanes_; }  // index: goroutine id - 1
  const std::vector<std::vector<RunSpan>>& procs() const { return procs_; }    // index: P
  const std::vector<Flow>& flows() const { return flows_; }
  // Names, as string-table indices (0: none), known from the first event on, wherever the
  // cursor is: a goroutine's and an object's.
  uint32_t goroutine_name(uint64_t g) const { return g && g <= names_.size() ? names_[g - 1] : 0; }
  uint32_t object_name(uint64_t obj) const {
    return obj && obj <= obj_names_.size() ? obj_names_[obj - 1] : 0;
  }
  const std::vector<std::vector<Mark>>& marks() const { return marks_; }  // index: goroutine id - 1
  const std::vector<Counter>& counters() const { return counters_; }
  int64_t end_time() const { return end_time_; }
  uint64_t end_seq() const { return end_seq_; }

 private:
  void begin(uint64_t g, const Event& e, GState s, uint8_t reason = 0, uint64_t obj = 0);
  void run(const Event& e, uint64_t g);  // P e.p runs g from e on (0: nothing)
  void mark(uint64_t g, const Event& e, bool send);
  void sample(uint64_t obj, bool chan, const Event& e, int64_t v);
  std::vector<std::vector<StateSpan>> lanes_;
  std::vector<std::vector<Mark>> marks_;
  std::vector<std::vector<RunSpan>> procs_;
  std::vector<int> running_on_;  // index: goroutine id - 1; the P it runs on, -1: none
  FlowPairing pairing_;
  std::vector<Flow> flows_;
  std::vector<uint32_t> names_, obj_names_;
  std::vector<Counter> counters_;
  std::vector<size_t> counter_of_;  // object id - 1 -> index in counters_ + 1 (0: none yet)
  int64_t end_time_ = 0;
  uint64_t end_seq_ = 0;
};

}  // namespace goro::visual
