// goro/detail/sema.hpp: the goroutine semaphore under Mutex and WaitGroup (Go's runtime sema):
// a count of wake-ups given while nobody was parked, and the queue of goroutines parked for one.
//
// Invariants: count_ > 0 only while the queue is empty (a release with a waiter parked wakes it
// instead); both are touched only under lock_; acquire() returns once per wake-up released.
#pragma once

#include <cstdint>

#include "goro/detail/waitq.hpp"
#include "goro/event.hpp"

namespace goro::detail {

class Sema {
 public:
  // acquire() takes a wake-up, parking the goroutine (with `reason`, on `object`, whose id in a
  // tapped run is `oid`) until one is released. lifo: wait at the front (one that has waited
  // before). `contended`, in a tapped run, is published just before parking.
  void acquire(WaitReason reason, const void* object, uint64_t oid, bool lifo = false,
               const Event* contended = nullptr);
  // release() gives n wake-ups: to the first n parked, the rest kept for those on their way.
  void release(uint32_t n = 1);

 private:
  SpinLock lock_;
  WaitQ waiters_;
  uint32_t count_ = 0;
};

}  // namespace goro::detail
