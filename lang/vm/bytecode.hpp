// lang/vm/bytecode.hpp: compiled functions (Proto) and their instructions (the opcodes:
// vm/opcodes.hpp). A stack machine: each frame has its locals at base[0..nlocals) on the
// goroutine's own heap stack and its operand stack above them. Why not a register machine as
// Lua's: the compiler stays a single pass over the checked tree with no register allocator,
// and the few patterns that make a stack machine slow (a loop's compare-and-jump, `i++`,
// `x += y`, indexing a local slice) are fused into register-style instructions that name
// local slots directly (the peephole rules, compile/peephole.cpp), which is where a register
// machine's gain would come from.
//
// Invariants: an instruction's effect on the operand stack is stack_effect() of its opcode
// and operands (or what the compiler counted for a call or select); maxstack bounds the
// operand depth of a Proto; lines[pc] is the source line of instruction pc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/opcodes.hpp"
#include "vm/value.hpp"

namespace golang {

struct RType;

// JCMP_LK's comparison, kept in the high bits of c (the target in the low 24)
enum CmpKind : int { CmpLT = 0, CmpLE, CmpGT, CmpGE, CmpEQ, CmpNE };
// negate_cmp() is the comparison that holds exactly when k does not.
inline int negate_cmp(int k) {
  return k == CmpLT   ? CmpGE
         : k == CmpLE ? CmpGT
         : k == CmpGT ? CmpLE
         : k == CmpGE ? CmpLT
         : k == CmpEQ ? CmpNE
                      : CmpEQ;
}
constexpr int kJcmpShift = 24;

struct UpvalDesc {
  bool from_local;  // a local slot of the enclosing frame, else its upvalue
  int index;
};

// LocalVar is a named local of a function, for the inspector: where it lives and the
// instructions [from_pc, to_pc) where it is in scope (a parameter: the whole function; a loop's
// variable: the whole loop, so a goroutine blocked at the loop's head still shows it).
struct LocalVar {
  std::string name;
  int slot = 0;
  RType* type = nullptr;
  std::string type_text;  // Go's words for it ("[]int", "Job")
  bool celled = false;    // the slot holds a cell (captured or address taken)
  int from_pc = 0;
  int to_pc = 0;
};

// UpvalVar names a closure's captured variable (always a cell): FuncObj::up[index].
struct UpvalVar {
  std::string name;
  int index = 0;
  RType* type = nullptr;
  std::string type_text;
};

struct Ins {
  uint32_t op;
  int32_t a;
  int32_t b;
  int32_t c = 0;  // fused instructions' third operand
};

struct Proto {
  Proto() = default;
  Proto(const Proto&) = delete;
  Proto& operator=(const Proto&) = delete;
  ~Proto() {
    for (Value& v : consts)  // constants are immortal while runs share them; not past this
      if (v.o) v.o->rc.store(1, std::memory_order_relaxed);
    if (funcval.o) funcval.o->rc.store(1, std::memory_order_relaxed);
  }

  std::string name;        // Go's name (main.worker)
  std::string short_name;  // for goroutine names
  std::string race_name;   // Go's name in a race report ("main.main.func1()")
  std::string file;
  std::vector<struct Ins> code;
  std::vector<int> lines;
  std::vector<Value> consts;
  int nparams = 0;  // receiver included
  int nresults = 0;
  int nlocals = 0;  // params + results + locals
  int maxstack = 0;
  bool variadic = false;
  std::vector<UpvalDesc> upvals;
  NativeFn native = nullptr;         // body-less prelude functions
  std::vector<RType*> result_types;  // for zeroing named results
  std::vector<int> result_slots;
  std::vector<int8_t> param_cells;  // params that live in cells (captured/address taken)
  int line = 0;
  // funcval: this function as a func value, for a function without captures (FUNCVAL, an
  // interface call): made once by the compiler, immortal like the constants (null otherwise)
  Value funcval;
  std::vector<LocalVar> locals;      // named locals, in declaration order (the inspector's)
  std::vector<UpvalVar> upval_vars;  // captured variables by name (closures)
  // race_types: what a RACE before a variable's load or store tells the app (its c operand,
  // race_var_operand()): the variable's type, for its value, and where it was declared.
  std::vector<RType*> race_types;
};

// A RACE's c operand: 0 when the access tells no value, else (index into Proto::race_types + 1)
// << 2 | how the variable was declared (goro::race::Seen::Declared: 1 by this function, 2 by
// one around it, 3 at package level).
inline int race_var_operand(size_t type_index, int declared) {
  return static_cast<int>(type_index + 1) << 2 | declared;
}

}  // namespace golang
