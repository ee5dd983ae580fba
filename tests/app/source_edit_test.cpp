// tests/app/source_edit_test.cpp: the window's source, apart from drawing: a slider's value written
// into its literal (that line alone changed, the rest byte for byte, and the run using it),
// gc's compile errors read back to their lines, and an edited text made into a program of its
// own (its parameters from its own annotations).
#include "source_edit.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "app_support.hpp"
#include "goroscope/lang.hpp"
#include "test_file.hpp"

namespace {

// finished() runs s with p to its end (virtual clock) and returns the session.
std::unique_ptr<goroscope::Session> finished(const goroscope::Scenario& s, const goroscope::Params& p) {
  goroscope::RunSpec spec{&s, p, {}};
  spec.config.clock = goro::ClockMode::Virtual;
  auto session = std::make_unique<goroscope::Session>(spec, "");
  for (;;) {
    bool was_done = session->done();
    if (session->pump().empty()) {
      if (was_done) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  return session;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

int count(const std::string& s, const std::string& word) {
  int n = 0;
  for (size_t i = s.find(word); i != std::string::npos; i = s.find(word, i + 1)) n++;
  return n;
}

}  // namespace

TEST(SourceEdit, ASliderRewritesItsLiteralAloneAndTheRunUsesIt) {
  const goroscope::Scenario& s = *goroscope::find_scenario("worker_pool");
  goroscope::Params p = s.defaults();
  p.values["numWorkers"] = 8;
  p.values["numJobs"] = 4;
  std::string shown = s.source_with(p);
  std::vector<std::string> before = lines_of(s.source), after = lines_of(shown);
  ASSERT_EQ(before.size(), after.size());  // positions kept: the same lines
  std::vector<int> changed = goroscope::changed_lines(s.source, shown);
  ASSERT_EQ(changed.size(), 2u);
  for (int line : changed) {
    const std::string &a = before[static_cast<size_t>(line - 1)], &b = after[static_cast<size_t>(line - 1)];
    bool workers = b.find("numWorkers := 8 // goroscope: slider") != std::string::npos;
    bool jobs = b.find("numJobs := 4") != std::string::npos;
    EXPECT_TRUE(workers || jobs) << b;
    // Only the literal differs: the text before it and the comment after it are kept.
    size_t lit = a.find(":= ") + 3;
    EXPECT_EQ(a.substr(0, lit), b.substr(0, lit));
    EXPECT_EQ(a.substr(a.find(" //")), b.substr(b.find(" //")));
  }
  // The run is of that text: it says so, and eight workers take the four jobs.
  auto run = finished(s, p);
  EXPECT_EQ(run->program().text, shown);
  int workers = 0;
  for (const auto& g : run->model().goroutines()) workers += g.name.rfind("worker", 0) == 0;
  EXPECT_EQ(workers, 8);
  EXPECT_EQ(count(run->model().output(), "Result for job"), 4);
  // The defaults: the source as the article has it.
  EXPECT_EQ(s.source_with(s.defaults()), s.source);
  EXPECT_TRUE(goroscope::changed_lines(s.source, s.source).empty());
}

TEST(SourceEdit, TheConsoleSaysCompileErrorsAsGoRunDoes) {
  std::vector<goroscope::lang::Diagnostic> e = {{"dir:with:colons/a.go", 12, 5, "undefined: x"},
                                                {"dir:with:colons/a.go", 3, 0, "missing return"},
                                                {"$GOROOT/src/fmt/fmt.go", 7, 2, "undefined: y"},
                                                {"dir:with:colons/a.go", 0, 0, "no place"}};
  EXPECT_EQ(goroscope::build_report(e, "a.go"),
            (std::vector<std::string>{"# command-line-arguments", "./a.go:12:5: undefined: x",
                                      "./a.go:3: missing return", "$GOROOT/src/fmt/fmt.go:7:2: undefined: y",
                                      "dir:with:colons/a.go: no place"}));
  EXPECT_TRUE(goroscope::build_report({}, "a.go").empty());
  EXPECT_TRUE(goroscope::is_std_file("$GOROOT/src/fmt/fmt.go"));
  EXPECT_FALSE(goroscope::is_std_file("prog.go"));
}

TEST(SourceEdit, ABrokenEditIsRefusedWithTheErrorAtItsLine) {
  const goroscope::Scenario& s = *goroscope::find_scenario("worker_pool");
  std::vector<std::string> lines = lines_of(s.source);
  int at = 0;  // the worker loop's line: break it there
  for (size_t i = 0; i < lines.size(); i++)
    if (lines[i].find("for i := 1; i <= numWorkers; i++") != std::string::npos) at = static_cast<int>(i + 1);
  ASSERT_GT(at, 0);
  std::string broken;
  for (size_t i = 0; i < lines.size(); i++)
    broken += (static_cast<int>(i + 1) == at ? "\tnoSuchThing()\n" + lines[i] : lines[i]) + "\n";
  std::vector<goroscope::lang::Diagnostic> e;
  EXPECT_FALSE(goroscope::edited_program(s, broken, &e));
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].line, at);
  EXPECT_EQ(e[0].col, 2);
  EXPECT_NE(e[0].message.find("noSuchThing"), std::string::npos) << e[0].message;
  EXPECT_EQ(e[0].file, s.go_file);
  EXPECT_EQ(e[0].text().rfind(s.go_file + ":", 0), 0u) << e[0].text();  // gc's form, the file's name
}

TEST(SourceEdit, AnEditedProgramRunsWithItsOwnSliders) {
  const goroscope::Scenario& s = *goroscope::find_scenario("worker_pool");
  std::string text = s.source;
  size_t at = text.find("numWorkers := 3 // goroscope: slider 1..1000");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("numWorkers := 3 // goroscope: slider 1..1000").size(),
               "numWorkers := 5 // goroscope: slider 1..6");
  std::vector<goroscope::lang::Diagnostic> errors;
  auto e = goroscope::edited_program(s, text, &errors);
  ASSERT_TRUE(e) << (errors.empty() ? "" : errors[0].text());
  EXPECT_EQ(e->name, "08_worker_pool.go (edited)");
  EXPECT_EQ(e->go_file, "08_worker_pool.go");
  EXPECT_EQ(e->title, s.title);
  EXPECT_FALSE(e->builtin);
  const goroscope::Param* workers = nullptr;
  for (const auto& p : e->params)
    if (p.name == "numWorkers") workers = &p;
  ASSERT_TRUE(workers);
  EXPECT_EQ(workers->def, 5);
  EXPECT_EQ(workers->max, 6);
  goroscope::Params p = e->defaults();
  p.values["numJobs"] = 3;
  auto run = finished(*e, p);
  int n = 0;
  for (const auto& g : run->model().goroutines()) n += g.name.rfind("worker", 0) == 0;
  EXPECT_EQ(n, 5);
}

