// tests/lang/hostile_test.cpp: Go programs written to hurt a compiler (deep nesting, types that
// contain themselves, initialization cycles, huge literals and arrays, floods of errors) and
// the mutants the fuzz test (fuzz_test.cpp) found crashing Goroscope: each must end with gc's
// errors (or gc's output) at once, never a crash, an endless compile or a sanitizer report.
#include <gtest/gtest.h>

#include <chrono>

#include "support.hpp"

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; i++) out += s;
  return out;
}

std::string main_with(const std::string& body, const std::string& decls = "") {
  return "package main\n\nimport \"fmt\"\n" + decls + "\nfunc main() {\n\t" + body + "\n}\n";
}

// first_error() compiles src and returns its first error ("" when it compiles).
std::string first_error(const std::string& src) {
  auto c = goroscope::lang::compile(src, "prog.go");
  return c.errors.empty() ? "" : c.errors[0].text();
}

TEST(Hostile, NestingDeeperThanTheLimitIsAnError) {
  const std::string too_deep = "prog.go:6:";  // then the column where the limit is crossed
  struct Case {
    const char* what;
    std::string src;
  };
  const Case cases[] = {
      {"parentheses",
       main_with("x := " + repeat("(", 100000) + "1" + repeat(")", 100000) + "\n\tfmt.Println(x)")},
      {"a binary chain", main_with("x := 1" + repeat("+1", 100000) + "\n\tfmt.Println(x)")},
      {"a selector chain",
       main_with("var x T\n\tfmt.Println(x" + repeat(".f", 100000) + ")", "\ntype T struct{ f *T }\n")},
      {"blocks", main_with(repeat("{", 100000) + repeat("}", 100000) + "\n\tfmt.Println()")},
      {"types", main_with("var x " + repeat("[]", 100000) + "int\n\tfmt.Println(x)")},
      {"composite literals",
       main_with("x := [][]int{" + repeat("{", 100000) + repeat("}", 100000) + "}\n\tfmt.Println(x)")},
      {"unary operators", main_with("x := " + repeat("- ", 100000) + "1\n\tfmt.Println(x)")},
      {"else if", main_with("x := 1\n\t" + repeat("if x == 0 {} else ", 100000) + "{}\n\tfmt.Println(x)")},
  };
  for (const Case& k : cases) {
    auto c = goroscope::lang::compile(k.src, "prog.go");
    ASSERT_EQ(c.errors.size(), 1u) << k.what << ": " << langtest::join(c.errors);
    EXPECT_NE(c.errors[0].text().find("exceeded max nesting depth"), std::string::npos)
        << k.what << ": " << c.errors[0].text();
  }
}

TEST(Hostile, NestingWithinTheLimitCompilesAndRuns) {
  // just under the limit each is compiled, checked and run (their trees are as deep as the
  // source is nested: the checker and compiler must not run out of stack either)
  EXPECT_EQ(
      langtest::run_go(main_with("x := " + repeat("(", 450) + "1" + repeat(")", 450) + "\n\tfmt.Println(x)"))
          .output,
      "1\n");
  EXPECT_EQ(langtest::run_go(main_with("x := 1" + repeat("+1", 450) + "\n\tfmt.Println(x)")).output, "451\n");
  EXPECT_EQ(
      langtest::run_go(main_with("x := \"a\"" + repeat("+\"b\"", 450) + "\n\tfmt.Println(len(x))")).output,
      "451\n");
  EXPECT_EQ(langtest::run_go(main_with(repeat("{", 450) + repeat("}", 450) + "\n\tfmt.Println(2)")).output,
            "2\n");
  EXPECT_EQ(langtest::run_go(main_with("var x " + repeat("[]", 450) + "int\n\tfmt.Println(x == nil)")).output,
            "true\n");
  EXPECT_EQ(
      langtest::run_go(main_with("x := 3\n\t" + repeat("if x == 0 {} else ", 450) + "{ fmt.Println(x) }"))
          .output,
      "3\n");
  auto sel = langtest::run_go(main_with(
      "var h *T\n\tfor range 450 {\n\t\th = &T{f: h}\n\t}\n\tfmt.Println(h" + repeat(".f", 450) + " == nil)",
      "\ntype T struct{ f *T }\n"));
  EXPECT_EQ(sel.output, "true\n") << langtest::join(sel.errors) << sel.message;
}

