// tests/lang/paused.hpp: Paused, a Go program run under a goro::Control on its own thread with
// its tap drained, for the tests that stop a run (breakpoints, line steps) and look at it while
// it stands (the inspector's variables).
//
// Invariants: `seen` holds every event drained so far, in seq order; the destructor clears the
// breakpoints, resumes the run and waits for its end.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "goro/tap.hpp"
#include "support.hpp"

namespace langtest {

struct Paused {
  goro::Tap tap;
  goro::Control ctl;
  std::shared_ptr<const goroscope::lang::Program> prog;
  std::thread runner;
  std::atomic<bool> done{false};
  std::vector<goro::Event> seen;

  // lines: compiled with line marks (CompileOptions::lines), as the window compiles.
  explicit Paused(const char* src, bool lines = false) {
    goroscope::lang::CompileOptions o;
    o.lines = lines;
    auto c = goroscope::lang::compile(src, "prog.go", o);
    EXPECT_TRUE(c.program) << join(c.errors);
    prog = c.program;
  }
  void start(int procs = 1) {
    runner = std::thread([this, procs] {
      goro::Observer o{&tap, &ctl};
      goro::Config cfg;
      cfg.procs = procs;
      goroscope::lang::run(*prog, cfg, &o, nullptr);
      done = true;
    });
  }
  // wait() drains until the program pauses (true) or ends (false).
  bool wait() {
    for (int i = 0; i < 20000; i++) {
      tap.drain(seen);
      if (ctl.paused()) return true;
      if (done) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
  }
  // finish() lets the program run to its end.
  void finish() {
    ctl.set_breakpoints({});
    ctl.resume();
    while (!done) tap.drain(seen), std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (runner.joinable()) runner.join();
  }
  ~Paused() { finish(); }
};

}  // namespace langtest
