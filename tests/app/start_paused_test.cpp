// tests/app/start_paused_test.cpp: a short program (buffered_channel ends in under a millisecond)
// can be stepped from its start, as the window's Step after the end and its "start paused"
// do: a Session started paused stops at its first event, and each step lets exactly one more
// event happen.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app_support.hpp"

namespace {

using goroscope::RunSpec;
using goroscope::Session;

// pump_until() pumps s until it has n events in all, or a while has passed; returns the count.
size_t pump_until(Session& s, size_t n) {
  for (int i = 0; i < 2000 && s.events().size() < n; i++) {
    s.pump();
    if (s.events().size() < n) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return s.events().size();
}

TEST(StartPaused, BufferedChannelStepsFromItsFirstEvent) {
  const goroscope::Scenario* sc = goroscope::find_scenario("buffered_channel");
  ASSERT_TRUE(sc);
  for (auto clock : {goro::ClockMode::Virtual, goro::ClockMode::Real}) {
    RunSpec spec{sc, sc->defaults(), {}};
    spec.config.clock = clock;
    spec.lines = true;  // as the window runs it
    Session s(spec, "", true);
    EXPECT_EQ(pump_until(s, 1), 1u);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    s.pump();
    EXPECT_EQ(s.events().size(), 1u) << "started paused, it stops at its first event";
    EXPECT_TRUE(s.control().paused());
    EXPECT_FALSE(s.done());
    for (size_t step = 2; step <= 5; step++) {
      s.control().step();
      EXPECT_EQ(pump_until(s, step), step) << "step " << step;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      s.pump();
      EXPECT_EQ(s.events().size(), step) << "one step, one event";
      EXPECT_TRUE(s.control().paused());
    }
    EXPECT_EQ(s.events().front().seq, 1u) << "the first event shown is the run's first";
    EXPECT_FALSE(s.done()) << "five events in, buffered_channel has more to show";
  }
}

}  // namespace
