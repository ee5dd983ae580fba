// lang/vm/finalizer.hpp: runtime.SetFinalizer on reference counts. An object with a finalizer
// has Obj::finalizer set and one entry in a registry shared by all runs (the object -> its
// finalizer, how to make the pointer it gets, and its run's queue). When the object's count
// reaches zero (free_obj) it is not freed: its entry leaves the registry for its run's queue,
// holding a new reference to the object (the pointer the finalizer gets), so the object lives
// until its finalizer has run. runtime.GC starts a goroutine (runtime.runfinq, Go's finalizer
// goroutine) that runs the queued finalizers one at a time, as Go runs them.
//
// Invariants: Obj::finalizer is set exactly while the registry holds an entry for the object;
// a queued finalizer holds its object (and so everything the object reaches, whose own
// finalizers wait until it is done, as Go orders them); no lock is held while a Value is
// dropped (dropping one may free objects that have finalizers); once a run's queue is closed
// (the run ends) its entries are gone and nothing more is queued on it. Objects in reference
// cycles are never freed, so their finalizers never run.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>

#include "vm/value.hpp"

namespace golang {

struct RType;

// FinQueue is one run's finalizers that are due: each a function and the argument it gets.
struct FinQueue {
  struct Due {
    Value fn, arg;
  };
  std::mutex mu;         // guards the fields below
  std::deque<Due> due;   // in the order their objects were freed
  bool running = false;  // a runfinq goroutine is working through `due`
  bool closed = false;   // the run is over: nothing is queued any more
};

// Finalizer is what SetFinalizer registers for an object.
struct Finalizer {
  Value fn;                // the function (a FuncObj)
  RType* ptr = nullptr;    // the pointer's type (*T): the argument's dynamic type when boxed
  RType* param = nullptr;  // the function's parameter type (an interface: the argument is boxed)
  bool via_ptr = false;    // the object is reached through a PtrObj (a pointer to a non-aggregate)
  int64_t idx = 0;         // that PtrObj's index
  std::shared_ptr<FinQueue> queue;
};

// add_finalizer() registers f for target; false when target already has one (Go's "finalizer
// already set").
bool add_finalizer(Obj* target, Finalizer f);
// remove_finalizer() drops target's finalizer, if it has one (SetFinalizer(p, nil)).
void remove_finalizer(Obj* target);
// finalizer_due() is free_obj's question for an object with Obj::finalizer set: true when it
// took the object (queued for its finalizer, or, its run being over, freed here): the caller
// must not free it.
bool finalizer_due(Obj* o);
// finalizers_start() is true when finalizers wait and no goroutine runs them: the caller starts
// one (it is marked running).
bool finalizers_start(FinQueue& q);
// finalizer_next() takes the next due finalizer; false (and no longer running) when none is due.
bool finalizer_next(FinQueue& q, FinQueue::Due* out);
// finalizers_close() ends a run's finalizers: its registered ones are forgotten (their objects
// will be freed as any) and its queued ones dropped without running, as Go drops them at exit.
void finalizers_close(const std::shared_ptr<FinQueue>& q);

}  // namespace golang
