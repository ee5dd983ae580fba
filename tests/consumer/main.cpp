// tests/consumer/main.cpp: a Go program on the installed goro::runtime. It prints Go's output
// and exits 0 only if the runtime did what Go does: three workers, nine jobs, a WaitGroup.
#include <cstdio>
#include <goro/goro.hpp>
#include <string>

int main() {
  goro::Config cfg;
  cfg.procs = 2;
  goro::Exit e = goro::run(cfg, [] {
    auto jobs = goro::make_chan<int>(3, "jobs");
    auto results = goro::make_chan<int>(9, "results");
    goro::WaitGroup wg{"wg"};
    for (int w = 0; w < 3; w++) {
      wg.add(1);
      goro::go("worker", [jobs, results, &wg] {
        for (int j : jobs) results.send(j * j);
        wg.done();
      });
    }
    for (int j = 1; j <= 9; j++) jobs.send(j);
    jobs.close();
    wg.wait();
    results.close();
    int sum = 0;
    for (int r : results) sum += r;
    goro::println("sum", sum);
  });
  std::fputs(e.output.c_str(), stdout);
  if (e.status != goro::ExitStatus::Ok || e.output != "sum 285\n") {
    std::fprintf(stderr, "goro_consumer: unexpected end: %s\n", e.message.c_str());
    return 1;
  }
  return 0;
}
