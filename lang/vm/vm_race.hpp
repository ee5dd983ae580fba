// lang/vm/vm_race.hpp: the VM's side of the race detector. A program compiled for --race
// (Program::race) has a RACE instruction just before each access to memory that another
// goroutine may reach; race_check() finds that memory from the access instruction's operands
// and tells goro's detector (goro/race.hpp) of the read or write. race_forget() tells it when
// an object it has seen is freed, so that reused memory is never taken for the old variable.
//
// What is a variable (the detector's address), as the VM lays memory out:
//   a captured or address-taken variable   its cell's value        LOADC/STOREC, LOADU/STOREU
//   a package-level variable               its slot in the globals LOADG/STOREG
//   a struct field, an array/slice element its slot in the object  FIELD, INDEX, ..., DEREF
//   a map                                  the map itself (Go reports races on the map)
//   a whole struct or array (copied)       each of its top-level fields or elements
// Locals kept in frame slots are never checked: no other goroutine can reach them.
//
// In a tapped run (goro::race::values_wanted()), a RACE whose c operand names the variable's
// type (race_var_operand(), a load or store of a variable itself) also tells the detector the
// value read or written and where the variable was declared, for the app's VarRead and
// VarWrite events; such accesses are all told (the memo below does not skip them), so that
// every write's value is seen.
#pragma once

#include <atomic>
#include <cstdint>

#include "vm/bytecode.hpp"
#include "vm/value.hpp"

namespace golang {

// RaceMemo is one goroutine's last checked variable, so that a loop that reads and writes
// one variable asks the detector once per tick of its goroutine, not once per access: an access
// that the memo covers (same variable, same own tick, no object freed since, a read after
// either or a write after a write) is what FastTrack would find "same epoch" and skip.
struct RaceMemo {
  bool looked = false;                          // own_tick() asked (it may be null)
  const std::atomic<uint32_t>* tick = nullptr;  // the goroutine's own tick in the detector
  const void* addr = nullptr;
  bool write = false;
  uint32_t t = 0;
  uint64_t freed = 0;  // race_forget()s seen when it was made
};

// race_check() checks the access `next` (at pc of proto p) that the RACE instruction `race`
// stands before; S/sp are the operand stack, L the frame's locals, fn its closure.
void race_check(RaceMemo& memo, const Ins& race, const Ins* next, const Proto* p, int pc, const Value* S,
                int sp, const Value* L, const FuncObj* fn, Obj* globals);

// race_forget() drops what the detector knows of o's memory (o is being freed).
void race_forget(Obj* o);

}  // namespace golang
