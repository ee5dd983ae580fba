// tests/runtime/race_test.cpp: the race detector, one small program per happens-before edge of the Go
// memory model: with the edge, no race; with the access moved to the wrong side of it, a race
// on every schedule. Each at procs 1 and 2.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "goro/goro.hpp"

namespace {

using namespace std::chrono_literals;

class Race : public ::testing::TestWithParam<int> {
 protected:
  // races() runs body with the detector on and returns the reports.
  std::vector<goro::RaceReport> races(const std::function<void()>& body, uint64_t seed = 1) {
    goro::Config c;
    c.procs = GetParam();
    c.seed = seed;
    c.race = true;
    goro::Exit e = goro::run(c, body);
    EXPECT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
    return e.races;
  }
  size_t count(const std::function<void()>& body) { return races(body).size(); }
};

TEST_P(Race, GoStatementOrdersWhatCameBefore) {
  EXPECT_EQ(count([] {
              goro::Shared<int> x{0, "x"};
              goro::WaitGroup wg;
              x.store(1);
              wg.add(1);
              goro::go([&] {
                x.store(2);
                wg.done();
              });
              wg.wait();
            }),
            0u);
  EXPECT_EQ(count([] {
              goro::Shared<int> x{0, "x"};
              goro::WaitGroup wg;
              wg.add(1);
              goro::go([&] {
                x.store(2);
                wg.done();
              });
              x.store(1);  // after the go statement: unordered with the goroutine's store
              wg.wait();
            }),
            1u);
}

TEST_P(Race, SendHappensBeforeItsReceiveCompletes) {
  for (size_t cap : {0u, 3u}) {
    EXPECT_EQ(count([cap] {
                goro::Shared<int> x{0, "x"};
                auto ch = goro::make_chan<int>(cap);
                goro::go([&, ch] {
                  x.store(1);
                  ch.send(1);
                });
                ch.recv();
                EXPECT_EQ(x.load(), 1);
              }),
              0u)
        << "cap " << cap;
    EXPECT_EQ(count([cap] {
                goro::Shared<int> x{0, "x"};
                auto ch = goro::make_chan<int>(cap);
                goro::go([&, ch] {
                  x.store(1);
                  ch.send(1);
                });
                x.load();  // before the receive
                ch.recv();
              }),
              1u)
        << "cap " << cap;
  }
}

TEST_P(Race, UnbufferedReceiveHappensBeforeTheSendCompletes) {
  auto program = [](size_t cap) {
    return [cap] {
      goro::Shared<int> x{0, "x"};
      auto ch = goro::make_chan<int>(cap);
      auto done = goro::make_chan<int>(0);
      goro::go([&, ch, done] {
        x.store(1);
        ch.recv();
        done.send(0);
      });
      ch.send(1);  // unbuffered: completes after the receive began
      x.load();
      done.recv();
    };
  };
  EXPECT_EQ(count(program(0)), 0u);
  EXPECT_EQ(count(program(1)), 1u);  // buffered: the send does not wait for the receive
}

TEST_P(Race, KthReceiveHappensBeforeSendKPlusCapacity) {
  auto program = [](size_t cap) {
    return [cap] {
      goro::Shared<int> x{0, "x"};
      auto ch = goro::make_chan<int>(cap);
      for (size_t i = 0; i < cap; i++) ch.send(0);  // the buffer is full
      auto done = goro::make_chan<int>(0);
      goro::go([&, ch, done] {
        x.store(1);
        ch.recv();  // receive 1 ...
        done.send(0);
      });
      ch.send(1);  // ... happens before send 1 + cap completes
      x.load();
      done.recv();
    };
  };
  EXPECT_EQ(count(program(1)), 0u);
  EXPECT_EQ(count(program(3)), 0u);
  // With one more slot than sends, the last send does not wait for the receive: a race.
  EXPECT_EQ(count([] {
              goro::Shared<int> x{0, "x"};
              auto ch = goro::make_chan<int>(2);
              ch.send(0);
              auto done = goro::make_chan<int>(0);
              goro::go([&, ch, done] {
                x.store(1);
                ch.recv();
                done.send(0);
              });
              ch.send(1);
              x.load();
              done.recv();
            }),
            1u);
}

TEST_P(Race, CloseHappensBeforeAReceiveThatSeesIt) {
  EXPECT_EQ(count([] {
              goro::Shared<int> x{0, "x"};
              auto ch = goro::make_chan<int>(0);
              goro::go([&, ch] {
                x.store(1);
                ch.close();
              });
              EXPECT_FALSE(ch.recv2().second);
              x.load();
            }),
            0u);
  EXPECT_EQ(count([] {
              goro::Shared<int> x{0, "x"};
              auto ch = goro::make_chan<int>(0);
              auto done = goro::make_chan<int>(1);
              goro::go([&, ch, done] {
                ch.close();
                x.store(1);  // after the close
                done.send(0);
              });
              ch.recv2();
              x.load();
              done.recv();
            }),
            1u);
}

TEST_P(Race, SelectCasesCarryTheirEdges) {
  EXPECT_EQ(count([] {
              goro::Shared<int> x{0, "x"};
              auto a = goro::make_chan<int>(0), b = goro::make_chan<int>(1);
              goro::go([&, a] {
                x.store(1);
                a.send(1);
              });
              goro::select(goro::on_recv(a, [](int) {}), goro::on_recv(b, [](int) {}));
              x.load();
            }),
            0u);
  EXPECT_EQ(count([] {
              goro::Shared<int> x{0, "x"};
              auto a = goro::make_chan<int>(0), b = goro::make_chan<int>(1);
              // main waits for the store without a happens-before edge (a plain atomic and
              // yield), so that the program cannot end before the racing store is made
              std::atomic<bool> stored{false};
              goro::go([&, a] {
                a.send(1);
                x.store(1);
                stored.store(true);
              });
              goro::select(goro::on_recv(a, [](int) {}), goro::on_recv(b, [](int) {}));
              x.load();
              while (!stored.load()) goro::yield();
            }),
            1u);
}

TEST_P(Race, UnlockHappensBeforeTheNextLock) {
  auto program = [](bool second_locks) {
    return [second_locks] {
      goro::Shared<int> x{0, "x"};
      goro::Mutex mu;
      goro::WaitGroup wg;
      wg.add(2);
      goro::go([&] {
        mu.lock();
        x.add(1);
        mu.unlock();
        wg.done();
      });
      goro::go([&, second_locks] {
        if (second_locks) mu.lock();
        x.add(1);
        if (second_locks) mu.unlock();
        wg.done();
      });
      wg.wait();
      EXPECT_GE(x.load(), 1);
    };
  };
  EXPECT_EQ(count(program(true)), 0u);
  EXPECT_EQ(count(program(false)), 1u);
}

TEST_P(Race, RWMutexOrdersWritersWithReadersButNotReadersTogether) {
  auto program = [](bool writer_takes_lock) {
    return [writer_takes_lock] {
      goro::Shared<int> x{0, "x"};
      goro::RWMutex rw;
      goro::WaitGroup wg;
      wg.add(3);
      for (int i = 0; i < 2; i++)
        goro::go([&] {
          rw.lock_shared();
          x.load();
          rw.unlock_shared();
          wg.done();
        });
      goro::go([&, writer_takes_lock] {
        if (writer_takes_lock) {
          rw.lock();
          x.store(1);
          rw.unlock();
        } else {
          rw.lock_shared();  // a write under a read lock
          x.store(1);
          rw.unlock_shared();
        }
        wg.done();
      });
      wg.wait();
    };
  };
  EXPECT_EQ(count(program(true)), 0u);
  EXPECT_EQ(count(program(false)), 1u);
}

TEST_P(Race, OnceFunctionHappensBeforeEveryDoReturns) {
  auto program = [](bool all_call_once) {
    return [all_call_once] {
      goro::Shared<int> x{0, "x"};
      goro::Once once;
      goro::WaitGroup wg;
      wg.add(3);
      for (int i = 0; i < 3; i++)
        goro::go([&, i, all_call_once] {
          if (all_call_once || i > 0) once.call([&] { x.store(42); });
          x.load();
          wg.done();
        });
      wg.wait();
    };
  };
  EXPECT_EQ(count(program(true)), 0u);
  EXPECT_EQ(count(program(false)), 1u);
}

TEST_P(Race, WaitGroupDoneHappensBeforeTheWaitItReleases) {
  auto program = [](bool read_after_wait) {
    return [read_after_wait] {
      goro::Shared<int> x{0, "x"};
      goro::WaitGroup wg;
      wg.add(1);
      goro::go([&] {
        x.store(1);
        wg.done();
      });
      if (!read_after_wait) x.load();
      wg.wait();
      if (read_after_wait) x.load();
    };
  };
  EXPECT_EQ(count(program(true)), 0u);
  EXPECT_EQ(count(program(false)), 1u);
}

TEST_P(Race, CancelHappensBeforeDonesReceivers) {
  auto program = [](bool write_before_cancel) {
    return [write_before_cancel] {
      goro::Shared<int> x{0, "x"};
      auto [ctx, cancel] = goro::with_cancel(goro::background());
      auto finished = goro::make_chan<int>(1);
      goro::go([&, cancel = cancel, write_before_cancel] {
        if (write_before_cancel) x.store(1);
        cancel();
        if (!write_before_cancel) x.store(1);
        finished.send(0);
      });
      ctx.done().recv();
      x.load();
      finished.recv();
    };
  };
  EXPECT_EQ(count(program(true)), 0u);
  EXPECT_EQ(count(program(false)), 1u);
}

TEST_P(Race, ATimersStartHappensBeforeItsFiring) {
  auto program = [](bool write_before_arming) {
    return [write_before_arming] {
      goro::Shared<int> x{0, "x"};
      std::optional<goro::Context> ctx;
      auto finished = goro::make_chan<int>(1);
      goro::go([&, finished] {
        goro::sleep(1ms);  // until main has armed the deadline (no edge: sleeping orders nothing)
        ctx->done().recv();
        x.load();
        finished.send(0);
      });
      if (write_before_arming) x.store(1);
      auto [c, cancel] = goro::with_timeout(goro::background(), 5ms);
      ctx = c;
      if (!write_before_arming) x.store(1);
      finished.recv();
      cancel();
    };
  };
  EXPECT_EQ(count(program(true)), 0u);
  EXPECT_EQ(count(program(false)), 1u);
}

TEST_P(Race, ReadSharedVariablesWidenAndNarrow) {
  // Two unordered reads are no race; a write ordered after both is none either; a write
  // ordered after only one of them is.
  auto program = [](bool wait_for_both) {
    return [wait_for_both] {
      goro::Shared<int> x{0, "x"};
      goro::WaitGroup first, second;
      first.add(1);
      second.add(1);
      goro::go([&] {
        x.load();
        first.done();
      });
      goro::go([&] {
        x.load();
        second.done();
      });
      first.wait();
      if (wait_for_both) second.wait();
      x.store(1);
      if (!wait_for_both) second.wait();
    };
  };
  EXPECT_EQ(count(program(true)), 0u);
  EXPECT_EQ(count(program(false)), 1u);
}

TEST_P(Race, TheReportNamesBothAccessesAndTheirGoroutines) {
  static const goro::race::Site kWrite{"main.main.func1()", "race.go", 12};
  static const goro::race::Site kRead{"main.main()", "race.go", 20};
  static const goro::race::Site kGo{"main.main()", "race.go", 11};
  auto r = races([] {
    goro::Shared<int> counter{0, "counter"};
    auto done = goro::make_chan<int>(1);
    goro::go(
        [&] {
          counter.store(1, kWrite);
          done.send(0);
        },
        kGo);
    goro::sleep(1ms);
    counter.load(kRead);
    done.recv();
  });
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].variable, "counter");
  const std::string& t = r[0].text;
  EXPECT_NE(t.find("WARNING: DATA RACE\nRead at 0x"), std::string::npos) << t;
  EXPECT_NE(t.find("by goroutine 1:\n  main.main()\n      race.go:20\n"), std::string::npos) << t;
  EXPECT_NE(t.find("Previous write at 0x"), std::string::npos) << t;
  EXPECT_NE(t.find("by goroutine 2:\n  main.main.func1()\n      race.go:12\n"), std::string::npos) << t;
  EXPECT_NE(t.find("Goroutine 2 (finished) created at:\n  main.main()\n      race.go:11\n"),
            std::string::npos)
      << t;
}

