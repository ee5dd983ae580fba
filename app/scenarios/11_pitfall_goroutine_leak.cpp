// app/scenarios/11_pitfall_goroutine_leak.cpp: 11_pitfall_goroutine_leak.go: a goroutine waits
// forever on a channel nobody sends on; it is still blocked (leaked) when main returns.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario goroutine_leak_scenario() {
  return {"goroutine_leak",
          "Pitfall: goroutine leak",
          "A goroutine blocks forever on a channel nobody sends on.",
          "11_pitfall_goroutine_leak.go",
          {{"leakers", 1, 1, 1000000, "goroutines left waiting"},
           {"sleep_ms", 100, 0, 3600000, "how long main waits"}},
          [](const Params& p) {
            auto neverSendChannel = goro::make_chan<int>(0, "neverSendChannel");
            for (int i = 0; i < p["leakers"]; i++) {
              goro::go("receive forever", [=] {
                int x = neverSendChannel.recv();  // blocks forever
                goro::println(x);
              });
            }
            goro::sleep(std::chrono::milliseconds(p["sleep_ms"]));
            goro::println("main returns; one goroutine is still blocked (leaked)");
          }};
}

}  // namespace goroscope
