// bench/race_bench.cpp: what the race detector costs, and how many runs a second the schedule
// explorer makes. Prints one table (markdown) to stdout; best of 3 for each line.
//
//   race_bench [REPS]
//
// Detector: the same program with Config::race off and on, procs 1 and 2: checked accesses
// under a Mutex (every access and every lock feeds the detector), a channel ping-pong (edges
// only), and the article's mutex counter. Explorer: runs per second for the article's data race
// (random walk and PCT, 10,000 runs each, nothing to find under `--until deadlock,panic`, so
// every run is made) and for once.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "explorer.hpp"
#include "goro/goro.hpp"

namespace {

double seconds(const std::function<void()>& f, int reps) {
  double best = 1e30;
  for (int i = 0; i < reps; i++) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

void run(bool race, int procs, const std::function<void()>& body) {
  goro::Config c;
  c.procs = procs;
  c.race = race;
  goro::Exit e = goro::run(c, body);
  if (e.status != goro::ExitStatus::Ok || !e.races.empty()) {
    std::fprintf(stderr, "race_bench: the workload failed: %s\n", e.message.c_str());
    std::exit(1);
  }
}

// checked(): 100 goroutines x 1000 increments of one Shared<int> under a Mutex.
void checked() {
  goro::Shared<int> x{0, "x"};
  goro::Mutex mu;
  goro::WaitGroup wg;
  for (int g = 0; g < 100; g++) {
    wg.add(1);
    goro::go([&] {
      for (int i = 0; i < 1000; i++) {
        mu.lock();
        x.add(1);
        mu.unlock();
      }
      wg.done();
    });
  }
  wg.wait();
}

// pingpong(): 100,000 round trips on two unbuffered channels.
void pingpong() {
  auto ping = goro::make_chan<int>(0), pong = goro::make_chan<int>(0);
  goro::go([=] {
    for (int v : ping) pong.send(v);
  });
  for (int i = 0; i < 100000; i++) {
    ping.send(i);
    pong.recv();
  }
  ping.close();
}

// counter(): the article's mutex counter, 1000 goroutines.
void counter() {
  goro::Shared<int> count{0, "count"};
  goro::Mutex mu;
  goro::WaitGroup wg;
  for (int i = 0; i < 1000; i++) {
    wg.add(1);
    goro::go([&] {
      mu.lock();
      count.add(1);
      mu.unlock();
      wg.done();
    });
  }
  wg.wait();
}

}  // namespace

int main(int argc, char** argv) {
  int reps = argc > 1 ? std::atoi(argv[1]) : 3;
  if (reps < 1) reps = 1;
  std::printf("| workload | procs | ops | race off (ms) | race on (ms) | on / off |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
  struct W {
    const char* name;
    void (*body)();
    const char* ops;
  } ws[] = {{"Shared add under a Mutex", checked, "100,000 locks + 200,000 accesses"},
            {"ping-pong (unbuffered)", pingpong, "200,000 send/receive pairs"},
            {"mutex counter (1000 goroutines)", counter, "1000 go + lock + 2 accesses"}};
  for (const W& w : ws)
    for (int procs : {1, 2}) {
      double off = seconds([&] { run(false, procs, w.body); }, reps);
      double on = seconds([&] { run(true, procs, w.body); }, reps);
      std::printf("| %s | %d | %s | %.1f | %.1f | %.2fx |\n", w.name, procs, w.ops, off * 1e3, on * 1e3,
                  on / off);
    }

  std::printf(
      "\n| explored program | strategy | runs | seconds | runs/s |\n| --- | --- | ---: | ---: | ---: |\n");
  for (const char* name : {"data_race", "once"})
    for (goroscope::Strategy st : {goroscope::Strategy::Random, goroscope::Strategy::Pct}) {
      goroscope::ExploreOptions o;
      const goroscope::Scenario* s = goroscope::find_scenario(name);
      o.spec = goroscope::RunSpec{s, s->defaults(), {}};
      o.strategy = st;
      o.until = goroscope::kDeadlock | goroscope::kPanic;
      o.runs = 10000;
      double best = 1e30;
      uint64_t runs = 0;
      for (int r = 0; r < reps; r++) {
        goroscope::Explorer ex(o);
        while (ex.step()) {
        }
        best = std::min(best, ex.result().seconds);
        runs = ex.result().runs;
      }
      std::printf("| %s | %s | %llu | %.2f | %.0f |\n", name,
                  st == goroscope::Strategy::Pct ? "pct" : "random", static_cast<unsigned long long>(runs),
                  best, static_cast<double>(runs) / best);
    }
  return 0;
}
