// tests/app/explore_test.cpp: the schedule explorer finds the seeded bugs within the stated runs
// (the article's data race; a lock-order deadlock that needs a preemption between two lock
// calls, by PCT), finds nothing in the article's correct programs, finds the same run again
// for the same options, and its recording replays to the same failure.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

#include "app_support.hpp"
#include "explorer.hpp"
#include "goro/goro.hpp"

namespace {

using namespace goroscope;

ExploreOptions options(const Scenario* s, Strategy st, unsigned until, uint64_t runs, uint64_t seed = 1) {
  ExploreOptions o;
  o.spec = RunSpec{s, s->defaults(), {}};
  o.strategy = st;
  o.until = until;
  o.runs = runs;
  o.seed = seed;
  return o;
}

ExploreResult search(const ExploreOptions& o) {
  Explorer ex(o);
  while (ex.step()) {
  }
  return ex.result();
}

// printers() prints three lines from three goroutines, in whatever order they run.
const Scenario& printers() {
  static const Scenario s = program_from_source("printers", "printers.go", R"(// Printers
// three goroutines print a line each
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, w := range []string{"one", "two", "three"} {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			fmt.Println(w)
		}(w)
	}
	wg.Wait()
	fmt.Println("done")
}
)");
  return s;
}

// kOutputChecks: the failures a search with "other output" ticked looks for.
constexpr unsigned kOutputChecks = kDeadlock | kPanic | kOutputDiffers;

std::string temp_path(const char* name) {
  return ::testing::TempDir() + "/" + name + std::to_string(::getpid()) + ".gorec";
}

TEST(Explore, FindsTheArticlesLostUpdateInUnder100RunsAndRecordsIt) {
  for (Strategy st : {Strategy::Random, Strategy::Pct}) {
    ExploreResult r = search(options(find_scenario("data_race"), st, kOutputChecks, 100));
    ASSERT_TRUE(r.found()) << "strategy " << static_cast<int>(st);
    EXPECT_LE(r.runs, 100u);
    EXPECT_EQ(r.reference, "counter: 2\n");  // no preemption: each counter++ runs whole
    EXPECT_EQ(r.outcome.failed, kOutputDiffers);
    EXPECT_EQ(r.outcome.exit.output, "counter: 1\n");

    ExploreOptions o = options(find_scenario("data_race"), st, kOutputChecks, 100);
    std::string path = temp_path("lost-update");
    Outcome again = record_failure(o, r, path);
    EXPECT_EQ(again.failed, kOutputDiffers);
    EXPECT_EQ(again.exit.output, "counter: 1\n");
    goro::Recording rec = goro::load_recording(path);
    ASSERT_TRUE(rec.complete);
    std::string printed;
    for (const goro::Event& e : rec.events)
      if (e.kind == goro::EventKind::Output) printed += rec.strings[e.text];
    EXPECT_EQ(printed, "counter: 1\n");  // the recording shows the lost update
    ASSERT_EQ(rec.bookmarks.size(), 1u);
    EXPECT_EQ(rec.bookmarks[0].time, r.outcome.exit.end_time);  // printed at the end
    EXPECT_NE(rec.bookmarks[0].caption.find("counter: 1"), std::string::npos);
    // Reproduced from the recording alone: the same run, the same failure.
    Outcome replayed = replay_recorded(rec);
    EXPECT_EQ(replayed.failed, kOutputDiffers);
    EXPECT_EQ(replayed.exit.output, "counter: 1\n");
    std::remove(path.c_str());
  }
}

TEST(Explore, FindsTheRaceOnItsFirstRunWithTheDetector) {
  ExploreResult r = search(options(find_scenario("data_race"), Strategy::Random, kRace, 10));
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.runs, 1u);
  EXPECT_EQ(r.outcome.failed, kRace);
  ASSERT_EQ(r.outcome.exit.races.size(), 1u);
  EXPECT_EQ(r.outcome.exit.races[0].variable, "counter");
}

