// tests/runtime/waitgroup_test.cpp: WaitGroup counting, release of every waiter, negative counter, reuse.
#include <atomic>

#include "support.hpp"

class WaitGroupTest : public WithProcs {};
GORO_INSTANTIATE_PROCS(WaitGroupTest);

TEST_P(WaitGroupTest, WaitReturnsAfterEveryDone) {
  std::atomic<int> finished{0};
  int seen_at_wait = -1;
  run_ok([&] {
    goro::WaitGroup wg{"orders"};
    EXPECT_EQ(wg.name(), "orders");
    for (int i = 0; i < 50; i++) {
      wg.add(1);
      goro::go([&, i] {
        goro::sleep(std::chrono::milliseconds(i % 7));
        finished++;
        wg.done();
      });
    }
    wg.wait();
    seen_at_wait = finished.load();
    EXPECT_EQ(wg.counter(), 0);
  });
  EXPECT_EQ(seen_at_wait, 50);
}

TEST_P(WaitGroupTest, ReleasesEveryWaiter) {
  std::atomic<int> released{0};
  run_ok([&] {
    goro::WaitGroup wg, all;
    wg.add(1);
    for (int i = 0; i < 5; i++) {
      all.add(1);
      goro::go([&] {
        wg.wait();
        released++;
        all.done();
      });
    }
    goro::sleep(1ms);
    EXPECT_EQ(released.load(), 0);
    wg.done();
    all.wait();
  });
  EXPECT_EQ(released.load(), 5);
}

TEST_P(WaitGroupTest, WaitOnZeroCounterReturnsAtOnce) {
  run_ok([] {
    goro::WaitGroup wg;
    wg.wait();
  });
}

TEST_P(WaitGroupTest, NegativeCounterPanics) {
  goro::Exit e = goro::run(config(), [] {
    goro::WaitGroup wg;
    wg.add(1);
    wg.done();
    wg.done();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("panic: sync: negative WaitGroup counter", 0), 0u) << e.message;
}

TEST_P(WaitGroupTest, ForgottenDoneDeadlocks) {
  goro::Exit e = goro::run(config(), [] {
    goro::WaitGroup wg;
    wg.add(2);
    goro::go("worker", [&wg] { wg.done(); });
    wg.wait();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_NE(e.message.find("goroutine 1 [sync.WaitGroup.Wait]:"), std::string::npos) << e.message;
}

// Go's check: a waiter woken by the counter reaching zero finds it raised again before it could
// return. At procs = 1 the order is fixed: the waiter runs only once main has added again.
TEST(WaitGroupReuse, AddBeforeTheWaiterReturnedPanics) {
  goro::Config cfg;
  cfg.procs = 1;
  goro::Exit e = goro::run(cfg, [] {
    goro::WaitGroup wg;
    wg.add(1);
    goro::go("waiter", [&wg] { wg.wait(); });
    goro::yield();  // the waiter parks in wait()
    wg.done();      // wakes it
    wg.add(1);      // and reuses the group before it ran
    goro::yield();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("panic: sync: WaitGroup is reused before previous Wait has returned", 0), 0u)
      << e.message;
  EXPECT_NE(e.message.find("goroutine 2 [running]:"), std::string::npos) << e.message;
}
