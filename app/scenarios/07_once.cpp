// app/scenarios/07_once.cpp: 07_once.go: ten goroutines call once.Do; the body runs once.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario once_scenario() {
  return {"once",
          "sync.Once",
          "Ten goroutines race to initialise; sync.Once runs the body exactly once.",
          "07_once.go",
          {{"goroutines", 10, 1, 10000, "goroutines calling once.Do"}},
          [](const Params& p) {
            goro::Once once{"once"};
            auto onceBody = [] { goro::println("Only once"); };
            auto done = goro::make_chan<bool>(0, "done");
            for (int i = 0; i < p["goroutines"]; i++) {
              goro::go("once.Do", [&once, onceBody, done] {
                once.call(onceBody);
                done.send(true);
              });
            }
            for (int i = 0; i < p["goroutines"]; i++) done.recv();
          }};
}

}  // namespace goroscope
