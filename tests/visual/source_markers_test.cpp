// tests/visual/source_markers_test.cpp: where goroutines stand in the source, from a model: who is
// on which line, counted by state, a crowd folded to a few chips and a count, the selected
// goroutine always among its line's chips, finished and unplaced ones on no line.
#include "source_markers.hpp"

#include <gtest/gtest.h>

using goro::Event;
using goro::EventKind;
using goro::visual::GState;
using goro::visual::Model;

namespace {

// Events builds a model from a hand-made event stream.
struct Events {
  std::vector<std::string> strings{"", "main", "worker", "jobs"};
  Model m;
  uint64_t seq = 0;
  void ev(EventKind k, uint64_t g, uint64_t obj = 0, int64_t arg = 0, uint32_t text = 0, uint8_t aux = 0) {
    Event e{};
    e.kind = k, e.g = g, e.obj = obj, e.arg = arg, e.text = text, e.aux = aux, e.seq = ++seq,
    e.time = int64_t(seq);
    m.apply(e, strings);
  }
};

// with_lines() is the model's goroutines with their lines set (index i: goroutine i + 1), as
// the events that carry lines will set them.
goro::visual::CowVector<goro::visual::Goroutine> with_lines(const Model& m,
                                                            const std::vector<uint32_t>& lines) {
  auto gs = m.goroutines();
  for (size_t i = 0; i < lines.size() && i < gs.size(); i++) gs.mut(i).line = lines[i];
  return gs;
}

uint8_t reason(goro::WaitReason r) { return static_cast<uint8_t>(r); }

}  // namespace

TEST(SourceMarkers, GoroutinesByLineAndState) {
  Events s;
  s.ev(EventKind::GoCreate, 1, 0, 0, 1);  // main
  s.ev(EventKind::ObjMake, 1, 1, 0, 3, uint8_t(goro::ObjKind::Chan));
  for (uint64_t g = 2; g <= 4; g++) s.ev(EventKind::GoCreate, g, 1, 0, 2);  // three workers
  s.ev(EventKind::GoStart, 1);
  s.ev(EventKind::GoPark, 2, 1, 0, 0, reason(goro::WaitReason::ChanReceive));
  s.ev(EventKind::GoPark, 3, 1, 0, 0, reason(goro::WaitReason::ChanReceive));
  s.ev(EventKind::GoPark, 4, 0, 0, 0, reason(goro::WaitReason::Sleep));
  // main on line 30, workers 2 and 3 on line 18, worker 4 on line 19.
  auto mk = goro::visual::source_markers(with_lines(s.m, {30, 18, 18, 19}));
  ASSERT_EQ(mk.lines.size(), 3u);
  EXPECT_EQ(mk.lines[0].line, 18u);
  EXPECT_EQ(mk.lines[1].line, 19u);
  EXPECT_EQ(mk.lines[2].line, 30u);
  const auto* l18 = mk.at(18);
  ASSERT_TRUE(l18);
  EXPECT_EQ(l18->total, 2u);
  EXPECT_EQ(l18->count(GState::Blocked), 2u);
  ASSERT_EQ(l18->some.size(), 2u);
  EXPECT_EQ(l18->some[0].id, 2u);
  EXPECT_EQ(l18->some[0].name, "worker");
  EXPECT_EQ(l18->some[0].state, GState::Blocked);
  EXPECT_EQ(l18->some[0].reason, reason(goro::WaitReason::ChanReceive));
  ASSERT_EQ(l18->blocked_reasons.size(), 1u);
  EXPECT_EQ(l18->blocked_reasons[0],
            (std::pair<uint8_t, uint64_t>{reason(goro::WaitReason::ChanReceive), 2}));
  EXPECT_EQ(mk.at(19)->count(GState::Sleeping), 1u);
  EXPECT_EQ(mk.at(30)->count(GState::Running), 1u);
  EXPECT_EQ(mk.at(30)->some[0].name, "main");
  EXPECT_EQ(mk.at(17), nullptr);
  EXPECT_EQ(mk.at(31), nullptr);
  EXPECT_EQ(mk.unplaced, 0u);
}

