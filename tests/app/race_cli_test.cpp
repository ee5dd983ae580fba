// tests/app/race_cli_test.cpp: `run --race` and `run --leaks` and `explore` on the command line:
// Go's race report and exit status 66 for the article's data race on every seed (lost update
// or not) at procs 1 and 2, nothing for its correct programs; leaks named with their wait; the
// explorer's bad options exit 64 and a found run is recorded and said how to open.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "app_support.hpp"
#include "cli.hpp"
#include "goro/record.hpp"

namespace {

using V = std::vector<std::string>;

struct Result {
  std::optional<int> status;
  std::string out, err;
};

Result run_cli(const V& args) {
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  Result o;
  o.status = goroscope::cli_main(args);
  o.out = testing::internal::GetCapturedStdout();
  o.err = testing::internal::GetCapturedStderr();
  return o;
}

TEST(RaceCli, TheArticlesDataRaceIsReportedOnEverySeedAtProcs1And2) {
  int lost = 0, kept = 0;
  for (const char* procs : {"1", "2"})
    for (int seed = 1; seed <= 12; seed++) {
      Result r = run_cli({"run", "data_race", "--race", "--procs", procs, "--seed", std::to_string(seed)});
      EXPECT_EQ(r.status, 66) << "seed " << seed << "\n" << r.err;
      EXPECT_NE(r.err.find("==================\nWARNING: DATA RACE\n"), std::string::npos) << r.err;
      EXPECT_NE(r.err.find(" by goroutine "), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("13_pitfall_data_race.go:1"), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("Previous "), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("(running) created at:\n  main.main()\n      13_pitfall_data_race.go:1"),
                std::string::npos)
          << r.err;
      EXPECT_NE(r.err.find("Found 1 data race(s)\nexit status 66\n"), std::string::npos) << r.err;
      (r.out == "counter: 1\n" ? lost : kept)++;
    }
  EXPECT_GT(kept, 0) << "some seeds keep both updates, and the race is reported there too";
}

TEST(RaceCli, TheArticlesCorrectProgramsHaveNoRace) {
  for (const char* name : {"mutex_counter", "worker_pool", "once", "select", "context_timeout"})
    for (const char* procs : {"1", "2"}) {
      Result r = run_cli({"run", name, "--race", "--procs", procs});
      EXPECT_EQ(r.status, 0) << name << " procs " << procs << "\n" << r.err;
      EXPECT_EQ(r.err.find("DATA RACE"), std::string::npos) << name << "\n" << r.err;
    }
}

TEST(RaceCli, WithoutRaceTheRaceGoesUnreported) {
  Result r = run_cli({"run", "data_race"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err.find("DATA RACE"), std::string::npos);
}

TEST(RaceCli, LeaksAreListedWithWhereTheyWait) {
  Result r = run_cli({"run", "goroutine_leak", "--leaks"});
  EXPECT_EQ(r.status, 0);
  // the window's console says the same (visual/run_end.hpp)
  EXPECT_NE(r.err.find("1 goroutine leaked: still blocked or unfinished when main returned.\n"
                       "  main.func1 (2): line 14, chan receive on neverSendChannel\n"),
            std::string::npos)
      << r.err;
  Result quiet = run_cli({"run", "goroutine_leak"});  // without --leaks: how many, in goroscope's summary
  EXPECT_NE(quiet.err.find(", 1 leaked (still blocked"), std::string::npos) << quiet.err;
  EXPECT_EQ(quiet.err.find("goroutine leaked:"), std::string::npos) << quiet.err;  // go run says nothing
  EXPECT_EQ(quiet.err.find("chan receive"), std::string::npos) << quiet.err;
}

// lines_with() is the 1-based lines of the file whose text (without indentation) is `text`.
std::vector<int> lines_with(const std::string& path, const std::string& text) {
  std::vector<int> out;
  std::ifstream in(path);
  std::string l;
  for (int n = 1; std::getline(in, l); n++)
    if (l.substr(std::min(l.find_first_not_of('\t'), l.size())) == text) out.push_back(n);
  return out;
}

TEST(RaceCli, AGoFilesRaceIsReportedAsGoReportsIt) {
  const std::string file = GOROSCOPE_ASSETS "/programs/13_pitfall_data_race.go";
  const std::vector<int> inc = lines_with(file, "counter++");  // the two accesses
  ASSERT_EQ(inc.size(), 2u);
  for (const char* procs : {"1", "2"})
    for (int seed = 1; seed <= 5; seed++) {
      Result r = run_cli({"run", file, "--race", "--procs", procs, "--seed", std::to_string(seed)});
      EXPECT_EQ(r.status, 66) << r.err;
      EXPECT_NE(r.err.find("==================\nWARNING: DATA RACE\n"), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("  main.main.func"), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("13_pitfall_data_race.go:" + std::to_string(inc[0]) + "\n"), std::string::npos)
          << r.err;
      EXPECT_NE(r.err.find("13_pitfall_data_race.go:" + std::to_string(inc[1]) + "\n"), std::string::npos)
          << r.err;
      EXPECT_NE(r.err.find("Previous "), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("(running) created at:\n  main.main()\n"), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("Found 1 data race(s)\nexit status 66\n"), std::string::npos) << r.err;
    }
  Result plain = run_cli({"run", file});
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.err.find("DATA RACE"), std::string::npos);
  Result ok = run_cli({"run", GOROSCOPE_ASSETS "/programs/05_mutex_counter.go", "--race", "--procs", "2"});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_EQ(ok.err.find("DATA RACE"), std::string::npos) << ok.err;
}

TEST(RaceCli, AGoFilesLeaksAreListedWithTheirLine) {
  const std::string file = GOROSCOPE_ASSETS "/programs/11_pitfall_goroutine_leak.go";
  Result r = run_cli({"run", file, "--leaks"});
  EXPECT_EQ(r.status, 0) << r.err;
  const std::vector<int> at = lines_with(file, "x := <-neverSendChannel // Blocks forever");
  ASSERT_EQ(at.size(), 1u);
  EXPECT_NE(r.err.find("(2): line " + std::to_string(at[0]) + ", chan receive on neverSendChannel\n"),
            std::string::npos)
      << r.err;
  Result quiet = run_cli({"run", file});
  EXPECT_EQ(quiet.err.find("chan receive"), std::string::npos) << quiet.err;
}

TEST(RaceCli, ExploreBadOptionsAreUsageErrors) {
  for (V args : {V{"explore"}, V{"explore", "nosuch"}, V{"explore", "data_race", "--strategy", "dfs"},
                 V{"explore", "data_race", "--depth", "0"}, V{"explore", "data_race", "--until", "crash"},
                 V{"explore", "data_race", "--procs", "2"}, V{"explore", "data_race", "--runs", "0"},
                 V{"explore", "data_race", "extra", "arg"}}) {
    Result r = run_cli(args);
    EXPECT_EQ(r.status, 64) << args.back() << "\n" << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(RaceCli, ExploreRecordsTheFailingRunAndSaysHowToOpenIt) {
  std::string path = ::testing::TempDir() + "/explore-cli" + std::to_string(::getpid()) + ".gorec";
  Result r = run_cli({"explore", "data_race", "--record", path, "--until", "deadlock,panic,output-differs"});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("runs/s"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("output differs: 'counter: 1', which the reference printed nowhere"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("open it at the moment it failed: goroscope " + path + " --at 10ms"),
            std::string::npos)
      << r.out;
  goro::Recording rec = goro::load_recording(path);
  EXPECT_TRUE(rec.complete);
  EXPECT_EQ(rec.header.at("scenario"), "data_race");
  EXPECT_FALSE(rec.header.at("explore.schedule").empty());
  std::remove(path.c_str());

  Result none = run_cli({"explore", "once", "--runs", "50", "--until", "deadlock,panic,race"});
  EXPECT_EQ(none.status, 0) << none.err;
  EXPECT_NE(none.err.find("no failing run in 50 runs"), std::string::npos) << none.err;

  // By default a search looks for deadlocks, panics and races: the lost update is a race.
  Result race = run_cli({"explore", "data_race", "--record", path});
  EXPECT_EQ(race.status, 3) << race.err;
  EXPECT_NE(race.err.find("data race on counter"), std::string::npos) << race.err;
  std::remove(path.c_str());
  // ... and worker_pool, whose print order varies, is not a failure by default.
  Result pool = run_cli({"explore", "worker_pool", "--runs", "30", "--record", path});
  EXPECT_EQ(pool.status, 0) << pool.err;
  EXPECT_NE(pool.err.find("(until deadlock,panic,race)"), std::string::npos) << pool.err;
}

}  // namespace
