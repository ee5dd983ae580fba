// tests/app_support.hpp: running a Go program to the end through a Session, for the app-level
// tests (model, recordings, command line).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "scenario.hpp"
#include "session.hpp"

// small() is a program's defaults, shrunk where the defaults are large (the million program).
inline goroscope::Params small(const goroscope::Scenario& s) {
  goroscope::Params p = s.defaults();
  if (s.name == "million") p.values["n"] = 20000;
  if (s.name == "mutex_counter") p.values["goroutines"] = 200;
  return p;
}

// run_session() runs a scenario to its end and returns the finished session.
inline std::unique_ptr<goroscope::Session> run_session(const goroscope::Scenario& s, int procs = 1,
                                                       uint64_t seed = 1, const std::string& record = "") {
  goroscope::RunSpec spec{&s, small(s), {}};
  spec.config.procs = procs;
  spec.config.seed = seed;
  auto session = std::make_unique<goroscope::Session>(spec, record);
  for (;;) {
    bool was_done = session->done();
    if (session->pump().empty()) {
      if (was_done) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  return session;
}

// interpreted_accesses_checked() tells whether the Go VM reports a plain variable's accesses to
// the race detector (and offers the explorer a preemption point there): what finding the
// article's data race (an unsynchronised counter++) needs. Until the VM does, the tests that
// find that race skip, saying why; once it does, they run and must pass.
inline bool interpreted_accesses_checked() {
  static const bool checked = [] {
    const goroscope::Scenario* s = goroscope::find_scenario("data_race");
    goro::Config cfg;
    cfg.race = true;
    return !goro::run(goroscope::program_config(cfg), s->main_function(s->defaults(), 1)).races.empty();
  }();
  return checked;
}
#define SKIP_UNLESS_ACCESSES_CHECKED() \
  if (!interpreted_accesses_checked()) \
  GTEST_SKIP() << "the Go VM does not yet report variable accesses to the race detector"
