// goro/cond.hpp: Cond, Go's sync.Cond: goroutines wait for a condition while holding a lock.
// Built on goro's channels (one per waiter), so every wait and wake is a channel event the
// tap sees.
//
// Invariants: waiters_ holds the channels of goroutines that called wait() and have not been
// woken, oldest first; a woken waiter's channel is closed exactly once.
//
// Example:
//   goro::Mutex mu{"mu"};
//   goro::Cond cond{"cond"};
//   mu.lock(); while (!ready) cond.wait(mu); mu.unlock();
#pragma once

#include <deque>
#include <functional>
#include <string>

#include "goro/chan.hpp"
#include "goro/detail/waitq.hpp"
#include "goro/mutex.hpp"

namespace goro {

class Cond {
 public:
  explicit Cond(std::string name = {}) : name_(std::move(name)) {}
  Cond(const Cond&) = delete;
  Cond& operator=(const Cond&) = delete;

  // wait() unlocks (the caller's lock), parks until signal() or broadcast() wakes it, then
  // locks again before returning.
  void wait(const std::function<void()>& unlock, const std::function<void()>& lock);
  void wait(Mutex& m);
  // signal() wakes the longest-waiting goroutine, if any.
  void signal();
  // broadcast() wakes every waiting goroutine.
  void broadcast();

  const std::string& name() const { return name_; }

 private:
  std::string name_;
  detail::SpinLock lock_;  // guards waiters_
  std::deque<Chan<Empty>> waiters_;
};

}  // namespace goro
