// app/scenarios/14_performance_million.cpp: 14_performance_million.go: a million goroutines,
// then the same work with a pool of 8. The durations are the program's clock (goro::now(), as
// time.Since is Go's): real time with --clock real; with the virtual clock, which stands still
// while goroutines compute (as in Go's testing/synctest), they are 0s, so the output and the
// recording are the same on every run.
#include <vector>

#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

namespace {

// go_duration() formats nanoseconds as Go's time.Duration.String() does (e.g. "312.5ms").
std::string go_duration(int64_t ns) {
  auto trim = [](std::string s) {
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s;
  };
  if (ns == 0) return "0s";  // as Go prints a zero Duration
  if (ns < 1000) return std::to_string(ns) + "ns";
  if (ns < 1000000) return trim(sf("%.3f", double(ns) / 1e3)) + "µs";
  if (ns < 1000000000) return trim(sf("%.6f", double(ns) / 1e6)) + "ms";
  return trim(sf("%.9f", double(ns) / 1e9)) + "s";
}

int64_t since(int64_t t) { return goro::now() - t; }

}  // namespace

Scenario million_scenario() {
  return {"million",
          "A million goroutines",
          "One goroutine per task for a million tasks, then a pool of 8 workers.",
          "14_performance_million.go",
          {{"n", 1000000, 1, 5000000, "tasks"},
           {"workers", 8, 1, 10000, "pool size"},
           {"buffer", 1024, 0, 1000000, "jobs capacity"}},
          [](const Params& p) {
            const int n = p["n"];
            int64_t start = goro::now();
            goro::WaitGroup wg{"wg"};
            std::vector<int> results(static_cast<size_t>(n));
            for (int i = 0; i < n; i++) {
              wg.add(1);
              goro::go("task", [&results, &wg, i] {
                results[static_cast<size_t>(i)] = i * 2;
                wg.done();
              });
            }
            wg.wait();
            goro::println("one goroutine per task:", go_duration(since(start)));

            start = goro::now();
            auto jobs = goro::make_chan<int>(p["buffer"], "jobs");
            for (int w = 0; w < p["workers"]; w++) {
              wg.add(1);
              goro::go(sf("pool worker %d", w + 1), [&results, &wg, jobs] {
                for (int i : jobs) results[static_cast<size_t>(i)] = i * 3;
                wg.done();
              });
            }
            for (int i = 0; i < n; i++) jobs.send(i);
            jobs.close();
            wg.wait();
            goro::println(sf("worker pool of %d:", p["workers"]), go_duration(since(start)));
          }};
}

}  // namespace goroscope
