// goroscope/highlight.hpp: Go syntax colouring from the front end's own scanner, so the
// source view colours exactly the tokens the compiler reads. Plain data out: the view (which
// must not depend on lang) takes the spans as they are.
//
// Invariants: spans are in source order, never overlap, and lie inside the text; bytes that no
// span covers (white space, automatic semicolons) are plain. Broken source (an unterminated
// string or comment while the user types, a stray character) still gives spans: the scanner
// ends an unterminated string at its line's end and a comment at the end of the text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace goroscope::lang {

// Syntax is the kind of a coloured span.
enum class Syntax : uint8_t {
  Keyword,     // break, func, go, select, ...
  Identifier,  // a name the program declares or imports
  Function,    // a name called or declared as a function: the identifier before "("
  Builtin,     // a predeclared name: int, string, error, make, len, nil, true, iota, ...
  String,      // a string or rune literal, quotes included (raw strings too)
  Number,      // an integer, floating-point or imaginary literal
  Comment,     // a line or block comment
  Operator,    // an operator or punctuation: + := <- ( ) { } , ; ...
  Invalid,     // a character Go does not allow there
};

// Span is one coloured stretch of the source: bytes [begin, end), starting at line and col
// (1-based, the column in bytes, as compile errors count them). A block comment or a raw
// string may run over several lines.
struct Span {
  uint32_t begin = 0, end = 0;
  int line = 0, col = 0;
  Syntax kind = Syntax::Identifier;
};

// highlight() colours a whole source text.
std::vector<Span> highlight(std::string_view src);

// is_predeclared() tells whether name is one of Go's predeclared identifiers (types,
// constants, nil, builtin functions).
bool is_predeclared(std::string_view name);

}  // namespace goroscope::lang
