// tests/cli_test.cpp: the command line's parsing: times, parameters, scenarios, bad input.
#include "cli.hpp"

#include <gtest/gtest.h>

#include "scenarios/scenario.hpp"

TEST(Cli, ParsesTimes) {
  EXPECT_EQ(goroscope::parse_time("1.5s"), 1'500'000'000);
  EXPECT_EQ(goroscope::parse_time("200ms"), 200'000'000);
  EXPECT_EQ(goroscope::parse_time("30us"), 30'000);
  EXPECT_EQ(goroscope::parse_time("42ns"), 42);
  EXPECT_EQ(goroscope::parse_time("42"), 42);
  EXPECT_FALSE(goroscope::parse_time(""));
  EXPECT_FALSE(goroscope::parse_time("soon"));
  EXPECT_FALSE(goroscope::parse_time("-1s"));
  EXPECT_FALSE(goroscope::parse_time("3 parsecs"));
  EXPECT_EQ(goroscope::format_time(1'500'000'000), "1.5s");
  EXPECT_EQ(goroscope::format_time(200'000'000), "200ms");
}

TEST(Cli, EveryArticleProgramIsAScenario) {
  EXPECT_EQ(goroscope::scenarios().size(), 14u);
  for (const auto& s : goroscope::scenarios()) {
    EXPECT_EQ(goroscope::find_scenario(s.name), &s);
    EXPECT_EQ(goroscope::find_scenario(s.go_file), &s);
    for (const auto& p : s.params) EXPECT_TRUE(p.min <= p.def && p.def <= p.max) << s.name << " " << p.name;
  }
  EXPECT_EQ(goroscope::find_scenario("nope"), nullptr);
}

TEST(Cli, ParameterAssignmentsAreChecked) {
  const auto& s = *goroscope::find_scenario("worker_pool");
  goroscope::Params p = s.defaults();
  EXPECT_EQ(s.set(p, "workers=8"), "");
  EXPECT_EQ(p["workers"], 8);
  EXPECT_EQ(s.set(p, "workers=0"), "parameter workers must be a whole number from 1 to 1000, not '0'");
  EXPECT_NE(s.set(p, "workers=eight").find("must be a whole number"), std::string::npos);
  EXPECT_NE(s.set(p, "workers=").find("must be a whole number"), std::string::npos);
  EXPECT_NE(s.set(p, "workers=+3").find("not '+3'"), std::string::npos);  // as --procs +3
  EXPECT_NE(s.set(p, "workers= 3").find("not ' 3'"), std::string::npos);
  EXPECT_NE(s.set(p, "workers=99999999999").find("from 1 to 1000"), std::string::npos);
  EXPECT_NE(s.set(p, "wrkers=3").find("has no parameter 'wrkers'"), std::string::npos);
  EXPECT_NE(s.set(p, "workers").find("expected name=value"), std::string::npos);
  EXPECT_EQ(p["workers"], 8);  // failed assignments change nothing
}

TEST(Cli, BadCommandLinesAreUsageErrors) {
  using V = std::vector<std::string>;
  EXPECT_EQ(goroscope::cli_main(V{"frobnicate"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "no_such_program"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--procs", "100"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--clock", "sundial"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--speed", "0"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--seed"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"inspect"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"inspect", "/nonexistent.gorec"}), 1);
  EXPECT_EQ(goroscope::cli_main(V{"list", "extra"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"export", "x.gorec"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"export", "x.gorec", "--chrome"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"export", "/nonexistent.gorec", "--chrome", "/tmp/x.json"}), 1);
  EXPECT_EQ(goroscope::cli_main(V{}), std::nullopt);  // the window
}

TEST(Cli, RunExitStatusFollowsTheProgram) {
  using V = std::vector<std::string>;
  EXPECT_EQ(goroscope::cli_main(V{"run", "select"}), 0);
  EXPECT_EQ(goroscope::cli_main(V{"run", "deadlock"}), 2);
  EXPECT_EQ(goroscope::cli_main(V{"run", "buffered_channel", "--set", "capacity=1"}), 2);
}
