// app/scenarios/scenario.hpp: the article's programs as runnable scenarios. Each lives in its
// own file beside the name of its Go source (assets/programs/), written on goro as close to
// the Go as the API allows, with the same output and the Go variable names for its objects.
//
// Invariants: scenario names are unique; every parameter's default lies in [min, max]; a
// scenario's main only reads its parameters through Params, which clamps nothing: callers
// validate with Scenario::check() first.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace goroscope {

// Param is one knob of a scenario, shown as a slider.
struct Param {
  std::string name;
  int def;
  int min;
  int max;
  std::string help;
};

// Params holds a scenario's parameter values by name.
class Params {
 public:
  // operator[] is a parameter's value; a name the scenario does not declare is a mistake in
  // the scenario (it used to read as 0): std::out_of_range, naming it.
  int operator[](const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end())
      throw std::out_of_range("the program reads parameter '" + name + "', which it does not declare");
    return it->second;
  }
  std::map<std::string, int> values;
};

// Scenario is one of the article's programs.
struct Scenario {
  std::string name;         // command-line name, e.g. "worker_pool"
  std::string title;        // e.g. "Worker pool"
  std::string description;  // one line
  std::string go_file;      // its Go source, in assets/programs/
  std::vector<Param> params;
  std::function<void(const Params&)> main;  // the main goroutine

  // defaults() is every parameter at its default.
  Params defaults() const;
  // set() parses "name=value" into p; returns an error message, or "" when fine.
  std::string set(Params& p, std::string_view assignment) const;
};

// scenarios() lists them all, in the article's order.
const std::vector<Scenario>& scenarios();
// find_scenario() by name (or by its Go file's name); null if none.
const Scenario* find_scenario(std::string_view name);
// default_scenario() is the program the window opens first: the worker pool, found by name.
const Scenario& default_scenario();

// sf() is printf into a std::string (Go's fmt.Sprintf).
std::string sf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace goroscope
