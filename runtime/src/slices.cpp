// runtime/src/slices.cpp: goro::Slices, a body run on a fiber of its own that the host's frame
// loop resumes a slice at a time (see goro/slices.hpp); the runtime gives a slice back through
// yield_slice() (slice.hpp).
//
// Invariant: at most one body runs on a thread at a time (t_current); advance() is never called
// from inside a body.
#include "goro/slices.hpp"

#include <exception>
#include <stdexcept>

#include "fiber.hpp"
#include "slice.hpp"

namespace goro {

struct Slices::State {
  std::function<void()> body;
  std::unique_ptr<char[]> memory;  // the body's stack (goro::run's scheduler loop runs on it)
  detail::Fiber host;              // the caller of advance()
  detail::Fiber fiber;             // the body, from its start
  detail::Fiber away;              // where the body gave its last slice back (any stack of the run's)
  detail::Fiber* resume;           // what advance() switches to: fiber, then away
  std::chrono::steady_clock::time_point deadline;
  bool started = false;
  bool done = false;
  std::exception_ptr error;
};

namespace {

thread_local Slices::State* t_current = nullptr;

void slice_entry(detail::Transfer t) {
  auto* s = static_cast<Slices::State*>(detail::fiber_started(t));
  try {
    s->body();
  } catch (...) {
    s->error = std::current_exception();
  }
  s->done = true;
  detail::thread_fiber(s->away);
  detail::switch_fiber(s->away, s->host, nullptr, /*from_dies=*/true);
}

}  // namespace

Slices::Slices(std::function<void()> body) : s_(std::make_unique<State>()) { s_->body = std::move(body); }

Slices::~Slices() { detail::destroy_fiber(s_->fiber); }

bool Slices::advance(std::chrono::microseconds budget) {
  if (t_current) throw std::logic_error("goro::Slices::advance called from inside a body");
  if (s_->done) return false;
  if (!s_->started) {
    s_->started = true;
    constexpr size_t kStackBytes = 1 << 20;
    s_->memory = std::make_unique<char[]>(kStackBytes);
    detail::make_fiber(s_->fiber, detail::Stack{s_->memory.get(), kStackBytes}, &slice_entry);
    s_->resume = &s_->fiber;
  }
  s_->deadline = std::chrono::steady_clock::now() + budget;
  t_current = s_.get();
  detail::thread_fiber(s_->host);
  detail::switch_fiber(s_->host, *s_->resume, s_.get());
  t_current = nullptr;
  if (s_->error) std::rethrow_exception(std::exchange(s_->error, nullptr));
  return !s_->done && std::chrono::steady_clock::now() >= s_->deadline;
}

bool Slices::done() const { return s_->done; }

namespace detail {

bool in_slice() { return t_current != nullptr; }

void yield_slice() {
  Slices::State* s = t_current;
  thread_fiber(s->away);  // this stack: the body's own, a goroutine's or the scheduler's
  s->resume = &s->away;
  switch_fiber(s->away, s->host, nullptr);
}

bool slice_spent() { return std::chrono::steady_clock::now() >= t_current->deadline; }

}  // namespace detail

}  // namespace goro
