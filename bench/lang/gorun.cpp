// bench/lang/gorun.cpp: runs a Go program on the VM with nothing attached (no tap, no model,
// no window), so that compare.sh measures the interpreter alone, as gorobench measures the C++
// API alone. Prints the program's output when it ends (goro keeps it until then) and any panic
// or deadlock message; the exit code is go run's.
//   gorun FILE.go [--procs P] [--clock virtual|real]
// (the clock as goroscope run's --clock: virtual by default; real is what Go's time.Now reads)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "goroscope/lang.hpp"

int main(int argc, char** argv) {
  const char* path = nullptr;
  int procs = 1;
  goro::ClockMode clock = goro::ClockMode::Virtual;
  for (int i = 1; i < argc; i++) {
    if (std::strcmp(argv[i], "--procs") == 0 && i + 1 < argc) {
      char* end = nullptr;
      long v = std::strtol(argv[++i], &end, 10);
      if (*end || v < 1 || v > 64) {
        std::fprintf(stderr, "gorun: --procs must be 1 to 64\n");
        return 2;
      }
      procs = static_cast<int>(v);
    } else if (std::strcmp(argv[i], "--clock") == 0 && i + 1 < argc) {
      const char* c = argv[++i];
      if (std::strcmp(c, "real") == 0) {
        clock = goro::ClockMode::Real;
      } else if (std::strcmp(c, "virtual") == 0) {
        clock = goro::ClockMode::Virtual;
      } else {
        std::fprintf(stderr, "gorun: --clock must be virtual or real\n");
        return 2;
      }
    } else if (!path && argv[i][0] != '-') {
      path = argv[i];
    } else {
      std::fprintf(stderr, "usage: gorun FILE.go [--procs P] [--clock virtual|real]\n");
      return 2;
    }
  }
  if (!path) {
    std::fprintf(stderr, "usage: gorun FILE.go [--procs P] [--clock virtual|real]\n");
    return 2;
  }
  std::ifstream f(path);
  if (!f) {
    std::fprintf(stderr, "gorun: cannot read %s\n", path);
    return 1;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  auto c = goroscope::lang::compile(ss.str(), path);
  if (!c.program) {
    for (const auto& e : c.errors) std::cerr << e.text() << "\n";
    return 1;
  }
  goro::Config cfg;
  cfg.procs = procs;
  cfg.clock = clock;
  int code = 0;
  goro::Exit e = goroscope::lang::run(*c.program, cfg, nullptr, &code);
  std::fwrite(e.output.data(), 1, e.output.size(), stdout);
  if (!e.message.empty()) std::fprintf(stderr, "%s\n", e.message.c_str());
  std::fflush(stdout);
  return code;
}
