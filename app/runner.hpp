// app/runner.hpp: where a session's program runs. On the desktop, a thread of its own
// (runner_thread.cpp); in the page, which has one thread, slices of the page's frames
// (runner_slices.cpp, goro::Slices). CMake picks the file.
#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace goroscope {

// Runner runs one body (a goro::run call) beside the code that owns it.
class Runner {
 public:
  // Runner starts body (a thread), or prepares it to run in the owner's advance() calls.
  explicit Runner(std::function<void()> body);
  // ~Runner waits for the body to return: stop its program first.
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // advance() lends the body up to budget of the calling thread (slices); a body with a thread
  // of its own needs nothing and it returns at once. True when the body used all of it and
  // would have gone on (its program computes), false when it waited, ended or has a thread.
  bool advance(std::chrono::microseconds budget);
  // own_thread() says whether the body runs beside its owner (then a drain thread keeps up with it).
  static bool own_thread();
  // max_procs() is the most Ps a run can have here (slices: one).
  static int max_procs();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace goroscope
