// lang/vm/vm_inspect.hpp: what the window's inspector shows of an interpreted goroutine: each
// frame's variables in scope at its instruction, and package main's variables, as text.
//
// Invariants: nothing here runs Go code (no String or Error method), copies a Value or touches
// a reference count, so it may read a goroutine's state while the goroutine is still (on its
// own thread at an event, or from another while it is parked and the program is paused). The
// text is bounded: depth 3, 8 elements or fields, strings cut at 60 characters, 4 map
// entries. With several Ps (Run::parallel) only what the goroutine alone can reach is read
// through: values behind references that other goroutines may change at that moment (a
// cell's, a package variable's, an element's) are shown when they are plain numbers or bools,
// and as "…" otherwise.
#pragma once

#include <string>
#include <vector>

#include "vm/value.hpp"

namespace golang {

struct RType;

// VarText is one variable: its name, its Go type and its value, as text.
struct VarText {
  std::string name;
  std::string type;
  std::string value;
};

// FrameVars is one frame's function (Go's name, "main.worker") and its variables in scope.
struct FrameVars {
  std::string function;
  std::vector<VarText> vars;
};

// Variables is a goroutine's frames, innermost first, and package main's variables.
struct Variables {
  std::vector<FrameVars> frames;
  std::vector<VarText> package;
};

// inspect_value() is v (of type t) as the inspector shows it; `shared_ok` false: the value
// is not the goroutine's own (see above) and only scalars are read.
std::string inspect_value(RType* t, const Value& v, bool shared_ok = true);

}  // namespace golang
