// app/scenarios/03_channels_workers.cpp: 03_channels_workers.go: workers take jobs from a
// buffered channel and send results back on an unbuffered one.
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario channels_workers_scenario() {
  return {"channels_workers",
          "Channels and workers",
          "Three workers read jobs from a channel and send back results.",
          "03_channels_workers.go",
          {{"workers", 3, 1, 200, "worker goroutines"},
           {"jobs", 9, 1, 10000, "jobs to do"},
           {"buffer", 5, 0, 1000, "jobs channel capacity"},
           {"work_ms", 1000, 0, 10000, "time per job"}},
          [](const Params& p) {
            auto worker = [p](int id, goro::RecvChan<int> jobs, goro::SendChan<int> results) {
              for (int job : jobs) {
                goro::print(sf("Worker %d started job %d\n", id, job));
                goro::sleep(std::chrono::milliseconds(p["work_ms"]));
                int result = job * 2;
                goro::print(sf("Worker %d finished job %d\n", id, job));
                results.send(result);
              }
            };
            auto jobs = goro::make_chan<int>(p["buffer"], "jobs");
            auto results = goro::make_chan<int>(0, "results");
            for (int i = 1; i <= p["workers"]; i++)
              goro::go(sf("worker %d", i), [=] { worker(i, jobs, results); });
            int n = p["jobs"];
            goro::go("send jobs", [=] {
              for (int j = 1; j <= n; j++) jobs.send(j);
              jobs.close();
            });
            for (int i = 0; i < n; i++) goro::print(sf("Result: %d\n", results.recv()));
          }};
}

}  // namespace goroscope
