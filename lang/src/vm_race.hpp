// lang/src/vm_race.hpp: the VM's side of the race detector. A program compiled for --race
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
#pragma once

#include "bytecode.hpp"
#include "value.hpp"

namespace golang {

// race_check() checks the access `next` (at pc of proto p) that the RACE instruction `race`
// stands before; S/sp are the operand stack, L the frame's locals, fn its closure.
void race_check(const Ins& race, const Ins* next, const Proto* p, int pc, const Value* S, int sp,
                const Value* L, const FuncObj* fn, Obj* globals);

// race_forget() drops what the detector knows of o's memory (o is being freed).
void race_forget(Obj* o);

}  // namespace golang
