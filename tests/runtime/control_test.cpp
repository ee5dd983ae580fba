// tests/runtime/control_test.cpp: pausing, stepping, running until a time, and choosing the next
// goroutine by hand, on a program running on its own thread.
#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

#include "goro/tap.hpp"
#include "support.hpp"

namespace {

// Program runs fn on its own thread with a tap and a control.
struct Program {
  goro::Tap tap;
  goro::Control control;
  std::atomic<bool> done{false};
  goro::Exit exit;
  std::thread th;
  std::vector<goro::Event> events;
  explicit Program(std::function<void()> fn, bool paused = true, int procs = 1) {
    if (paused) control.pause();
    goro::Config cfg;
    cfg.procs = procs;
    th = std::thread([this, fn, cfg] {
      exit = goro::run(cfg, goro::Observer{&tap, &control}, fn);
      done = true;
    });
  }
  ~Program() {
    control.stop();
    th.join();
  }
  // settle() drains until nothing new has arrived for a while (the program is held).
  void settle() {
    size_t quiet = 0;
    while (quiet < 20) {
      size_t n = tap.drain(events);
      quiet = n ? 0 : quiet + 1;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  void finish() {
    control.resume();
    th.join();
    tap.drain(events);
    th = std::thread([] {});
  }
};

void ticker() {
  auto ch = goro::make_chan<int>(0, "ch");
  goro::go("producer", [ch] {
    for (int i = 0; i < 5; i++) {
      goro::sleep(1s);
      ch.send(i);
    }
    ch.close();
  });
  for (int v : ch) goro::println(v);
}

}  // namespace

TEST(Control, PausedProgramDoesNothing) {
  Program p(ticker);
  p.settle();
  // Only main's creation is announced; nothing runs.
  ASSERT_LE(p.events.size(), 1u);
  if (!p.events.empty()) {
    EXPECT_EQ(p.events[0].kind, goro::EventKind::GoCreate);
  }
  EXPECT_FALSE(p.done);
  p.finish();
  EXPECT_EQ(p.exit.output, "0\n1\n2\n3\n4\n");
}

TEST(Control, StepRunsExactlyOneEventAtATime) {
  Program p(ticker);
  p.settle();
  size_t base = p.events.size();  // main's creation
  for (int i = 1; i <= 10; i++) {
    p.control.step();
    p.settle();
    ASSERT_EQ(p.events.size(), base + static_cast<size_t>(i));
    EXPECT_EQ(p.events.back().seq, base + static_cast<uint64_t>(i));
    EXPECT_TRUE(p.control.paused());
  }
  p.finish();
  EXPECT_EQ(p.exit.status, goro::ExitStatus::Ok);
}

TEST(Control, RunUntilStopsAtTheTimeAndTheClockStandsStill) {
  Program p(ticker);
  p.control.run_until(2'500'000'000);  // 2.5 s of virtual time
  p.settle();
  ASSERT_FALSE(p.events.empty());
  EXPECT_GE(p.events.back().time, 2'500'000'000);
  EXPECT_LE(p.events.back().time, 3'000'000'000);
  EXPECT_TRUE(p.control.paused());
  size_t n = p.events.size();
  p.settle();
  EXPECT_EQ(p.events.size(), n);  // nothing moves while paused
  p.finish();
  EXPECT_EQ(p.exit.end_time, 5'000'000'000);
}

TEST(Control, StopEndsAPausedProgram) {
  Program p(ticker);
  p.control.stop();
  p.th.join();
  p.th = std::thread([] {});
  EXPECT_EQ(p.exit.status, goro::ExitStatus::Ok);
  EXPECT_EQ(p.exit.output, "");
}

TEST(Control, StopWakesAProgramAsleepOnTheRealClock) {
  auto sleeper = [] { goro::sleep(1h); };
  goro::Tap tap;
  goro::Control control;
  goro::Config cfg;
  cfg.clock = goro::ClockMode::Real;
  goro::Exit exit;
  std::thread th([&] { exit = goro::run(cfg, goro::Observer{&tap, &control}, sleeper); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // main is asleep by now
  control.stop();
  th.join();  // would take an hour if stop() did not wake the sleeping M
  EXPECT_EQ(exit.status, goro::ExitStatus::Ok);
  EXPECT_LT(exit.end_time, 3'600'000'000'000);
}

namespace {

// race() is the data race: two goroutines read the counter, yield, and write it back + 1.
// drive() steers the run until `done` (the run has ended).
int race(const std::function<void(goro::Control&, const std::atomic<bool>& done)>& drive) {
  std::atomic<int> counter{0};
  auto body = [&counter] {
    for (int i = 0; i < 2; i++) {
      goro::go("counter++", [&counter] {
        int v = counter.load();
        goro::yield();
        counter.store(v + 1);
      });
    }
    goro::sleep(10ms);
  };
  Program p(body, true);
  drive(p.control, p.done);
  p.th.join();
  p.th = std::thread([] {});
  return counter.load();
}

}  // namespace

TEST(Control, ChoosingTheNextGoroutineDecidesTheRace) {
  // Let each goroutine finish before the other starts: no update is lost.
  auto serial = [](goro::Control& c, const std::atomic<bool>& done) {
    c.choose_mode(true);
    c.resume();
    uint64_t answered = 0;  // the last choice we answered
    while (!done.load()) {  // however slow the machine: no time limit decides the answer
      uint64_t n = c.choice_number();
      std::vector<goro::RunnableG> cands = c.candidates();
      if (n == answered || cands.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        continue;
      }
      // Prefer the goroutine that started first (the lowest id): it finishes before the other.
      uint64_t pick = cands.front().id;
      for (const auto& g : cands) pick = std::min(pick, g.id);
      EXPECT_TRUE(c.choose(pick));
      answered = n;
    }
    c.choose_mode(false);
  };
  EXPECT_EQ(race(serial), 2);
  // Without choosing, runnext order interleaves them: both read 0, an update is lost.
  EXPECT_EQ(race([](goro::Control& c, const std::atomic<bool>&) { c.resume(); }), 1);
}

// A stop asked for before the run starts (a SIGINT while the command line sets up) is the
// run's: it ends at once instead of sleeping the hour its main asks for.
TEST(Control, AStopAskedBeforeTheRunStartsEndsIt) {
  goro::Tap tap;
  goro::Control control;
  control.stop();
  goro::Config cfg;
  cfg.clock = goro::ClockMode::Real;
  std::atomic<bool> ended{false};
  goro::Exit exit;
  std::thread th([&] {
    exit = goro::run(cfg, goro::Observer{&tap, &control}, [] { goro::sleep(std::chrono::hours(1)); });
    ended = true;
  });
  for (int i = 0; i < 600 && !ended; i++) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(ended.load()) << "the stop asked for before the run was lost";
  if (!ended) control.stop();  // this run's now: let the thread end
  th.join();
  EXPECT_LT(exit.end_time, 3'600'000'000'000);
}

// A stop that comes while an M is on its way to sleep (after it last looked at the Control,
// before it is on the idle list) still wakes it: each of many runs, stopped at a random early
// moment, ends at once instead of sleeping the hour its main asks for.
TEST(Control, AStopAsAnMGoesToSleepWakesIt) {
  std::mt19937 rng(5);
  for (int round = 0; round < 200; round++) {
    goro::Tap tap;
    goro::Control control;
    goro::Config cfg;
    cfg.clock = goro::ClockMode::Real;
    cfg.procs = 2;
    std::atomic<bool> ended{false};
    std::thread th([&] {
      goro::run(cfg, goro::Observer{&tap, &control}, [] { goro::sleep(std::chrono::hours(1)); });
      ended = true;
    });
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 400));
    control.stop();
    std::vector<goro::Event> events;
    for (int i = 0; i < 1000 && !ended; i++) {
      tap.drain(events);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(ended.load()) << "round " << round << ": the stop was lost";
    while (!ended) {  // unstick it for the next round
      control.stop();
      tap.drain(events);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    th.join();
    if (HasFailure()) break;
  }
}
