// visual/flow.hpp: pairing each value sent on a channel with the receive that took it, from the
// event stream alone: a hand-off pairs with itself; a value put into a buffer pairs with the
// receive that takes it out (FIFO per channel, as the buffer is). No ImGui here.
//
// Invariants: add() takes events in seq order; every Flow has s0 <= s1; a value still in a
// buffer has no Flow yet (its receive may never come).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "goro/event.hpp"

namespace goro::visual {

// Flow is one value's way through a channel.
struct Flow {
  uint64_t from, to;  // sending and receiving goroutine
  uint64_t chan;
  int64_t t0, t1;   // sent, received (equal for a hand-off)
  uint64_t s0, s1;  // the events' seq numbers
};

class FlowPairing {
 public:
  // add() returns the flow that e completes, if it completes one.
  std::optional<Flow> add(const Event& e);
  void clear() { buffered_.clear(); }

 private:
  struct Sent {
    uint64_t g;
    int64_t t;
    uint64_t s;
  };
  std::vector<std::deque<Sent>> buffered_;  // index: channel id - 1; oldest value first
};

}  // namespace goro::visual
