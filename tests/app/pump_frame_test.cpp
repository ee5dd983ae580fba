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
}
