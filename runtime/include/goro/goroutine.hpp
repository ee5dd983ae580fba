// goro/goroutine.hpp: starting goroutines and what a goroutine can do to itself: yield, sleep,
// read the clock, panic, print.
//
// Every function here must be called from a goroutine (inside goro::run); called elsewhere they
// throw std::logic_error, except panic(), which always throws goro::Panic.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "goro/race.hpp"

namespace goro {

// Panic is the exception a Go panic travels as. Catching it is Go's recover(); if it escapes a
// goroutine the program ends with "panic: <what>".
class Panic : public std::runtime_error {
 public:
  explicit Panic(const std::string& what) : std::runtime_error(what) {}
};

// go() starts fn as a new goroutine and returns its id (ids are 1 for main, then 2, 3, ... in
// creation order). The name is what the app and the deadlock dump show; created_at, the go
// statement (the caller by default), is what the race detector's reports show.
uint64_t go(std::function<void()> fn, race::Site created_at = std::source_location::current());
uint64_t go(std::string name, std::function<void()> fn,
            race::Site created_at = std::source_location::current());

// yield() lets other runnable goroutines run first (Go's runtime.Gosched).
void yield();

// sleep() blocks the calling goroutine for d (no-op for d <= 0).
void sleep(std::chrono::nanoseconds d);

// now() is the program's clock: nanoseconds since the program began.
int64_t now();

// panic() throws goro::Panic(msg), Go's panic(msg).
[[noreturn]] void panic(const std::string& msg);

// print() appends exactly `text` to the program's output.
void print(std::string_view text);

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

// LineFn tells the source line a goroutine stands on, from the state ctx points to.
using LineFn = uint32_t (*)(const void* ctx);
// set_line_source() lets an interpreter say where the calling goroutine stands in its program's
// source: every event about the goroutine carries fn(ctx) (Event::line). The runtime calls fn on
// the goroutine's own thread while it runs, or on another while it is parked or runnable, so fn
// must read only state the goroutine changes while running. Clear it (nullptr) before ctx goes;
// a goroutine's source is cleared when it ends.
void set_line_source(LineFn fn, const void* ctx);

}  // namespace goro
