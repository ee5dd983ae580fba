// tests/runtime/chan_test.cpp: channel semantics: rendezvous, FIFO buffers, arrival order, close, nil.
#include <string>
#include <vector>

#include "support.hpp"

template <class C>
concept CanSend = requires(C c) {
  c.send(1);
};
template <class C>
concept CanRecv = requires(C c) {
  c.recv();
};

class Chan : public WithProcs {};
GORO_INSTANTIATE_PROCS(Chan);

TEST_P(Chan, UnbufferedSendWaitsForReceiver) {
  std::vector<std::string> log;
  goro::Mutex mu;
  auto note = [&](std::string s) {
    std::lock_guard<goro::Mutex> l(mu);
    log.push_back(std::move(s));
  };
  run_ok([&] {
    auto ch = goro::make_chan<int>(0, "ch");
    goro::WaitGroup wg;
    wg.add(1);
    goro::go([&, ch] {
      ch.send(42);
      note("sent");
      wg.done();
    });
    goro::sleep(1s);  // virtual: the sender has long been blocked
    note("receiving");
    EXPECT_EQ(ch.recv(), 42);
    wg.wait();
  });
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "receiving");
  EXPECT_EQ(log[1], "sent");
}

TEST_P(Chan, BufferedIsFifoAndDoesNotBlockUntilFull) {
  run_ok([] {
    auto ch = goro::make_chan<std::string>(3, "messages");
    ch.send("first");
    ch.send("second");
    ch.send("third");
    EXPECT_EQ(ch.len(), 3u);
    EXPECT_EQ(ch.cap(), 3u);
    EXPECT_FALSE(ch.try_send("fourth"));
    EXPECT_EQ(ch.recv(), "first");
    EXPECT_EQ(ch.recv(), "second");
    EXPECT_TRUE(ch.try_send("fourth"));
    EXPECT_EQ(ch.recv(), "third");
    EXPECT_EQ(ch.recv(), "fourth");
    EXPECT_EQ(ch.len(), 0u);
  });
}

TEST_P(Chan, BlockedSendersAreServedInArrivalOrder) {
  run_ok([] {
    auto ch = goro::make_chan<int>(1, "ch");
    ch.send(0);  // full
    for (int i = 1; i <= 5; i++) {
      goro::go([ch, i] { ch.send(i); });
      goro::sleep(1ms);  // sender i is queued before sender i+1 starts
    }
    for (int i = 0; i <= 5; i++) EXPECT_EQ(ch.recv(), i);
  });
}

TEST_P(Chan, BlockedReceiversAreServedInArrivalOrder) {
  std::vector<int> got(6, -1);
  run_ok([&] {
    auto ch = goro::make_chan<int>(0, "ch");
    auto done = goro::make_chan<int>(10, "done");
    for (int i = 1; i <= 5; i++) {
      goro::go([ch, done, i, &got] {
        got[i] = ch.recv();
        done.send(i);
      });
      goro::sleep(1ms);
    }
    for (int i = 1; i <= 5; i++) ch.send(i * 10);
    for (int i = 1; i <= 5; i++) done.recv();
  });
  for (int i = 1; i <= 5; i++) EXPECT_EQ(got[i], i * 10);
}

TEST_P(Chan, CloseDrainsBufferThenGivesZeroAndFalse) {
  run_ok([] {
    auto ch = goro::make_chan<int>(2, "ch");
    ch.send(1);
    ch.send(2);
    ch.close();
    EXPECT_EQ(ch.recv2(), std::make_pair(1, true));
    EXPECT_EQ(ch.recv2(), std::make_pair(2, true));
    EXPECT_EQ(ch.recv2(), std::make_pair(0, false));
    EXPECT_EQ(ch.recv2(), std::make_pair(0, false));
  });
}

TEST_P(Chan, CloseWakesBlockedReceivers) {
  run_ok([] {
    auto ch = goro::make_chan<int>(0, "ch");
    auto out = goro::make_chan<bool>(3, "out");
    for (int i = 0; i < 3; i++) goro::go([ch, out] { out.send(ch.recv2().second); });
    goro::sleep(1ms);
    ch.close();
    for (int i = 0; i < 3; i++) EXPECT_FALSE(out.recv());
  });
}

TEST_P(Chan, RangeStopsWhenClosedAndDrained) {
  std::vector<int> seen;
  run_ok([&] {
    auto ch = goro::make_chan<int>(0, "ch");
    goro::go([ch] {
      for (int i = 0; i < 5; i++) ch.send(i);
      ch.close();
    });
    for (int v : ch) seen.push_back(v);
  });
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST_P(Chan, SendOnClosedChannelPanics) {
  goro::Exit e = goro::run(config(), [] {
    auto ch = goro::make_chan<int>(1, "ch");
    ch.close();
    ch.send(1);
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("panic: send on closed channel\n\ngoroutine 1 [running]:", 0), 0u) << e.message;
}

TEST_P(Chan, BlockedSenderPanicsWhenChannelIsClosed) {
  goro::Exit e = goro::run(config(), [] {
    auto ch = goro::make_chan<int>(0, "ch");
    goro::go("sender", [ch] { ch.send(1); });
    goro::sleep(1ms);
    ch.close();
    goro::sleep(1ms);
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_NE(e.message.find("panic: send on closed channel"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("goroutine 2 [running]:\nsender"), std::string::npos) << e.message;
}

TEST_P(Chan, CloseTwicePanics) {
  goro::Exit e = goro::run(config(), [] {
    auto ch = goro::make_chan<int>(0, "ch");
    ch.close();
    ch.close();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("panic: close of closed channel", 0), 0u) << e.message;
}

TEST_P(Chan, CloseNilPanics) {
  goro::Exit e = goro::run(config(), [] {
    goro::Chan<int> nil;
    nil.close();
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("panic: close of nil channel", 0), 0u) << e.message;
}

TEST_P(Chan, NilChannelBlocksForever) {
  goro::Exit e = goro::run(config(), [] {
    goro::Chan<int> nil;
    EXPECT_TRUE(nil.nil());
    EXPECT_FALSE(nil.try_send(1));
    goro::go("receiver", [nil] { nil.recv(); });
    nil.send(1);
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_NE(e.message.find("goroutine 1 [chan send (nil chan)]:"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("goroutine 2 [chan receive (nil chan)]:\nreceiver"), std::string::npos)
      << e.message;
}

TEST_P(Chan, DirectionalViewsShareTheChannel) {
  run_ok([] {
    auto ch = goro::make_chan<int>(1, "ch");
    goro::SendChan<int> out = ch;
    goro::RecvChan<int> in = ch;
    out.send(7);
    EXPECT_EQ(in.recv(), 7);
    EXPECT_TRUE(out == ch);
    static_assert(!CanSend<goro::RecvChan<int>>, "a RecvChan cannot send");
    static_assert(!CanRecv<goro::SendChan<int>>, "a SendChan cannot receive");
    static_assert(CanSend<goro::Chan<int>> && CanRecv<goro::Chan<int>>);
  });
}

TEST_P(Chan, MoveOnlyValuesTravel) {
  run_ok([] {
    auto ch = goro::make_chan<std::unique_ptr<int>>(1, "ptrs");
    ch.send(std::make_unique<int>(5));
    auto p = ch.recv();
    ASSERT_TRUE(p);
    EXPECT_EQ(*p, 5);
  });
}
