// lang/src/program.hpp: a compiled Go program: the checked syntax tree and types it came from
// (kept: the VM reads Go types at run time, for interfaces, fmt and zero values), its
// functions as bytecode, and the native functions the preludes declare.
//
// Invariants: protos[FuncInfo::index] is that function's code; entry runs the package
// initialisers (imports first) and then main.main; a Program is immutable once compiled and
// may be run any number of times, also concurrently.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ast.hpp"
#include "bytecode.hpp"
#include "checker.hpp"
#include "types.hpp"

namespace golang {

// GlobalVar is a package-level variable of package main, for the inspector.
struct GlobalVar {
  std::string name;
  int slot = 0;  // in Run::globals
  Type* type = nullptr;
  std::string type_text;
};

struct Program {
  std::unique_ptr<Arena> arena;
  std::unique_ptr<Universe> universe;
  std::unique_ptr<Checker> checker;
  std::vector<std::unique_ptr<Proto>> protos;
  Proto* entry = nullptr;
  int nglobals = 0;
  std::string filename;
  bool race = false;   // compiled with the race detector's checks (RACE before each shared access)
  bool lines = false;  // compiled with line marks (LINE before each statement of the program's file)
  Type* runtime_error = nullptr;          // runtime.Error: what index-out-of-range & co panic with
  std::map<std::string, Type*> types;     // "context.impl" -> type, for natives that make values
  std::map<std::string, Proto*> funcs;    // "fmt.Sprint" -> proto, for natives that call Go code
  std::vector<std::string> method_names;  // CALLI's method name constants
  std::vector<GlobalVar> package_vars;    // package main's variables, in initialisation order
  Type* type_named(const std::string& qualified) const {
    auto it = types.find(qualified);
    return it == types.end() ? nullptr : it->second;
  }
};

// native_lookup() finds a prelude function's native implementation by its name
// ("strings.Contains", "sync.Mutex.Lock"); null if there is none.
NativeFn native_lookup(const std::string& name);

// compile_program() turns checked packages into bytecode; appends to errs what it cannot
// compile ("goroscope does not support X yet").
void compile_program(Program& prog, Package* main, std::vector<Diag>& errs);

}  // namespace golang