TEST(Explore, PctFindsTheLockOrderDeadlockAndItReplays) {
  ExploreOptions o = options(&abba(), Strategy::Pct, kOutputChecks, 1000);
  o.depth = 2;
  ExploreResult r = search(o);
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.reference, "no deadlock\n");
  EXPECT_EQ(r.outcome.failed, kDeadlock);
  EXPECT_NE(r.outcome.exit.message.find("sync.Mutex.Lock"), std::string::npos) << r.outcome.exit.message;

  std::string path = temp_path("abba");
  Outcome again = record_failure(o, r, path);
  EXPECT_EQ(again.failed, kDeadlock);
  goro::Recording rec = goro::load_recording(path);
  bool deadlock_event = false;
  for (const goro::Event& e : rec.events) deadlock_event |= e.kind == goro::EventKind::Deadlock;
  EXPECT_TRUE(deadlock_event);
  EXPECT_EQ(replay_recorded(rec, &abba()).failed, kDeadlock);
  std::remove(path.c_str());
}

TEST(Explore, TheSameOptionsFindTheSameRun) {
  for (Strategy st : {Strategy::Random, Strategy::Pct}) {
    ExploreOptions o = options(&abba(), st, kDefaultUntil, 2000, 7);
    o.depth = 2;
    ExploreResult a = search(o), b = search(o);
    ASSERT_TRUE(a.found());
    ASSERT_TRUE(b.found());
    EXPECT_EQ(a.runs, b.runs);
    EXPECT_EQ(a.schedule->seed, b.schedule->seed);
    EXPECT_EQ(a.schedule->picks, b.schedule->picks);
  }
}

TEST(Explore, DefaultsLookForDeadlockPanicAndRaceNotOtherOutput) {
  EXPECT_EQ(kDefaultUntil, kDeadlock | kPanic | kRace);
  // worker_pool prints which worker took which job, which varies: no failure by default.
  ExploreResult r = search(options(find_scenario("worker_pool"), Strategy::Random, kDefaultUntil, 100));
  EXPECT_FALSE(r.found()) << r.outcome.what;
  EXPECT_EQ(r.runs, 100u);
  // Goroutines that print the same lines in an order that varies: no failure with "other
  // output" either, which compares the lines in any order.
  r = search(options(&printers(), Strategy::Random, kDefaultUntil | kOutputDiffers, 100));
  EXPECT_FALSE(r.found()) << r.outcome.what;
  EXPECT_EQ(r.reference.size(), std::string("one\ntwo\nthree\ndone\n").size()) << r.reference;
  // The lost update is found by default, as a race.
  r = search(options(find_scenario("data_race"), Strategy::Random, kDefaultUntil, 10));
  ASSERT_TRUE(r.found());
  EXPECT_EQ(r.outcome.failed, kRace);
}

TEST(Explore, OutputDiffersComparesLinesInAnyOrder) {
  EXPECT_EQ(output_difference("b\na\n", "a\nb\n"), "");
  EXPECT_EQ(output_difference("a\nb\n", "a\nb\n"), "");
  EXPECT_EQ(output_difference("counter: 1\n", "counter: 2\n"),
            "'counter: 1', which the reference printed nowhere");
  EXPECT_EQ(output_difference("a\na\n", "a\nb\n"), "'a', which the reference printed fewer times");
  EXPECT_EQ(output_difference("a\n", "b\na\n"), "nothing where the reference printed 'b'");
  EXPECT_EQ(output_difference("a", "a\n"), "") << "a last line without its newline is the same line";
}

TEST(Explore, FindsNothingInTheArticlesCorrectPrograms) {
  for (const char* name : {"mutex_counter", "worker_pool", "once", "select", "context_timeout"}) {
    for (Strategy st : {Strategy::Random, Strategy::Pct}) {
      ExploreOptions o = options(find_scenario(name), st, kDeadlock | kPanic | kRace, 200);
      if (std::string(name) == "mutex_counter") o.spec.params.values["goroutines"] = 20;
      ExploreResult r = search(o);
      EXPECT_FALSE(r.found()) << name << ": " << r.outcome.what;
      EXPECT_EQ(r.runs, 200u) << name;
    }
  }
}

TEST(Explore, CancelStopsTheSearch) {
  Explorer ex(options(find_scenario("once"), Strategy::Random, kDeadlock, 1000000));
  ASSERT_TRUE(ex.step());
  ex.cancel();
  EXPECT_FALSE(ex.step());
  EXPECT_EQ(ex.result().runs, 1u);
}

}  // namespace
