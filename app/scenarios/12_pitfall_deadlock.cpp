// app/scenarios/12_pitfall_deadlock.cpp: 12_pitfall_deadlock.go: main sends on an unbuffered
// channel with no receiver: every goroutine is asleep, and Go says so.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario deadlock_scenario() {
  return {"deadlock",
          "Pitfall: deadlock",
          "main sends on an unbuffered channel that nobody receives from.",
          "12_pitfall_deadlock.go",
          {},
          [](const Params&) {
            auto ch = goro::make_chan<int>(0, "ch");  // unbuffered
            ch.send(1);                               // blocks: no receiver
            int x = ch.recv();                        // never executes
            goro::println(x);
          }};
}

}  // namespace goroscope
