// runtime/src/policy.hpp: the runtime's own Policies (goro/policy.hpp): seeded, and by hand
// (a Control in choose mode). Fair is no Policy at all: the run queues as they are.
#pragma once

#include "goro/policy.hpp"
#include "rng.hpp"

namespace goro::detail {

// SeededPolicy picks uniformly at random, from the program's seed (Schedule::Seeded).
class SeededPolicy final : public Policy {
 public:
  explicit SeededPolicy(uint64_t seed) : rng_{seed * 0x9fb21c651e98df25ULL + 0x5851f42d4c957f2dULL} {}
  size_t pick(const std::vector<RunnableG>& runnable) override;

 private:
  Rng rng_;
};

// HandPolicy asks a Control in choose mode, which waits for a person's choose().
class HandPolicy final : public Policy {
 public:
  // attach() names the Control to ask (before the program runs).
  void attach(Control* control) { control_ = control; }
  size_t pick(const std::vector<RunnableG>& runnable) override;

 private:
  Control* control_ = nullptr;
};

}  // namespace goro::detail
