// goro/waitgroup.hpp: sync.WaitGroup.
//
// Invariants (Go's sync.WaitGroup, the same state word): state_ holds the counter in its high 32
// bits and how many goroutines wait in its low 32; counter >= 0 (a negative counter panics);
// waiters are counted only while the counter is above zero: the add that brings it to zero
// clears the word and releases them all on sema_. Add and Done are one atomic add each. In a
// tapped run adds and waits take trace_lock_, so that their events carry the counter in order.
//
// Example:
//   goro::WaitGroup wg{"wg"};
//   for (int i = 0; i < 3; i++) { wg.add(1); goro::go([&wg] { wg.done(); }); }
//   wg.wait();
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "goro/detail/sema.hpp"
#include "goro/detail/waitq.hpp"

namespace goro {

// WaitGroup waits for a collection of goroutines to finish.
class WaitGroup {
 public:
  explicit WaitGroup(std::string name = {});
  WaitGroup(const WaitGroup&) = delete;
  WaitGroup& operator=(const WaitGroup&) = delete;

  // add() adds delta to the counter; at zero every waiter is released. Panics
  // "sync: negative WaitGroup counter" below zero.
  void add(int64_t delta);
  // done() is add(-1).
  void done() { add(-1); }
  // wait() blocks until the counter is zero.
  void wait();

  int64_t counter() const;
  const std::string& name() const { return name_; }
  uint64_t id() const { return id_; }

 private:
  std::string name_;
  uint64_t id_;
  detail::ObjTrace trace_;          // its id in a tapped run
  std::atomic<uint64_t> state_{0};  // counter << 32 | waiters
  detail::SpinLock trace_lock_;     // tapped runs only
  detail::Sema sema_;               // where waiters sleep
};

}  // namespace goro
