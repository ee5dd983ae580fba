// goro/policy.hpp: which runnable goroutine runs next, when there is a choice.
//
// With procs = 1 the scheduler can ask a Policy before each decision that has two or more
// runnable goroutines (Boost.Fiber's algorithm seam). The policies:
//   fair     the default: no Policy is asked, the run queues decide as Go's do (a goroutine
//            just readied or created first, then first in first out, and every 61st decision
//            the global queue first);
//   seeded   Config::schedule = Schedule::Seeded: uniformly at random among the runnable,
//            from Config::seed (the same seed, the same interleaving);
//   by hand  Control::choose_mode(true): a person picks (goro/tap.hpp), ahead of the others;
//   yours    Observer::policy, e.g. a schedule explorer trying interleavings one by one.
// Asking costs a pass over the run queue per decision: meant for small programs.
//
// Invariants: pick() is called on the program's thread between two goroutines, with no lock
// of the runtime held, so it may block (a person choosing); a result past the end counts as 0.
#pragma once

#include <cstddef>
#include <vector>

#include "goro/tap.hpp"

namespace goro {

// Policy chooses the goroutine to run next among those that could.
class Policy {
 public:
  virtual ~Policy() = default;
  // pick() is the position in `runnable` (two or more, in the order the run queues would run
  // them) of the goroutine to run now.
  virtual size_t pick(const std::vector<RunnableG>& runnable) = 0;
};

}  // namespace goro
