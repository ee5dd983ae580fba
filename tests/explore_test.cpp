// tests/explore_test.cpp: the schedule explorer finds the seeded bugs within the stated runs
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

std::string temp_path(const char* name) {
  return ::testing::TempDir() + "/" + name + std::to_string(::getpid()) + ".gorec";
}

TEST(Explore, FindsTheArticlesLostUpdateInUnder100RunsAndRecordsIt) {
  for (Strategy st : {Strategy::Random, Strategy::Pct}) {
    ExploreResult r = search(options(find_scenario("data_race"), st, kDefaultUntil, 100));
    ASSERT_TRUE(r.found()) << "strategy " << static_cast<int>(st);
    EXPECT_LE(r.runs, 100u);
    EXPECT_EQ(r.reference, "counter: 2\n");  // no preemption: each counter++ runs whole
    EXPECT_EQ(r.outcome.failed, kOutputDiffers);
    EXPECT_EQ(r.outcome.exit.output, "counter: 1\n");

    ExploreOptions o = options(find_scenario("data_race"), st, kDefaultUntil, 100);
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
  ExploreOptions o = options(&abba(), Strategy::Pct, kDefaultUntil, 1000);
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
