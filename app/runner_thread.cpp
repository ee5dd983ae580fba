// app/runner_thread.cpp: a session's program on a thread of its own (the desktop's Runner).
#include <thread>

#include "runner.hpp"

namespace goroscope {

struct Runner::Impl {
  std::thread thread;
};

Runner::Runner(std::function<void()> body) : impl_(std::make_unique<Impl>()) {
  impl_->thread = std::thread(std::move(body));
}

Runner::~Runner() {
  if (impl_->thread.joinable()) impl_->thread.join();
}

bool Runner::advance(std::chrono::microseconds) { return false; }

bool Runner::own_thread() { return true; }

int Runner::max_procs() { return 64; }

}  // namespace goroscope
