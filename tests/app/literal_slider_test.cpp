// tests/app/literal_slider_test.cpp: "Make this a slider": the integer literals of func main are
// found by the scanner (never a digit in a string, a comment, a float, or outside main), with
// their exact bytes, names and ranges; a slider made of one rewrites that literal (a declaration
// gets its `// goroscope: slider` comment written in, any other literal is held by its place),
// and the program run with it prints what the new value makes it print. Also: compile errors as
// the console shows them, and the bytes a new value changed.
#include "literal_slider.hpp"

#include <gtest/gtest.h>

#include "app_support.hpp"
#include "source_edit.hpp"

using goroscope::main_literals;
using goroscope::MainLiteral;

namespace {

const char* kProgram =
    "package main\n"                                        // 1
    "\n"                                                    // 2
    "import \"fmt\"\n"                                      // 3
    "\n"                                                    // 4
    "const outside = 7\n"                                   // 5
    "\n"                                                    // 6
    "func helper() int { return 42 }\n"                     // 7
    "\n"                                                    // 8
    "func main() {\n"                                       // 9
    "\tnumWorkers := 3 // how many\n"                       // 10
    "\tconst n = 0x10\n"                                    // 11
    "\tratio := 1.5\n"                                      // 12
    "\tjobs := make(chan int, 4)\n"                         // 13
    "\tfmt.Println(\"5 jobs\", ratio) // 6 in a comment\n"  // 14
    "\tfor i := 0; i < 2; i++ {\n"                          // 15
    "\t\tjobs <- i * numWorkers\n"                          // 16
    "\t}\n"                                                 // 17
    "\tclose(jobs)\n"                                       // 18
    "\tfor j := range jobs {\n"                             // 19
    "\t\tfmt.Println(j + n + 1_000)\n"                      // 20
    "\t}\n"                                                 // 21
    "}\n";                                                  // 22

std::string text_of(const std::string& src, const MainLiteral& l) {
  return src.substr(l.begin, l.end - l.begin);
}

const MainLiteral* on(const std::vector<MainLiteral>& ls, int line, int value) {
  for (const MainLiteral& l : ls)
    if (l.line == line && l.value == value) return &l;
  return nullptr;
}

// run_output() runs a program with params to its end and returns what it printed.
std::string run_output(const goroscope::Scenario& s, const goroscope::Params& p) {
  goroscope::RunSpec spec{&s, p, {}};
  spec.config.clock = goro::ClockMode::Virtual;
  goroscope::Session session(spec);
  for (;;) {
    bool was_done = session.done();
    if (session.pump().empty()) {
      if (was_done) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  return session.model().output();
}

}  // namespace

TEST(LiteralSlider, OnlyIntegerLiteralsOfMainAreOffered) {
  std::string src = kProgram;
  std::vector<MainLiteral> ls = main_literals(src);
  // 3, 0x10, 4, 0, 2, 1_000: not 7 (package level), 42 (helper), 1.5 (a float), "5 jobs" (a
  // string) or 6 (a comment).
  std::vector<std::string> texts;
  for (const MainLiteral& l : ls) texts.push_back(text_of(src, l));
  EXPECT_EQ(texts, (std::vector<std::string>{"3", "0x10", "4", "0", "2", "1_000"}));
  const MainLiteral* workers = on(ls, 10, 3);
  ASSERT_TRUE(workers);
  EXPECT_EQ(workers->col, 16);
  EXPECT_EQ(workers->begin, src.find("3 // how many"));
  EXPECT_EQ(workers->end, workers->begin + 1);
  EXPECT_EQ(workers->name, "numWorkers");
  EXPECT_TRUE(workers->declaration);
  EXPECT_EQ(workers->min, 1);
  EXPECT_EQ(workers->max, 10);
  const MainLiteral* hex = on(ls, 11, 16);
  ASSERT_TRUE(hex);
  EXPECT_EQ(hex->name, "n");
  EXPECT_FALSE(hex->declaration);  // 0x10: the slider comment's form takes decimal digits
  EXPECT_EQ(hex->max, 32);
  const MainLiteral* buffer = on(ls, 13, 4);
  ASSERT_TRUE(buffer);
  EXPECT_EQ(buffer->name, "jobs buffer (line 13)");
  EXPECT_EQ(buffer->min, 0);  // an unbuffered channel is a lesson of its own
  const MainLiteral* bound = on(ls, 15, 2);
  ASSERT_TRUE(bound);
  EXPECT_EQ(bound->name, "i limit (line 15)");
  const MainLiteral* start = on(ls, 15, 0);
  ASSERT_TRUE(start);
  EXPECT_EQ(start->name, "i (line 15)");
  EXPECT_EQ(start->min, 0);
  const MainLiteral* thousand = on(ls, 20, 1000);
  ASSERT_TRUE(thousand);
  EXPECT_EQ(thousand->name, "Println argument (line 20)");
  EXPECT_EQ(thousand->max, 2000);
}

TEST(LiteralSlider, NoMainOrBrokenSourceOffersNothing) {
  EXPECT_TRUE(main_literals("package main\nfunc helper() { x := 5 }\n").empty());
  EXPECT_TRUE(main_literals("package main\nfunc main() { x := 5\n").empty());  // main never closes
  EXPECT_TRUE(main_literals("").empty());
  // A method named main is not func main.
  EXPECT_TRUE(main_literals("package main\ntype T int\nfunc (T) main() { _ = 5 }\n").empty());
  // A string that holds braces and digits does not confuse the braces' count.
  std::string src = "package main\nfunc main() {\n\ts := \"} 9 {\"\n\t_ = s\n\tn := 12\n\t_ = n\n}\n";
  std::vector<MainLiteral> ls = main_literals(src);
  ASSERT_EQ(ls.size(), 1u);
  EXPECT_EQ(ls[0].value, 12);
  EXPECT_EQ(ls[0].line, 5);
  EXPECT_EQ(ls[0].name, "n");
}

TEST(LiteralSlider, LiteralIndexReadsLineAndColumn) {
  std::string src = kProgram, err;
  auto i = goroscope::literal_index(src, "10", &err);
  ASSERT_TRUE(i) << err;
  EXPECT_EQ(main_literals(src)[*i].value, 3);
  EXPECT_FALSE(goroscope::literal_index(src, "15", &err));  // 0 and 2
  EXPECT_NE(err.find("2 integer literals"), std::string::npos) << err;
  i = goroscope::literal_index(src, "15:18", &err);
  ASSERT_TRUE(i) << err;
  EXPECT_EQ(main_literals(src)[*i].value, 2);
  EXPECT_FALSE(goroscope::literal_index(src, "14", &err));  // a string and a comment only
  EXPECT_NE(err.find("no integer literal"), std::string::npos) << err;
  EXPECT_FALSE(goroscope::literal_index(src, "x:1", &err));
  EXPECT_NE(err.find("LINE:COL"), std::string::npos) << err;
}

TEST(LiteralSlider, ADeclarationsSliderIsWrittenIntoTheSource) {
  goroscope::Scenario from = goroscope::program_from_source("prog.go", "prog.go", kProgram);
  ASSERT_TRUE(from.params.empty());
  std::string err;
  std::optional<goroscope::Scenario> s = goroscope::with_literal_slider(from, 0, &err);
  ASSERT_TRUE(s) << err;
  ASSERT_EQ(s->params.size(), 1u);
  const goroscope::Param& p = s->params[0];
  EXPECT_EQ(p.name, "numWorkers");
  EXPECT_EQ(p.def, 3);
  EXPECT_EQ(p.min, 1);
  EXPECT_EQ(p.max, 10);
  EXPECT_EQ(p.at, -1);            // annotated
  EXPECT_EQ(p.help, "how many");  // the comment that was there
  EXPECT_NE(s->source.find("\tnumWorkers := 3 // goroscope: slider 1..10 \"how many\"\n"), std::string::npos)
      << s->source;
  // Only that line changed.
  EXPECT_EQ(goroscope::changed_lines(from.source, s->source), std::vector<int>{10});
  goroscope::Params v = s->defaults();
  v.values["numWorkers"] = 8;
  EXPECT_NE(s->source_with(v).find("\tnumWorkers := 8 // goroscope: slider"), std::string::npos);
  // It is a slider now: not offered twice.
  EXPECT_TRUE(goroscope::is_slider(*s, main_literals(s->source), 0));
  EXPECT_FALSE(goroscope::with_literal_slider(*s, 0, &err));
  EXPECT_NE(err.find("slider already"), std::string::npos);
}

TEST(LiteralSlider, AnyOtherLiteralIsHeldByItsPlace) {
  goroscope::Scenario from = goroscope::program_from_source("prog.go", "prog.go", kProgram);
  std::string err;
  // The loop's bound (index 4: 3, 0x10, 4, 0, 2).
  std::optional<goroscope::Scenario> s = goroscope::with_literal_slider(from, 4, &err);
  ASSERT_TRUE(s) << err;
  ASSERT_EQ(s->params.size(), 1u);
  const goroscope::Param& bound = s->params[0];
  EXPECT_EQ(bound.name, "i limit (line 15)");
  EXPECT_EQ(bound.def, 2);
  EXPECT_EQ(bound.line, 15);
  EXPECT_EQ(s->source, from.source);  // no comment can name it: the source is as it was
  EXPECT_EQ(bound.at, static_cast<int>(from.source.find("2; i++")));
  EXPECT_EQ(bound.length, 1);
  // Then the declaration's too: written in, and the bound's place moves with the comment.
  std::optional<goroscope::Scenario> both = goroscope::with_literal_slider(*s, 0, &err);
  ASSERT_TRUE(both) << err;
  ASSERT_EQ(both->params.size(), 2u);
  const goroscope::Param* b = nullptr;
  for (const goroscope::Param& p : both->params)
    if (p.at >= 0) b = &p;
  ASSERT_TRUE(b);
  EXPECT_EQ(b->at, static_cast<int>(both->source.find("2; i++")));
  goroscope::Params v = both->defaults();
  v.values["i limit (line 15)"] = 17;
  v.values["numWorkers"] = 5;
  std::string shown = both->source_with(v);
  EXPECT_NE(shown.find("\tfor i := 0; i < 17; i++ {\n"), std::string::npos) << shown;
  EXPECT_NE(shown.find("\tnumWorkers := 5 // goroscope:"), std::string::npos) << shown;
  // Every other byte is the program's: the literals' places hold in the text shown.
  EXPECT_EQ(goroscope::changed_lines(both->source, shown), (std::vector<int>{10, 15}));
  std::vector<goroscope::LineChange> spans = goroscope::changed_spans(both->source, shown);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[1].line, 15);
  std::string line15 = "\tfor i := 0; i < 17; i++ {";
  EXPECT_EQ(line15.substr(spans[1].col0, spans[1].col1 - spans[1].col0), "17");
  // 12 -> 13: the whole literal, not its last digit.
  std::vector<goroscope::LineChange> one =
      goroscope::changed_spans("a\n\tn := 12 // x\n", "a\n\tn := 13 // x\n");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].line, 2);
  EXPECT_EQ(one[0].col0, 6);
  EXPECT_EQ(one[0].col1, 8);
  // --set reaches it by its name, within its range.
  goroscope::Params q = both->defaults();
  EXPECT_EQ(both->set(q, "i limit (line 15)=3"), "");
  EXPECT_NE(both->set(q, "i limit (line 15)=99"), "");
}

