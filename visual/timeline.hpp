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

// Timeline holds every goroutine's spans.
class Timeline {
 public:
  void add(const Event& e);
  void clear() { lanes_.clear(), end_time_ = 0, end_seq_ = 0; }
  const std::vector<std::vector<StateSpan>>& lanes() const { return lanes_; }  // index: goroutine id - 1
  int64_t end_time() const { return end_time_; }
  uint64_t end_seq() const { return end_seq_; }

 private:
  void begin(uint64_t g, const Event& e, GState s, uint8_t reason = 0, uint64_t obj = 0);
  std::vector<std::vector<StateSpan>> lanes_;
  int64_t end_time_ = 0;
  uint64_t end_seq_ = 0;
};

}  // namespace goro::visual
