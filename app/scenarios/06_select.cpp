// app/scenarios/06_select.cpp: 06_select.go: select takes whichever channel is ready first.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario select_scenario() {
  return {"select",
          "Select",
          "select waits on two channels and takes whichever is ready first.",
          "06_select.go",
          {{"delay1_ms", 100, 0, 10000, "when ch1 gets its value"},
           {"delay2_ms", 200, 0, 10000, "when ch2 gets its value"}},
          [](const Params& p) {
            auto ch1 = goro::make_chan<std::string>(0, "ch1");
            auto ch2 = goro::make_chan<std::string>(0, "ch2");
            goro::go("send on ch1", [=] {
              goro::sleep(std::chrono::milliseconds(p["delay1_ms"]));
              ch1.send("one");
            });
            goro::go("send on ch2", [=] {
              goro::sleep(std::chrono::milliseconds(p["delay2_ms"]));
              ch2.send("two");
            });
            for (int i = 0; i < 2; i++) {
              goro::select(
                  goro::on_recv(ch1, [](std::string msg1) { goro::println("Received from ch1:", msg1); }),
                  goro::on_recv(ch2, [](std::string msg2) { goro::println("Received from ch2:", msg2); }));
            }
          }};
}

}  // namespace goroscope