TEST_P(Race, OffCostsNoReports) {
  goro::Config c;
  c.procs = GetParam();
  goro::Exit e = goro::run(c, [] {
    goro::Shared<int> x{0};
    goro::WaitGroup wg;
    wg.add(1);
    goro::go([&] {
      x.store(1);
      wg.done();
    });
    x.store(2);
    wg.wait();
  });
  EXPECT_TRUE(e.races.empty());
}

INSTANTIATE_TEST_SUITE_P(Procs, Race, ::testing::Values(1, 2),
                         [](const auto& info) { return "procs" + std::to_string(info.param); });

// Leaks: goroutines still blocked when main returns, with what they wait on.
TEST(Leaks, BlockedGoroutinesAreListedWithTheirWait) {
  goro::Exit e = goro::run(goro::Config{}, [] {
    auto ch = goro::make_chan<int>(0, "results");
    goro::Mutex mu{"mu"};
    mu.lock();
    goro::go("sender", [ch] { ch.send(1); });
    goro::go("locker", [&mu] {
      mu.lock();
      mu.unlock();
    });
    goro::sleep(1ms);
    mu.unlock();
    goro::sleep(1ms);
  });
  ASSERT_EQ(e.leaked, 1u) << "the locker got the mutex and finished";
  ASSERT_EQ(e.blocked.size(), 1u);
  EXPECT_EQ(e.blocked[0].goroutine, 2u);
  EXPECT_EQ(e.blocked[0].name, "sender");
  EXPECT_EQ(e.blocked[0].state, "chan send");
  EXPECT_EQ(e.blocked[0].object, "chan results");
}

}  // namespace
