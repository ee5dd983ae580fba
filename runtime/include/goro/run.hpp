// goro/run.hpp: running one Go-style program: its configuration and how it ended.
//
// goro::run() blocks the calling thread until the program ends. It may be called again and
// again in one process, and from several threads at once (each run is independent).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "goro/race.hpp"

namespace goro {

// ClockMode chooses what goro::now() and goro::sleep() measure.
enum class ClockMode {
  Virtual,  // time jumps to the next timer only when every goroutine is blocked (synctest-like)
  Real,     // wall-clock time multiplied by Config::speed
};

// Schedule chooses how a program with procs = 1 picks the next goroutine (goro/policy.hpp).
enum class Schedule {
  Fair,    // Go's run queues (the default)
  Seeded,  // uniformly at random among the runnable, from Config::seed
};

// Config describes how to run a program.
struct Config {
  int procs = 1;  // number of Ps (like GOMAXPROCS), 1 to 64
  ClockMode clock = ClockMode::Virtual;
  uint64_t seed = 1;                   // seeds every random choice (select, stealing victims)
  Schedule schedule = Schedule::Fair;  // procs = 1 only: which runnable goroutine runs next
  double speed = 1.0;                  // Real clock only: virtual seconds per wall-clock second
  size_t stack_size = 64 * 1024;       // bytes of stack per goroutine (a guard page lies below)
  bool race = false;                   // run the data race detector (goro/race.hpp); off: no cost
  // race_values: with race and a tap, the detector hears every access an interpreter gives a
  // value for and tells the tap each write's value (VarRead, VarWrite: an app that shows them);
  // off, it hears only what FastTrack needs (a run that only reports races).
  bool race_values = false;
  // procs = 1: every synchronising call (lock, unlock, send, receive, select, close, Add, Wait,
  // Do) and every checked access (goro::Shared) first offers the processor to the other
  // runnable goroutines, so that a Policy may preempt there (a schedule explorer's choices).
  bool preempt_at_sync = false;
};

// ExitStatus says how a program ended.
enum class ExitStatus {
  Ok,        // main returned
  Panic,     // a goroutine panicked (or hit a fatal error such as unlocking an unlocked Mutex)
  Deadlock,  // every goroutine was blocked with no timer pending
};

// Blocked is a goroutine still alive when main returned (Go's goroutine leak), and where.
struct Blocked {
  uint64_t goroutine = 0;
  std::string name;
  std::string state;   // Go's words: the wait reason ("chan send"), or "runnable"
  std::string object;  // what it waits on: "chan ch", "mutex mu", ... ("" when nothing named)
  uint32_t line = 0;   // the source line it waits at, when an interpreter tells (set_line_source)
};

// Exit is what goro::run() returns.
struct Exit {
  ExitStatus status = ExitStatus::Ok;
  std::string message;            // Go's text for a panic, fatal error or deadlock; "" when Ok
  size_t leaked = 0;              // goroutines (besides main) not finished when the program ended
  std::string output;             // everything goro::print wrote, in order
  std::string errors;             // everything goro::print_stderr wrote, in order
  uint64_t goroutines = 0;        // goroutines created, main included
  int64_t end_time = 0;           // goro::now() when the program ended, in nanoseconds
  std::vector<Blocked> blocked;   // the goroutines counted in `leaked`, by id
  std::vector<RaceReport> races;  // Config::race: the data races found, in order (one per variable)
};

// run() runs `main_fn` as the main goroutine (id 1) under `cfg` and returns when it ends.
// Throws std::invalid_argument for a bad Config, std::logic_error when called from a goroutine.
//
// When the program ends, goroutines that have not finished never run again (as in Go). Their
// stacks are unwound before run() returns, newest goroutine first and main last, so their
// destructors run: any goro call that would
// block throws an internal unwinding exception, which must not be swallowed (a `catch (...)`
// that does not rethrow only delays it to the next blocking call). A goroutine that hit a fatal
// error is discarded without unwinding, as Go cannot recover from those either.
Exit run(const Config& cfg, std::function<void()> main_fn);

struct Observer;
// run() with an Observer: its Tap receives every event, its Control steers (goro/tap.hpp).
Exit run(const Config& cfg, const Observer& observer, std::function<void()> main_fn);

}  // namespace goro
