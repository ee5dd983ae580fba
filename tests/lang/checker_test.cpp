// tests/lang/checker_test.cpp: compile errors in gc's form and order: every program in
// tests/lang/errors/ must fail with exactly the lines of its .err file.
#include <gtest/gtest.h>

#include <filesystem>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> error_programs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(std::string(LANG_TEST_DIR) + "/errors"))
    if (e.path().extension() == ".go") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class CheckerGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckerGolden, ReportsGcErrors) {
  std::string base = std::string(LANG_TEST_DIR) + "/errors/" + GetParam();
  auto c = goroscope::lang::compile(langtest::read_file(base + ".go"), GetParam() + ".go");
  EXPECT_EQ(c.program, nullptr);
  EXPECT_EQ(langtest::join(c.errors), langtest::read_file(base + ".err"));
}

INSTANTIATE_TEST_SUITE_P(Errors, CheckerGolden, ::testing::ValuesIn(error_programs()),
                         [](const auto& info) { return info.param; });

// one-line programs: the message for each mistake
struct Case {
  const char* body;  // inside func main
  const char* want;  // the first error, without "prog.go:"
};

TEST(Checker, SaysWhatIsWrong) {
  const Case cases[] = {
      {"x := 1", "3:1: declared and not used: x"},
      {"var s []int; s.Len()", "3:16: s.Len undefined (type []int has no field or method Len)"},
      {"ch := make(chan int); close(ch, ch)",
       "3:23: invalid operation: too many arguments for close(ch, ch) (expected 1, found 2)"},
      {"var x int = 1.5; _ = x",
       "3:13: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)"},
      {"var x int = 1 << 200; _ = x",
       "3:13: cannot use 1 << 200 (untyped int constant "
       "1606938044258990275541962092341162602522202993782792835301376) as int value in variable "
       "declaration (overflows)"},
      {"_ = 1 << 600", "3:5: constant shift overflow"},
      {"var a, b, c int; for a, b, c = range []int{1} {}; _, _, _ = a, b, c",
       "3:28: range clause permits at most two iteration variables"},
  };
  for (const Case& k : cases) {
    std::string src = std::string("package main\nfunc main() {\n") + k.body + "\n}\n";
    auto c = goroscope::lang::compile(src, "prog.go");
    ASSERT_FALSE(c.errors.empty()) << k.body;
    EXPECT_EQ(c.errors[0].text(), std::string("prog.go:") + k.want) << k.body;
  }
}

TEST(Checker, DotImportsAreCheckedAsGcChecksThem) {
  auto unused =
      goroscope::lang::compile("package main\n\nimport . \"strings\"\n\nfunc main() {}\n", "prog.go");
  ASSERT_EQ(unused.errors.size(), 1u);
  EXPECT_EQ(unused.errors[0].text(), "prog.go:3:8: \"strings\" imported and not used");
  // strings.Map and sync.Map, both dot imported: the second import redeclares Map
  auto clash = goroscope::lang::compile(
      "package main\n\nimport (\n\t. \"strings\"\n\t. \"sync\"\n)\n\nfunc main() {\n\t_ = "
      "ToUpper\n\tvar _ Mutex\n}\n",
      "prog.go");
  ASSERT_EQ(clash.errors.size(), 1u);
  EXPECT_EQ(clash.errors[0].text().rfind(
                "prog.go:5:2: Map redeclared in this block\n\t$GOROOT/src/strings/strings.go:", 0),
            0u)
      << clash.errors[0].text();
}

TEST(Checker, AcceptsUsesGcAccepts) {
  // x++ and x += 1 read x: gc does not call x unused; a blank identifier is never unused
  auto c = goroscope::lang::compile(
      "package main\nfunc main() {\n\tx := 0\n\tx++\n\ty := 1\n\ty += 2\n\t_ = 3\n}\n", "prog.go");
  EXPECT_NE(c.program, nullptr) << langtest::join(c.errors);
}

TEST(Checker, AcceptsABareReturnWithBlankResults) {
  // a result named _ is never in scope, so no other name can shadow it (gc accepts this)
  auto c = goroscope::lang::compile(
      "package main\nfunc f() (_ string, x int) {\n\tx = 1\n\treturn\n}\nfunc main() { f() }\n", "prog.go");
  EXPECT_NE(c.program, nullptr) << langtest::join(c.errors);
  auto d = goroscope::lang::compile(
      "package main\nfunc f() (_ string, x int) {\n\t{\n\t\tx := 2\n\t\t_ = x\n\t\treturn\n\t}\n}\n"
      "func main() { f() }\n",
      "prog.go");
  ASSERT_FALSE(d.errors.empty());
  EXPECT_EQ(d.errors[0].text(), "prog.go:6:3: result parameter x not in scope at return");
}

TEST(Checker, RejectsWhatItDoesNotSupportAtTheLine) {
  auto d = goroscope::lang::compile(
      "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"x\") }\n", "prog.go");
  ASSERT_FALSE(d.errors.empty());
  EXPECT_EQ(d.errors[0].text(), "prog.go:3:8: goroscope does not support package \"net/http\" yet");
}

TEST(Checker, StopsAtTenErrors) {
  std::string src = "package main\nfunc main() {\n";
  for (int i = 0; i < 15; i++) src += "\tundefined" + std::to_string(i) + "()\n";
  src += "}\n";
  auto c = goroscope::lang::compile(src, "prog.go");
  ASSERT_EQ(c.errors.size(), 11u);
  EXPECT_EQ(c.errors[10].text(), "prog.go:12:2: too many errors");  // at the tenth, as gc
}

}  // namespace
