// app/literal_slider.hpp: "Make this a slider": the integer literals of func main's body that a
// slider can be made of, found with the front end's own scanner (so a digit in a string or a
// comment is never one), and the program with such a slider added.
//
// Where the slider is kept: a literal that initialises a name on a line of its own
// (`numWorkers := 5`, `const n = 10`, `var n = 10`, `n = 10` in a group: the form a
// `// goroscope: slider MIN..MAX` comment takes) gets that comment written after it, so that
// the slider is part of the program, shown in its source and kept when the file is saved.
// Any other literal (a loop's bound, a channel's buffer, an argument) has no comment that could
// name it: its slider is held by the literal's place in the program's source, for this program
// in this window only (editing and running the text, or Revert, drops it).
//
// Invariants: a MainLiteral is one whole integer token (decimal, hex, octal or binary; never a
// float or an imaginary) between func main's braces, its value fits an int, and [begin, end) are
// its bytes in the text searched. Literals come in source order, so the k-th literal of a
// program's source is the k-th of the same source with its parameters' values written in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario.hpp"

namespace goroscope {

// MainLiteral is an integer literal in func main's body.
struct MainLiteral {
  uint32_t begin = 0, end = 0;  // its bytes in the text
  int line = 0, col = 0;        // 1-based; col in bytes, as compile errors count
  int value = 0;
  std::string name;          // the slider's name: the name it initialises, else its context's
  bool declaration = false;  // it initialises `name` alone on its line: a comment can name it
  int min = 0, max = 10;     // the slider's range: 0 (1 for a count) to max(2*value, 10)
};

// main_literals() lists the integer literals of func main's body (none when there is no func
// main, or its braces do not close).
std::vector<MainLiteral> main_literals(std::string_view src);

// with_literal_slider() is `from` with a slider made of its literal number `index` (in
// main_literals(from.source)), its value that literal's; nullopt with the reason in *err when
// there is no such literal or it is a slider already. The program is named as an edited one.
std::optional<Scenario> with_literal_slider(const Scenario& from, size_t index, std::string* err);

// literal_index() finds the literal at "LINE" or "LINE:COL" (the command line's --slider):
// the index in main_literals(src) of the one on LINE (starting at or containing COL); nullopt
// with the reason in *err (no literal there, or several on the line and no COL).
std::optional<size_t> literal_index(std::string_view src, std::string_view where, std::string* err);

// is_slider() tells whether s already has a slider for its literal number `index`.
bool is_slider(const Scenario& s, const std::vector<MainLiteral>& literals, size_t index);

}  // namespace goroscope
