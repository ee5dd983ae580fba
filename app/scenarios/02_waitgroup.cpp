// app/scenarios/02_waitgroup.cpp: 02_waitgroup.go: main waits for every order with a WaitGroup.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario waitgroup_scenario() {
  return {"waitgroup",
          "WaitGroup",
          "Process orders concurrently; wg.Wait() blocks until every one is done.",
          "02_waitgroup.go",
          {{"orders", 5, 1, 1000, "orders to process"}, {"work_ms", 500, 0, 10000, "time per order"}},
          [](const Params& p) {
            goro::WaitGroup wg{"wg"};
            auto processOrder = [&wg, p](int orderID) {
              goro::print(sf("Processing order %d\n", orderID));
              goro::sleep(std::chrono::milliseconds(p["work_ms"]));
              goro::print(sf("Order %d completed\n", orderID));
              wg.done();  // defer wg.Done(): last
            };
            for (int i = 0; i < p["orders"]; i++) {
              int orderID = 101 + i;
              wg.add(1);
              goro::go(sf("processOrder(%d)", orderID), [=] { processOrder(orderID); });
            }
            wg.wait();
            goro::println("All orders processed");
          }};
}

}  // namespace goroscope
