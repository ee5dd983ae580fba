// tests/timeline_test.cpp: the timeline's spans: in order, never overlapping, one per state
// change, the sleeps as long as the program slept.
#include "app_support.hpp"
#include "timeline.hpp"

using goro::visual::GState;

TEST(Timeline, WorkerSleepsAreOneSecondSpansInOrder) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  goro::visual::Timeline t;
  for (const auto& e : s->events()) t.add(e);
  ASSERT_EQ(t.lanes().size(), 5u);
  EXPECT_EQ(t.end_time(), 4'000'000'000);
  for (const auto& lane : t.lanes()) {
    for (size_t i = 0; i < lane.size(); i++) {
      EXPECT_LE(lane[i].t0, lane[i].t1 < 0 ? t.end_time() : lane[i].t1);
      if (i) {
        EXPECT_EQ(lane[i - 1].t1, lane[i].t0);  // each span ends where the next begins
        EXPECT_EQ(lane[i - 1].s1, lane[i].s0);
      }
    }
  }
  // worker 1 (goroutine 2) sleeps four times, a second each (jobs 1, 4, 7, 10 in Go's order).
  int sleeps = 0;
  for (const auto& span : t.lanes()[1])
    if (span.state == GState::Sleeping) {
      sleeps++;
      EXPECT_EQ(span.t1 - span.t0, 1'000'000'000);
    }
  EXPECT_GE(sleeps, 3);
  // Every goroutine here finished: no span is left open.
  for (const auto& lane : t.lanes()) EXPECT_GE(lane.back().t1, 0);
}

TEST(Timeline, LeakedGoroutineKeepsAnOpenBlockedSpan) {
  auto s = run_session(*goroscope::find_scenario("goroutine_leak"));
  goro::visual::Timeline t;
  for (const auto& e : s->events()) t.add(e);
  const auto& lane = t.lanes()[1];
  ASSERT_FALSE(lane.empty());
  EXPECT_EQ(lane.back().state, GState::Blocked);
  EXPECT_EQ(lane.back().t1, -1);
}

TEST(Timeline, ChannelLengthsWaitGroupCountersAndOperationMarks) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  goro::visual::Timeline t;
  for (const auto& e : s->events()) t.add(e);
  ASSERT_EQ(t.counters().size(), 3u);  // len(jobs), len(results), the WaitGroup
  int64_t jobs_peak = 0, wg_peak = 0;
  for (const auto& c : t.counters()) {
    int64_t peak = 0;
    for (const auto& smp : c.samples) peak = std::max(peak, smp.v);
    if (c.chan && s->model().object_name(c.obj) == "jobs") jobs_peak = peak;
    if (!c.chan) wg_peak = peak;
    EXPECT_EQ(c.samples.back().v, 0);  // everything drained, every worker done
  }
  EXPECT_EQ(jobs_peak, 10);  // with one P the sender fills the buffer (cap 10) before a worker runs
  EXPECT_EQ(wg_peak, 3);
  // The sender's lane has a send mark per job; worker 1's has receives and sends.
  size_t sender_sends = 0;
  for (const auto& mk : t.marks()[4]) sender_sends += mk.send;
  EXPECT_EQ(sender_sends, 10u);
}
