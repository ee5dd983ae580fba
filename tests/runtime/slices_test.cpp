// tests/runtime/slices_test.cpp: goro::Slices, a program run a slice at a time from a host loop on
// one thread (the page's way): it ends as goro::run does on a thread of its own, it never holds
// the host while it waits (timers, a paused Control), and a Control drives it between slices.
#include "goro/slices.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>

#include "goro/tap.hpp"
#include "support.hpp"

namespace {

// worker_pool is a small worker pool with real-clock sleeps: the idle P waits for timers.
void worker_pool() {
  auto jobs = goro::make_chan<int>(4, "jobs");
  auto results = goro::make_chan<int>(4, "results");
  goro::WaitGroup wg;
  for (int w = 0; w < 3; w++) {
    wg.add(1);
    goro::go("worker", [jobs, results, &wg] {
      for (int j : jobs) {
        goro::sleep(1ms);
        results.send(j * j);
      }
      wg.done();
    });
  }
  goro::go("feeder", [jobs] {
    for (int j = 1; j <= 9; j++) jobs.send(j);
    jobs.close();
  });
  goro::go("closer", [results, &wg] {
    wg.wait();
    results.close();
  });
  int sum = 0;
  for (int r : results) sum += r;
  goro::println("sum", sum);
}

TEST(Slices, RunsToTheEndInManySlices) {
  goro::Config cfg;
  cfg.clock = goro::ClockMode::Real;
  goro::Exit exit;
  goro::Slices run([&] { exit = goro::run(cfg, worker_pool); });
  int slices = 0;
  while (!run.done()) {
    run.advance(100us);
    slices++;
    ASSERT_LT(slices, 100000);
  }
  EXPECT_EQ(exit.status, goro::ExitStatus::Ok) << exit.message;
  EXPECT_EQ(exit.output, "sum 285\n");
  EXPECT_GT(slices, 1);  // the sleeps gave the host its frames
}

TEST(Slices, PausedControlGivesTheSliceBack) {
  goro::Tap tap;
  goro::Control control;
  control.pause();
  goro::Exit exit;
  goro::Slices run([&] { exit = goro::run(goro::Config{}, goro::Observer{&tap, &control}, worker_pool); });
  std::vector<goro::Event> events;
  for (int i = 0; i < 5; i++) run.advance(1ms);  // paused: each returns, having run nothing new
  tap.drain(events);
  const size_t held = events.size();
  for (int i = 0; i < 5; i++) run.advance(1ms);
  tap.drain(events);
  EXPECT_EQ(events.size(), held);
  EXPECT_FALSE(run.done());
  control.step(3);  // three events, then paused again
  for (int i = 0; i < 5; i++) run.advance(1ms);
  tap.drain(events);
  EXPECT_EQ(events.size(), held + 3);
  control.resume();
  while (!run.done()) {
    run.advance(1ms);
    tap.drain(events);  // the host drains between slices: a full ring waits for it
  }
  EXPECT_EQ(exit.status, goro::ExitStatus::Ok) << exit.message;
  EXPECT_EQ(exit.output, "sum 285\n");
}

TEST(Slices, ComputingGoroutineGivesTheSliceBackAtPreemptionPoints) {
  // main computes without ever switching (an interpreter's long loop) until it has seen the
  // host take 20 slices: only a slice that ends at a preemption point lets the host count one.
  // Held for the loop's length, the first slice would last until the loop gave up (20 s, a
  // bound only a broken build reaches) and main would print "held".
  std::atomic<int> host_slices{0};
  goro::Exit exit;
  goro::Slices run([&] {
    exit = goro::run(goro::Config{}, [&host_slices] {
      const auto give_up = std::chrono::steady_clock::now() + 20s;
      while (host_slices.load() < 20 && std::chrono::steady_clock::now() < give_up) goro::preempt_point();
      goro::println(host_slices.load() >= 20 ? "given back" : "held");
    });
  });
  int slices = 0;
  while (!run.done()) {
    run.advance(1ms);
    host_slices++;
    ASSERT_LT(++slices, 1000000);
  }
  EXPECT_EQ(exit.status, goro::ExitStatus::Ok) << exit.message;
  EXPECT_EQ(exit.output, "given back\n");
  EXPECT_GE(slices, 20);
}

TEST(Slices, AdvanceSaysWhetherTheBodyComputedThroughItsSlice) {
  // main computes until told to stop, then sleeps on the real clock: advance() says true while it
  // computes (the slice ran out), false once it only waits (the idle P gives the slice back
  // early) and once it has returned. The page draws fewer frames only in the first case.
  std::atomic<bool> stop{false};
  goro::Config cfg;
  cfg.clock = goro::ClockMode::Real;
  goro::Exit exit;
  goro::Slices run([&] {
    exit = goro::run(cfg, [&stop] {
      while (!stop.load()) goro::preempt_point();
      goro::sleep(300ms);
    });
  });
  EXPECT_TRUE(run.advance(2ms));
  EXPECT_TRUE(run.advance(2ms));
  stop = true;
  run.advance(2ms);  // main leaves its loop and goes to sleep
  EXPECT_FALSE(run.advance(200ms)) << "asleep, it gives the slice back long before its end";
  while (!run.done()) run.advance(50ms);
  EXPECT_FALSE(run.advance(50ms));
  EXPECT_EQ(exit.status, goro::ExitStatus::Ok) << exit.message;
}

TEST(Slices, MoreThanOnePIsRefused) {
  goro::Config cfg;
  cfg.procs = 2;
  goro::Slices run([&] { goro::run(cfg, worker_pool); });
  EXPECT_THROW(run.advance(1ms), std::invalid_argument);
  EXPECT_TRUE(run.done());
}

}  // namespace
