// tests/app/model_test.cpp: the state rebuilt from events matches the runtime's own account at the
// end of every article program, and the rules hold on a hand-made stream.
#include "model.hpp"

#include "app_support.hpp"

using goro::visual::GState;

class EveryScenario : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Article, EveryScenario,
                         ::testing::Values("goroutines", "waitgroup", "channels_workers", "buffered_channel",
                                           "mutex_counter", "select", "once", "worker_pool",
                                           "context_timeout", "forgotten_sync", "goroutine_leak", "deadlock",
                                           "data_race", "million"));

TEST_P(EveryScenario, ModelMatchesTheRuntimeAtTheEnd) {
  for (int procs : {1, 2}) {
    auto s = run_session(*goroscope::find_scenario(GetParam()), procs);
    const goro::Exit& ex = s->exit();
    const auto& m = s->model();
    ASSERT_TRUE(m.exited());
    EXPECT_EQ(m.exit_status(), ex.status);
    EXPECT_EQ(m.leaked(), ex.leaked);
    EXPECT_EQ(m.goroutines().size(), ex.goroutines);
    EXPECT_EQ(m.time(), ex.end_time);
    // A scenario's stdout, rebuilt from Output events, is the program's output.
    if (GetParam() != "million") {
      EXPECT_EQ(m.output(), ex.output);
    }
    // Goroutines not finished: the leaked ones, plus main if the program did not return.
    size_t unfinished = m.goroutines().size() - m.count(GState::Finished);
    EXPECT_EQ(unfinished, ex.leaked + (ex.status == goro::ExitStatus::Ok ? 0 : 1)) << "procs " << procs;
    for (const auto& w : m.waitgroups()) {
      if (ex.status == goro::ExitStatus::Ok && ex.leaked == 0) {
        EXPECT_EQ(w.counter, 0) << w.name;
      }
    }
    // Every queued goroutine is blocked on that object.
    for (const auto& c : m.channels())
      for (uint64_t id : c.sendq) EXPECT_EQ(m.goroutine(id)->state, GState::Blocked);
  }
}

TEST(ModelEnds, WorkerPoolLeavesEverythingDrained) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  const auto& m = s->model();
  ASSERT_EQ(m.channels().size(), 2u);
  for (const auto& c : m.channels()) {
    EXPECT_TRUE(c.closed) << c.name;
    EXPECT_TRUE(c.buffer.empty()) << c.name;
    EXPECT_TRUE(c.sendq.empty() && c.recvq.empty()) << c.name;
  }
  EXPECT_EQ(m.channels()[0].name, "jobs");
  EXPECT_EQ(m.channels()[0].sends, 10u);
  EXPECT_EQ(m.channels()[1].name, "results");
  // The flows learned: main... the sender goroutine sends on jobs, workers receive from it.
  size_t senders = 0, receivers = 0;
  for (const auto& [k, n] : m.edges())
    if (k.chan == m.channels()[0].id) (k.send ? senders : receivers)++;
  EXPECT_EQ(senders, 1u);
  EXPECT_EQ(receivers, 3u);
}

TEST(ModelEnds, LeakAndDeadlockShowWhoWaitsWhere) {
  auto leak = run_session(*goroscope::find_scenario("goroutine_leak"));
  const auto& lm = leak->model();
  ASSERT_EQ(lm.channels().size(), 1u);
  EXPECT_EQ(lm.channels()[0].recvq, std::vector<uint64_t>{2});
  EXPECT_EQ(lm.goroutine(2)->state, GState::Blocked);
  EXPECT_STREQ(goro::wait_reason_text(lm.goroutine(2)->reason), "chan receive");

  auto dl = run_session(*goroscope::find_scenario("deadlock"));
  const auto& dm = dl->model();
  EXPECT_EQ(dm.channels()[0].sendq, std::vector<uint64_t>{1});
  EXPECT_EQ(dm.goroutine(1)->pending, "1");
  EXPECT_EQ(dm.exit_message().rfind("fatal error: all goroutines are asleep - deadlock!", 0), 0u);
}

TEST(ModelRules, BufferKeepsValuesInOrderAndQueuesFollowParkAndReady) {
  using goro::Event;
  using goro::EventKind;
  std::vector<std::string> strings{"", "main", "jobs", "worker"};
  goro::visual::Model m;
  uint64_t seq = 0;
  auto ev = [&](EventKind k, uint64_t g, uint64_t obj, int64_t arg, int64_t value = 0, uint32_t text = 0,
                uint8_t aux = 0) {
    Event e{};
    e.kind = k, e.g = g, e.obj = obj, e.arg = arg, e.value = value, e.text = text, e.aux = aux, e.seq = ++seq,
    e.time = int64_t(seq);
    m.apply(e, strings);
  };
  ev(EventKind::GoCreate, 1, 0, 0, 0, 1);
  ev(EventKind::ObjMake, 1, 1, 2, 0, 2, uint8_t(goro::ObjKind::Chan));
  ev(EventKind::ChanSend, 1, 1, 1, 10, 0, goro::kValueIsInt);
  ev(EventKind::ChanSend, 1, 1, 2, 20, 0, goro::kValueIsInt);
  ev(EventKind::GoPark, 1, 1, 0, 30, 0, goro::kValueIsInt | 1);  // main blocks sending 30
  const auto* c = m.channel(1);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->buffer, (std::deque<std::string>{"10", "20"}));
  EXPECT_EQ(c->sendq, std::vector<uint64_t>{1});
  EXPECT_EQ(m.goroutine(1)->pending, "30");
  ev(EventKind::GoCreate, 2, 1, 0, 0, 3);
  ev(EventKind::ChanRecv, 2, 1, 1, 10, 0, goro::kValueIsInt);
  ev(EventKind::ChanSend, 1, 1, 2, 30, 0, goro::kValueIsInt);  // the parked sender's value moves in
  ev(EventKind::GoReady, 1, 0, 2);
  EXPECT_EQ(c->buffer, (std::deque<std::string>{"20", "30"}));
  EXPECT_TRUE(c->sendq.empty());
  EXPECT_EQ(m.goroutine(1)->state, GState::Runnable);
  EXPECT_EQ(m.edges().size(), 2u);
  EXPECT_EQ(m.recent_transfers().back().value, "30");
}
