// tests/app/breakpoints_test.cpp: a breakpoint set once (a click on a line number) stops every run
// that follows, as the window restarts the program: the old Session is freed before the new one
// is made, so the new one is often at the same address and must still be given the lines.
#include "breakpoints.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app_support.hpp"

namespace {

using goroscope::Breakpoints;
using goroscope::RunSpec;
using goroscope::Session;

constexpr int kReceiveLine = 13;  // fmt.Println(<-messages) (04_buffered_channel.go)

// stops_at_line() pumps until the run pauses at a line (true) or ends (false).
bool stops_at_line(Session& s) {
  for (int i = 0; i < 20000; i++) {
    s.pump();
    if (s.control().line_stops() > 0 && s.control().paused()) return true;
    if (s.done()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(Breakpoints, AClickedBreakpointStopsEveryRestartedRun) {
  const goroscope::Scenario* sc = goroscope::find_scenario("buffered_channel");
  ASSERT_TRUE(sc);
  RunSpec spec{sc, sc->defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  spec.lines = true;
  Breakpoints breaks;
  std::unique_ptr<Session> run = std::make_unique<Session>(spec, "", true);
  EXPECT_TRUE(breaks.push(*run)) << "a first run is a new run";
  run->control().resume();
  EXPECT_FALSE(stops_at_line(*run)) << "no breakpoint yet: it runs to its end";
  breaks.lines(sc->go_file).insert(kReceiveLine);  // clicked after the end
  EXPECT_FALSE(breaks.push(*run));
  for (int restart = 0; restart < 8; restart++) {
    run.reset();  // as App::restart(): the old run goes first
    run = std::make_unique<Session>(spec, "", true);
    EXPECT_TRUE(breaks.push(*run)) << "restart " << restart;
    EXPECT_FALSE(breaks.push(*run)) << "pushed once per run";
    run->control().resume();
    ASSERT_TRUE(stops_at_line(*run)) << "restart " << restart << " ran through the breakpoint";
    EXPECT_EQ(run->control().last_line_stop().line, static_cast<uint32_t>(kReceiveLine));
    EXPECT_TRUE(run->control().last_line_stop().breakpoint);
  }
}

TEST(Breakpoints, EachSessionHasARunIdOfItsOwn) {
  const goroscope::Scenario* sc = goroscope::find_scenario("buffered_channel");
  ASSERT_TRUE(sc);
  RunSpec spec{sc, sc->defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  auto a = std::make_unique<Session>(spec, "", true);
  uint64_t first = a->run_id();
  a.reset();
  auto b = std::make_unique<Session>(spec, "", true);
  EXPECT_NE(b->run_id(), first);
  EXPECT_NE(b->run_id(), 0u);
}

}  // namespace
