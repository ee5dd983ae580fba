// tests/runtime/once_test.cpp: Once runs exactly once, and late callers wait for it to return.
#include <atomic>

#include "support.hpp"

class OnceTest : public WithProcs {};
GORO_INSTANTIATE_PROCS(OnceTest);

TEST_P(OnceTest, RunsExactlyOnce) {
  std::string out = run_ok([] {
    goro::Once once{"once"};
    auto done = goro::make_chan<bool>(0, "done");
    for (int i = 0; i < 10; i++) {
      goro::go([&once, done] {
        once.call([] { goro::print("Only once\n"); });
        done.send(true);
      });
    }
    for (int i = 0; i < 10; i++) done.recv();
  });
  EXPECT_EQ(out, "Only once\n");
}

TEST_P(OnceTest, OtherCallersWaitUntilItHasReturned) {
  std::atomic<bool> finished{false};
  std::atomic<int> early{0};
  run_ok([&] {
    goro::Once once;
    goro::WaitGroup wg;
    for (int i = 0; i < 5; i++) {
      wg.add(1);
      goro::go([&] {
        once.call([&] {
          goro::sleep(1s);
          finished = true;
        });
        if (!finished) early++;
        wg.done();
      });
    }
    wg.wait();
  });
  EXPECT_TRUE(finished.load());
  EXPECT_EQ(early.load(), 0);
}

TEST_P(OnceTest, APanicCountsAsDone) {
  int runs = 0;
  run_ok([&] {
    goro::Once once;
    try {
      once.call([&] {
        runs++;
        goro::panic("first");
      });
    } catch (const goro::Panic& p) {
      EXPECT_STREQ(p.what(), "first");
    }
    once.call([&] { runs++; });
  });
  EXPECT_EQ(runs, 1);
}
