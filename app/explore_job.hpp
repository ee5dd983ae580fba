// app/explore_job.hpp: the schedule explorer (explorer.hpp) on a thread of its own, for the
// window: the "Find a failing schedule" button starts one, each frame reads its progress (runs
// done, runs per second), Cancel stops it, and once it found a failing run it has recorded that
// run (with its schedule and a bookmark where it failed) for the window to open in replay.
//
// Invariants: the window's thread never waits on the search (progress() and state() only take
// a short lock); the search thread is the only one that touches its Explorer; once state() is
// not Running, finding() no longer changes; the destructor cancels and joins (a run in progress
// stops at its next event).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "explorer.hpp"
#include "goro/tap.hpp"

namespace goroscope {

// ExploreProgress is what the window shows while a search runs.
struct ExploreProgress {
  uint64_t runs = 0;    // runs made so far
  uint64_t budget = 0;  // the most it will make
  double seconds = 0;   // wall time so far
  double rate() const { return seconds > 0 ? static_cast<double>(runs) / seconds : 0; }
};

// Finding is what a finished search found (valid once the job is not Running).
struct Finding {
  unsigned failed = 0;    // the Failure bit (0: nothing found)
  std::string what;       // the failure in a line
  uint64_t run = 0;       // the failing run's number
  std::string path;       // the recording of the failing run
  int64_t at = 0;         // when it went wrong (the bookmark's time)
  std::string reference;  // the output the runs were compared with
  std::string error;      // Failed: why
};

class ExploreJob {
 public:
  enum class State { Running, Found, NothingFound, Cancelled, Failed };

  // Starts the search at once; the failing run is recorded to record_path (or, when that
  // cannot be written, to a file of the same name in the temporary folder).
  ExploreJob(ExploreOptions opts, std::string record_path);
  ~ExploreJob();
  ExploreJob(const ExploreJob&) = delete;
  ExploreJob& operator=(const ExploreJob&) = delete;

  // cancel() stops the search (any thread); state() becomes Cancelled soon after.
  void cancel();
  ExploreProgress progress() const;
  State state() const;
  bool done() const { return state() != State::Running; }
  // wait() blocks until the search is over (tests; the window never calls it).
  void wait();
  const Finding& finding() const { return finding_; }  // read once done()
  const ExploreOptions& options() const { return opts_; }

 private:
  void search();  // the thread's work

  ExploreOptions opts_;
  std::string record_path_;
  goro::Control stopper_;  // every run attaches it, so that cancel() ends the one in progress
  mutable std::mutex mu_;  // guards progress_, state_, explorer_ and cancelled_
  ExploreProgress progress_;
  State state_ = State::Running;
  Explorer* explorer_ = nullptr;  // the search thread's, while it lives
  bool cancelled_ = false;
  Finding finding_;  // written by the search thread before it leaves Running
  std::thread thread_;
};

// failure_event() is how many of a recorded failing run's events to replay to stand at the
// moment it went wrong: just after its first Race event (a race), its Deadlock or Panic event,
// or the first Output that left the reference (output differs); else just after the last event
// at or before time `at`.
size_t failure_event(const goro::Recording& rec, unsigned failed, const std::string& reference, int64_t at);

// strategy_name() is "random" or "pct".
const char* strategy_name(Strategy s);

}  // namespace goroscope
