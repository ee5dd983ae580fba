// app/scenarios/05_mutex_counter.cpp: 05_mutex_counter.go: a counter shared by many goroutines,
// kept exact by a Mutex. The count is a goro::Shared, so `run --race` checks that the Mutex
// really orders every access (it does: no report).
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario mutex_counter_scenario() {
  return {"mutex_counter",
          "Mutex counter",
          "1000 goroutines increment a counter guarded by a sync.Mutex.",
          "05_mutex_counter.go",
          {{"goroutines", 1000, 1, 100000, "incrementing goroutines"}},
          [](const Params& p) {
            struct SafeCounter {
              goro::Mutex mu{"counter.mu"};
              goro::Shared<int> count{0, "counter.count"};
              void Increment() {
                std::lock_guard<goro::Mutex> l(mu);
                count.add(1);  // count++
              }
              int Value() {
                std::lock_guard<goro::Mutex> l(mu);
                return count.load();
              }
            } counter;
            goro::WaitGroup wg{"wg"};
            for (int i = 0; i < p["goroutines"]; i++) {
              wg.add(1);
              goro::go("increment", [&] {
                counter.Increment();
                wg.done();
              });
            }
            wg.wait();
            goro::print(sf("Final count: %d\n", counter.Value()));
          }};
}

}  // namespace goroscope
