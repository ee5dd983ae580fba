// tests/lang/scanner_test.cpp: Go's lexical rules: automatic semicolons, literals, positions.
#include "front/scanner.hpp"

#include <gtest/gtest.h>

using golang::Scanner;
using golang::Tok;

namespace {

std::vector<golang::Token> scan(const std::string& src) {
  Scanner s(src);
  std::vector<golang::Token> out;
  for (;;) {
    golang::Token t = s.next();
    if (t.tok == Tok::Eof) break;
    if (t.tok != Tok::Comment) out.push_back(t);
    if (out.size() > 1000) break;
  }
  return out;
}

std::string kinds(const std::string& src) {
  std::string out;
  for (auto& t : scan(src)) {
    if (!out.empty()) out += " ";
    out += t.tok == Tok::Semicolon ? (t.lit == "\n" ? "NL" : t.lit == "EOF" ? "EOF;" : ";") : t.lit;
  }
  return out;
}

TEST(Scanner, InsertsSemicolonsWhereGoDoes) {
  EXPECT_EQ(kinds("x := 1\ny++\nreturn\n}"), "x := 1 NL y ++ NL return NL } EOF;");
  EXPECT_EQ(kinds("f(a,\n  b)\n"), "f ( a , b ) NL");         // no semicolon after a comma
  EXPECT_EQ(kinds("if x {\n}\n"), "if x { } NL");             // none after {
  EXPECT_EQ(kinds("x := y // note\nz"), "x := y NL z EOF;");  // a line comment ends the line
  EXPECT_EQ(kinds("a /* c\n */ b"), "a NL b EOF;");           // a comment spanning lines too
  EXPECT_EQ(kinds("a /* c */ b"), "a b EOF;");                // but not one on the line
  EXPECT_EQ(kinds("break\ncontinue\nfallthrough\n"), "break NL continue NL fallthrough NL");
}

TEST(Scanner, ReadsLiterals) {
  auto ts = scan("0x1F 0b101 0o17 017 1_000 3.5 1e9 .5 'a' '\\n' \"s\\t\" `raw\\n`");
  ASSERT_GE(ts.size(), 12u);
  EXPECT_EQ(ts[0].tok, Tok::Int);
  EXPECT_EQ(ts[0].lit, "0x1F");
  EXPECT_EQ(ts[4].lit, "1_000");
  EXPECT_EQ(ts[5].tok, Tok::Float);
  EXPECT_EQ(ts[6].tok, Tok::Float);
  EXPECT_EQ(ts[7].tok, Tok::Float);
  EXPECT_EQ(ts[8].tok, Tok::Char);
  EXPECT_EQ(ts[10].tok, Tok::String);
  std::string out;
  ASSERT_TRUE(golang::unquote(ts[10].lit, out));
  EXPECT_EQ(out, "s\t");
  ASSERT_TRUE(golang::unquote(ts[11].lit, out));
  EXPECT_EQ(out, "raw\\n");  // raw strings keep backslashes
  ASSERT_TRUE(golang::unquote("\"\\u00e9\\x41\\101\"", out));
  EXPECT_EQ(out,
            "\xc3\xa9"
            "AA");
}

TEST(Scanner, ReadsHexadecimalFloats) {
  auto ts = scan("0x1p-2 0x1.8P+3 0x.8p0 0x1.fp1i 0x1F");
  ASSERT_GE(ts.size(), 5u);
  EXPECT_EQ(ts[0].tok, Tok::Float);
  EXPECT_EQ(ts[0].lit, "0x1p-2");
  EXPECT_EQ(ts[1].lit, "0x1.8P+3");
  EXPECT_EQ(ts[2].tok, Tok::Float);
  EXPECT_EQ(ts[3].tok, Tok::Imag);
  EXPECT_EQ(ts[4].tok, Tok::Int);
  Scanner s("x := 0x1.8\n");
  while (s.next().tok != Tok::Eof) {
  }
  ASSERT_FALSE(s.errors().empty());
  EXPECT_EQ(s.errors()[0].msg, "hexadecimal mantissa requires a 'p' exponent");
  EXPECT_EQ(s.errors()[0].pos.col, 11);  // where gc says it: after the mantissa
}

TEST(Scanner, KnowsOperators) {
  EXPECT_EQ(kinds("a &^= b <<= c <- d ... e && f || !g"), "a &^= b <<= c <- d ... e && f || ! g EOF;");
}

TEST(Scanner, GivesPositions) {
  auto ts = scan("package main\n\nfunc  main() {\n\tx := 1\n}\n");
  // func is on line 3, column 1; main at column 7; x at line 4 column 2 (a tab is one byte)
  ASSERT_GE(ts.size(), 8u);
  EXPECT_EQ(ts[3].lit, "func");
  EXPECT_EQ(ts[3].pos.line, 3);
  EXPECT_EQ(ts[3].pos.col, 1);
  EXPECT_EQ(ts[4].pos.col, 7);
  EXPECT_EQ(ts[8].lit, "x");
  EXPECT_EQ(ts[8].pos.line, 4);
  EXPECT_EQ(ts[8].pos.col, 2);
}

TEST(Scanner, ReportsBadInput) {
  Scanner s("x := \"open\n");
  while (s.next().tok != Tok::Eof) {
  }
  ASSERT_FALSE(s.errors().empty());
  EXPECT_EQ(s.errors()[0].msg, "string literal not terminated");
  EXPECT_EQ(s.errors()[0].pos.col, 6);
  Scanner s2("a @ b");
  while (s2.next().tok != Tok::Eof) {
  }
  ASSERT_FALSE(s2.errors().empty());
  EXPECT_EQ(s2.errors()[0].msg, "invalid character @");
}

}  // namespace
