// visual/run_end.hpp: what a run says when it has ended, after its output, in Go's words where
// Go has them: "Found N data race(s)", a panic's or deadlock's message then "exit status 2",
// os.Exit's "exit status N", "exit status 66" after races, and the goroutines still alive when
// main returned (none are said for a program that panicked, deadlocked or called os.Exit).
// One text for the command line (goroscope run) and the window's console. No ImGui here.
//
// Invariant: run_end() is empty until the model has seen the program's end; the exit status
// line, when there is one, is the status the run ends with (what `go run` would exit with).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model.hpp"

namespace goro::visual {

// EndLine is one line of the text, and how it reads: an error (races, panics), a warning
// (leaks) or a plain note.
struct EndLine {
  enum class Tone { Error, Warning, Note };
  Tone tone = Tone::Note;
  std::string text;
};

// run_end() is the text for a model that has seen its program end. os_exit is the code given
// to os.Exit (-1: none); leaks_listed is how many leaked goroutines to list one per line after
// their count (the rest as "... and N more").
std::vector<EndLine> run_end(const Model& m, int os_exit, size_t leaks_listed);

}  // namespace goro::visual
