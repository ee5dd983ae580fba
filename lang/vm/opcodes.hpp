// lang/vm/opcodes.hpp: the VM's instruction set, in one list (after Lua's lopcodes.h). Every
// fact about an opcode is on its line here, and everything else comes from this list: the Op
// enum, the names the disassembler prints, the stack effect the compiler counts for maxstack,
// the race detector's classification (which instructions get a RACE check before them) and
// the VM's dispatch table.
//
// An instruction is {op, a, b, c}. Each line is
//   X(NAME, EFFECT, RACE, "operands: stack before -> after")
// EFFECT is the change in operand-stack depth, an expression of the operands a and b, or
// kVarEffect where the operands do not say (a call's results): the compiler then gives it.
// RACE is what the instruction does to memory other goroutines may reach, as an expression
// of a and b: kRaceNone, kRaceRead or kRaceWrite (compiled with --race, a RACE instruction
// before it checks that access; see vm_race.hpp).
//
// Invariants: opcodes are dense from 0 (kNumOps of them); an instruction's operand-stack
// effect is exactly EFFECT (or what the compiler gave for kVarEffect); an opcode that a
// peephole rule makes (compile/peephole.cpp) is never emitted directly.
#pragma once

#include <cstdint>

namespace golang {

constexpr int kVarEffect = 1 << 20;
enum RaceAccess : int { kRaceNone = 0, kRaceRead = 1, kRaceWrite = 2 };
// the number of optional operands a SLICE pops (flags: 1 lo, 2 hi, 4 max)
constexpr int slice_operands(int flags) { return (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1); }

// clang-format off
#define GOROSCOPE_OPCODES(X)                                                                        \
  /* constants and variables */                                                                      \
  X(CONST,        1, kRaceNone, "a: constant index                      -> v")                      \
  X(INT,          1, kRaceNone, "a: immediate                           -> int")                    \
  X(NIL,          1, kRaceNone, "                                       -> nil/zero scalar")        \
  X(ZERO,         1, kRaceNone, "a: type id, b: name constant (-1 none) -> the type's zero value")  \
  X(LOAD,         1, kRaceNone, "a: local slot                          -> v")                      \
  X(STORE,       -1, kRaceNone, "a: local slot                     v ->")                           \
  X(STORE_AGG,   -1, kRaceNone, "a: local slot (aggregate: copy into) v ->")                        \
  X(LOADC,        1, kRaceRead, "a: local slot holding a cell           -> v")                      \
  X(STOREC,      -1, kRaceWrite, "a: local slot holding a cell     v ->")                           \
  X(NEWCELL,     -1, kRaceNone, "a: local slot: a fresh cell holding v  v ->")                      \
  X(RECELL,       0, kRaceNone, "a: local slot: a fresh cell, same value (per-iteration loop vars)") \
  X(LOADU,        1, kRaceRead, "a: upvalue index (a cell)              -> v")                      \
  X(STOREU,      -1, kRaceWrite, "a: upvalue index                 v ->")                           \
  X(LOADG,        1, kRaceRead, "a: global slot                         -> v")                      \
  X(STOREG,      -1, kRaceWrite, "a: global slot                   v ->")                           \
  X(ADDR_LOCAL,   1, kRaceNone, "a: local slot holding a cell           -> pointer")                \
  X(ADDR_UP,      1, kRaceNone, "a: upvalue index                       -> pointer")                \
  X(ADDR_GLOBAL,  1, kRaceNone, "a: global slot holding a cell          -> pointer")                \
  X(POP,         -1, kRaceNone, "v ->")                                                              \
  X(DUP,          1, kRaceNone, "v -> v v")                                                          \
  X(SWAP,         0, kRaceNone, "a b -> b a")                                                        \
  X(ROT3,         0, kRaceNone, "a b c -> b c a (brings the third from the top up)")                         \
  X(COPY,         0, kRaceNone, "aggregate -> a deep copy of it (value semantics)")                  \
  /* integer arithmetic: a = the result's wrap kind (0 none, else bits | 0x100 unsigned) */          \
  X(ADD,         -1, kRaceNone, "x y -> x+y")                                                        \
  X(SUB,         -1, kRaceNone, "x y -> x-y")                                                        \
  X(MUL,         -1, kRaceNone, "x y -> x*y")                                                        \
  X(DIV,         -1, kRaceNone, "x y -> x/y (panics on 0)")                                          \
  X(REM,         -1, kRaceNone, "x y -> x%y (panics on 0)")                                          \
  X(AND,         -1, kRaceNone, "x y -> x&y")                                                        \
  X(OR,          -1, kRaceNone, "x y -> x|y")                                                        \
  X(XOR,         -1, kRaceNone, "x y -> x^y")                                                        \
  X(ANDNOT,      -1, kRaceNone, "x y -> x&^y")                                                       \
  X(SHL,         -1, kRaceNone, "x y -> x<<y")                                                       \
  X(SHR,         -1, kRaceNone, "x y -> x>>y (arithmetic or logical by the wrap kind)")              \
  X(NEG,          0, kRaceNone, "x -> -x")                                                           \
  X(NOT,          0, kRaceNone, "bool -> !bool")                                                     \
  X(BITNOT,       0, kRaceNone, "x -> ^x")                                                           \
  X(FADD,        -1, kRaceNone, "x y -> x+y (floats)")                                               \
  X(FSUB,        -1, kRaceNone, "x y -> x-y")                                                        \
  X(FMUL,        -1, kRaceNone, "x y -> x*y")                                                        \
  X(FDIV,        -1, kRaceNone, "x y -> x/y")                                                        \
  X(FNEG,         0, kRaceNone, "x -> -x")                                                           \
  X(SADD,        -1, kRaceNone, "s t -> s+t (strings)")                                              \
  X(ADDI,         0, kRaceNone, "a: immediate, b: wrap kind   int -> int+a")                         \
  X(WRAP,         0, kRaceNone, "a: wrap kind   int -> int (conversions between integer types)")     \
  X(I2F,          0, kRaceNone, "a: 1 unsigned source   int -> float")                               \
  X(F2I,          0, kRaceNone, "a: wrap kind   float -> int")                                       \
  X(F2F32,        0, kRaceNone, "float64 -> float64 rounded to float32")                             \
  X(CBIN,        -1, kRaceNone, "a: CplxBin (+ - * / == != complex()), b: 1 complex64   x y -> r")  \
  X(CUN,          0, kRaceNone, "a: CplxUn (neg, real, imag, to complex64), b: 1 complex64   x -> r") \
  /* comparisons -> bool: ints (and bools as ints), unsigned, floats, strings, references, deep */  \
  X(EQ,          -1, kRaceNone, "x y -> x==y")                                                       \
  X(NE,          -1, kRaceNone, "x y -> x!=y")                                                       \
  X(LT,          -1, kRaceNone, "x y -> x<y")                                                        \
  X(LE,          -1, kRaceNone, "x y -> x<=y")                                                       \
  X(GT,          -1, kRaceNone, "x y -> x>y")                                                        \
  X(GE,          -1, kRaceNone, "x y -> x>=y")                                                       \
  X(ULT,         -1, kRaceNone, "x y -> x<y (unsigned)")                                             \
  X(ULE,         -1, kRaceNone, "x y -> x<=y")                                                       \
  X(UGT,         -1, kRaceNone, "x y -> x>y")                                                        \
  X(UGE,         -1, kRaceNone, "x y -> x>=y")                                                       \
  X(FEQ,         -1, kRaceNone, "x y -> x==y (floats)")                                              \
  X(FNE,         -1, kRaceNone, "x y -> x!=y")                                                       \
  X(FLT,         -1, kRaceNone, "x y -> x<y")                                                        \
  X(FLE,         -1, kRaceNone, "x y -> x<=y")                                                       \
  X(FGT,         -1, kRaceNone, "x y -> x>y")                                                        \
  X(FGE,         -1, kRaceNone, "x y -> x>=y")                                                       \
  X(SEQ,         -1, kRaceNone, "s t -> s==t (strings)")                                             \
  X(SNE,         -1, kRaceNone, "s t -> s!=t")                                                       \
  X(SLT,         -1, kRaceNone, "s t -> s<t")                                                        \
  X(SLE,         -1, kRaceNone, "s t -> s<=t")                                                       \
  X(SGT,         -1, kRaceNone, "s t -> s>t")                                                        \
  X(SGE,         -1, kRaceNone, "s t -> s>=t")                                                       \
  X(REQ,         -1, kRaceNone, "x y -> x==y (references: chan, map, func, slice vs nil, pointers)") \
  X(RNE,         -1, kRaceNone, "x y -> x!=y")                                                       \
  X(VEQ,         -1, kRaceNone, "a: type id   x y -> deep x==y (structs, arrays, interfaces)")       \
  X(VNE,         -1, kRaceNone, "a: type id   x y -> deep x!=y")                                     \
  /* control */                                                                                      \
  X(JMP,          0, kRaceNone, "a: target")                                                         \
  X(JMPF,        -1, kRaceNone, "a: target   bool ->")                                               \
  X(JMPT,        -1, kRaceNone, "a: target   bool ->")                                               \
  X(JMPF_KEEP,    0, kRaceNone, "a: target   bool -> bool when it jumps; popped when it falls through") \
  X(JMPT_KEEP,    0, kRaceNone, "a: target   (as JMPF_KEEP; counted 0: the other operand replaces it)") \
  X(CALL,  kVarEffect, kRaceNone, "a: proto index, b: nargs   args -> results")                      \
  X(CALLV, kVarEffect, kRaceNone, "a: nargs   f args -> results")                                    \
  X(CALLI, kVarEffect, kRaceNone, "a: method id, b: nargs (receiver not counted)   iface args -> results") \
  X(RET,          0, kRaceNone, "the results are in the result locals")                              \
  X(MKCLOSURE,    1, kRaceNone, "a: proto index   -> closure (captures from this frame)")            \
  X(FUNCVAL,      1, kRaceNone, "a: proto index   -> the func value of a declared function")         \
  X(METHODVAL,    0, kRaceNone, "a: proto index   recv -> bound method value")                       \
  X(IMETHODVAL,   0, kRaceNone, "a: method id   iface -> bound method value")                        \
  X(GO,      -(a + 1), kRaceNone, "a: nargs, b: name constant   f args ->")                          \
  X(DEFER,   -(a + 1), kRaceNone, "a: nargs   f args ->")                                            \
  X(DEFERAT, -(a + 2), kRaceNone, "a: nargs   frame f args -> (defers onto the frame at that depth)") \
  X(FRAMEDEPTH,   1, kRaceNone, "-> this goroutine's key and frame's depth (for DEFERAT)") \
  X(RANGEPANIC,  -1, kRaceNone, "state ->  a range-over-func loop's yield misused: its run-time panic") \
  X(PANIC,       -1, kRaceNone, "v ->")                                                              \
  X(RECOVER,      1, kRaceNone, "-> v")                                                              \
  /* structs, pointers, arrays, slices, strings, maps */                                            \
  X(FIELD,        0, kRaceRead, "a: index   struct -> field")                                        \
  X(SETFIELD,    -2, kRaceWrite, "a: index, b: aggregate   struct v ->")                             \
  X(ADDR_FIELD,   0, kRaceNone, "a: index   struct -> pointer to the field")                         \
  X(DEREF,        0, kRaceRead, "ptr -> v")                                                          \
  X(NILCHK,       0, kRaceNone, "ptr -> ptr, a panic if nil (value method)")                         \
  X(STORE_PTR,   -2, kRaceWrite, "b: aggregate   ptr v ->")                                          \
  X(INDEX,       -1, (b == 2 ? kRaceRead : kRaceNone), "b: 1 string, 2 array/slice (a: kind)   x i -> v") \
  X(SETINDEX,    -3, kRaceWrite, "b: aggregate   x i v ->")                                          \
  X(ADDR_INDEX,  -1, kRaceNone, "x i -> pointer")                                                    \
  X(MAPINDEX, b - 1, kRaceRead, "a: map's type id, b: 1 comma-ok   m k -> v [ok]")                   \
  X(MAPSET,      -3, kRaceWrite, "a: map's type id   m k v ->")                                      \
  X(MAPDELETE,   -2, kRaceWrite, "a: map's type id   m k ->")                                        \
  X(SLICE, -slice_operands(b), kRaceNone, "a: 1 string, b: flags (1 lo, 2 hi, 4 max)   x [lo] [hi] [max] -> slice") \
  X(LEN,          0, kRaceNone, "a: kind (0 string, 1 slice, 2 map, 3 chan, 4 array: b = length)   x -> n") \
  X(CAP,          0, kRaceNone, "a: kind, as LEN   x -> n")                                          \
  X(APPEND,      -a, kRaceNone, "a: n values   s v... -> s")                                         \
  X(APPENDS,     -1, kRaceNone, "a: 1 string source   s t -> s (append(s, t...))")                   \
  X(COPYS,       -1, kRaceNone, "dst src -> n")                                                      \
  X(CLEAR,       -1, (a == 1 ? kRaceWrite : kRaceNone), "a: 1 map   m|s ->")                         \
  X(MAKESLICE,   -b, kRaceNone, "a: type id, b: 1 with cap   len [cap] -> s")                        \
  X(MAKEMAP,      1, kRaceNone, "a: type id   -> m")                                                 \
  X(MAKECHAN,     0, kRaceNone, "a: type id, b: name constant   size -> ch")                         \
  X(NEWOBJ,       1, kRaceNone, "a: type id of the pointee   -> pointer")                            \
  X(MKSTRUCT, 1 - b, kRaceNone, "a: type id, b: n fields   v... -> struct")                          \
  X(MKSLICE,  1 - b, kRaceNone, "a: type id (slice or array), b: n   v... -> slice or array")        \
  X(SLICE_ARR,    0, kRaceNone, "a: array type id, b: 1 for *array   slice -> a copy of its first len(array), or that array") \
  X(MKMAP, 1 - 2 * b, kRaceNone, "a: type id, b: n pairs   k v ... -> map")                         \
  X(STR_BYTES,    0, kRaceNone, "string -> []byte")                                                  \
  X(BYTES_STR,    0, kRaceNone, "[]byte -> string")                                                  \
  X(STR_RUNES,    0, kRaceNone, "string -> []rune")                                                  \
  X(RUNES_STR,    0, kRaceNone, "[]rune -> string")                                                  \
  X(RUNE_STR,     0, kRaceNone, "rune -> string")                                                    \
  /* interfaces */                                                                                   \
  X(BOX,          0, kRaceNone, "a: type id   v -> iface")                                           \
  X(ASSERT,       b, kRaceNone, "a: type id, b: 1 comma-ok   iface -> v [ok]")                       \
  X(TYPEIS,       0, kRaceNone, "a: type id   iface -> bool (is its dynamic type that one)")          \
  X(UNBOX,        0, kRaceNone, "iface -> its value (after TYPEIS)")                                 \
  /* channels */                                                                                     \
  X(SEND,        -2, kRaceNone, "ch v ->")                                                           \
  X(RECV,         b, kRaceNone, "b: 1 comma-ok   ch -> v [ok]")                                      \
  X(CLOSE,       -1, kRaceNone, "ch ->")                                                             \
  X(SELECT, kVarEffect, kRaceNone, "a: ncases | 0x10000 with default, b: sends   per case: ch [v] flag... -> index [v ok]") \
  /* range */                                                                                        \
  X(RANGE_MAP_INIT, -1, kRaceRead, "a: local slot of the iterator   m ->")                           \
  X(RANGE_MAP_NEXT,  2, kRaceNone, "a: iterator slot, b: target when done   -> k v")                 \
  X(RANGE_STR_NEXT,  2, kRaceNone, "a: slot of (string, pos), b: target when done   -> i rune")      \
  /* builtins and output */                                                                          \
  X(PRINTV,      -1, kRaceNone, "a: type id, b: 1 space before, 2 newline after   v ->")             \
  X(PRINTNL,      0, kRaceNone, "a newline (println with no arguments)")                             \
  X(MINMAX,   1 - a, kRaceNone, "a: n, b: 1 max, 2 floats, 4 strings   v... -> v")                   \
  X(IS_NIL,       0, kRaceNone, "a: 1 interface   v -> bool")                                        \
  /* fused instructions: made by the peephole rules only (compile/peephole.cpp) */                  \
  X(JCMP_LK,      0, kRaceNone, "a: local slot, b: int constant, c: cmp<<24 | target: jump unless L[a] cmp b") \
  X(LOADADDI,     1, kRaceNone, "a: local slot, b: int constant, c: wrap kind   -> L[a] + b")        \
  X(RET1,        -1, kRaceNone, "a: result slot   v -> returns v (one result)")                      \
  X(JCMP_LL,      0, kRaceNone, "a, b: local slots, c: as JCMP_LK: jump unless L[a] cmp L[b]")       \
  X(ADDLL,        0, kRaceNone, "a, b: local slots, c: wrap kind: L[a] += L[b]")                     \
  X(ADDIL,        0, kRaceNone, "a: local slot, b: int constant, c: wrap kind: L[a] += b")           \
  X(INDEXL,       0, kRaceRead, "a: local slot of a slice/array   i -> L[a][i]")                     \
  X(SETINDEXL,   -2, kRaceWrite, "a: local slot of a slice/array, b: aggregate   i v ->")            \
  /* the race detector's check before an access (--race only): a: 1 write, b: name constant */      \
  X(RACE,         0, kRaceNone, "a: 1 the access writes, b: name constant (-1 none)")                \
  /* a statement starts (line marks only: breakpoints and line steps, goro::at_line) */             \
  X(LINE,         0, kRaceNone, "a: the statement's line")                                           \
  X(HALT,         0, kRaceNone, "the end of the program's entry")
// clang-format on

enum Op : uint8_t {
#define GOROSCOPE_OP_ENUM(name, effect, race, doc) name,
  GOROSCOPE_OPCODES(GOROSCOPE_OP_ENUM)
#undef GOROSCOPE_OP_ENUM
};
#define GOROSCOPE_OP_COUNT(name, effect, race, doc) +1
constexpr int kNumOps = 0 GOROSCOPE_OPCODES(GOROSCOPE_OP_COUNT);
#undef GOROSCOPE_OP_COUNT

// op_name() is the opcode's name ("LOADC"), for listings.
constexpr const char* op_name(int op) {
  constexpr const char* names[] = {
#define GOROSCOPE_OP_NAME(name, effect, race, doc) #name,
      GOROSCOPE_OPCODES(GOROSCOPE_OP_NAME)
#undef GOROSCOPE_OP_NAME
  };
  return op >= 0 && op < kNumOps ? names[op] : "?";
}

// stack_effect() is how much an instruction changes the operand stack's depth, or kVarEffect
// when its operands do not say.
constexpr int stack_effect(Op op, int a, int b) {
  (void)a;
  (void)b;
  switch (op) {
#define GOROSCOPE_OP_EFFECT(name, effect, race, doc) \
  case name:                                         \
    return effect;
    GOROSCOPE_OPCODES(GOROSCOPE_OP_EFFECT)
#undef GOROSCOPE_OP_EFFECT
  }
  return 0;
}

// race_access() is what an instruction with these operands does to shared memory.
constexpr RaceAccess race_access(Op op, int a, int b) {
  (void)a;
  (void)b;
  switch (op) {
#define GOROSCOPE_OP_RACE(name, effect, race, doc) \
  case name:                                       \
    return race;
    GOROSCOPE_OPCODES(GOROSCOPE_OP_RACE)
#undef GOROSCOPE_OP_RACE
  }
  return kRaceNone;
}

}  // namespace golang
