// goro/waitgroup.hpp: sync.WaitGroup.
//
// Invariants: counter >= 0 (a negative counter panics); waiters is empty whenever counter == 0.
//
// Example:
//   goro::WaitGroup wg{"wg"};
//   for (int i = 0; i < 3; i++) { wg.add(1); goro::go([&wg] { wg.done(); }); }
//   wg.wait();
#pragma once

#include <cstdint>
#include <string>

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
  detail::ObjTrace trace_;  // its id in a tapped run
  mutable detail::SpinLock lock_;  // guards counter_ and waiters_
  int64_t counter_ = 0;
  detail::WaitQ waiters_;
};

}  // namespace goro
