// app/restart_pacer.hpp: RestartPacer, when a parameter's slider, dragged, restarts the run: the
// source on screen follows the value at once, the run as often as a restart can sensibly be
// watched: as soon as the value first differs from the run's, then at most once every kInterval
// while it keeps changing, and once more on release when the value the run has is not the last.
// A program whose restart is slow (its rehearsal takes up to 150 ms for a million goroutines)
// restarts less often: never more than a third of the dragging time goes to restarting.
//
// Invariants: at most one restart per call, and only while the value differs from the run's;
// a restart replaces the run in place (the old one stops before the new one starts), so runs
// never pile up however fast the slider moves. Time comes in from the caller (seconds).
#pragma once

namespace goroscope {

class RestartPacer {
 public:
  static constexpr double kInterval = 0.15;  // seconds between restarts while dragging

  // dragging() is called each frame while the slider is held; differs: the slider's value is
  // not the run's. True: restart now.
  bool dragging(bool differs, double now) {
    if (!differs || now - last_ < interval()) return false;
    last_ = now;
    return true;
  }
  // released() is called when the slider is let go. True: restart now (the run lags the value).
  bool released(bool differs, double now) {
    if (differs) last_ = now;
    return differs;
  }
  // took() says how long the last restart took (seconds).
  void took(double seconds) { cost_ = seconds; }
  // interval() is the least time between two restarts while dragging.
  double interval() const { return cost_ * 2 > kInterval ? cost_ * 2 : kInterval; }

 private:
  double last_ = -1e300;  // the last restart this pacer asked for
  double cost_ = 0;       // how long the last restart took
};

}  // namespace goroscope
