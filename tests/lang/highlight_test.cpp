// tests/lang/highlight_test.cpp: the source view's colours come from the scanner: keywords,
// names, predeclared names, literals, comments, operators, with their bytes and positions, and
// broken source (unterminated strings and comments, stray characters) still colours.
#include "goroscope/highlight.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <sstream>

using goroscope::lang::highlight;
using goroscope::lang::Span;
using goroscope::lang::Syntax;

namespace {

const char* name(Syntax k) {
  switch (k) {
    case Syntax::Keyword:
      return "kw";
    case Syntax::Identifier:
      return "id";
    case Syntax::Function:
      return "fn";
    case Syntax::Builtin:
      return "bi";
    case Syntax::String:
      return "str";
    case Syntax::Number:
      return "num";
    case Syntax::Comment:
      return "com";
    case Syntax::Operator:
      return "op";
    case Syntax::Invalid:
      return "bad";
  }
  return "?";
}

// show() writes each span as kind:text, space-separated.
std::string show(const std::string& src) {
  std::string out;
  for (const Span& s : highlight(src)) {
    if (!out.empty()) out += ' ';
    out += name(s.kind);
    out += ':';
    out += src.substr(s.begin, s.end - s.begin);
  }
  return out;
}

// well_formed() checks the spans' invariants: in order, inside the text, not overlapping, and
// their line and column say where they begin.
void well_formed(const std::string& src) {
  uint32_t prev = 0;
  for (const Span& s : highlight(src)) {
    ASSERT_LE(prev, s.begin) << src;
    ASSERT_LT(s.begin, s.end) << src;
    ASSERT_LE(s.end, src.size()) << src;
    int line = 1, col = 1;
    for (uint32_t i = 0; i < s.begin; i++) src[i] == '\n' ? (line++, col = 1) : col++;
    EXPECT_EQ(line, s.line) << src << " at " << s.begin;
    EXPECT_EQ(col, s.col) << src << " at " << s.begin;
    prev = s.end;
  }
}

}  // namespace

TEST(Highlight, KeywordsNamesAndOperators) {
  EXPECT_EQ(show("package main\n"), "kw:package id:main");
  EXPECT_EQ(show("for i := range jobs {\n\tgo work(i)\n}\n"),
            "kw:for id:i op::= kw:range id:jobs op:{ kw:go fn:work op:( id:i op:) op:}");
  EXPECT_EQ(show("x <- v; y &^= 3"), "id:x op:<- id:v op:; id:y op:&^= num:3");
}

TEST(Highlight, PredeclaredNamesAreBuiltins) {
  EXPECT_EQ(show("var n int = len(s) + cap(s)"),
            "kw:var id:n bi:int op:= bi:len op:( id:s op:) op:+ bi:cap op:( "
            "id:s op:)");
  EXPECT_EQ(show("ch := make(chan string, 3)"), "id:ch op::= bi:make op:( kw:chan bi:string op:, num:3 op:)");
  EXPECT_EQ(show("if err != nil { return true }"), "kw:if id:err op:!= bi:nil op:{ kw:return bi:true op:}");
  EXPECT_TRUE(goroscope::lang::is_predeclared("error"));
  EXPECT_TRUE(goroscope::lang::is_predeclared("recover"));
  EXPECT_FALSE(goroscope::lang::is_predeclared("fmt"));
  EXPECT_FALSE(goroscope::lang::is_predeclared("Int"));
}

TEST(Highlight, CallsAndDeclaredFunctionsAreFunctions) {
  EXPECT_EQ(show("func worker(id int) {}"), "kw:func fn:worker op:( id:id bi:int op:) op:{ op:}");
  EXPECT_EQ(show("fmt.Println(x)"), "id:fmt op:. fn:Println op:( id:x op:)");
  EXPECT_EQ(show("f /* c */ (x)"), "id:f com:/* c */ op:( id:x op:)");  // not right before "("
}

TEST(Highlight, LiteralsKeepTheirQuotes) {
  EXPECT_EQ(show("s := \"a\\\"b\" + `raw\nline` + 'x'"),
            "id:s op::= str:\"a\\\"b\" op:+ str:`raw\nline` op:+ str:'x'");
  EXPECT_EQ(show("a, b, c, d := 0x1F, 1_000, 2.5e3, 3i"),
            "id:a op:, id:b op:, id:c op:, id:d op::= num:0x1F op:, num:1_000 op:, num:2.5e3 op:, num:3i");
}

TEST(Highlight, CommentsLineAndBlock) {
  EXPECT_EQ(show("x := 1 // one\n/* two\nlines */ y"),
            "id:x op::= num:1 com:// one com:/* two\nlines */ id:y");
  auto spans = highlight("x := 1 // one\n/* two\nlines */ y");
  ASSERT_EQ(spans.size(), 6u);
  EXPECT_EQ(spans[4].line, 2);
  EXPECT_EQ(spans[4].col, 1);
  EXPECT_EQ(spans[5].line, 3);  // y, after the block comment
  EXPECT_EQ(spans[5].col, 10);
}

TEST(Highlight, PositionsCountBytesAndTabs) {
  std::string src = "func main() {\n\tfmt.Println(\"héllo\", x)\n}\n";
  auto spans = highlight(src);
  ASSERT_GE(spans.size(), 8u);
  EXPECT_EQ(spans[5].kind, Syntax::Identifier);  // fmt, after a tab
  EXPECT_EQ(spans[5].line, 2);
  EXPECT_EQ(spans[5].col, 2);
  EXPECT_EQ(src.substr(spans[5].begin, 3), "fmt");
  well_formed(src);
}

TEST(Highlight, BrokenSourceStillColours) {
  // An unterminated string ends at its line; what follows colours as code.
  EXPECT_EQ(show("s := \"abc\nx := 1"), "id:s op::= str:\"abc id:x op::= num:1");
  // An unterminated block comment or raw string runs to the end.
  EXPECT_EQ(show("x /* never closed\nfunc"), "id:x com:/* never closed\nfunc");
  EXPECT_EQ(show("x := `open\nfunc"), "id:x op::= str:`open\nfunc");
  EXPECT_EQ(show("r := 'ab"), "id:r op::= str:'ab");
  // A character Go does not know is marked, and scanning goes on.
  EXPECT_EQ(show("a # b ? c"), "id:a bad:# id:b bad:? id:c");
  EXPECT_EQ(show(""), "");
  EXPECT_EQ(show("\""), "str:\"");
  EXPECT_EQ(show("/"), "op:/");
  for (const char* s :
       {"\"", "'", "`", "/*", "x\r\ny", "\t\t}", "0x", "1e", "..", "\xff\xfe", "é := 1", "\\"})
    well_formed(s);
}

TEST(Highlight, EveryPrefixOfAProgramIsWellFormed) {
  // What the user sees while typing the worker pool, one byte at a time.
  std::ifstream f(std::string(ASSETS_DIR) + "/programs/08_worker_pool.go");
  std::stringstream ss;
  ss << f.rdbuf();
  std::string src = ss.str();
  ASSERT_FALSE(src.empty());
  for (size_t n = 0; n <= src.size(); n += 7) well_formed(src.substr(0, n));
  // The whole program: every byte outside a span is white space.
  auto spans = highlight(src);
  size_t at = 0;
  for (const Span& s : spans) {
    for (; at < s.begin; at++) EXPECT_TRUE(std::isspace(static_cast<unsigned char>(src[at]))) << at;
    at = s.end;
  }
}
