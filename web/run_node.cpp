// web/run_node.cpp: the page's build of lang/ and runtime/ (WebAssembly, Asyncify fibers, one
// P) under node, with no window:
//   goroscope_node FILE.go             runs a program: its output, then on stderr
//                                      "compile MS ms, run MS ms" (bench/web_vm.sh)
//   goroscope_node --check DIR GOLDEN  runs every DIR/*.go as tests/lang/programs_test.cpp does
//                                      at procs 1 (GOLDEN/NAME.out byte for byte, exit status 2
//                                      for a deadlock, GOLDEN/NAME.msg where there is one), once
//                                      as compiled plainly and once as the page compiles it (race
//                                      detector and statement lines); prints what differs and
//                                      exits 1 if anything does (tests/web/check_vm.sh)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "goroscope/lang.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool read_file(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

struct Outcome {
  std::vector<std::string> errors;  // why it did not run: its compile errors, or what run() threw
  goro::Exit exit;
  int code = 0;
};

// kRaceGoroutinesMax is the app's (app/app.hpp): a program that makes more goroutines runs
// without the race detector in the window and in the page.
constexpr uint64_t kRaceGoroutinesMax = 4096;

// run_source() runs a program compiled plainly, or as the page compiles it (race detector and
// statement lines; the detector only for programs of up to kRaceGoroutinesMax goroutines, the
// count its plain run gave).
Outcome run_source(const std::string& src, const std::string& name, bool as_page, uint64_t goroutines) {
  Outcome o;
  goroscope::lang::CompileOptions options;
  options.lines = as_page;
  options.race = as_page && goroutines <= kRaceGoroutinesMax;
  auto c = goroscope::lang::compile(src, name, options);
  if (!c.program) {
    for (auto& e : c.errors) o.errors.push_back("compile error: " + e.text());
    o.code = 1;
    return o;
  }
  goro::Config cfg;  // (lang::run gives it the VM's stack size)
  cfg.race = options.race;
  try {
    o.exit = goroscope::lang::run(*c.program, cfg, nullptr, &o.code);
  } catch (const std::exception& e) {
    o.errors.push_back(std::string("run threw: ") + e.what());
  }
  return o;
}

int run_one(const char* file) {
  std::string src;
  if (!read_file(file, &src)) {
    std::fprintf(stderr, "goroscope_node: cannot read %s\n", file);
    return 2;
  }
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  auto t0 = Clock::now();
  auto c = goroscope::lang::compile(src, file);
  auto t1 = Clock::now();
  if (!c.program) {
    for (auto& e : c.errors) std::fprintf(stderr, "%s\n", e.text().c_str());
    return 1;
  }
  goro::Config cfg;
  cfg.stack_size = std::max(cfg.stack_size, goroscope::lang::goroutine_stack_size());
  int os_exit = -1;  // os.Exit's code, as `goroscope run` tells it from a panic
  goro::Exit e = goro::run(cfg, goroscope::lang::main_function(c.program, cfg.procs, &os_exit));
  auto t2 = Clock::now();
  std::fputs(e.output.c_str(), stdout);
  std::fputs(e.errors.c_str(), stderr);
  if (os_exit < 0 && !e.message.empty()) std::fprintf(stderr, "%s\n", e.message.c_str());
  std::fprintf(stderr, "compile %.1f ms, run %.1f ms\n", ms(t1 - t0), ms(t2 - t1));
  if (os_exit >= 0) return os_exit;
  return e.status == goro::ExitStatus::Ok ? 0 : 2;
}

int check(const fs::path& dir, const fs::path& golden) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".go") files.push_back(e.path());
  if (ec || files.empty()) {
    std::fprintf(stderr, "goroscope_node: no .go files in %s\n", dir.c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());
  int failed = 0, runs = 0;
  for (const auto& go : files) {
    std::string src, want, msg;
    read_file(go, &src);
    const std::string stem = go.stem().string();
    if (!read_file(golden / (stem + ".out"), &want)) {
      std::printf("FAIL %s: no %s.out in %s\n", stem.c_str(), stem.c_str(), golden.c_str());
      failed++;
      continue;
    }
    const bool has_msg = read_file(golden / (stem + ".msg"), &msg);
    const bool deadlock = stem.find("deadlock") != std::string::npos;
    uint64_t goroutines = 0;  // the plain run's
    for (bool as_page : {false, true}) {
      runs++;
      Outcome o = run_source(src, go.filename().string(), as_page, goroutines);
      goroutines = o.exit.goroutines;
      const char* how = as_page ? " (as the page compiles it)" : "";
      std::string why;
      if (!o.errors.empty())
        why = o.errors.front();
      else if (o.exit.output != want)
        why = "output differs:\n--- got\n" + o.exit.output + "--- want\n" + want;
      else if (o.code != (deadlock ? 2 : 0))
        why = "exit status " + std::to_string(o.code) + ": " + o.exit.message;
      else if (has_msg && o.exit.message != msg)
        why = "message differs:\n--- got\n" + o.exit.message + "\n--- want\n" + msg;
      if (!why.empty()) {
        std::printf("FAIL %s%s: %s\n", stem.c_str(), how, why.c_str());
        failed++;
      }
    }
  }
  std::printf("%s: %d runs of %zu programs, %d failed\n", dir.c_str(), runs, files.size(), failed);
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--check") return check(argv[2], argv[3]);
  if (argc == 2 && argv[1][0] != '-') return run_one(argv[1]);
  std::fprintf(stderr, "usage: goroscope_node FILE.go | goroscope_node --check DIR GOLDEN_DIR\n");
  return 2;
}
