// tests/runtime/program_end_test.cpp: how programs end: main returning, panics, exceptions, leaks,
// unwinding of abandoned goroutines, and running many programs in one process.
#include <atomic>
#include <stdexcept>

#include "support.hpp"

class ProgramEnd : public WithProcs {};
GORO_INSTANTIATE_PROCS(ProgramEnd);

TEST_P(ProgramEnd, IdsFollowCreationOrder) {
  run_ok([] {
    EXPECT_EQ(goro::current_id(), 1u);
    EXPECT_EQ(goro::go([] {}), 2u);
    EXPECT_EQ(goro::go("named", [] {}), 3u);
    auto ch = goro::make_chan<uint64_t>(1, "id");
    uint64_t id = goro::go([ch] { ch.send(goro::current_id()); });
    EXPECT_EQ(id, 4u);
    EXPECT_EQ(ch.recv(), 4u);
  });
}

TEST_P(ProgramEnd, MainReturningEndsTheProgramAndCountsLeaks) {
  std::atomic<int> ran_after{0};
  goro::Exit e = goro::run(config(), [&] {
    auto never = goro::make_chan<int>(0, "never");
    goro::go([never] { never.recv(); });  // blocked forever: leaked
    goro::go([&] {
      goro::sleep(1h);
      ran_after++;  // would run only if the program went on
    });
    goro::sleep(1ms);
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok);
  EXPECT_EQ(e.leaked, 2u);
  EXPECT_EQ(ran_after.load(), 0);
  EXPECT_EQ(e.goroutines, 3u);
  EXPECT_EQ(e.end_time, 1'000'000);
}

TEST_P(ProgramEnd, ForgottenSyncPrintsNothing) {
  goro::Exit e = goro::run(config(), [] { goro::go([] { goro::print("This might not print\n"); }); });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok);
  if (GetParam() == 1) {
    EXPECT_EQ(e.output, "");  // with one P the goroutine never gets to run
  }
}

TEST_P(ProgramEnd, PanicInAGoroutineEndsTheProgram) {
  goro::Exit e = goro::run(config(), [] {
    goro::go("worker 7", [] { goro::panic("boom"); });
    goro::sleep(1s);
    goro::print("not reached\n");
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message, "panic: boom\n\ngoroutine 2 [running]:\nworker 7\n");
  EXPECT_EQ(e.output, "");
}

TEST_P(ProgramEnd, EscapingExceptionIsAPanic) {
  goro::Exit e = goro::run(config(), [] { throw std::runtime_error("disk on fire"); });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message, "panic: disk on fire\n\ngoroutine 1 [running]:\nmain\n");
  goro::Exit f = goro::run(config(), [] { throw 42; });
  EXPECT_EQ(f.status, goro::ExitStatus::Panic);
  EXPECT_EQ(f.message.rfind("panic: unknown C++ exception", 0), 0u);
}

TEST_P(ProgramEnd, RecoveringAPanicIsCatchingIt) {
  std::string out = run_ok([] {
    try {
      goro::panic("oops");
    } catch (const goro::Panic& p) {
      goro::println("recovered:", p.what());
    }
  });
  EXPECT_EQ(out, "recovered: oops\n");
}

