// tests/lang/support.hpp: helpers for the Go front end's tests: compile and run Go source
// through goroscope::lang and collect what it printed and how it ended.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "goro/goro.hpp"
#include "goroscope/lang.hpp"

namespace langtest {

struct Result {
  std::vector<std::string> errors;  // compile errors in gc's form (then nothing ran)
  std::string output;               // what the program printed
  std::string message;              // Go's panic/deadlock text, if it did not end well
  int code = 0;                     // go run's exit status
};

inline Result run_go(const std::string& src, int procs = 1, uint64_t seed = 1,
                     const std::string& name = "prog.go") {
  Result r;
  auto c = goroscope::lang::compile(src, name);
  if (!c.program) {
    for (const auto& d : c.errors) r.errors.push_back(d.text());
    r.code = 1;
    return r;
  }
  goro::Config cfg;
  cfg.procs = procs;
  cfg.seed = seed;
  goro::Exit e = goroscope::lang::run(*c.program, cfg, nullptr, &r.code);
  r.output = e.output;
  r.message = e.message;
  return r;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v) s += x + "\n";
  return s;
}

// join() of compile errors: each in gc's form, a line each.
inline std::string join(const std::vector<goroscope::lang::Diagnostic>& v) {
  std::string s;
  for (auto& d : v) s += d.text() + "\n";
  return s;
}

}  // namespace langtest
