// tests/app/replay_test.cpp: replaying a recording: the state at any seek equals the state reached
// by applying every event from the start, whatever the order of the seeks.
#include "replay.hpp"

#include <random>

#include "app_support.hpp"

namespace {

std::string record(const std::string& scenario, const std::string& name, goroscope::Params* p = nullptr) {
  std::string path = ::testing::TempDir() + "goroscope_replay_" + name + ".gorec";
  const auto& s = *goroscope::find_scenario(scenario);
  goroscope::RunSpec spec{&s, p ? *p : small(s), {}};
  auto session = std::make_unique<goroscope::Session>(spec, path);
  while (!session->done() || !session->pump().empty()) session->pump();
  session.reset();
  return path;
}

std::string state_after(const goro::Recording& r, size_t n) {
  goro::visual::Model m;
  for (size_t i = 0; i < n; i++) m.apply(r.events[i], r.strings);
  return m.dump() + m.output();
}

}  // namespace

TEST(Replay, SeekingAnywhereEqualsReplayingFromTheStart) {
  goroscope::Params p = goroscope::find_scenario("million")->defaults();
  p.values["n"] = 12000;  // enough events for several snapshots
  goroscope::Replay r(record("million", "seek", &p));
  ASSERT_GT(r.size(), 3 * r.snapshot_every());
  std::mt19937 rng(7);
  std::vector<size_t> points{
      0, r.size(), r.size() / 2, 1, r.snapshot_every(), r.snapshot_every() - 1, r.snapshot_every() + 1};
  for (int i = 0; i < 6; i++) points.push_back(rng() % (r.size() + 1));
  for (size_t n : points) {
    r.seek(n);
    ASSERT_EQ(r.cursor(), n);
    EXPECT_EQ(r.model().dump() + r.model().output(), state_after(r.recording(), n)) << "at event " << n;
  }
}

TEST(Replay, SeekTimeLandsAfterTheLastEventAtThatTime) {
  goroscope::Replay r(record("worker_pool", "time"));
  r.seek_time(2'500'000'000);
  ASSERT_GT(r.cursor(), 0u);
  EXPECT_LE(r.time(), 2'500'000'000);
  if (r.cursor() < r.size()) {
    EXPECT_GT(r.recording().events[r.cursor()].time, 2'500'000'000);
  }
  r.seek_time(-1);
  EXPECT_EQ(r.cursor(), 0u);
  r.seek_time(INT64_MAX);
  EXPECT_EQ(r.cursor(), r.size());
  EXPECT_TRUE(r.model().exited());
}

TEST(Replay, FindsTheDeadlock) {
  goroscope::Replay r(record("deadlock", "end"));
  size_t end = r.find_end();
  ASSERT_GT(end, 0u);
  EXPECT_EQ(r.recording().events[end - 1].kind, goro::EventKind::Deadlock);
  goroscope::Replay ok(record("select", "noend"));
  EXPECT_EQ(ok.find_end(), 0u);
}

TEST(Replay, BookmarksAreKeptInOrderAndSavedInTheFile) {
  std::string path = record("select", "bookmarks");
  {
    goroscope::Replay r(path);
    r.add_bookmark(200'000'000, "then ch2");
    r.add_bookmark(100'000'000, "ch1 first");
    EXPECT_EQ(r.caption_at(50'000'000), "");
    const int64_t a_while = r.duration() / goroscope::Replay::kCaptionShare;
    ASSERT_GT(a_while, 1);
    EXPECT_EQ(r.caption_at(100'000'000), "ch1 first");
    EXPECT_EQ(r.caption_at(100'000'000 + std::min<int64_t>(a_while, 100'000'000) - 1), "ch1 first");
    EXPECT_EQ(r.caption_at(200'000'000), "then ch2") << "until the next bookmark";
    EXPECT_EQ(r.caption_at(200'000'000 + a_while - 1), "then ch2");
    EXPECT_EQ(r.caption_at(200'000'000 + a_while), "") << "shown for a while, not for the rest of the replay";
    EXPECT_EQ(r.caption_at(999'000'000), "");
    r.save();
  }
  goroscope::Replay back(path);
  ASSERT_EQ(back.recording().bookmarks.size(), 2u);
  EXPECT_EQ(back.recording().bookmarks[0].caption, "ch1 first");
  back.remove_bookmark(0);
  EXPECT_EQ(back.caption_at(100'000'000), "");
}
