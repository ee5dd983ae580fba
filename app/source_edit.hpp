// app/source_edit.hpp: what the window does with the Go source it shows, apart from any
// drawing: the console's lines for compile errors as `go run` prints them, an edited text made into a program
// of its own (named after the one it was edited from, its parameters from its own annotations), and the lines
// (and the bytes in them) a parameter's new value changed.
//
// Invariants: an edited program is made only from text that compiles; compile errors stay
// lang::Diagnostic records (file, line, column, gc's words) until they are printed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario.hpp"

namespace goroscope {

// is_std_file() is true for a file of Goroscope's standard library ("$GOROOT/src/fmt/fmt.go"),
// whose errors are not at the program's lines.
bool is_std_file(const std::string& file);
// build_report() is what `go run` prints for compile errors, the console's lines: "# command-line-
// arguments", then each error as "./prog.go:12:5: undefined: x" (file: the program's file name;
// a standard-library file's error under its own name; one without a place as gc gives it).
// Empty when there are none.
std::vector<std::string> build_report(const std::vector<lang::Diagnostic>& errors, const std::string& file);
// edited_program() makes the program of an edited text: named "<from's file> (edited)", shown
// as from's file; nullopt with gc's messages in *errors when it does not compile.
std::optional<Scenario> edited_program(const Scenario& from, const std::string& text,
                                       std::vector<lang::Diagnostic>* errors);

// changed_lines() lists the 1-based lines of b that differ from a's same line (all of b's
// lines past a's end).
std::vector<int> changed_lines(std::string_view a, std::string_view b);

// LineChange is where a line of b differs from a's same line: bytes [col0, col1) of it (0-based),
// the common beginning and end left out, widened to whole words (a parameter's literal, all its
// digits, when only its value changed).
struct LineChange {
  int line = 0;  // 1-based
  int col0 = 0, col1 = 0;
};
// changed_spans() is changed_lines() with the bytes that changed in each.
std::vector<LineChange> changed_spans(std::string_view a, std::string_view b);

}  // namespace goroscope
