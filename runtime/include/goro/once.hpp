// goro/once.hpp: sync.Once.
//
// Invariant: once done_ is true the function has returned (or panicked) and never runs again;
// callers that arrive while it runs wait until it has returned.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "goro/detail/waitq.hpp"

namespace goro {

// Once runs a function exactly once.
class Once {
 public:
  explicit Once(std::string name = {});
  Once(const Once&) = delete;
  Once& operator=(const Once&) = delete;

  // call() runs fn if no call has run one yet, else waits for that first call to return.
  // If fn panics, Once counts as done (as in Go) and the panic propagates.
  void call(const std::function<void()>& fn);

  const std::string& name() const { return name_; }
  uint64_t id() const { return id_; }

 private:
  std::string name_;
  uint64_t id_;
  detail::ObjTrace trace_;  // its id in a tapped run
  std::atomic<bool> done_{false};
  detail::SpinLock lock_;  // guards running_ and waiters_
  bool running_ = false;
  detail::WaitQ waiters_;
};

}  // namespace goro
