// runtime/src/clock.hpp: RealClock, goro::now() under ClockMode::Real: wall time since the run
// began, times a speed that may change while it runs, and that stands still while paused.
// (The virtual clock is one atomic in the scheduler, moved only by its quiescence rule.)
//
// Invariants: now() never goes back: a change of speed or a freeze re-bases the clock at the
// time it reads then (base_ns_ at wall time base_), so only what follows is scaled anew.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

namespace goro::detail {

// RealClock is a program's real clock; every member may be called from any thread.
class RealClock {
 public:
  // start() sets the clock to 0 now, running at `speed`.
  void start(double speed);
  // now() is the clock's time, ns.
  int64_t now() const;
  // freeze() stops the clock (a paused program) or lets it go on from where it stood.
  void freeze(bool frozen);
  void set_speed(double speed);
  // wall_deadline() is the wall time at which the clock will read t (far off while frozen).
  std::chrono::steady_clock::time_point wall_deadline(int64_t t) const;

 private:
  int64_t now_locked() const;
  mutable std::mutex mu_;                       // guards the four below
  std::chrono::steady_clock::time_point base_;  // wall time at which now() was base_ns_
  int64_t base_ns_ = 0;
  double speed_ = 1.0;
  bool frozen_ = false;  // paused: now() stays at base_ns_
};

}  // namespace goro::detail