TEST(LiteralSlider, TheRunUsesTheSlidersValue) {
  goroscope::Scenario from = goroscope::program_from_source("prog.go", "prog.go", kProgram);
  std::string err;
  std::optional<goroscope::Scenario> s = goroscope::with_literal_slider(from, 4, &err);  // i < 2
  ASSERT_TRUE(s) << err;
  goroscope::Params p = s->defaults();
  // Two jobs (0*3, 1*3), each printed plus 16 + 1000.
  EXPECT_EQ(run_output(*s, p), "5 jobs 1.5\n1016\n1019\n");
  p.values["i limit (line 15)"] = 3;  // three jobs fit the buffer of 4
  EXPECT_EQ(run_output(*s, p), "5 jobs 1.5\n1016\n1019\n1022\n");
}

TEST(SourceEdit, CompileErrorsReachTheConsoleAsGoPrintsThem) {
  // An edited text that does not compile (the report's form: source_edit_test).
  goroscope::Scenario from = goroscope::program_from_source("prog.go", "prog.go", kProgram);
  std::vector<goroscope::lang::Diagnostic> errors;
  std::string broken = kProgram;
  broken.replace(broken.find("\t\tjobs <- i * numWorkers"), 24, "\t\tjobs <- i * workers");
  EXPECT_FALSE(goroscope::edited_program(from, broken, &errors));
  EXPECT_EQ(goroscope::build_report(errors, "prog.go"),
            (std::vector<std::string>{"# command-line-arguments",
                                      "./prog.go:10:2: declared and not used: numWorkers",
                                      "./prog.go:16:15: undefined: workers"}));
}

