// goro/shared.hpp: Shared<T>, a variable that goroutines share without a lock on purpose or by
// mistake, whose every load and store the race detector checks (Config::race) and a schedule
// explorer may preempt (Config::preempt_at_sync). Elsewhere it is a plain variable plus one
// predictable branch per access.
//
// Invariants: the value is held in a relaxed std::atomic, so a racy program stays defined C++
// (an update is lost exactly as in Go, never torn); each access names its site (the caller by
// default) for reports; the destructor makes the detector forget the address.
//
// Example (Go's `counter++` from two goroutines, a data race):
//   goro::Shared<int> counter{0, "counter"};
//   goro::go([&] { counter.store(counter.load() + 1); });
#pragma once

#include <atomic>
#include <source_location>

#include "goro/race.hpp"

namespace goro {

namespace detail {
extern std::atomic<int> g_tracing;
// shared_access() is a checked access (a preemption point first), from a goroutine.
void shared_access(const void* addr, const race::Site& site, const char* name, bool write);
}  // namespace detail

// Shared is a variable whose loads and stores are checked for data races.
template <class T>
class Shared {
 public:
  explicit Shared(T v = T{}, const char* name = nullptr) : v_(v), name_(name) {}
  ~Shared() {
    if (detail::g_racing.load(std::memory_order_relaxed)) race::free(this, sizeof *this);
  }
  Shared(const Shared&) = delete;
  Shared& operator=(const Shared&) = delete;

  // load() reads the value (a checked read).
  T load(race::Site site = std::source_location::current()) const {
    if (detail::g_tracing.load(std::memory_order_relaxed)) [[unlikely]]
      detail::shared_access(this, site, name_, false);
    return v_.load(std::memory_order_relaxed);
  }
  // store() writes it (a checked write).
  void store(T v, race::Site site = std::source_location::current()) {
    if (detail::g_tracing.load(std::memory_order_relaxed)) [[unlikely]]
      detail::shared_access(this, site, name_, true);
    v_.store(v, std::memory_order_relaxed);
  }
  // add() is Go's `x += d`: a checked read, then a checked write (not atomic: a goroutine may
  // run between the two, and an update may be lost); returns the new value.
  T add(T d, race::Site site = std::source_location::current()) {
    T v = load(site) + d;
    store(v, site);
    return v;
  }
  // name() is the variable's name for reports and the app (null when none was given).
  const char* name() const { return name_; }

 private:
  std::atomic<T> v_;
  const char* name_;
};

}  // namespace goro
