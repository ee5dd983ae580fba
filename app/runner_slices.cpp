// app/runner_slices.cpp: a session's program run in slices of its owner's thread (the page's
// Runner): each advance() runs it until it has used its budget or waits (goro/slices.hpp).
#include "goro/slices.hpp"
#include "runner.hpp"

namespace goroscope {

struct Runner::Impl {
  explicit Impl(std::function<void()> body) : slices(std::move(body)) {}
  goro::Slices slices;
};

Runner::Runner(std::function<void()> body) : impl_(std::make_unique<Impl>(std::move(body))) {}

Runner::~Runner() {
  // The owner has stopped the program: it ends within a few slices.
  while (!impl_->slices.done()) impl_->slices.advance(std::chrono::milliseconds(10));
}

bool Runner::advance(std::chrono::microseconds budget) {
  return !impl_->slices.done() && impl_->slices.advance(budget);
}

bool Runner::own_thread() { return false; }

int Runner::max_procs() { return 1; }

}  // namespace goroscope
