// tests/visual/timeline_test.cpp: the timeline's spans (in order, never overlapping, one per state
// change, the sleeps as long as the program slept), the Ps' lanes, and the flows of values.
#include "timeline.hpp"

#include <set>
#include <tuple>

#include "app_support.hpp"

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

namespace {

goro::Event ev(goro::EventKind k, uint64_t seq, uint64_t g, uint64_t obj, int64_t arg = 0, uint16_t p = 0) {
  goro::Event e{};
  e.kind = k, e.seq = seq, e.time = static_cast<int64_t>(seq) * 10, e.g = g, e.obj = obj, e.arg = arg,
  e.p = p;
  return e;
}

}  // namespace

TEST(Timeline, BufferedValuesFlowFirstInFirstOutAndHandOffsStraightAcross) {
  using K = goro::EventKind;
  goro::visual::Timeline t;
  t.add(ev(K::ChanSend, 1, 2, 7, 1));     // g2 puts a value into chan 7
  t.add(ev(K::ChanSend, 2, 3, 7, 2));     // g3 puts another after it
  t.add(ev(K::ChanSend, 3, 2, 8, 1));     // and one into chan 8, never received
  t.add(ev(K::ChanRecv, 4, 4, 7, 1));     // g4 takes the first: g2's
  t.add(ev(K::ChanHandoff, 5, 5, 9, 6));  // g5 hands a value to g6 on chan 9
  t.add(ev(K::ChanRecv, 6, 6, 7, 0));     // g6 takes the second: g3's
  t.add(ev(K::ChanRecv, 7, 6, 7, 0));     // an empty receive (closed channel): no flow
  ASSERT_EQ(t.flows().size(), 3u);
  auto f = t.flows();
  EXPECT_EQ(std::tie(f[0].from, f[0].to, f[0].chan, f[0].s0, f[0].s1), std::make_tuple(2u, 4u, 7u, 1u, 4u));
  EXPECT_EQ(std::tie(f[1].from, f[1].to, f[1].chan, f[1].s0, f[1].s1), std::make_tuple(5u, 6u, 9u, 5u, 5u));
  EXPECT_EQ(f[1].t0, f[1].t1);
  EXPECT_EQ(std::tie(f[2].from, f[2].to, f[2].s0, f[2].s1), std::make_tuple(3u, 6u, 2u, 6u));
}

TEST(Timeline, EachPRunsOneGoroutineAtATimeAndEveryRunningSpanIsOnAP) {
  using K = goro::EventKind;
  goro::visual::Timeline t;
  t.add(ev(K::GoCreate, 1, 1, 0));
  t.add(ev(K::GoStart, 2, 1, 0, 0, 1));  // g1 on P1
  t.add(ev(K::GoCreate, 3, 2, 1, 0, 1));
  t.add(ev(K::GoStart, 4, 2, 0, 0, 0));  // g2 on P0
  t.add(ev(K::GoPark, 5, 1, 0, 0, 1));   // g1 parks: P1 idle
  t.add(ev(K::GoYield, 6, 2, 0, 0, 0));  // g2 yields: P0 idle
  t.add(ev(K::GoReady, 7, 1, 0, 2, 0));
  t.add(ev(K::GoStart, 8, 1, 0, 0, 0));  // g1 on P0 now
  t.add(ev(K::GoEnd, 9, 1, 0, 0, 0));
  ASSERT_EQ(t.procs().size(), 2u);
  const auto& p0 = t.procs()[0];
  const auto& p1 = t.procs()[1];
  ASSERT_EQ(p0.size(), 2u);
  ASSERT_EQ(p1.size(), 1u);
  EXPECT_EQ(std::tie(p1[0].g, p1[0].s0, p1[0].s1), std::make_tuple(1u, 2u, 5u));
  EXPECT_EQ(std::tie(p0[0].g, p0[0].s0, p0[0].s1), std::make_tuple(2u, 4u, 6u));
  EXPECT_EQ(std::tie(p0[1].g, p0[1].s0, p0[1].s1), std::make_tuple(1u, 8u, 9u));
}

TEST(Timeline, OnTwoPsTheRunSpansMatchTheGoroutinesRunningSpans) {
  auto s = run_session(*goroscope::find_scenario("channels_workers"), 2, 3);
  goro::visual::Timeline t;
  for (const auto& e : s->events()) t.add(e);
  ASSERT_GE(t.procs().size(), 1u);
  // Every Running span of a goroutine is exactly one RunSpan of that goroutine on some P.
  std::set<std::tuple<uint64_t, uint64_t, uint64_t>> running, ran;
  for (size_t g = 0; g < t.lanes().size(); g++)
    for (const auto& span : t.lanes()[g])
      if (span.state == GState::Running) running.insert({g + 1, span.s0, span.s1});
  for (const auto& lane : t.procs()) {
    for (size_t i = 0; i < lane.size(); i++) {
      ran.insert({lane[i].g, lane[i].s0, lane[i].s1});
      if (i) {
        EXPECT_LE(lane[i - 1].s1, lane[i].s0);  // one goroutine at a time
      }
    }
  }
  EXPECT_EQ(running, ran);
  // Each job goes through `jobs` and comes back through `results`: a flow each way, sent before
  // it is received.
  size_t jobs = 0, results = 0;
  for (const auto& f : t.flows()) {
    EXPECT_LE(f.s0, f.s1);
    std::string on = s->model().object_name(f.chan);
    jobs += on == "jobs", results += on == "results";
  }
  EXPECT_GT(jobs, 0u);
  EXPECT_EQ(jobs, results);
}
