// lang/vm/program.hpp: a compiled Go program as the VM runs it: its functions as bytecode, its
// run-time types with their method tables, and the names the VM needs. Everything here is
// made by the compiler (compile/compiler.hpp) from the checked program; the VM never sees the
// syntax tree or the checker's types.
//
// Invariants: protos[i] is function i's code; types[t] is the type whose id is t (the id
// instructions carry); entry runs the package initialisers (imports first) and then
// main.main; a Program is immutable once compiled and may be run any number of times, also
// concurrently.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vm/bytecode.hpp"
#include "vm/rtype.hpp"

namespace golang {

// GlobalVar is a package-level variable of package main, for the inspector.
struct GlobalVar {
  std::string name;
  int slot = 0;  // in Run::globals
  RType* type = nullptr;
};

struct Program {
  std::vector<std::unique_ptr<Proto>> protos;
  std::vector<std::unique_ptr<RType>> types;  // by id
  Proto* entry = nullptr;
  int nglobals = 0;
  std::string filename;
  bool race = false;   // compiled with the race detector's checks (RACE before each shared access)
  bool lines = false;  // compiled with line marks (LINE before each statement of the program's file)
  RType* runtime_error = nullptr;         // runtime.Error: what index-out-of-range & co panic with
  RType* empty_struct = nullptr;          // struct{}: the element of a channel of goro::Empty
  std::vector<std::string> method_names;  // method ids: CALLI's operand, RType::methods' keys
  int error_method = -1;                  // the ids of Error and String (-1: no type has one)
  int string_method = -1;
  int gostring_method = -1;  // GoString: what fmt calls for %#v (a GoStringer)
  // fmt's Formatter: its Format method's id, the interface, and fmt.runFormat, which calls it
  // (null when the program does not import fmt)
  int format_method = -1;
  RType* formatter = nullptr;
  Proto* run_format = nullptr;
  std::vector<GlobalVar> package_vars;  // package main's variables, in initialisation order

  RType* type(int id) const { return types[static_cast<size_t>(id)].get(); }
  // method_id() is a method name's id, or -1 when no type or interface has such a method
  // (a linear search: for natives that call a method by name, never on an instruction's path).
  int method_id(const std::string& name) const {
    for (size_t i = 0; i < method_names.size(); i++)
      if (method_names[i] == name) return static_cast<int>(i);
    return -1;
  }
};

// native_lookup() finds a standard-library function's native implementation by its name
// ("strings.Contains", "sync.Mutex.Lock"); null if there is none.
NativeFn native_lookup(const std::string& name);

}  // namespace golang