// The article's programs: main's annotated literals are sliders already, and the k-th literal of
// the text shown (its parameters' values written in) is the k-th of the program's source, which
// is how the window's menu finds the literal it was opened on.
TEST(LiteralSlider, TheArticlesSlidersAreKnownAndTheShownTextKeepsItsLiterals) {
  for (const goroscope::Scenario& s : goroscope::scenarios()) {
    std::vector<MainLiteral> in_source = main_literals(s.source);
    for (const goroscope::Param& p : s.params)
      for (size_t k = 0; k < in_source.size(); k++)
        if (in_source[k].line == p.line) {
          EXPECT_TRUE(goroscope::is_slider(s, in_source, k)) << s.name << " " << p.name;
        }
    goroscope::Params v = s.defaults();
    for (const goroscope::Param& p : s.params) v.values[p.name] = p.max;  // longer digits, mostly
    std::string shown = s.source_with(v);
    std::vector<MainLiteral> in_shown = main_literals(shown);
    ASSERT_EQ(in_shown.size(), in_source.size()) << s.name;
    for (size_t k = 0; k < in_shown.size(); k++) {
      EXPECT_EQ(in_shown[k].line, in_source[k].line) << s.name;
      EXPECT_EQ(in_shown[k].name, in_source[k].name) << s.name;
    }
  }
  const goroscope::Scenario* pool = goroscope::find_scenario("worker_pool");
  ASSERT_TRUE(pool);
  std::vector<MainLiteral> ls = main_literals(pool->source);
  auto workers =
      std::find_if(ls.begin(), ls.end(), [](const MainLiteral& l) { return l.name == "numWorkers"; });
  ASSERT_NE(workers, ls.end());
  EXPECT_TRUE(goroscope::is_slider(*pool, ls, static_cast<size_t>(workers - ls.begin())));
}