TEST(Hostile, LongChainsOfDeclarations) {
  // each declaration resolved inside the one before: 200 compile, 5,000 stop at the limit
  auto chain = [](int n, const char* kind) {
    std::string src = "package main\n\nimport \"fmt\"\n\n";
    for (int i = 0; i < n; i++)
      src += kind == std::string("type")
                 ? "type T" + std::to_string(i) + " [1]T" + std::to_string(i + 1) + "\n"
                 : "var v" + std::to_string(i) + " = v" + std::to_string(i + 1) + " + 1\n";
    src += kind == std::string("type")
               ? "type T" + std::to_string(n) + " int\n\nfunc main() { var t T0; fmt.Println(len(t)) }\n"
               : "var v" + std::to_string(n) + " = 0\n\nfunc main() { fmt.Println(v0) }\n";
    return src;
  };
  EXPECT_EQ(langtest::run_go(chain(200, "type")).output, "1\n");
  EXPECT_EQ(langtest::run_go(chain(200, "var")).output, "200\n");
  for (const char* kind : {"type", "var"}) {
    auto c = goroscope::lang::compile(chain(5000, kind), "prog.go");
    ASSERT_FALSE(c.errors.empty()) << kind;
    EXPECT_NE(c.errors[0].text().find("exceeded max nesting depth"), std::string::npos)
        << kind << ": " << c.errors[0].text();
  }
}

TEST(Hostile, InvalidRecursiveTypesAreReportedWithTheirCycle) {
  struct Case {
    const char* decls;
    const char* want;  // gc's words, the cycle as go/types prints it
  };
  const Case cases[] = {
      {"type T [2]T", "prog.go:3:6: invalid recursive type T\n\tprog.go:3:6: T refers to\n\tprog.go:3:6: T"},
      {"type S struct {\n\tS\n}",
       "prog.go:3:6: invalid recursive type S\n\tprog.go:3:6: S refers to\n\tprog.go:3:6: S"},
      {"type I interface{ I }",
       "prog.go:3:6: invalid recursive type I\n\tprog.go:3:6: I refers to\n\tprog.go:3:6: I"},
      {"type A = []A", "prog.go:3:6: invalid recursive type A\n\tprog.go:3:6: A refers to\n\tprog.go:3:6: A"},
      {"type C C", "prog.go:3:6: invalid recursive type C\n\tprog.go:3:6: C refers to\n\tprog.go:3:6: C"},
      {"type A B\ntype B A",
       "prog.go:3:6: invalid recursive type A\n\tprog.go:3:6: A refers to\n\tprog.go:4:6: B refers "
       "to\n\tprog.go:3:6: A"},
      {"type T map[T]int", "prog.go:3:12: invalid map key type T"},
      {"type T [len(T{})]int", "prog.go:3:13: illegal cycle in type declaration"},
      {"type A struct {\n\tb B\n}\n\ntype B struct {\n\ta A\n}",
       "prog.go:3:6: invalid recursive type A\n\tprog.go:3:6: A refers to\n\tprog.go:7:6: B refers "
       "to\n\tprog.go:3:6: A"},
      {"type A struct{ x [3]B }\ntype B struct {\n\ty *A\n\tz C\n}\ntype C struct{ a A }",
       "prog.go:3:6: invalid recursive type A\n\tprog.go:3:6: A refers to\n\tprog.go:4:6: B refers "
       "to\n\tprog.go:8:6: C "
       "refers to\n\tprog.go:3:6: A"},
  };
  for (const Case& k : cases) {
    std::string src = std::string("package main\n\n") + k.decls + "\n\nfunc main() {}\n";
    EXPECT_EQ(first_error(src), k.want) << k.decls;
  }
  // an alias may refer to itself through a named type (gc accepts this)
  auto alias = langtest::run_go(
      "package main\n\nimport \"fmt\"\n\ntype A = *B\ntype B struct{ x A }\n\nfunc main() { var b B; "
      "fmt.Println(b.x == nil) "
      "}\n");
  EXPECT_EQ(alias.output, "true\n") << langtest::join(alias.errors);
  // through a pointer, slice, map value, channel or function a type may refer to itself
  auto ok = langtest::run_go(
      "package main\n\nimport \"fmt\"\n\ntype N struct {\n\tnext *N\n\tkids []N\n\tm map[string]N\n\tc chan "
      "N\n\tf func(N) "
      "N\n}\n\ntype L []L\n\nfunc main() {\n\tn := N{next: &N{}}\n\tfmt.Println(n.next.next == nil, "
      "len(L{L{}}))\n}\n");
  EXPECT_EQ(ok.output, "true 1\n") << langtest::join(ok.errors);
}