// The user's file opened again: unchanged, the same program; changed on disk since (edited in
// an editor, or another file dropped on the page under the same name), its new text runs, and
// the program opened before lives on as it was. A file gone since opens as it was last read.
TEST(SourceEdit, AFileChangedSinceItWasOpenedIsReadAnew) {
  const std::string path = test_file("goroscope-", "reopened.go");
  auto write = [&](const std::string& text) { std::ofstream(path, std::ios::binary) << text; };
  write("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n");
  std::string err;
  const goroscope::Scenario* first = goroscope::open_program(path, &err);
  ASSERT_TRUE(first) << err;
  EXPECT_EQ(goroscope::open_program(path, &err), first);
  write("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(2) }\n");
  const goroscope::Scenario* second = goroscope::open_program(path, &err);
  ASSERT_TRUE(second) << err;
  EXPECT_NE(second, first);
  EXPECT_NE(second->source.find("Println(2)"), std::string::npos);
  EXPECT_NE(first->source.find("Println(1)"), std::string::npos);
  EXPECT_EQ(goroscope::find_scenario(path), second);
  EXPECT_EQ(finished(*second, second->defaults())->exit().output, "2\n");
  std::remove(path.c_str());
  EXPECT_EQ(goroscope::open_program(path, &err), second);
  EXPECT_EQ(goroscope::open_program(path + ".missing.go", &err), nullptr);
  EXPECT_NE(err.find("cannot read"), std::string::npos);
}
