// tests/runtime/stress_test.cpp: many goroutines doing random channel work; no value may be lost or
// delivered twice, whatever the number of procs.
#include <algorithm>
#include <random>
#include <vector>

#include "support.hpp"

class Stress : public WithProcs {};
GORO_INSTANTIATE_PROCS(Stress);

TEST_P(Stress, NoValueLostOrDuplicated) {
  constexpr int kProducers = 40, kConsumers = 30, kPerProducer = 500, kChans = 6;
  std::vector<int> received;
  goro::Exit e = goro::run(config(), [&] {
    std::vector<goro::Chan<int>> chans;
    for (int i = 0; i < kChans; i++) chans.push_back(goro::make_chan<int>(i % 3, "c" + std::to_string(i)));
    goro::WaitGroup producers, consumers;
    goro::Mutex mu;
    for (int p = 0; p < kProducers; p++) {
      producers.add(1);
      goro::go([&, p] {
        std::mt19937 rng(p);
        for (int i = 0; i < kPerProducer; i++) {
          int v = p * kPerProducer + i;
          int k = rng() % kChans;
          switch (rng() % 3) {
            case 0:
              chans[k].send(v);
              break;
            case 1:
              goro::select(goro::on_send(chans[k], v, [] {}),
                           goro::on_send(chans[(k + 1) % kChans], v, [] {}));
              break;
            default:
              if (!chans[k].try_send(v)) chans[(k + 2) % kChans].send(v);
          }
          if (rng() % 10 == 0) goro::yield();
        }
        producers.done();
      });
    }
    auto quit = goro::make_chan<goro::Empty>(0, "quit");
    for (int c = 0; c < kConsumers; c++) {
      consumers.add(1);
      goro::go([&, c] {
        std::mt19937 rng(1000 + c);
        std::vector<int> mine;
        bool done = false;
        auto take = [&](int v) { mine.push_back(v); };
        while (!done) {
          // Every consumer waits on every channel, so a blocked producer always has a taker.
          goro::select(goro::on_recv(chans[0], take), goro::on_recv(chans[1], take),
                       goro::on_recv(chans[2], take), goro::on_recv(chans[3], take),
                       goro::on_recv(chans[4], take), goro::on_recv(chans[5], take),
                       goro::on_recv(quit, [&] { done = true; }));
          if (rng() % 10 == 0) goro::yield();
        }
        // Drain what is left without blocking.
        for (auto& ch : chans)
          while (goro::select(goro::on_recv(ch, [&](int v) { mine.push_back(v); }),
                              goro::on_default([] {})) == 0) {
          }
        {
          std::lock_guard<goro::Mutex> l(mu);
          received.insert(received.end(), mine.begin(), mine.end());
        }
        consumers.done();  // last: main's locals (mu, chans) may be gone once it returns
      });
    }
    producers.wait();
    quit.close();
    consumers.wait();
    EXPECT_EQ(consumers.counter(), 0);
    EXPECT_EQ(producers.counter(), 0);
  });
  ASSERT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
  EXPECT_EQ(e.leaked, 0u);
  std::sort(received.begin(), received.end());
  ASSERT_EQ(received.size(), static_cast<size_t>(kProducers * kPerProducer));
  for (int i = 0; i < kProducers * kPerProducer; i++) ASSERT_EQ(received[i], i);
}

TEST_P(Stress, ManyShortLivedGoroutines) {
  std::atomic<long> sum{0};
  run_ok([&] {
    goro::WaitGroup wg;
    for (int i = 0; i < 20000; i++) {
      wg.add(1);
      goro::go([&, i] {
        sum += i;
        wg.done();
      });
    }
    wg.wait();
  });
  EXPECT_EQ(sum.load(), 20000L * 19999 / 2);
}

// A burst of go statements that never blocks overflows the creating P's run queue (8192) more
// than once: half of it moves to the global queue each time, read back from the ring after the
// thieves are fenced off. Every goroutine must run exactly once.
TEST_P(Stress, BurstBeyondRunQueueRunsEachOnce) {
#ifdef __SANITIZE_THREAD__
  // TSan makes each goroutine's fiber a thread of its own (minutes for this many); the same
  // overflow runs under it in ManyShortLivedGoroutines.
  GTEST_SKIP() << "too slow under TSan";
#endif
  constexpr int kBurst = 30000;
  std::vector<std::atomic<int>> runs(kBurst);
  run_ok([&] {
    goro::WaitGroup wg;
    for (int i = 0; i < kBurst; i++) {
      wg.add(1);
      goro::go([&, i] {
        runs[static_cast<size_t>(i)].fetch_add(1, std::memory_order_relaxed);
        wg.done();
      });
    }
    wg.wait();
  });
  int wrong = 0;
  for (auto& r : runs) wrong += r.load() != 1;
  EXPECT_EQ(wrong, 0);
}
