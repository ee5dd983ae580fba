// tests/runtime/mutex_test.cpp: Mutex and RWMutex: exclusion, FIFO hand-off, try_lock, fatal unlocks.
#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "support.hpp"

class MutexTest : public WithProcs {};
GORO_INSTANTIATE_PROCS(MutexTest);

TEST_P(MutexTest, CounterIsExactUnderContention) {
  int count = 0;
  run_ok([&] {
    goro::Mutex mu{"mu"};
    goro::WaitGroup wg;
    for (int g = 0; g < 100; g++) {
      wg.add(1);
      goro::go([&] {
        for (int k = 0; k < 200; k++) {
          std::lock_guard<goro::Mutex> l(mu);
          int c = count;
          if (k % 50 == 0) goro::yield();  // let others try while we hold it
          count = c + 1;
        }
        wg.done();
      });
    }
    wg.wait();
  });
  EXPECT_EQ(count, 100 * 200);
}

TEST_P(MutexTest, WaitersGetTheLockInArrivalOrder) {
  std::vector<int> order;
  run_ok([&] {
    goro::Mutex mu;
    goro::WaitGroup wg;
    mu.lock();
    for (int i = 0; i < 5; i++) {
      wg.add(1);
      goro::go([&, i] {
        mu.lock();
        order.push_back(i);
        mu.unlock();
        wg.done();
      });
      goro::sleep(1ms);  // waiter i queues before waiter i+1
    }
    mu.unlock();
    wg.wait();
  });
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

// A holder that keeps re-locking while others run would make a woken waiter lose every race;
// after a millisecond the mutex starves newcomers and hands the lock to the waiter.
TEST_P(MutexTest, StarvingWaiterIsHandedTheLock) {
  bool waiter_got_it = false;
  bool gave_up = false;
  run_ok([&] {
    goro::Mutex mu;
    goro::WaitGroup wg;
    wg.add(1);
    mu.lock();
    goro::go([&] {
      mu.lock();
      waiter_got_it = true;
      mu.unlock();
      wg.done();
    });
    auto until = std::chrono::steady_clock::now() + 5s;
    while (!waiter_got_it) {
      if (std::chrono::steady_clock::now() > until) {
        gave_up = true;
        break;
      }
      goro::yield();  // the waiter runs while we hold the lock, and loses
      mu.unlock();
      mu.lock();  // newcomer: beats the woken waiter unless the mutex starves
    }
    mu.unlock();
    wg.wait();
  });
  EXPECT_TRUE(waiter_got_it);
  EXPECT_FALSE(gave_up);
}

TEST_P(MutexTest, TryLock) {
  run_ok([] {
    goro::Mutex mu;
    EXPECT_TRUE(mu.try_lock());
    EXPECT_FALSE(mu.try_lock());
    mu.unlock();
    EXPECT_TRUE(mu.try_lock());
    mu.unlock();
  });
}

TEST_P(MutexTest, UnlockOfUnlockedMutexIsFatal) {
  goro::Exit e = goro::run(config(), [] {
    goro::Mutex mu;
    mu.unlock();
    goro::print("not reached\n");
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("fatal error: sync: unlock of unlocked mutex", 0), 0u) << e.message;
  EXPECT_EQ(e.output, "");
}

TEST_P(MutexTest, LockedTwiceDeadlocksWithGoReason) {
  goro::Exit e = goro::run(config(), [] {
    goro::Mutex mu;
    mu.lock();
    mu.lock();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_NE(e.message.find("goroutine 1 [sync.Mutex.Lock]:"), std::string::npos) << e.message;
}

TEST_P(MutexTest, RWMutexAllowsManyReadersOrOneWriter) {
  run_ok([] {
    goro::RWMutex rw{"rw"};
    rw.lock_shared();
    EXPECT_TRUE(rw.try_lock_shared());
    EXPECT_FALSE(rw.try_lock());
    rw.unlock_shared();
    rw.unlock_shared();
    EXPECT_TRUE(rw.try_lock());
    EXPECT_FALSE(rw.try_lock_shared());
    rw.unlock();
  });
}

TEST_P(MutexTest, RWMutexWaitingWriterBlocksNewReaders) {
  std::vector<std::string> order;
  run_ok([&] {
    goro::RWMutex rw;
    goro::WaitGroup wg;
    rw.lock_shared();
    wg.add(2);
    goro::go([&] {
      rw.lock();  // waits for the first reader
      order.push_back("writer");
      rw.unlock();
      wg.done();
    });
    goro::sleep(1ms);
    goro::go([&] {
      {
        std::shared_lock<goro::RWMutex> l(rw);  // must wait behind the writer
        order.push_back("reader");
      }
      wg.done();
    });
    goro::sleep(1ms);
    EXPECT_TRUE(order.empty());
    rw.unlock_shared();
    wg.wait();
  });
  EXPECT_EQ(order, (std::vector<std::string>{"writer", "reader"}));
}

TEST_P(MutexTest, RWMutexDeadlockReasons) {
  goro::Exit e = goro::run(config(), [] {
    goro::RWMutex rw;
    rw.lock_shared();
    goro::go("writer", [&rw] { rw.lock(); });
    goro::sleep(1ms);
    rw.lock_shared();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_NE(e.message.find("goroutine 1 [sync.RWMutex.RLock]:"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("goroutine 2 [sync.RWMutex.Lock]:\nwriter"), std::string::npos) << e.message;
}

TEST_P(MutexTest, RUnlockOfUnlockedRWMutexIsFatal) {
  goro::Exit e = goro::run(config(), [] {
    goro::RWMutex rw;
    rw.unlock_shared();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("fatal error: sync: RUnlock of unlocked RWMutex", 0), 0u) << e.message;
}