TEST(Hostile, InitializationCyclesAreReportedAndOrderFollowsDependencies) {
  EXPECT_EQ(
      first_error("package main\n\nvar a = b\nvar b = f()\n\nfunc f() int { return a }\n\nfunc main() {}\n"),
      "prog.go:3:5: initialization cycle for a\n\tprog.go:3:5: a refers to\n\tprog.go:4:5: b refers to\n\t"
      "prog.go:6:6: f refers to\n\tprog.go:3:5: a");
  EXPECT_EQ(first_error("package main\n\nvar a = a\n\nfunc main() {}\n"),
            "prog.go:3:5: initialization cycle for a\n\tprog.go:3:5: a refers to\n\tprog.go:3:5: a");
  EXPECT_EQ(
      first_error("package main\n\ntype T struct{}\n\nfunc (T) M() int { return x }\n\nvar x = "
                  "T{}.M()\n\nfunc main() {}\n"),
      "prog.go:7:5: initialization cycle for x\n\tprog.go:7:5: x refers to\n\tprog.go:5:10: M refers to\n\t"
      "prog.go:7:5: x");
  // Go initialises a variable after those its initialiser uses, through functions too
  auto r = langtest::run_go(
      "package main\n\nimport \"fmt\"\n\nvar a = c + b\nvar b = f()\nvar c = 2\n\nfunc f() int { return c * "
      "10 }\n\nfunc "
      "main() { fmt.Println(a, b, c) }\n");
  EXPECT_EQ(r.output, "22 20 2\n") << langtest::join(r.errors);
}

TEST(Hostile, SliceIndicesArraysAndLiteralsAreBounded) {
  EXPECT_EQ(first_error(main_with("s := []int{1, 2, 3, 4}\n\tfmt.Println(s[3:1])")),
            "prog.go:7:18: invalid slice indices: 1 < 3");
  EXPECT_EQ(first_error(main_with("var a [5]int\n\tfmt.Println(a[6:])")),
            "prog.go:7:16: invalid argument: index 6 out of bounds [0:6]");
  EXPECT_EQ(first_error(main_with("var a [3]int\n\tfmt.Println(a[1:2:1])")),
            "prog.go:7:20: invalid slice indices: 1 < 2");
  EXPECT_EQ(first_error(main_with("fmt.Println([3]int{5: 1})")),
            "prog.go:6:21: invalid argument: index 5 out of bounds [0:3]");
  EXPECT_EQ(first_error(main_with("fmt.Println([]int{-1: 1})")),
            "prog.go:6:20: invalid argument: index -1 (constant of type int) must not be negative");
  EXPECT_EQ(first_error(main_with("fmt.Println([]int{1 << 63: 1})")),
            "prog.go:6:20: 1 << 63 (untyped int constant 9223372036854775808) overflows int");
  EXPECT_EQ(first_error(main_with("fmt.Println([]int{1: 1, 1: 2})")),
            "prog.go:6:26: duplicate index 1 in array or slice literal");
  EXPECT_EQ(first_error("package main\n\ntype Big [1 << 60]int64\n\nfunc main() {}\n"),
            "prog.go:3:10: type [1152921504606846976]int64 larger than address space");
  EXPECT_EQ(first_error("package main\n\ntype T [1 << 63]int\n\nfunc main() {}\n"),
            "prog.go:3:9: array length 1 << 63 (untyped int constant 9223372036854775808) must be integer");
  // Go allows these; Goroscope spells a literal out element by element, so it says it cannot
  EXPECT_EQ(first_error(main_with("fmt.Println(len([]int{1 << 31: 1}))")),
            "prog.go:6:24: goroscope does not support slice literals of more than 1048576 elements yet");
  EXPECT_EQ(first_error(main_with("fmt.Println(len([1 << 30]int{}))")),
            "prog.go:6:18: goroscope does not support array literals of more than 1048576 elements yet");
}

TEST(Hostile, ConstantArithmeticPastItsBitsIsAnError) {
  // constants are 128-bit here: past that an error in gc's words, never undefined arithmetic
  // (the asan leg runs this under UBSan)
  EXPECT_EQ(
      first_error("package main\n\nconst a = 1 << 100\nconst b = a * a\n\nfunc main() { println(b) }\n"),
      "prog.go:4:11: constant multiplication overflow");
  EXPECT_EQ(first_error("package main\n\nconst a = 1 << 100 * 65536 * 1024\nconst b = -a - a - a\n\nfunc "
                        "main() { println(b) }\n"),
            "prog.go:4:11: constant subtraction overflow");
  EXPECT_EQ(first_error("package main\n\nconst a = 1 << 1000000\n\nfunc main() { println(a) }\n"),
            "prog.go:3:11: constant shift overflow");
  EXPECT_EQ(first_error(main_with("fmt.Println(int64(1e300))")),
            "prog.go:6:20: cannot convert 1e300 (untyped float constant) to type int64 (overflows)");
  // found by the fuzz test (a run of tokens repeated): 100 multiplied by itself 30 times
  std::string product = "sleepMs";
  for (int i = 0; i < 30; i++) product += " * sleepMs";
  EXPECT_EQ(first_error(main_with("const sleepMs = 100\n\tfmt.Println(" + product + ")")),
            "prog.go:7:14: constant multiplication overflow");
  EXPECT_EQ(
      langtest::run_go(main_with("const m = -9223372036854775808\n\tfmt.Println(m % -1, int8(-128) % -1)"))
          .output,
      "0 0\n");
}

