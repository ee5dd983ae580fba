// tests/app/source_test.cpp: the live run and the replay seen through one Source: the events shown,
// the timeline, the narration of the last event, and the replay's own clock.
#include "source.hpp"

#include <tuple>
#include <vector>

#include "app_support.hpp"
#include "replay.hpp"

TEST(Source, ALiveRunShowsEveryEventPumped) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  const goroscope::Source& src = *s;
  EXPECT_FALSE(src.can_seek());
  EXPECT_TRUE(src.virtual_clock());
  ASSERT_EQ(src.shown_events().size(), s->events().size());
  EXPECT_EQ(src.cursor_seq(), s->events().back().seq);
  EXPECT_EQ(src.timeline().end_seq(), s->events().back().seq);
  EXPECT_EQ(src.narration(), "main returned: the program exits");
}

TEST(Source, AReplayShowsUpToItsCursorAndPlaysOnItsOwnClock) {
  std::string path = ::testing::TempDir() + "source-worker-pool.gorec";
  run_session(*goroscope::find_scenario("worker_pool"), 1, 1, path);
  goroscope::Replay r(path);
  goroscope::Source& src = r;
  EXPECT_TRUE(src.can_seek());
  EXPECT_TRUE(src.virtual_clock());
  EXPECT_EQ(r.cursor(), 0u);  // it opens at the first moment, indexing in the background
  r.wait_indexed();
  EXPECT_EQ(src.timeline().end_seq(), r.recording().events.back().seq);  // all of it, wherever the cursor
  r.seek(0);
  EXPECT_TRUE(src.shown_events().empty());
  EXPECT_EQ(src.narration(), "");
  EXPECT_EQ(src.update(0.05), 0u);  // paused: nothing moves
  // Find the first receive from jobs and stop just after it.
  size_t i = 0;
  while (r.recording().events[i].kind != goro::EventKind::ChanRecv) i++;
  r.seek(i + 1);
  EXPECT_EQ(src.shown_events().size(), i + 1);
  EXPECT_EQ(src.cursor_seq(), r.recording().events[i].seq);
  EXPECT_EQ(src.narration(), "worker 1 received {1 Job1} from jobs (buffer 9/10)");
  // Playing: a tenth of a second a frame at 1x; the 4 s run takes about 40 frames, no jump.
  ASSERT_EQ(r.duration(), 4'000'000'000);
  r.seek(0);
  r.play();
  int frames = 0;
  int64_t last = 0;
  while (r.playing() && frames < 1000) {
    src.update(0.1);
    EXPECT_GE(r.time(), last);
    EXPECT_LE(r.time(), static_cast<int64_t>(frames + 1) * 100'000'000);
    last = r.time();
    frames++;
  }
  EXPECT_FALSE(r.playing());
  EXPECT_EQ(r.cursor(), r.size());
  EXPECT_GE(frames, 39);
  EXPECT_LE(frames, 42);
  // Faster: ten times the speed, about a tenth of the frames; play() at the end starts again.
  r.set_speed(10);
  r.play();
  EXPECT_EQ(r.cursor(), 0u);
  frames = 0;
  while (r.playing() && frames < 1000) src.update(0.1), frames++;
  EXPECT_LE(frames, 5);
}

// A recording keeps the Go source that ran, its parameters written in (what the source panel
// shows in a replay), and the session shows the same text live.
TEST(Source, ARecordingKeepsTheProgramsSourceAsItRan) {
  std::string path = ::testing::TempDir() + "source-kept.gorec";
  const goroscope::Scenario& sc = *goroscope::find_scenario("worker_pool");
  goroscope::RunSpec spec{&sc, sc.defaults(), {}};
  spec.params.values["numWorkers"] = 5;
  spec.params.values["workMs"] = 0;
  {
    goroscope::Session s(spec, path);
    while (!s.done() || !s.pump().empty()) s.pump();
    EXPECT_EQ(s.program().name, "08_worker_pool.go");
    EXPECT_NE(s.program().text.find("numWorkers := 5 // goroscope: slider"), std::string::npos);
    EXPECT_EQ(s.recording().source.text, s.program().text);
  }
  goroscope::Replay r(path);
  EXPECT_EQ(r.recording().source.name, "08_worker_pool.go");
  EXPECT_EQ(r.recording().source.text, sc.source_with(spec.params));
  EXPECT_NE(r.recording().source.text, sc.source);  // not the defaults: what ran
  std::remove(path.c_str());
}

// edges() as plain tuples (EdgeKey has only operator<): goroutine, channel, send, count.
static std::vector<std::tuple<uint64_t, uint64_t, bool, uint64_t>> edges(const goro::visual::Model& m) {
  std::vector<std::tuple<uint64_t, uint64_t, bool, uint64_t>> out;
  for (const auto& [k, n] : m.edges()) out.emplace_back(k.g, k.chan, k.send, n);
  return out;
}

TEST(Source, AReplayIndexedInSlicesOfItsOwnersFramesEqualsOneIndexedOnThreads) {
  // The page's way: no thread indexes; each update() lends the indexing a slice of the frame.
  std::string path = ::testing::TempDir() + "source-worker-pool-slices.gorec";
  run_session(*goroscope::find_scenario("worker_pool"), 1, 1, path);
  goroscope::Replay threads(path, goroscope::Replay::Indexing::Threads);
  threads.wait_indexed();
  goroscope::Replay slices(path, goroscope::Replay::Indexing::Slices);
  EXPECT_EQ(slices.indexed(), 0u);  // nothing ran beside its owner
  EXPECT_FALSE(slices.index_done());
  EXPECT_EQ(slices.final_model(), nullptr);
  int frames = 0;
  while (!slices.index_done()) {
    slices.update(0.016);
    ASSERT_LT(++frames, 10000);
  }
  EXPECT_EQ(slices.indexed(), slices.size());
  EXPECT_EQ(slices.timeline().end_seq(), threads.timeline().end_seq());
  EXPECT_EQ(slices.timeline().lanes().size(), threads.timeline().lanes().size());
  EXPECT_EQ(slices.timeline().flows().size(), threads.timeline().flows().size());
  ASSERT_NE(slices.final_model(), nullptr);
  EXPECT_EQ(slices.final_model()->goroutine_count(), threads.final_model()->goroutine_count());
  EXPECT_EQ(edges(*slices.final_model()), edges(*threads.final_model()));
  for (size_t n : {size_t(0), slices.size() / 3, slices.size() / 2, slices.size()}) {
    slices.seek(n);
    threads.seek(n);
    EXPECT_EQ(slices.narration(), threads.narration()) << n;
    EXPECT_EQ(slices.model().time(), threads.model().time()) << n;
    EXPECT_EQ(edges(slices.model()), edges(threads.model())) << n;
  }
}
