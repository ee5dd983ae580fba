// tests/app/restart_pacer_test.cpp: a dragged slider restarts the run at once when its value first
// changes, then at most once every RestartPacer::kInterval while it keeps changing, never while
// the run already has its value, once more on release only when the run lags, and less often
// when a restart is slow. Time is given, not waited for. Also the window's --slider option: a
// literal of main made a slider from the command line, set to a value, and its mistakes said
// clearly.
#include "restart_pacer.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "args.hpp"
#include "scenario.hpp"
#include "window_options.hpp"

using goroscope::RestartPacer;

TEST(RestartPacer, DraggingRestartsAtMostEveryInterval) {
  RestartPacer p;
  const double dt = 1.0 / 60;           // a frame
  EXPECT_TRUE(p.dragging(true, 10.0));  // the first change: at once
  int restarts = 0;
  for (int f = 1; f <= 60; f++) restarts += p.dragging(true, 10.0 + f * dt);  // a second of dragging
  // One every kInterval (0.15 s, the 9th or 10th frame): six or seven in the second, not sixty.
  EXPECT_GE(restarts, 6);
  EXPECT_LE(restarts, 7);
  // Holding still (the run has the value): none, however long.
  RestartPacer q;
  for (int f = 0; f < 60; f++) EXPECT_FALSE(q.dragging(false, 20.0 + f * dt));
}

TEST(RestartPacer, ReleaseRestartsOnlyWhenTheRunLags) {
  RestartPacer p;
  EXPECT_TRUE(p.dragging(true, 1.0));
  EXPECT_FALSE(p.dragging(true, 1.05));  // too soon: the source shows it, the run waits
  EXPECT_TRUE(p.released(true, 1.06));   // let go: the run takes the last value now
  EXPECT_FALSE(p.released(false, 2.0));  // the run has it already
  EXPECT_FALSE(p.dragging(true, 1.1));   // the release counted as a restart
  EXPECT_TRUE(p.dragging(true, 1.06 + RestartPacer::kInterval + 0.01));
}

TEST(RestartPacer, ASlowRestartIsAskedForLessOften) {
  RestartPacer p;
  EXPECT_TRUE(p.dragging(true, 1.0));
  p.took(0.02);  // the worker pool: the usual pace
  EXPECT_DOUBLE_EQ(p.interval(), RestartPacer::kInterval);
  EXPECT_TRUE(p.dragging(true, 1.16));
  p.took(0.17);  // a million goroutines' rehearsal
  EXPECT_DOUBLE_EQ(p.interval(), 0.34);
  EXPECT_FALSE(p.dragging(true, 1.16 + 0.2));
  EXPECT_TRUE(p.dragging(true, 1.16 + 0.35));
}

TEST(WindowOptions, SliderMakesALiteralOfMainASlider) {
  std::string go = ::testing::TempDir() + "goroscope_slider_opt.go";
  std::ofstream(go) << "package main\n"
                       "\n"
                       "func main() {\n"
                       "\tn := 2\n"
                       "\tfor i := 0; i < 3; i++ {\n"
                       "\t\tprintln(i, n, \"7\")\n"
                       "\t}\n"
                       "}\n";
  goroscope::WindowOptions o = goroscope::parse_window_options({go, "--slider", "4=5", "--slider", "5:18"});
  const goroscope::Scenario* s = goroscope::find_scenario(o.scenario);
  ASSERT_TRUE(s) << o.scenario;
  EXPECT_NE(s->name, go);
  ASSERT_EQ(s->params.size(), 2u);
  EXPECT_EQ(s->params[0].name, "n");
  EXPECT_EQ(s->params[1].name, "i limit (line 5)");
  EXPECT_EQ(o.sets, std::vector<std::string>{"n=5"});
  EXPECT_NE(s->source.find("\tn := 2 // goroscope: slider 1..10\n"), std::string::npos);
  auto error = [&](std::vector<std::string> args) {
    try {
      goroscope::parse_window_options(args);
    } catch (const goroscope::UsageError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(error({go, "--slider", "5"}),
            "--slider 5: line 5 holds 2 integer literals (at columns 11, 18): say which, as 5:COL");
  EXPECT_EQ(error({go, "--slider", "6"}), "--slider 6: line 6 holds no integer literal of func main");
  EXPECT_EQ(
      error({go, "--slider", "4:3"}),
      "--slider 4:3: no integer literal of func main at line 4, column 3 (the line has one at column 7)");
  EXPECT_EQ(error({go, "--slider", "four"}),
            "--slider four: expected LINE or LINE:COL (1-based), got 'four'");
  EXPECT_EQ(error({go, "--slider", "4", "--slider", "4"}),
            "--slider 4: the literal at line 4 is a slider already");
  EXPECT_EQ(error({"--slider", "4"}), "--slider 4: give the program (FILE.go or --scenario NAME)");
  std::remove(go.c_str());
}
