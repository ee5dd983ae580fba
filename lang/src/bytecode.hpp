// lang/src/bytecode.hpp: the VM's instruction set and compiled functions (Proto). A stack
// machine: each frame has its locals at base[0..nlocals) on the goroutine's own heap stack
// and its operand stack above them.
//
// Invariants: an instruction's effect on the operand stack is fixed by its opcode and
// operands (see the comments); maxstack bounds the operand depth of a Proto; lines[pc] is the
// source line of instruction pc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "value.hpp"

namespace golang {

struct Type;
struct FuncInfo;

enum Op : uint8_t {
  // constants and variables
  NOP,
  CONST,        // a: constant index                          -> v
  INT,          // a: immediate                               -> int
  NIL,          //                                            -> nil/zero scalar
  ZERO,         // a: type id, b: name constant (-1: none)    -> zero value of the type
  LOAD,         // a: local slot                              -> v
  STORE,        // a: local slot                    v ->
  STORE_AGG,    // a: local slot (aggregate: copy into)       v ->
  LOADC,        // a: local slot holding a cell               -> v
  STOREC,       // a: local slot holding a cell   v ->
  NEWCELL,      // a: local slot: a fresh cell holding v     v ->
  RECELL,       // a: local slot: a fresh cell with the same value (per-iteration loop variables)
  LOADU,        // a: upvalue index (a cell)                   -> v
  STOREU,       // a: upvalue index                 v ->
  LOADG,        // a: global slot                              -> v
  STOREG,       // a: global slot                   v ->
  ADDR_LOCAL,   // a: local slot holding a cell                -> pointer
  ADDR_UP,      // a: upvalue index                            -> pointer
  ADDR_GLOBAL,  // a: global slot holding a cell              -> pointer
  POP,          // v ->
  DUP,          // v -> v v
  DUP2,         // a b -> a b a b
  SWAP,         // a b -> b a
  ROT3,         // a b c -> c a b   (brings the top below two)
  COPY,         // aggregate -> a deep copy of it (value semantics)
  // arithmetic: a = result kind for wrap-around (0: none, else bits | 0x100 for unsigned)
  ADD,
  SUB,
  MUL,
  DIV,
  REM,
  AND,
  OR,
  XOR,
  ANDNOT,
  SHL,
  SHR,
  NEG,
  NOT,
  BITNOT,
  FADD,
  FSUB,
  FMUL,
  FDIV,
  FNEG,
  SADD,  // strings
  ADDI,  // a: immediate; b: wrap kind        int -> int
  WRAP,  // a: wrap kind (conversions between integer types)
  I2F,
  F2I,
  F2F32,  // conversions; F2I: a wrap kind
  EQ,
  NE,
  LT,
  LE,
  GT,
  GE,  // ints (and bools, as ints)
  ULT,
  ULE,
  UGT,
  UGE,  // unsigned
  FEQ,
  FNE,
  FLT,
  FLE,
  FGT,
  FGE,  // floats
  SEQ,
  SNE,
  SLT,
  SLE,
  SGT,
  SGE,  // strings
  REQ,
  RNE,  // references (chan, map, func, slice vs nil, aggregate pointers)
  VEQ,
  VNE,  // a: type id: deep equality (structs, arrays, interfaces, pointers)
  // control
  JMP,        // a: target
  JMPF,       // a: target       bool ->
  JMPT,       // a: target       bool ->
  JMPF_KEEP,  // a: target       bool -> bool (when it jumps) | -> (falls through, popped)
  JMPT_KEEP,
  CALL,        // a: proto index, b: nargs     args -> results
  CALLV,       // a: nargs                     f args -> results
  CALLI,       // a: method name constant, b: nargs (without receiver)   iface args -> results
  RET,         // results are in the result locals
  MKCLOSURE,   // a: proto index                   -> closure (captures from this frame)
  FUNCVAL,     // a: proto index                   -> a func value for a declared function
  METHODVAL,   // a: proto index                   recv -> bound method value
  IMETHODVAL,  // a: method name constant          iface -> bound method value
  GO,          // a: nargs, b: name constant       f args ->
  DEFER,       // a: nargs                         f args ->
  PANIC,       //                                  v ->
  RECOVER,     //                                  -> v
  // structs, pointers, arrays, slices, strings, maps
  FIELD,       // a: index                  struct -> field
  SETFIELD,    // a: index, b: aggregate    struct v ->
  ADDR_FIELD,  // a: index                  struct -> pointer to field
  DEREF,       //                           ptr -> v
  STORE_PTR,   // b: aggregate              ptr v ->
  INDEX,       // b: 1 string, 2 array/slice (a: kind)   x i -> v
  SETINDEX,    // b: aggregate              x i v ->
  ADDR_INDEX,  //                           x i -> pointer
  MAPINDEX,    // a: map's type id, b: 1 comma-ok     m k -> v [ok]
  MAPSET,      // a: map's type id          m k v ->
  MAPDELETE,   // a: type id               m k ->
  SLICE,       // a: 1 string, b: flags (1 lo, 2 hi, 4 max)  x [lo] [hi] [max] -> slice
  LEN,
  CAP,        // a: kind (0 string, 1 slice, 2 map, 3 chan, 4 array: b = length)
  APPEND,     // a: n values          s v... -> s
  APPENDS,    // a: 1 string source   s t -> s   (append(s, t...))
  COPYS,      //                     dst src -> n
  CLEAR,      // a: 1 map
  MAKESLICE,  // a: type id, b: 1 with cap    len [cap] -> s
  MAKEMAP,    // a: type id                    [hint] -> m
  MAKECHAN,   // a: type id, b: name constant  size -> ch
  NEWOBJ,     // a: type id (the pointee)        -> pointer
  MKSTRUCT,   // a: type id, b: n fields        v... -> struct
  MKSLICE,    // a: type id (slice or array), b: n    v... -> slice or array
  MKMAP,      // a: type id, b: n pairs        k v ... -> map
  STR_BYTES,
  BYTES_STR,
  STR_RUNES,
  RUNES_STR,
  RUNE_STR,  // conversions
  // interfaces
  BOX,     // a: type id                  v -> iface
  ASSERT,  // a: type id, b: 1 comma-ok   iface -> v [ok]
  TYPEIS,  // a: type id (-1: nil)        iface -> iface bool
  UNBOX,   //                             iface -> its value (after TYPEIS)
  // channels
  SEND,    //                             ch v ->
  RECV,    // b: 1 comma-ok               ch -> v [ok]
  CLOSE,   //                             ch ->
  SELECT,  // a: ncases, b: has default   per case: ch [v] flag... -> index [v ok]
  // range
  RANGE_MAP_INIT,  // a: local slot of the iterator             m ->
  RANGE_MAP_NEXT,  // a: iterator slot, b: jump when done        -> k v
  RANGE_STR_NEXT,  // a: slot of (string, pos), b: jump when done -> i rune
  // builtins and output
  PRINTV,   // a: type id, b: 1 space before, 2 newline after     v ->
  PRINTNL,  // a newline (println with no arguments)
  MINMAX,   // a: n, b: 1 max, 2 floats, 4 strings    v... -> v
  IS_NIL,   // a: 1 interface                        v -> bool
  CALLN,    // a: native index, b: nargs   args -> results
  // fused instructions (the compiler's peephole makes them from common sequences)
  JCMP_LK,    // a: local slot, b: int constant, c: target; jump unless (L[a] <op> b); op in `cmp` below
  LOADADDI,   // a: local slot, b: int constant, c: wrap kind    -> L[a] + b
  RET1,       // a: result slot                                  v -> returns v (one result)
  JCMP_LL,    // a: local slot, b: local slot, c: as JCMP_LK: jump unless (L[a] <op> L[b])
  ADDLL,      // a, b: local slots: L[a] += L[b] (c: wrap kind)
  ADDIL,      // a: local slot, b: int constant: L[a] += b (c: wrap kind)
  INDEXL,     // a: local slot of a slice/array                   i -> L[a][i]
  SETINDEXL,  // a: local slot of a slice/array, b: aggregate      i v ->
  // the race detector's check (compiled only for a run with --race; see vm_race.cpp): a: 1 the
  // access writes, b: name constant (-1: none). It comes just before the access instruction
  // it checks and finds the variable the way that instruction will, from the same operands.
  RACE,
  // a: the line of the statement that starts here (compiled only with line marks, for
  // breakpoints and line stepping: goro::at_line)
  LINE,
  HALT,
};

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
  Type* type = nullptr;
  std::string type_text;  // Go's words for it ("[]int", "Job")
  bool celled = false;    // the slot holds a cell (captured or address taken)
  int from_pc = 0;
  int to_pc = 0;
};

// UpvalVar names a closure's captured variable (always a cell): FuncObj::up[index].
struct UpvalVar {
  std::string name;
  int index = 0;
  Type* type = nullptr;
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
  NativeFn native = nullptr;  // body-less prelude functions
  FuncInfo* info = nullptr;
  std::vector<Type*> result_types;  // for zeroing named results
  std::vector<int> result_slots;
  std::vector<int8_t> param_cells;  // params that live in cells (captured/address taken)
  int line = 0;
  Value funcval;                     // a cached func value for FUNCVAL (declared functions)
  std::vector<LocalVar> locals;      // named locals, in declaration order (the inspector's)
  std::vector<UpvalVar> upval_vars;  // captured variables by name (closures)
};

}  // namespace golang
