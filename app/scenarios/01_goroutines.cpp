// app/scenarios/01_goroutines.cpp: 01_goroutines.go: two tasks printing concurrently while main
// sleeps long enough (it hopes) for them to finish.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario goroutines_scenario() {
  return {"goroutines",
          "Goroutines",
          "Two goroutines print concurrently; main sleeps to give them time.",
          "01_goroutines.go",
          {{"tasks", 2, 1, 26, "concurrent tasks (Task A, Task B, ...)"},
           {"count", 5, 1, 100, "numbers each task prints"},
           {"sleep_ms", 100, 0, 10000, "pause between numbers"},
           {"main_sleep_ms", 1000, 0, 60000, "how long main waits"}},
          [](const Params& p) {
            auto printNumbers = [p](std::string label) {
              for (int i = 1; i <= p["count"]; i++) {
                goro::print(sf("%s: %d\n", label.c_str(), i));
                goro::sleep(std::chrono::milliseconds(p["sleep_ms"]));
              }
            };
            for (int t = 0; t < p["tasks"]; t++) {
              std::string label = std::string("Task ") + char('A' + t);
              goro::go("printNumbers(\"" + label + "\")", [=] { printNumbers(label); });
            }
            goro::sleep(std::chrono::milliseconds(p["main_sleep_ms"]));
            goro::println("Main finished");
          }};
}

}  // namespace goroscope
