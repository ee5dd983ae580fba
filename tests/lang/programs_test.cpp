// tests/lang/programs_test.cpp: Go programs with golden output: tests/lang/programs/*.go
// (.out beside each) and the article's programs (assets/programs, outputs in
// tests/lang/article; a .msg, where there is one, is the fatal error's text). At procs 1 the output must
// match byte for byte; at procs 2 the same lines must appear (their order, and which worker takes which job,
// may change where goroutines run in parallel), except for the data race, whose result depends on the
// interleaving.
#include <gtest/gtest.h>

#include <optional>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Case {
  std::string name, go, out;
  int procs;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  auto add = [&](const std::string& dir, const std::string& golden_dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".go") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files)
      for (int procs : {1, 2})
        out.push_back({p.stem().string(), p.string(), golden_dir + "/" + p.stem().string() + ".out", procs});
  };
  add(std::string(LANG_TEST_DIR) + "/programs", std::string(LANG_TEST_DIR) + "/programs");
  add(std::string(ASSETS_DIR) + "/programs", std::string(LANG_TEST_DIR) + "/article");
  return out;
}

// sorted_lines() is the multiset of lines, with worker numbers masked: at procs 2 which worker
// takes which job depends on the interleaving, in Go as here.
std::vector<std::string> sorted_lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  std::string l;
  static const std::regex worker("Worker [0-9]+");
  while (std::getline(in, l)) v.push_back(std::regex_replace(l, worker, "Worker N"));
  std::sort(v.begin(), v.end());
  return v;
}

class GoProgram : public ::testing::TestWithParam<Case> {};

TEST_P(GoProgram, PrintsWhatGoPrints) {
  const Case& c = GetParam();
#if defined(__SANITIZE_ADDRESS__)
  // container/list and container/ring are reference cycles (a list's root points at itself),
  // never freed (docs/go-subset.md): LeakSanitizer can be told so on this thread only, where a
  // run at procs 1 runs.
  const bool cycles = c.name.find("containers") != std::string::npos;
  if (cycles && c.procs != 1) GTEST_SKIP() << "its cycles would be reported as leaks";
  std::optional<__lsan::ScopedDisabler> ignore_cycles;
  if (cycles) ignore_cycles.emplace();
#endif
  auto r = langtest::run_go(langtest::read_file(c.go), c.procs, 1, fs::path(c.go).filename().string());
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  std::string want = langtest::read_file(c.out);
  // At procs 2 two programs print what the interleaving decides, in Go as here: the data race
  // (which update is lost) and the forgotten sync (whether the goroutine prints before main
  // returns); the others print the same lines in some order.
  const bool racy =
      c.name.find("data_race") != std::string::npos || c.name.find("forgotten_sync") != std::string::npos;
  if (c.procs == 1) {
    EXPECT_EQ(r.output, want);
  } else if (!racy) {
    EXPECT_EQ(sorted_lines(r.output), sorted_lines(want));
  }
  bool deadlock = c.name.find("deadlock") != std::string::npos;
  EXPECT_EQ(r.code, deadlock ? 2 : 0) << r.message;
  // a .msg beside the .out: what Go writes to standard error as the program ends (its fatal
  // error and dump, with the dump's goroutine ids and file names as Goroscope gives them)
  std::string msg = fs::path(c.out).replace_extension(".msg").string();
  if (fs::exists(msg)) {
    EXPECT_EQ(r.message, langtest::read_file(msg));
  }
}

INSTANTIATE_TEST_SUITE_P(Programs, GoProgram, ::testing::ValuesIn(cases()), [](const auto& info) {
  std::string n = info.param.name + "_procs" + std::to_string(info.param.procs);
  for (char& ch : n)
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
});

TEST(GoProgram, SliderParametersChangeTheProgram) {
  std::string src = langtest::read_file(std::string(ASSETS_DIR) + "/programs/08_worker_pool.go");
  auto ps = goroscope::lang::params(src);
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[0].name, "workMs");
  EXPECT_EQ(ps[1].name, "numWorkers");
  EXPECT_EQ(ps[1].def, 3);
  EXPECT_EQ(ps[1].min, 1);
  EXPECT_EQ(ps[1].max, 1000);
  EXPECT_EQ(ps[1].help, "worker goroutines");
  std::string err;
  std::string eight = goroscope::lang::apply_params(src, {{"numWorkers", 8}}, &err);
  EXPECT_TRUE(err.empty());
  auto r = langtest::run_go(eight);
  EXPECT_NE(r.output.find("Worker 8 processing job 8"), std::string::npos) << r.output;
  goroscope::lang::apply_params(src, {{"numWorkers", 1001}}, &err);
  EXPECT_EQ(err, "numWorkers must be from 1 to 1000");
  goroscope::lang::apply_params(src, {{"workers", 2}}, &err);
  EXPECT_EQ(err, "no parameter named 'workers' (it has: workMs, numWorkers, numJobs)");
}

}  // namespace
