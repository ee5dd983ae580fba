// tests/support/app_support.hpp: running a Go program to the end through a Session, for the app-level
// tests (model, recordings, command line).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli.hpp"
#include "scenario.hpp"
#include "session.hpp"

// small() is a program's defaults, shrunk where the defaults are large (the million program).
// CliOutcome is what a command did: its exit status and what it wrote.
struct CliOutcome {
  std::optional<int> status;
  std::string out, err;
};

// cli() runs goroscope's command line in this process, capturing what it writes.
inline CliOutcome cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  auto* o = std::cout.rdbuf(out.rdbuf());
  auto* e = std::cerr.rdbuf(err.rdbuf());
  CliOutcome r;
  r.status = goroscope::cli_main(args);
  std::cout.rdbuf(o);
  std::cerr.rdbuf(e);
  r.out = out.str();
  r.err = err.str();
  return r;
}

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

// abba() is the ABBA deadlock: two goroutines take two mutexes in opposite orders. It
// deadlocks only if one is preempted between its two lock calls while the other takes its first.
inline const goroscope::Scenario& abba() {
  static const goroscope::Scenario s = goroscope::program_from_source("abba", "abba.go", R"(// ABBA
// lock-order deadlock
package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
		wg.Done()
	}()
	go func() {
		b.Lock()
		a.Lock()
		a.Unlock()
		b.Unlock()
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("no deadlock")
}
)");
  return s;
}
