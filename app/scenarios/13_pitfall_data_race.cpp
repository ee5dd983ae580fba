// app/scenarios/13_pitfall_data_race.cpp: 13_pitfall_data_race.go: two goroutines increment a
// counter without synchronisation. counter++ is a read, then a write; between them Go's
// scheduler may switch goroutines (here: when the seeded coin says so), and an interleaving
// that switches loses an update. Some seeds print 1, others 2; or pick the interleaving by hand
// (choose next, procs = 1).
#include <atomic>

#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario data_race_scenario() {
  return {"data_race",
          "Pitfall: data race",
          "Two unsynchronised counter++ can lose an update.",
          "13_pitfall_data_race.go",
          {{"goroutines", 2, 1, 100, "goroutines doing counter++"},
           {"sleep_ms", 10, 0, 10000, "how long main waits"}},
          [](const Params& p) {
            // Relaxed atomics: the same lost update as Go's race, without C++ undefined behaviour.
            std::atomic<int> counter{0};
            for (int i = 0; i < p["goroutines"]; i++) {
              goro::go("counter++", [&counter] {
                int v = counter.load(std::memory_order_relaxed);  // read counter
                if (goro::rand_intn(2) == 0) goro::yield();       // the scheduler may switch here
                counter.store(v + 1, std::memory_order_relaxed);  // write counter + 1
              });
            }
            goro::sleep(std::chrono::milliseconds(p["sleep_ms"]));
            goro::println("counter:", counter.load());
          }};
}

}  // namespace goroscope
