// lang/compile/rtypes.hpp: the compiler's half of run-time types: turns the checker's types
// (types/types.hpp) into the VM's RTypes (vm/rtype.hpp), with each concrete type's method
// table built once, here, from the checker's method lookup (Go's itabs, made ahead of time).
//
// Invariants: of(t) is the same RType for the same Type and keeps t's id; an RType handed out
// before finish() is complete after it; method ids are dense and stable for one Program.
#pragma once

#include <string>
#include <unordered_map>

#include "types/checker.hpp"
#include "vm/program.hpp"

namespace golang {

// FuncIndex is where the compiler put each function: its index in Program::protos.
using FuncIndex = std::unordered_map<const FuncInfo*, int>;

class RTypes {
 public:
  RTypes(Program& prog, Universe& universe, Checker& checker)
      : prog_(prog), u_(universe), checker_(checker) {}
  // of() is t's run-time type (filled in by finish(); null for null).
  RType* of(Type* t);
  // method_id() is the id of a method name, added to Program::method_names on first use.
  int method_id(const std::string& name);
  // finish() fills in every type of the universe: structure, names and method tables (the
  // methods' code found through index).
  void finish(const FuncIndex& index);

 private:
  void fill(Type* t, RType* r);
  void fill_methods(Type* t, RType* r, const FuncIndex& index);

  Program& prog_;
  Universe& u_;
  Checker& checker_;
  std::unordered_map<std::string, int> method_ids_;
};

}  // namespace golang
