// app/scenarios/09_context_timeout.cpp: 09_context_timeout.go: workers check ctx.Done() in a
// select with default and stop when the 2-second timeout cancels the context.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario context_timeout_scenario() {
  return {"context_timeout",
          "Context timeout",
          "A context with a timeout cancels three working goroutines.",
          "09_context_timeout.go",
          {{"workers", 3, 1, 1000, "worker goroutines"},
           {"timeout_ms", 2000, 0, 60000, "context timeout"},
           {"iterations", 10, 1, 1000, "iterations per worker"},
           {"work_ms", 500, 0, 10000, "time per iteration"},
           {"main_sleep_ms", 3000, 0, 60000, "how long main waits"}},
          [](const Params& p) {
            auto worker = [p](goro::Context ctx, int id) {
              for (int i = 0; i < p["iterations"]; i++) {
                bool cancelled = false;
                goro::select(goro::on_recv(ctx.done(), [&] { cancelled = true; }), goro::on_default([&] {
                               goro::print(sf("Worker %d working iteration %d\n", id, i));
                               goro::sleep(std::chrono::milliseconds(p["work_ms"]));
                             }));
                if (cancelled) {
                  goro::print(sf("Worker %d cancelled\n", id));
                  return;
                }
              }
            };
            auto [ctx, cancel] =
                goro::with_timeout(goro::background(), std::chrono::milliseconds(p["timeout_ms"]));
            for (int i = 1; i <= p["workers"]; i++)
              goro::go(sf("worker %d", i), [=, ctx = ctx] { worker(ctx, i); });
            goro::sleep(std::chrono::milliseconds(p["main_sleep_ms"]));
            goro::println("Main finished");
            cancel();  // defer cancel()
          }};
}

}  // namespace goroscope
