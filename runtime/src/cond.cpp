// runtime/src/cond.cpp: Cond (see goro/cond.hpp): one unbuffered channel per waiter, closed to
// wake it.
#include "goro/cond.hpp"

#include <mutex>

namespace goro {

void Cond::wait(const std::function<void()>& unlock, const std::function<void()>& lock) {
  Chan<Empty> ch = make_chan<Empty>(0, name_);
  {
    std::lock_guard<detail::SpinLock> g(lock_);
    waiters_.push_back(ch);
  }
  unlock();
  ch.recv();  // returns when signal() or broadcast() closes it
  lock();
}

void Cond::wait(Mutex& m) {
  wait([&m] { m.unlock(); }, [&m] { m.lock(); });
}

void Cond::signal() {
  Chan<Empty> ch;
  {
    std::lock_guard<detail::SpinLock> g(lock_);
    if (waiters_.empty()) return;
    ch = waiters_.front();
    waiters_.pop_front();
  }
  ch.close();
}

void Cond::broadcast() {
  std::deque<Chan<Empty>> all;
  {
    std::lock_guard<detail::SpinLock> g(lock_);
    all.swap(waiters_);
  }
  for (auto& ch : all) ch.close();
}

}  // namespace goro
