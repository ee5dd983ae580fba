// lang/compile/compiler.hpp: checked Go -> the VM's Program (bytecode, run-time types, method
// tables). The compiler reads the syntax tree and the checker's types and objects; what it
// makes (vm/program.hpp) refers to neither, so the VM runs it without the front end.
#pragma once

#include <vector>

#include "types/checker.hpp"
#include "vm/program.hpp"

namespace golang {

// Front is what the compiler reads: the checked packages and the objects that own them.
struct Front {
  Universe& universe;
  Checker& checker;
  Arena& arena;
  Type* runtime_error;  // runtime.Error, what index-out-of-range & co panic with
};

// compile_program() turns checked packages (main and, before it, its imports) into prog;
// appends to errs what it cannot compile ("goroscope does not support X yet").
void compile_program(Program& prog, const Front& front, Package* main, std::vector<Diag>& errs);

// disassemble() prints a readable listing of prog's bytecode to stderr (GOROSCOPE_DISASM).
void disassemble(const Program& prog, bool only_main);

}  // namespace golang
