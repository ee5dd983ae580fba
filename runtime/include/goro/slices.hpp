// goro/slices.hpp: running programs in slices from a host's frame loop, on one thread.
//
// Where there are no threads (the page, a WebAssembly build), goro::run() cannot have one of its
// own: Slices runs a body that calls it on a stack of its own, and the host's frame advances it
// a slice at a time. Within a slice the runtime never blocks the thread: where it would (an idle
// P waiting for a timer, a paused Control, a hand-picked schedule waiting for its pick) it gives
// the rest of the slice back to the host. A run in slices has one P (Config::procs 1).
//
// Example:
//   goro::Slices run([&] { exit = goro::run(cfg, observer, main); });
//   // each frame:
//   if (!run.done()) run.advance(std::chrono::milliseconds(8));
#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace goro {

// Slices is a body run in slices on the calling thread's own stack switches.
class Slices {
 public:
  // Slices prepares body to run at the first advance(); nothing runs yet.
  explicit Slices(std::function<void()> body);
  // ~Slices requires done(): a body cannot be abandoned half-way (stop its program first).
  ~Slices();
  Slices(const Slices&) = delete;
  Slices& operator=(const Slices&) = delete;

  // advance() runs the body until it has used budget, waits for something outside it, or
  // returns; an exception it throws comes out here. Not from inside a body. True when the body
  // used the whole budget and would have gone on (it computes), false when it waited or returned.
  bool advance(std::chrono::microseconds budget);
  // done() says whether the body has returned.
  bool done() const;

  struct State;

 private:
  std::unique_ptr<State> s_;
};

}  // namespace goro
