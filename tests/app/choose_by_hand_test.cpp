// tests/app/choose_by_hand_test.cpp: "choose who runs next, by hand" in the window's kind of run
// (procs 1, the race detector on, a choice at every synchronising call and shared access:
// Config::preempt_at_sync) can show the article's data race losing an update: switching between
// the two counter++ at each choice prints "counter: 1". With choices only where the scheduler
// decides anyway, each counter++ runs whole and the same picks print "counter: 2".
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app_support.hpp"

namespace {

using goroscope::RunSpec;
using goroscope::Session;

// alternate() runs data_race choosing by hand: between the two counter++ goroutines (2 and 3),
// the one not picked last; otherwise the first candidate. Returns what it printed.
std::string alternate(bool at_shared_accesses) {
  const goroscope::Scenario* sc = goroscope::find_scenario("data_race");
  EXPECT_TRUE(sc);
  RunSpec spec{sc, sc->defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  spec.config.procs = 1;
  spec.config.race = true;
  spec.config.preempt_at_sync = at_shared_accesses;
  Session s(spec, "", true);
  s.control().choose_mode(true);
  s.control().resume();
  uint64_t last = 0, seen = 0;
  for (int i = 0; i < 20000 && !s.done(); i++) {
    s.pump();
    if (s.control().choice_number() == seen) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      continue;
    }
    auto cands = s.control().candidates();
    if (cands.empty()) continue;
    seen = s.control().choice_number();
    uint64_t pick = cands.front().id;
    for (const auto& c : cands)
      if ((c.id == 2 || c.id == 3) && c.id != last) pick = c.id;
    if (pick == 2 || pick == 3) last = pick;
    s.control().choose(pick);
  }
  while (!s.done()) s.pump(), std::this_thread::sleep_for(std::chrono::milliseconds(1));
  s.pump();
  return s.model().output();
}

TEST(ChooseByHand, SwitchingAtSharedAccessesLosesAnUpdate) {
  EXPECT_EQ(alternate(true), "counter: 1\n");
  EXPECT_EQ(alternate(false), "counter: 2\n") << "choices only at scheduling decisions: each counter++ whole";
}

}  // namespace
