// runtime/src/clock.cpp: the real clock (see clock.hpp).
#include "clock.hpp"

#include <algorithm>

namespace goro::detail {

void RealClock::start(double speed) {
  std::lock_guard<std::mutex> l(mu_);
  base_ = std::chrono::steady_clock::now();
  base_ns_ = 0;
  speed_ = speed;
  frozen_ = false;
}

int64_t RealClock::now_locked() const {
  if (frozen_) return base_ns_;
  auto d = std::chrono::steady_clock::now() - base_;
  return base_ns_ + static_cast<int64_t>(static_cast<double>(std::chrono::nanoseconds(d).count()) * speed_);
}

int64_t RealClock::now() const {
  std::lock_guard<std::mutex> l(mu_);
  return now_locked();
}

void RealClock::freeze(bool frozen) {
  std::lock_guard<std::mutex> l(mu_);
  base_ns_ = now_locked();
  base_ = std::chrono::steady_clock::now();
  frozen_ = frozen;
}

void RealClock::set_speed(double speed) {
  std::lock_guard<std::mutex> l(mu_);
  base_ns_ = now_locked();
  base_ = std::chrono::steady_clock::now();
  speed_ = speed;
}

std::chrono::steady_clock::time_point RealClock::wall_deadline(int64_t t) const {
  std::lock_guard<std::mutex> l(mu_);
  double speed = frozen_ ? 1e-9 : speed_;
  double wall_ns = static_cast<double>(t - now_locked()) / speed;
  // At most an hour ahead: whoever sleeps until then looks again.
  return std::chrono::steady_clock::now() +
         std::chrono::nanoseconds(static_cast<int64_t>(std::max(0.0, std::min(wall_ns, 3.6e12))));
}

}  // namespace goro::detail
