// app/explorer.hpp: the schedule explorer: run a program again and again under schedules it
// chooses (goro/policy.hpp), stop at the first run that fails, and keep that run's schedule so
// that it replays exactly. The command line (explore.cpp) and the window drive it alike.
//
// Strategies: a random walk (every choice uniform among the runnable), and PCT (Burckhardt,
// Kothari, Musuvathi, Nagarakatte, ASPLOS 2010: random distinct priorities, the highest runnable
// goroutine runs, and at depth-1 random steps the running goroutine drops below all others;
// a bug of depth d shows with probability at least 1/(n k^(d-1)) per run, n goroutines, k steps).
// Every run has procs = 1, the virtual clock and Config::preempt_at_sync: each synchronising
// call and checked access is a point where the policy may switch goroutines.
//
// Invariants: run i's seed and schedule follow from the options alone, so the same options find
// the same run; a schedule is the list of goroutine ids chosen at each decision with two or
// more runnable, and following it with the run's seed repeats the run event for event.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "goro/policy.hpp"
#include "goro/record.hpp"
#include "goro/run.hpp"
#include "goro/tap.hpp"
#include "session.hpp"

namespace goroscope {

// Strategy is how the explorer chooses among the runnable goroutines.
enum class Strategy { Random, Pct };

// Failure is a kind of failing run (a bit set).
enum Failure : unsigned {
  kDeadlock = 1,
  kPanic = 2,
  kRace = 4,           // turns the race detector on
  kOutputDiffers = 8,  // other lines of output than the reference's, in any order (see judge())
};
// kDefaultUntil: a search looks for deadlocks, panics and races unless told otherwise. Other
// output is asked for: many correct programs print in an order that varies from run to run.
constexpr unsigned kDefaultUntil = kDeadlock | kPanic | kRace;

// output_difference() is "" when got has the same lines as expected, in any order; else the
// difference in words (the first line got has that expected lacks, or one it misses).
std::string output_difference(const std::string& got, const std::string& expected);

// failure_name() is the word for one Failure bit ("deadlock", "output-differs", ...).
const char* failure_name(unsigned f);

// ExploreOptions is one search.
struct ExploreOptions {
  RunSpec spec;  // the program, its parameters, and the seed its reference run uses
  Strategy strategy = Strategy::Random;
  int depth = 3;          // PCT: bugs of this depth (1 to 16)
  uint64_t runs = 10000;  // give up after this many
  uint64_t seed = 1;      // the search's own seed
  unsigned until = kDefaultUntil;
  std::optional<std::string> expect;  // expected output (else: the reference run's)
};

// Schedule is one run's choices and its seed.
struct Schedule {
  uint64_t seed = 0;
  std::vector<uint64_t> picks;  // the goroutine run at each decision
};

// Outcome is how one run ended, and how it failed (0: it did not).
struct Outcome {
  goro::Exit exit;
  unsigned failed = 0;    // a Failure bit, the first of deadlock, panic, race, output-differs
  std::string what;       // the failure in a line ("" when none)
  int64_t failed_at = 0;  // record_failure(): goro::now() when it went wrong (the bookmark's time)
};

// ExploreResult is what a search found.
struct ExploreResult {
  uint64_t runs = 0;                 // runs made (the failing one included)
  double seconds = 0;                // wall time of the search
  std::string reference;             // the output the runs are compared with
  std::optional<Schedule> schedule;  // the failing run's
  Outcome outcome;                   // the failing run's (or the last run's)
  bool found() const { return schedule.has_value(); }
};

// Explorer searches; one run per step(), so a caller can show progress and stop.
class Explorer {
 public:
  // stopper (optional, outliving the Explorer): a Control that every run attaches, so that
  // cancel() also ends the run in progress (the reference run included) at its next event.
  explicit Explorer(ExploreOptions opts, goro::Control* stopper = nullptr);
  // step() makes the next run; returns false once something was found or the runs are spent.
  bool step();
  // cancel() (any thread) makes the next step() return false, and stops the run in progress
  // when there is a stopper (that run is not judged).
  void cancel() {
    cancel_.store(true);
    if (stopper_) stopper_->stop();
  }
  bool cancelled() const { return cancel_.load(); }
  const ExploreResult& result() const { return result_; }
  const ExploreOptions& options() const { return opts_; }

 private:
  ExploreOptions opts_;
  ExploreResult result_;
  uint64_t steps_estimate_ = 16;  // PCT's k: the most decisions a run has made so far
  std::atomic<bool> cancel_{false};
  goro::Control* stopper_ = nullptr;
  double start_ = 0;
};

// judge() tells how a run failed under `until`, given the output expected. Output differs when
// its lines are not the expected ones in some order (a line more, a line less or another
// line): goroutines that print as they finish print in an order that varies between correct
// runs, so the order alone is never a failure.
// names (optional): the diagram's goroutine names by id, said beside Go's goroutine numbers in
// a race's words ("goroutine 3 (main.func2) writes at ...").
Outcome judge(goro::Exit exit, unsigned until, const std::string& expected,
              const std::map<uint64_t, std::string>* names = nullptr);

// explore_config() is the Config of an explorer's run with this seed.
goro::Config explore_config(const RunSpec& spec, unsigned until, uint64_t seed);

// ReplayPolicy follows a schedule; a goroutine it names that is not runnable (the program has
// changed) makes it fall back to the first candidate, and diverged() say so.
class ReplayPolicy final : public goro::Policy {
 public:
  explicit ReplayPolicy(std::vector<uint64_t> picks) : picks_(std::move(picks)) {}
  size_t pick(const std::vector<goro::RunnableG>& runnable) override;
  bool diverged() const { return diverged_; }

 private:
  std::vector<uint64_t> picks_;
  size_t next_ = 0;
  bool diverged_ = false;
};

// record_failure() runs spec again under the schedule, writing a recording to path: the
// header says how to run it again (explore.schedule, explore.until, the seed), and a bookmark
// marks the moment it failed. Returns the replayed run's outcome (it fails as the search's
// did). Throws goro::RecordingError.
Outcome record_failure(const ExploreOptions& opts, const ExploreResult& found, const std::string& path);

// schedule_of() reads the schedule from a recording's header (nullopt: none there).
std::optional<Schedule> schedule_of(const goro::Recording& rec);
// replay_recorded() runs a recording's program again under its schedule (its scenario,
// parameters and options from the header; `program` instead of the scenario the header names,
// when given), and judges it as its search did. Throws std::invalid_argument when the header
// does not say how.
Outcome replay_recorded(const goro::Recording& rec, const Scenario* program = nullptr);

}  // namespace goroscope
