// goro/goroutine.hpp: starting goroutines and what a goroutine can do to itself: yield, sleep,
// read the clock, panic, print.
//
// Every function here must be called from a goroutine (inside goro::run); called elsewhere they
// throw std::logic_error, except panic(), which always throws goro::Panic.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "goro/race.hpp"

namespace goro {

// Panic is the exception a Go panic travels as. Catching it is Go's recover(); if it escapes a
// goroutine the program ends with "panic: <what>".
// An interpreter may give the frames where the panic began (Go's words, as
// SourceHooks::traceback gives them) for the dump under "goroutine N [running]:".
class Panic : public std::runtime_error {
 public:
  explicit Panic(const std::string& what, std::string frames = {})
      : std::runtime_error(what), frames_(std::move(frames)) {}
  const std::string& frames() const { return frames_; }

 private:
  std::string frames_;
};

// Fatal is the exception a Go fatal error travels as (a stack overflow, running out of
// memory): nothing recovers it; if it escapes a goroutine the program ends with
// "fatal error: <what>", after the lines in `header` (Go's "runtime: ..." explanation), and the
// frames as for a Panic. It is not a Panic, so no handler of panics turns it into one.
class Fatal : public std::runtime_error {
 public:
  explicit Fatal(const std::string& what, std::string header = {}, std::string frames = {})
      : std::runtime_error(what), header_(std::move(header)), frames_(std::move(frames)) {}
  const std::string& header() const { return header_; }
  const std::string& frames() const { return frames_; }

 private:
  std::string header_;
  std::string frames_;
};

// go() starts fn as a new goroutine and returns its id (ids are 1 for main, then 2, 3, ... in
// creation order). The name is what the app and the deadlock dump show; created_at, the go
// statement (the caller by default), is what the race detector's reports show.
uint64_t go(std::function<void()> fn, race::Site created_at = std::source_location::current());
uint64_t go(std::string name, std::function<void()> fn,
            race::Site created_at = std::source_location::current());

// yield() lets other runnable goroutines run first (Go's runtime.Gosched).
void yield();

// preempt_point() is where a goroutine that computes for long without blocking (an
// interpreter's loop, every so many backward jumps) may be preempted, as Go preempts one
// that has run 10 ms: where another goroutine is runnable, or a real-clock timer is due, the
// scheduler (its Policy) chooses which runs next; else it costs a few loads. A count of jumps,
// not a clock, decides when, so a run with the virtual clock stays the same run for a seed.
void preempt_point();

// sleep() blocks the calling goroutine for d (no-op for d <= 0).
void sleep(std::chrono::nanoseconds d);

// now() is the program's clock: nanoseconds since the program began.
int64_t now();

// panic() throws goro::Panic(msg), Go's panic(msg).
[[noreturn]] void panic(const std::string& msg);

// print() appends exactly `text` to the program's output (its standard output).
void print(std::string_view text);
// print_stderr() appends `text` to what the program writes to its standard error (Go's print
// and println builtins write there).
void print_stderr(std::string_view text);

// println() prints its arguments separated by spaces and ends the line (Go's fmt.Println).
template <class... Args>
void println(const Args&... args) {
  std::ostringstream os;
  os << std::boolalpha;
  bool first = true;
  ((os << (first ? "" : " ") << args, first = false), ...);
  os << '\n';
  print(os.str());
}

// rand_intn() is a uniform random number in [0, n) from the program's seeded generator (Go's
// rand.Intn): with procs = 1, the same seed gives the same numbers.
int rand_intn(int n);

// current_id() is the id of the calling goroutine.
uint64_t current_id();

// main_goexit() says that main (goroutine 1, the caller) is ending as Go's runtime.Goexit ends
// it: its return does not end the program, which goes on until another goroutine ends it, all
// that are left block ("all goroutines are asleep - deadlock!", main not among them), or none
// is left ("no goroutines (main called runtime.Goexit) - deadlock!").
void main_goexit();

// VarView is one variable of a goroutine as text, for an inspector: a local of one of its
// frames (scope: the function's Go name, frame: 0 innermost, 1 its caller, ...) or a
// package-level variable (scope "package", frame -1).
struct VarView {
  std::string scope;
  int frame = 0;
  std::string name;
  std::string type;   // Go's type ("[]int", "main.Job")
  std::string value;  // bounded text ("{ID:3 Value:\"Job3\"}")
};

// SourceHooks let an interpreter say where one of its goroutines stands in the program's
// source, from the state ctx points to: line() is the line (every event about the goroutine
// carries it: Event::line), traceback() Go's frames for a goroutine dump (a panic's or a
// deadlock's), e.g. "main.f(...)\n\tprog.go:6\nmain.main()\n\tprog.go:13", variables() its
// variables in scope (optional: null; see Control::watch_variables). The runtime calls them on
// the goroutine's own thread while it runs, or on another while it is parked or runnable (and,
// for variables(), while nothing else runs), so they must read only state the goroutine changes
// while running, and never run the program's code.
struct SourceHooks {
  uint32_t (*line)(const void* ctx);
  std::string (*traceback)(const void* ctx);
  std::vector<VarView> (*variables)(const void* ctx) = nullptr;
};
// set_source_hooks() sets them for the calling goroutine (hooks must outlive it; clear them,
// nullptr, before ctx goes; they are cleared when the goroutine ends).
void set_source_hooks(const SourceHooks* hooks, const void* ctx);
// source_context() is the ctx the calling goroutine set with these hooks, or null (another
// interpreter's, none, or not called from a goroutine).
const void* source_context(const SourceHooks* hooks);

namespace detail {
extern std::atomic<int> g_lines_watched;  // Controls with breakpoints set or a line step pending
extern std::atomic<int> g_interrupts;     // runs ending (a fatal error, a panic, a Control's stop)
void arrive_at_line(uint32_t line);
void stop_if_ending();
}  // namespace detail

// checkpoint() lets a goroutine that computes without ever blocking (an interpreter's loop,
// at each backward jump) be stopped when its run ends: by a Control's stop (Ctrl-C, the
// window's Stop), or by another goroutine's panic or fatal error. It costs one load unless
// some run in the process is ending; then, if it is this goroutine's, the goroutine never
// runs on.
inline void checkpoint() {
  if (detail::g_interrupts.load(std::memory_order_relaxed) != 0) [[unlikely]]
    detail::stop_if_ending();
}

// at_line() tells the runtime that the calling goroutine arrives at a statement on `line` (an
// interpreter compiled with line marks calls it before each statement). It costs one load
// unless some Control watches lines; then, when the run's Control stops the goroutine there (a
// breakpoint, or the end of a Control::step_line), a GoLine event is emitted and the program
// pauses on it, so breakpoints and line steps are not limited to statements with events.
inline void at_line(uint32_t line) {
  if (detail::g_lines_watched.load(std::memory_order_relaxed) != 0) [[unlikely]]
    detail::arrive_at_line(line);
}

}  // namespace goro
