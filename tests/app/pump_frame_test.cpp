// tests/app/pump_frame_test.cpp: a window frame's pumping (Session::pump_for, pump_frame) drains
// while events keep coming, up to its budget, and applies each event once: the model it leaves
// counts what pumping a batch at a time counts, and the run's wall time is known at its end.
#include <gtest/gtest.h>

#include <thread>

#include "app_support.hpp"

TEST(PumpFrame, DrainsEveryEventOnceAndTimesTheRun) {
  const goroscope::Scenario& sc = *goroscope::find_scenario("million");
  goroscope::RunSpec spec{&sc, small(sc), {}};
  goroscope::Session s(spec);
  size_t applied = 0;
  while (!s.done() || !s.wall_seconds()) {
    applied += s.pump_frame();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // the window draws
  }
  applied += s.pump_frame();
  EXPECT_EQ(applied, s.events().size()) << "each event applied once, none left behind";
  auto once = run_session(sc);
  EXPECT_EQ(s.model().goroutine_count(), once->model().goroutine_count());
  EXPECT_EQ(s.model().channel_ops(), once->model().channel_ops());
  EXPECT_EQ(s.model().count(goro::visual::GState::Finished),
            once->model().count(goro::visual::GState::Finished));
  ASSERT_TRUE(s.wall_seconds());
  EXPECT_GT(*s.wall_seconds(), 0.0);
  EXPECT_EQ(s.pump_for(std::chrono::milliseconds(50)), 0u) << "nothing more comes: it returns at once";
  // A timeline put off during the flood catches up over the next frames, to the last event.
  for (int i = 0; i < 100000 && s.busy(); i++) s.pump_frame();
  EXPECT_FALSE(s.busy());
  EXPECT_FALSE(s.indexing());
  EXPECT_EQ(s.timeline().end_seq(), s.events().back().seq);
}

// The page's undrawn frames (Session::pump_undrawn, one pump each) take what the program did
// as drawn frames do: every event once, the run's end seen.
TEST(PumpFrame, UndrawnFramesApplyEveryEventOnce) {
  const goroscope::Scenario& sc = *goroscope::find_scenario("worker_pool");
  goroscope::RunSpec spec{&sc, sc.defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  goroscope::Session s(spec);
  size_t applied = 0;
  for (int i = 0; i < 100000 && !s.done(); i++) {
    applied += i % 3 ? s.pump_undrawn() : s.pump_frame();
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ASSERT_TRUE(s.done());
  EXPECT_EQ(applied, s.events().size());
  auto once = run_session(sc);
  EXPECT_EQ(s.model().channel_ops(), once->model().channel_ops());
  EXPECT_EQ(s.model().count(goro::visual::GState::Finished),
            once->model().count(goro::visual::GState::Finished));
}

// While a program floods the window, a frame waits six times as long as the last one took to
// draw, between 100 and 250 ms: a frame drawn in software (30 to 60 ms) leaves the program five
// sixths of the machine, and a fast GPU's frames still come 10 a second.
TEST(PumpFrame, FloodFramesTakeSixTimesTheDrawing) {
  using goroscope::Session;
  using std::chrono::microseconds;
  using std::chrono::milliseconds;
  EXPECT_EQ(Session::flood_frame(milliseconds(2)), milliseconds(100)) << "a GPU's frame";
  EXPECT_EQ(Session::flood_frame(milliseconds(30)), milliseconds(180));
  EXPECT_EQ(Session::flood_frame(milliseconds(40)), milliseconds(240));
  EXPECT_EQ(Session::flood_frame(milliseconds(60)), milliseconds(250)) << "at most 4 frames a second";
  EXPECT_EQ(Session::flood_frame(microseconds(0)), milliseconds(100));
}

// The store keeps events in order across its chunks, whatever the batches appended, and a log
// of its first n events reads them back.
TEST(EventStore, KeepsOrderAcrossChunks) {
  goroscope::EventStore store;
  const size_t n = 2 * goroscope::EventStore::kChunk + 1234;
  std::vector<goro::Event> batch;
  uint64_t seq = 0;
  for (size_t size = 1; store.size() < n; size = size * 7 % 5003 + 1) {
    batch.clear();
    for (size_t i = 0; i < size && store.size() + batch.size() < n; i++) {
      goro::Event e{};
      e.seq = ++seq;
      batch.push_back(e);
    }
    store.append(batch.data(), batch.size());
  }
  ASSERT_EQ(store.size(), n);
  for (size_t i = 0; i < n; i++) ASSERT_EQ(store[i].seq, i + 1) << "event " << i;
  goro::EventLog log = store.log(n - 5, nullptr);
  ASSERT_EQ(log.size(), n - 5);
  for (size_t i = 0; i < log.size(); i += 97) EXPECT_EQ(log[i].seq, i + 1);
  EXPECT_EQ(log.back().seq, n - 5);
  EXPECT_EQ(goroscope::EventStore::contiguous(goroscope::EventStore::kChunk - 3, 10), 3u);
}
