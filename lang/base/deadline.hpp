// lang/base/deadline.hpp: the time limit of one compile. compile() arms a CompileDeadline on
// its thread for the compile's length; the scanner (each token), the checker (each
// expression) and the compiler (each statement) tick it, and a tick past the limit throws
// CompileTimeout, which compile() turns into one error. A compile is linear in its input, so
// the limit only ever stops a program too big for the window to wait on.
//
// Invariants: at most one deadline is armed per thread; a tick on a thread without one is a
// thread-local load and a branch; the clock is read once every kTicksPerCheck ticks.
#pragma once

#include <chrono>
#include <cstdint>

namespace golang {

struct CompileTimeout {};

class CompileDeadline {
 public:
  explicit CompileDeadline(std::chrono::milliseconds limit);  // 0: none
  ~CompileDeadline();
  CompileDeadline(const CompileDeadline&) = delete;
  CompileDeadline& operator=(const CompileDeadline&) = delete;

  static void tick() {
    if (armed_ && ++ticks_ % kTicksPerCheck == 0) check();
  }

 private:
  static constexpr uint32_t kTicksPerCheck = 1024;
  static void check();  // throws CompileTimeout past the end
  static thread_local bool armed_;
  static thread_local uint32_t ticks_;
  static thread_local std::chrono::steady_clock::time_point end_;
};

}  // namespace golang
