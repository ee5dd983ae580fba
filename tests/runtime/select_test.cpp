// tests/runtime/select_test.cpp: select: ready cases, default, nil cases, no cases, fairness, waking.
#include <array>

#include "support.hpp"

class Select : public WithProcs {};
GORO_INSTANTIATE_PROCS(Select);

TEST_P(Select, TakesDefaultWhenNothingIsReady) {
  run_ok([] {
    auto ch = goro::make_chan<int>(0, "ch");
    bool got_default = false;
    size_t i = goro::select(goro::on_recv(ch, [](int, bool) { FAIL(); }),
                            goro::on_default([&] { got_default = true; }));
    EXPECT_EQ(i, 1u);
    EXPECT_TRUE(got_default);
  });
}

TEST_P(Select, ReturnsTheArgumentPositionOfTheChosenCase) {
  run_ok([] {
    auto a = goro::make_chan<int>(1, "a");
    auto b = goro::make_chan<int>(1, "b");
    b.send(9);
    int got = 0;
    size_t i = goro::select(goro::on_default([] { FAIL(); }), goro::on_recv(a, [](int) { FAIL(); }),
                            goro::on_recv(b, [&](int v, bool ok) { got = ok ? v : -1; }));
    EXPECT_EQ(i, 2u);
    EXPECT_EQ(got, 9);
    size_t j = goro::select(goro::on_send(a, 3, [] {}), goro::on_recv(b, [] { FAIL(); }));
    EXPECT_EQ(j, 0u);
    EXPECT_EQ(a.recv(), 3);
  });
}

TEST_P(Select, BlocksUntilACaseIsReady) {
  run_ok([] {
    auto ch1 = goro::make_chan<std::string>(0, "ch1");
    auto ch2 = goro::make_chan<std::string>(0, "ch2");
    goro::go([ch1] {
      goro::sleep(100ms);
      ch1.send("one");
    });
    goro::go([ch2] {
      goro::sleep(200ms);
      ch2.send("two");
    });
    std::vector<std::string> got;
    for (int i = 0; i < 2; i++)
      goro::select(goro::on_recv(ch1, [&](std::string m) { got.push_back("ch1:" + m); }),
                   goro::on_recv(ch2, [&](std::string m) { got.push_back("ch2:" + m); }));
    EXPECT_EQ(got, (std::vector<std::string>{"ch1:one", "ch2:two"}));
    EXPECT_EQ(goro::now(), 200'000'000);
  });
}

TEST_P(Select, SendCaseDeliversToAWaitingReceiver) {
  run_ok([] {
    auto ch = goro::make_chan<int>(0, "ch");
    auto other = goro::make_chan<int>(0, "other");
    goro::go([ch] { EXPECT_EQ(ch.recv(), 5); });
    bool sent = false;
    goro::select(goro::on_send(ch, 5, [&] { sent = true; }), goro::on_recv(other, [] { FAIL(); }));
    EXPECT_TRUE(sent);
  });
}

TEST_P(Select, ReceivesZeroAndFalseFromAClosedChannel) {
  run_ok([] {
    auto ch = goro::make_chan<int>(0, "ch");
    goro::go([ch] {
      goro::sleep(1ms);
      ch.close();
    });
    bool ok = true;
    int v = -1;
    goro::select(goro::on_recv(ch, [&](int x, bool o) { v = x, ok = o; }));
    EXPECT_EQ(v, 0);
    EXPECT_FALSE(ok);
  });
}

TEST_P(Select, NilCaseIsNeverChosen) {
  run_ok([] {
    goro::Chan<int> nil;
    auto ready = goro::make_chan<int>(1, "ready");
    for (int i = 0; i < 100; i++) {
      ready.send(i);
      size_t k = goro::select(goro::on_recv(nil, [] { FAIL(); }), goro::on_send(nil, 1, [] { FAIL(); }),
                              goro::on_recv(ready, [] {}));
      EXPECT_EQ(k, 2u);
    }
    size_t k = goro::select(goro::on_recv(nil, [] {}), goro::on_default([] {}));
    EXPECT_EQ(k, 1u);
  });
}

TEST_P(Select, WithNoCasesBlocksForever) {
  goro::Exit e = goro::run(config(), [] { goro::select(); });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_NE(e.message.find("goroutine 1 [select (no cases)]:"), std::string::npos) << e.message;
}

TEST_P(Select, OnlyNilCasesBlocksInSelect) {
  goro::Exit e = goro::run(config(), [] {
    goro::Chan<int> nil;
    goro::select(goro::on_recv(nil, [] {}));
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Deadlock);
  EXPECT_NE(e.message.find("goroutine 1 [select]:"), std::string::npos) << e.message;
}

TEST_P(Select, ChoosesUniformlyAmongReadyCases) {
  constexpr int kRounds = 40000;
  std::array<int, 4> hits{};
  run_ok([&] {
    std::array<goro::Chan<int>, 4> chans;
    for (auto& c : chans) c = goro::make_chan<int>(1, "c");
    for (int r = 0; r < kRounds; r++) {
      for (auto& c : chans) c.try_send(1);
      size_t k = goro::select(goro::on_recv(chans[0], [] {}), goro::on_recv(chans[1], [] {}),
                              goro::on_recv(chans[2], [] {}), goro::on_recv(chans[3], [] {}));
      hits[k]++;
    }
  });
  // Each case expects 10000 hits; 5 standard deviations (~87) either side allows a sound test.
  for (int h : hits)
    EXPECT_NEAR(h, kRounds / 4, 450) << "hits: " << hits[0] << " " << hits[1] << " " << hits[2] << " "
                                     << hits[3];
}

TEST_P(Select, OnlyOneCaseFiresWhenSeveralBecomeReady) {
  run_ok([] {
    auto a = goro::make_chan<int>(0, "a");
    auto b = goro::make_chan<int>(0, "b");
    auto fired = goro::make_chan<int>(10, "fired");
    goro::go([=] {
      goro::select(goro::on_recv(a, [=](int) { fired.send(1); }),
                   goro::on_recv(b, [=](int) { fired.send(2); }));
    });
    goro::sleep(1ms);
    // One of these completes the select; the other must find no receiver.
    bool sa = a.try_send(1);
    bool sb = b.try_send(2);
    EXPECT_NE(sa, sb);
    int which = fired.recv();
    EXPECT_EQ(which, sa ? 1 : 2);
  });
}

TEST_P(Select, SendOnClosedChannelPanics) {
  goro::Exit e = goro::run(config(), [] {
    auto ch = goro::make_chan<int>(0, "ch");
    ch.close();
    goro::select(goro::on_send(ch, 1, [] {}));
  });
  EXPECT_EQ(e.status, goro::ExitStatus::Panic);
  EXPECT_EQ(e.message.rfind("panic: send on closed channel", 0), 0u) << e.message;
}
