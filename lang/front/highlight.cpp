// lang/front/highlight.cpp: Go syntax colouring (see goroscope/highlight.hpp), one pass of the
// scanner: each token becomes a span, its byte range found from the scanner's line and column.
#include "goroscope/highlight.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "front/scanner.hpp"

namespace goroscope::lang {

namespace {

// The universe block of the Go spec: types, constants, the zero value, functions.
constexpr std::array<std::string_view, 44> kPredeclared = {
    "any",    "bool",   "byte",   "comparable", "complex64", "complex128", "error",  "float32", "float64",
    "int",    "int8",   "int16",  "int32",      "int64",     "rune",       "string", "uint",    "uint8",
    "uint16", "uint32", "uint64", "uintptr",    "true",      "false",      "iota",   "nil",     "append",
    "cap",    "clear",  "close",  "complex",    "copy",      "delete",     "imag",   "len",     "make",
    "max",    "min",    "new",    "panic",      "print",     "println",    "real",   "recover"};

Syntax kind_of(golang::Tok t) {
  using golang::Tok;
  switch (t) {
    case Tok::Ident:
      return Syntax::Identifier;
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
      return Syntax::Number;
    case Tok::Char:
    case Tok::String:
      return Syntax::String;
    case Tok::Comment:
      return Syntax::Comment;
    case Tok::Illegal:
      return Syntax::Invalid;
    default:
      return t >= Tok::Break ? Syntax::Keyword : Syntax::Operator;
  }
}

}  // namespace

bool is_predeclared(std::string_view name) {
  return std::find(kPredeclared.begin(), kPredeclared.end(), name) != kPredeclared.end();
}

std::vector<Span> highlight(std::string_view src) {
  // The byte offset of each line's start: the scanner gives (line, column in bytes).
  std::vector<uint32_t> line_start{0};
  for (size_t i = 0; i < src.size(); i++)
    if (src[i] == '\n') line_start.push_back(static_cast<uint32_t>(i + 1));
  golang::Scanner scanner{std::string(src)};
  std::vector<Span> spans;
  std::vector<size_t> idents;  // indices in spans of identifiers, for the call check below
  uint32_t done = 0;           // the end of the last span: spans never go back
  for (;;) {
    golang::Token t = scanner.next();
    if (t.tok == golang::Tok::Eof) break;
    // An automatic semicolon is no text ("\n", "EOF"); an explicit one is punctuation.
    if (t.tok == golang::Tok::Semicolon && t.lit != ";") continue;
    if (t.pos.line < 1 || static_cast<size_t>(t.pos.line) > line_start.size()) break;
    size_t begin = line_start[t.pos.line - 1] + static_cast<size_t>(t.pos.col - 1);
    size_t end = std::min(src.size(), begin + std::max<size_t>(t.lit.size(), 1));
    if (begin < done || begin >= src.size()) break;  // cannot happen; never loop or overlap
    Span s{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), t.pos.line, t.pos.col, kind_of(t.tok)};
    if (s.kind == Syntax::Identifier) {
      if (is_predeclared(t.lit))
        s.kind = Syntax::Builtin;
      else
        idents.push_back(spans.size());
    }
    // A name right before "(" is called or declared as a function (or a conversion to a type).
    if (t.tok == golang::Tok::LParen && !idents.empty() && idents.back() + 1 == spans.size())
      spans[idents.back()].kind = Syntax::Function;
    spans.push_back(s);
    done = s.end;
  }
  return spans;
}

}  // namespace goroscope::lang