TEST(SourceMarkers, FinishedAndUnplacedStandNowhere) {
  Events s;
  s.ev(EventKind::GoCreate, 1, 0, 0, 1);
  s.ev(EventKind::GoCreate, 2, 1, 0, 2);
  s.ev(EventKind::GoCreate, 3, 1, 0, 2);
  s.ev(EventKind::GoEnd, 2);
  auto mk = goro::visual::source_markers(with_lines(s.m, {0, 12, 5'000'000}));
  EXPECT_TRUE(mk.lines.empty());  // 2 finished; 1 has no line; 3's line is past any source
  EXPECT_EQ(mk.unplaced, 2u);
  EXPECT_TRUE(goro::visual::source_markers(s.m).lines.empty());  // no lines known at all
  EXPECT_EQ(goro::visual::source_markers(s.m).unplaced, 2u);
}

TEST(SourceMarkers, ACrowdOnOneLineKeepsAFewAndCountsAll) {
  Events s;
  const uint64_t n = 20000;
  s.ev(EventKind::GoCreate, 1, 0, 0, 1);
  s.ev(EventKind::ObjMake, 1, 1, 0, 3, uint8_t(goro::ObjKind::WaitGroup));
  for (uint64_t g = 2; g <= n; g++) s.ev(EventKind::GoCreate, g, 1, 0, 2);
  for (uint64_t g = 2; g <= n; g += 2)
    s.ev(EventKind::GoPark, g, 1, 0, 0, reason(goro::WaitReason::WaitGroupWait));
  for (uint64_t g = 3; g <= n; g += 4)
    s.ev(EventKind::GoPark, g, 1, 0, 0, reason(goro::WaitReason::MutexLock));
  std::vector<uint32_t> lines(n, 7);
  lines[0] = 3;  // main elsewhere
  const uint64_t selected = 15001;
  auto mk = goro::visual::source_markers(with_lines(s.m, lines), selected, 4);
  const auto* l = mk.at(7);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->total, n - 1);
  uint64_t blocked = (n - 2) / 2 + 1 + (n - 3) / 4 + 1;
  EXPECT_EQ(l->count(GState::Blocked), blocked);
  EXPECT_EQ(l->count(GState::Runnable), n - 1 - blocked);
  // Most first: the WaitGroup's waiters, then the mutex's.
  ASSERT_EQ(l->blocked_reasons.size(), 2u);
  EXPECT_EQ(l->blocked_reasons[0].first, reason(goro::WaitReason::WaitGroupWait));
  EXPECT_EQ(l->blocked_reasons[0].second, (n - 2) / 2 + 1);
  EXPECT_EQ(l->blocked_reasons[1].second, (n - 3) / 4 + 1);
  // Four kept, in id order, the selected one among them.
  ASSERT_EQ(l->some.size(), 4u);
  EXPECT_EQ(l->some[0].id, 2u);
  EXPECT_EQ(l->some[1].id, 3u);
  EXPECT_EQ(l->some[2].id, 4u);
  EXPECT_EQ(l->some[3].id, selected);
  // Without a selection, the first four.
  auto plain = goro::visual::source_markers(with_lines(s.m, lines), 0, 4);
  EXPECT_EQ(plain.at(7)->some[3].id, 5u);
  // A selected goroutine already kept stays once.
  auto kept = goro::visual::source_markers(with_lines(s.m, lines), 3, 4);
  EXPECT_EQ(kept.at(7)->some[1].id, 3u);
  EXPECT_EQ(kept.at(7)->some[3].id, 5u);
}

TEST(SourceMarkers, LinesFollowTheModelAsItMoves) {
  Events s;
  s.ev(EventKind::GoCreate, 1, 0, 0, 1);
  s.ev(EventKind::GoCreate, 2, 1, 0, 2);
  auto before = with_lines(s.m, {10, 20});
  s.ev(EventKind::GoEnd, 2);
  auto after = with_lines(s.m, {11, 20});
  // A snapshot is not changed by what came after it (the model's copies share chunks).
  EXPECT_EQ(goro::visual::source_markers(before).lines.size(), 2u);
  auto mk = goro::visual::source_markers(after);
  ASSERT_EQ(mk.lines.size(), 1u);
  EXPECT_EQ(mk.lines[0].line, 11u);
}
