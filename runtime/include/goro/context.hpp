// goro/context.hpp: Go's context package: cancellation and deadlines that travel down a tree.
//
// A Context is a shared handle. Cancelling a context cancels all its descendants; done() is a
// receive-only channel closed at that moment, usable in select. background() is never
// cancelled and its done() is nil.
//
// Example:
//   auto [ctx, cancel] = goro::with_timeout(goro::background(), 2s);
//   goro::select(goro::on_recv(ctx.done(), [] {}), goro::on_default([] {}));
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "goro/chan.hpp"

namespace goro {

namespace detail {
struct ContextState;
}

// CancelFunc cancels its context; calling it again does nothing.
using CancelFunc = std::function<void()>;

// Context carries a cancellation signal.
class Context {
 public:
  // done() is closed when the context is cancelled or its deadline passes (nil for background).
  RecvChan<Empty> done() const;
  // err() is "", "context canceled" or "context deadline exceeded".
  std::string err() const;
  // deadline() is the goro::now() time of the deadline, or -1 when there is none.
  int64_t deadline() const;

  explicit Context(std::shared_ptr<detail::ContextState> s) : s_(std::move(s)) {}
  const std::shared_ptr<detail::ContextState>& state() const { return s_; }

 private:
  std::shared_ptr<detail::ContextState> s_;
};

// background() is the root context: never cancelled.
Context background();
// with_cancel() derives a context cancelled by the returned function or by its parent.
std::pair<Context, CancelFunc> with_cancel(const Context& parent);
// with_deadline() also cancels, with "context deadline exceeded", at time `deadline` (ns).
std::pair<Context, CancelFunc> with_deadline(const Context& parent, int64_t deadline);
// with_timeout() is with_deadline(parent, now() + timeout).
std::pair<Context, CancelFunc> with_timeout(const Context& parent, std::chrono::nanoseconds timeout);

}  // namespace goro
