// tests/runtime/time_test.cpp: the virtual clock (jumps only when all are blocked) and the real clock.
#include <atomic>
#include <chrono>

#include "support.hpp"

class TimeTest : public WithProcs {};
GORO_INSTANTIATE_PROCS(TimeTest);

TEST_P(TimeTest, VirtualSleepOfAnHourFinishesAtOnce) {
  auto start = std::chrono::steady_clock::now();
  goro::Exit e = goro::run(config(), [] {
    goro::sleep(1h);
    EXPECT_EQ(goro::now(), 3600'000'000'000);
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok);
  EXPECT_EQ(e.end_time, 3600'000'000'000);
  // Not a timing assertion: an hour of wall time would never finish at all.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::minutes(1));
}

TEST_P(TimeTest, VirtualClockStandsStillWhileGoroutinesRun) {
  run_ok([] {
    int64_t t0 = goro::now();
    volatile long spin = 0;
    for (long i = 0; i < 1000000; i++) spin = spin + 1;
    goro::yield();
    EXPECT_EQ(goro::now(), t0);
  });
}

TEST_P(TimeTest, SleepersWakeInDeadlineOrder) {
  std::string out = run_ok([] {
    goro::WaitGroup wg;
    for (int ms : {300, 100, 200}) {
      wg.add(1);
      goro::go([ms, &wg] {
        goro::sleep(std::chrono::milliseconds(ms));
        goro::println(ms, goro::now() / 1'000'000);
        wg.done();
      });
    }
    wg.wait();
  });
  EXPECT_EQ(out, "100 100\n200 200\n300 300\n");
}

TEST_P(TimeTest, TimeDoesNotJumpWhileSomeoneCanRun) {
  run_ok([] {
    auto ch = goro::make_chan<int>(0, "ch");
    goro::go([ch] {
      goro::sleep(1s);
      ch.send(1);
    });
    for (int i = 0; i < 100; i++) goro::yield();  // runnable all along: no jump
    EXPECT_EQ(goro::now(), 0);
    ch.recv();
    EXPECT_EQ(goro::now(), 1'000'000'000);
  });
}

TEST_P(TimeTest, RealClockMeasuresWallTimeTimesSpeed) {
  goro::Config cfg = config();
  cfg.clock = goro::ClockMode::Real;
  cfg.speed = 10.0;  // 10 program seconds per wall second
  auto start = std::chrono::steady_clock::now();
  goro::Exit e = goro::run(cfg, [] {
    int64_t t0 = goro::now();
    goro::sleep(500ms);
    EXPECT_GE(goro::now() - t0, 500'000'000);
  });
  auto wall = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
  EXPECT_GE(e.end_time, 500'000'000);
  EXPECT_GE(wall, 50ms);  // a lower bound only: 500 ms at speed 10 cannot take less than 50 ms
}

// Goroutines that keep the run queue from ever emptying (yielding to each other) must not
// keep a sleeper from waking: due timers fire before the run queue is looked at.
TEST_P(TimeTest, RealClockSleeperWakesWhileOthersKeepTheRunQueueBusy) {
  goro::Config cfg = config();
  cfg.clock = goro::ClockMode::Real;
  std::atomic<bool> done{false}, gave_up{false};
  goro::Exit e = goro::run(cfg, [&] {
    for (int i = 0; i < 2; i++)
      goro::go([&] {
        auto t0 = std::chrono::steady_clock::now();
        while (!done.load()) {
          if (std::chrono::steady_clock::now() - t0 > 10s) {  // the sleeper never woke
            gave_up = true;
            return;
          }
          goro::yield();
        }
      });
    goro::sleep(20ms);
    done = true;
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
  EXPECT_FALSE(gave_up.load());
}

TEST_P(TimeTest, RealClockDeadlockIsStillDetected) {
  goro::Config cfg = config();
  cfg.clock = goro::ClockMode::Real;
  cfg.speed = 100.0;
  goro::Exit e = goro::run(cfg, [] {
    goro::sleep(100ms);
    goro::make_chan<int>(0, "ch").recv();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_NE(e.message.find("goroutine 1 [chan receive]:"), std::string::npos) << e.message;
}
