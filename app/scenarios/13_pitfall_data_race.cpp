// app/scenarios/13_pitfall_data_race.cpp: 13_pitfall_data_race.go: two goroutines increment a
// counter without synchronisation. counter++ is a read, then a write; between them Go's
// scheduler may switch goroutines (here: when the seeded coin says so, or a schedule explorer
// preempts at the access), and an interleaving that switches loses an update. Some seeds print
// 1, others 2; or pick the interleaving by hand (choose next, procs = 1). The counter is a
// goro::Shared, so `run --race` reports the race on every seed, lost update or not, naming the
// Go source's lines.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

namespace {
constexpr const char* kGo = "13_pitfall_data_race.go";
// The Go source's sites: the two go statements (lines 11, 14), their counter++ (12, 15), and
// main's read (19). Goroutines beyond the second share the second's lines.
const goro::race::Site kGoStmt[] = {{"main.main()", kGo, 11}, {"main.main()", kGo, 14}};
const goro::race::Site kIncrement[] = {{"main.main.func1()", kGo, 12}, {"main.main.func2()", kGo, 15}};
const goro::race::Site kPrint{"main.main()", kGo, 19};
}  // namespace

Scenario data_race_scenario() {
  return {"data_race",
          "Pitfall: data race",
          "Two unsynchronised counter++ can lose an update.",
          "13_pitfall_data_race.go",
          {{"goroutines", 2, 1, 100, "goroutines doing counter++"},
           {"sleep_ms", 10, 0, 10000, "how long main waits"}},
          [](const Params& p) {
            goro::Shared<int> counter{0, "counter"};
            for (int i = 0; i < p["goroutines"]; i++) {
              const goro::race::Site& at = kIncrement[i == 0 ? 0 : 1];
              goro::go(
                  "counter++",
                  [&counter, &at] {
                    int v = counter.load(at);                    // read counter
                    if (goro::rand_intn(2) == 0) goro::yield();  // the scheduler may switch here
                    counter.store(v + 1, at);                    // write counter + 1
                  },
                  kGoStmt[i == 0 ? 0 : 1]);
            }
            goro::sleep(std::chrono::milliseconds(p["sleep_ms"]));
            goro::println("counter:", counter.load(kPrint));
          }};
}

}  // namespace goroscope