TEST_P(ProgramEnd, DeadlockDumpListsEveryGoroutine) {
  goro::Exit e = goro::run(config(), [] {
    auto jobs = goro::make_chan<int>(0, "jobs");
    goro::WaitGroup wg;
    goro::go("sleeper", [] { goro::sleep(1ms); });
    goro::go("worker 1", [jobs] { jobs.recv(); });
    goro::go("selector", [jobs] { goro::select(goro::on_recv(jobs, [] {}), goro::on_recv(jobs, [] {})); });
    wg.add(1);
    wg.wait();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_EQ(e.message,
            "fatal error: all goroutines are asleep - deadlock!\n\n"
            "goroutine 1 [sync.WaitGroup.Wait]:\nmain\n\n"
            "goroutine 3 [chan receive]:\nworker 1\n\n"
            "goroutine 4 [select]:\nselector\n");
  EXPECT_EQ(e.leaked, 2u);
}

TEST_P(ProgramEnd, MainGoexitLetsTheOthersFinishThenNoneIsLeft) {
  std::atomic<int> steps{0};
  goro::Exit e = goro::run(config(), [&steps] {
    goro::go("worker", [&steps] {
      for (int i = 0; i < 3; i++) {
        goro::sleep(1ms);
        steps++;
      }
    });
    goro::main_goexit();  // main returns, as Go's main does after runtime.Goexit
  });
  EXPECT_EQ(steps.load(), 3);
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_EQ(e.message, "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
  EXPECT_EQ(e.leaked, 0u);
}

TEST_P(ProgramEnd, MainGoexitWithAGoroutineBlockedIsADeadlockWithoutMain) {
  goro::Exit e = goro::run(config(), [] {
    auto never = goro::make_chan<int>(0, "never");
    goro::go("waiter", [never] { never.recv(); });
    goro::main_goexit();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_EQ(e.message,
            "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 2 [chan receive]:\nwaiter\n");
  EXPECT_EQ(e.leaked, 1u);
}

TEST_P(ProgramEnd, MainGoexitThenAPanicEndsTheProgram) {
  goro::Exit e = goro::run(config(), [] {
    goro::go("panicker", [] {
      goro::sleep(1ms);
      goro::panic("late");
    });
    goro::main_goexit();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("panic: late\n\ngoroutine 2 [running]:", 0), 0u) << e.message;
}

TEST(ProgramEndMainGoexit, OnlyMainMayCallIt) {
  goro::Exit e = goro::run(goro::Config{}, [] {
    auto done = goro::make_chan<bool>(0, "done");
    goro::go([done] {
      EXPECT_THROW(goro::main_goexit(), std::logic_error);
      done.send(true);
    });
    done.recv();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok);
}

// Tracker counts live instances, to see that abandoned goroutines are unwound.
struct Tracker {
  static inline std::atomic<int> live{0};
  Tracker() { live++; }
  Tracker(const Tracker&) { live++; }
  ~Tracker() { live--; }
};

TEST_P(ProgramEnd, AbandonedGoroutinesAreUnwound) {
  Tracker::live = 0;
  goro::Exit e = goro::run(config(), [] {
    auto never = goro::make_chan<std::string>(0, "never");
    for (int i = 0; i < 20; i++) {
      goro::go([never, t = Tracker()] {
        Tracker on_stack;
        std::string big(1000, 'x');  // heap memory that LeakSanitizer would report
        never.recv();
      });
    }
    goro::go([never] {
      Tracker on_stack;
      never.send(std::string(2000, 'y'));
    });
    goro::go([t = Tracker()] {});  // never started: its closure must still be destroyed
    goro::sleep(1ms);
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Ok);
  EXPECT_EQ(Tracker::live.load(), 0);
}

TEST_P(ProgramEnd, DeadlockedProgramIsUnwoundToo) {
  Tracker::live = 0;
  goro::Exit e = goro::run(config(), [] {
    Tracker t;
    goro::Mutex mu;
    mu.lock();
    goro::go([&mu] {
      Tracker t2;
      std::lock_guard<goro::Mutex> l(mu);
    });
    mu.lock();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_EQ(Tracker::live.load(), 0);
}

TEST_P(ProgramEnd, RunsAgainAndAgainInOneProcess) {
  for (int i = 0; i < 50; i++) {
    goro::Exit e = goro::run(config(), [i] {
      auto ch = goro::make_chan<int>(0, "ch");
      goro::go([ch, i] { ch.send(i); });
      goro::println(ch.recv());
    });
    ASSERT_EQ(e.status, goro::ExitStatus::Ok);
    ASSERT_EQ(e.output, std::to_string(i) + "\n");
  }
}

TEST(ProgramEndMisuse, CallsOutsideAGoroutineThrow) {
  EXPECT_THROW(goro::go([] {}), std::logic_error);
  EXPECT_THROW(goro::yield(), std::logic_error);
  EXPECT_THROW(goro::print("x"), std::logic_error);
  EXPECT_THROW(goro::sleep(1ms), std::logic_error);
  EXPECT_THROW(goro::panic("x"), goro::Panic);
}

TEST(ProgramEndMisuse, BadConfigIsRejected) {
  goro::Config cfg;
  cfg.procs = 0;
  EXPECT_THROW(goro::run(cfg, [] {}), std::invalid_argument);
  cfg.procs = 65;
  EXPECT_THROW(goro::run(cfg, [] {}), std::invalid_argument);
  cfg.procs = 1;
  cfg.speed = 0;
  EXPECT_THROW(goro::run(cfg, [] {}), std::invalid_argument);
}

TEST(ProgramEndMisuse, NestedRunIsRejected) {
  goro::Exit e = goro::run(goro::Config{}, [] { goro::run(goro::Config{}, [] {}); });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_NE(e.message.find("goro::run called from a goroutine"), std::string::npos) << e.message;
}