TEST(Hostile, MethodsOnOtherPackagesTypesAndLabelsInNestedBlocks) {
  EXPECT_EQ(
      first_error(
          "package main\n\nimport \"time\"\n\nfunc (d time.Duration) Double() time.Duration { return 2 * d "
          "}\n\nfunc main() {}\n"),
      "prog.go:5:7: cannot define new methods on non-local type time.Duration");
  EXPECT_EQ(first_error("package main\n\nfunc (x int) M() {}\n\nfunc main() {}\n"),
            "prog.go:3:7: cannot define new methods on non-local type int");
  // a label inside a loop's body, and labeled breaks out of select and switch (gc accepts all)
  auto r =
      langtest::run_go(main_with("n := 0\n\tfor i := 0; i < 3; i++ {\n\tInner:\n\t\tfor {\n\t\t\tselect "
                                 "{\n\t\t\tdefault:\n\t\t\t\tbreak Inner\n\t\t\t}\n\t\t}\n"
                                 "\t\tn++\n\t}\nOuter:\n\tfor {\n\t\tswitch {\n\t\tcase n > 2:\n\t\t\tbreak "
                                 "Outer\n\t\t}\n\t}\n\tfmt.Println(n)"));
  EXPECT_EQ(r.output, "3\n") << langtest::join(r.errors);
}

// The window bounds a compile's time: past it one error says so, and the next compile (limit
// lifted) of the same source succeeds, as nothing of the stopped one is left behind.
TEST(Hostile, ACompilePastItsTimeLimitStopsWithOneError) {
  std::string src = "package main\n\nfunc main() {\n\tx := 0\n";
  for (int i = 0; i < 100000; i++) src += "\tx += " + std::to_string(i) + "\n";
  src += "\tprintln(x)\n}\n";
  goroscope::lang::set_compile_time_limit(std::chrono::milliseconds(1));
  auto stopped = goroscope::lang::compile(src, "prog.go");
  goroscope::lang::set_compile_time_limit(std::chrono::milliseconds(0));
  EXPECT_EQ(stopped.program, nullptr);
  ASSERT_EQ(stopped.errors.size(), 1u);
  EXPECT_EQ(
      stopped.errors[0].text(),
      "prog.go: compiling took longer than 1 ms and was stopped (the program is too large to compile here)");
  auto again = goroscope::lang::compile(src, "prog.go");
  EXPECT_NE(again.program, nullptr) << langtest::join(again.errors);
}

TEST(Hostile, ManyErrorsStopAtTenAsGc) {
  // 100,000 mistakes: ten reported, then "too many errors" at the tenth; collecting them is
  // linear (a quadratic collection took seconds)
  std::string src = "package main\n\nfunc main() {\n";
  for (int i = 0; i < 100000; i++) src += "\tundefined" + std::to_string(i) + "()\n";
  src += "}\n";
  auto c = goroscope::lang::compile(src, "prog.go");
  ASSERT_EQ(c.errors.size(), 11u);
  EXPECT_EQ(c.errors[0].text(), "prog.go:4:2: undefined: undefined0");
  EXPECT_EQ(c.errors[10].text(), "prog.go:13:2: too many errors");
}

TEST(Hostile, SyntaxErrorsAreAllReportedInOrder) {
  // the parser goes on after a mistake, as gc's does: every line's first syntax error (gc's
  // own list of errors for this program: after the unfinished call, it skips to the `}`)
  auto c = goroscope::lang::compile(
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := )\n\tfmt.Println(\"a\"\n\ty := 2 +\n}\n\nfunc "
      "f() {\n\ta b "
      "c\n}\n\nvar v = = 3\n",
      "prog.go");
  EXPECT_EQ(langtest::join(c.errors),
            "prog.go:6:7: syntax error: unexpected ), expected expression\n"
            "prog.go:7:17: syntax error: unexpected newline in argument list; possibly missing comma or )\n"
            "prog.go:12:4: syntax error: unexpected name b at end of statement\n"
            "prog.go:15:9: syntax error: unexpected =, expected expression\n");
}

}  // namespace
