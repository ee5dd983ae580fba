// app/scenarios/10_pitfall_forgotten_sync.cpp: 10_pitfall_forgotten_sync.go: main returns
// before the goroutine gets to run, so nothing is printed.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario forgotten_sync_scenario() {
  return {"forgotten_sync",
          "Pitfall: forgotten sync",
          "main exits before its goroutine ever runs: nothing is printed.",
          "10_pitfall_forgotten_sync.go",
          {},
          [](const Params&) { goro::go("fmt.Println", [] { goro::println("This might not print"); }); }};
}

}  // namespace goroscope
