// visual/timeline.hpp: the timeline's data: for each goroutine, the spans of time it spent in
// each state, built incrementally from events (no ImGui). Spans carry both time and event
// number, so the view can lay them out by either (virtual time stands still while goroutines
// run, and then only event numbers spread them out).
//
// Invariants: a goroutine's spans are in order and do not overlap; the last one is open (end =
// -1) while the goroutine lives; add() takes events in seq order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "goro/event.hpp"
#include "model.hpp"

namespace goro::visual {

// StateSpan is one stretch of one state.
struct StateSpan {
  int64_t t0, t1;    // time; t1 = -1 while open
  uint64_t s0, s1;   // event seq; s1 = 0 while open
  GState state;
  uint8_t reason;    // WaitReason while Blocked or Sleeping
  uint64_t obj;      // what it waited on
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
  void clear() { lanes_.clear(), marks_.clear(), counters_.clear(), counter_of_.clear(), end_time_ = 0, end_seq_ = 0; }
  const std::vector<std::vector<StateSpan>>& lanes() const { return lanes_; }  // index: goroutine id - 1
  const std::vector<std::vector<Mark>>& marks() const { return marks_; }       // index: goroutine id - 1
  const std::vector<Counter>& counters() const { return counters_; }
  int64_t end_time() const { return end_time_; }
  uint64_t end_seq() const { return end_seq_; }

 private:
  void begin(uint64_t g, const Event& e, GState s, uint8_t reason = 0, uint64_t obj = 0);
  void mark(uint64_t g, const Event& e, bool send);
  void sample(uint64_t obj, bool chan, const Event& e, int64_t v);
  std::vector<std::vector<StateSpan>> lanes_;
  std::vector<std::vector<Mark>> marks_;
  std::vector<Counter> counters_;
  std::vector<size_t> counter_of_;  // object id - 1 -> index in counters_ + 1 (0: none yet)
  int64_t end_time_ = 0;
  uint64_t end_seq_ = 0;
};

}  // namespace goro::visual
