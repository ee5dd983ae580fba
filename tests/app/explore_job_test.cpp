// tests/app/explore_job_test.cpp: the window's search in the background: it finds the article's
// data race within a few runs (once the Go VM reports variable accesses), reports its progress, records the
// failing run so that it opens at the moment it failed (the bookmark there), finds the lost
// update of the article's program and opens at the line that differs, says when it found
// nothing, and can be cancelled, even in the middle of a run that would never end.
#include "explore_job.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

#include "app_support.hpp"
#include "goro/goro.hpp"
#include "replay.hpp"

namespace {

using namespace goroscope;

// main and a goroutine hand a value back and forth forever: a run that only a stop ends.
const Scenario& endless() {
  static const Scenario s = program_from_source("endless", "endless.go", R"(// Endless
// never returns
package main

func main() {
	ch := make(chan int)
	go func() {
		for {
			ch <- 1
		}
	}()
	for {
		<-ch
	}
}
)");
  return s;
}

ExploreOptions options(const Scenario& s, unsigned until, uint64_t runs) {
  ExploreOptions o;
  o.spec = RunSpec{&s, s.defaults(), {}};
  o.until = until;
  o.runs = runs;
  return o;
}

std::string temp_path(const char* name) {
  return ::testing::TempDir() + "/" + name + std::to_string(::getpid()) + ".gorec";
}

}  // namespace

TEST(ExploreJob, FindsTheRaceOfASharedVariableAndOpensAtIt) {
  std::string path = temp_path("job-race");
  ExploreJob job(options(*find_scenario("data_race"), kRace | kDeadlock | kPanic, 20), path);
  job.wait();
  ASSERT_EQ(job.state(), ExploreJob::State::Found) << job.finding().error;
  ExploreProgress p = job.progress();
  EXPECT_GE(p.runs, 1u);
  EXPECT_LE(p.runs, 20u);
  EXPECT_EQ(p.budget, 20u);
  const Finding& f = job.finding();
  EXPECT_EQ(f.failed, kRace);
  EXPECT_EQ(f.run, p.runs);
  EXPECT_EQ(f.path, path);
  EXPECT_NE(f.what.find("data race on counter"), std::string::npos) << f.what;
  // Go's goroutine numbers, each with the diagram's name for it
  EXPECT_TRUE(f.what.find("goroutine 2 (main.func1)") != std::string::npos ||
              f.what.find("goroutine 3 (main.func2)") != std::string::npos)
      << f.what;

  Replay r(path);
  r.wait_indexed();
  ASSERT_EQ(r.recording().bookmarks.size(), 1u);
  size_t at = failure_event(r.recording(), f.failed, f.reference, f.at);
  ASSERT_GT(at, 0u);
  const goro::Event& e = r.recording().events[at - 1];
  EXPECT_EQ(e.kind, goro::EventKind::Race);
  EXPECT_EQ(r.recording().bookmarks[0].time, e.time);  // the bookmark marks that moment
  EXPECT_EQ(r.recording().bookmarks[0].caption, f.what);
  r.seek(at);
  EXPECT_EQ(r.model().races(), 1u);
  ASSERT_EQ(r.model().variables().size(), 1u);
  EXPECT_EQ(r.model().variables()[0].name, "counter");
  r.seek(at - 1);
  EXPECT_EQ(r.model().races(), 0u);  // just before, none yet
  std::remove(path.c_str());
}

TEST(ExploreJob, OpensTheLostUpdateAtTheLineThatDiffers) {
  std::string path = temp_path("job-lost");
  ExploreJob job(options(*find_scenario("data_race"), kOutputDiffers, 100), path);
  job.wait();
  ASSERT_EQ(job.state(), ExploreJob::State::Found) << job.finding().error;
  const Finding& f = job.finding();
  EXPECT_EQ(f.reference, "counter: 2\n");
  goro::Recording rec = goro::load_recording(path);
  size_t at = failure_event(rec, f.failed, f.reference, f.at);
  ASSERT_GT(at, 0u);
  EXPECT_EQ(rec.events[at - 1].kind, goro::EventKind::Output);
  EXPECT_EQ(rec.strings[rec.events[at - 1].text], "counter: 1\n");
  std::remove(path.c_str());
}

TEST(ExploreJob, OpensALockOrderDeadlockAtTheDeadlock) {
  // PCT finds the preemption between the two Lock calls.
  ExploreOptions o = options(abba(), kDefaultUntil, 1000);
  o.strategy = Strategy::Pct;
  o.depth = 2;
  std::string path = temp_path("job-abba");
  ExploreJob job(o, path);
  job.wait();
  ASSERT_EQ(job.state(), ExploreJob::State::Found) << job.finding().error;
  EXPECT_EQ(job.finding().failed, kDeadlock);
  Replay r(path);
  size_t at = failure_event(r.recording(), job.finding().failed, job.finding().reference, job.finding().at);
  EXPECT_EQ(at, r.find_end());  // the replay's "jump to the deadlock" and the search agree
  r.seek(at);
  EXPECT_NE(r.model().exit_message().find("all goroutines are asleep"), std::string::npos);
  std::remove(path.c_str());
}

TEST(ExploreJob, SaysWhenItFoundNothing) {
  ExploreJob job(options(*find_scenario("once"), kDeadlock | kPanic | kRace, 30), temp_path("job-none"));
  job.wait();
  EXPECT_EQ(job.state(), ExploreJob::State::NothingFound);
  EXPECT_EQ(job.progress().runs, 30u);
  EXPECT_EQ(job.finding().failed, 0u);
}

TEST(ExploreJob, CancelStopsTheSearch) {
  ExploreJob job(options(*find_scenario("once"), kDeadlock, 1000000000), temp_path("job-cancel"));
  while (job.progress().runs < 3 && !job.done()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  job.cancel();
  job.wait();
  EXPECT_EQ(job.state(), ExploreJob::State::Cancelled);
  EXPECT_LT(job.progress().runs, 1000000000u);
}

TEST(ExploreJob, CancelEndsARunThatWouldNeverEnd) {
  // The reference run (and every run) of this program never ends by itself: only the stop that
  // cancel() sends ends it. A missed stop hangs here (the test's time limit catches it).
  ExploreJob job(options(endless(), kDefaultUntil | kOutputDiffers, 10), temp_path("job-endless"));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  job.cancel();
  job.wait();
  EXPECT_EQ(job.state(), ExploreJob::State::Cancelled);
  EXPECT_EQ(job.progress().runs, 0u);
}
