// tests/app/choose_by_hand_test.cpp: "choose who runs next, by hand" in the window's kind of run
// (procs 1, the race detector on, a choice at every synchronising call and shared access:
// Config::preempt_at_sync) can show the article's data race losing an update: switching between
// the two counter++ at each choice prints "counter: 1". With choices only where the scheduler
// decides anyway, each counter++ runs whole and the same picks print "counter: 2". Either way the
// variable's box shows the value printed, and the lost update is said in the narration.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app_support.hpp"
#include "narration.hpp"

namespace {

using goroscope::RunSpec;
using goroscope::Session;

// Picked is what a run chosen by hand printed, and what the diagram and narration showed.
struct Picked {
  std::string output;
  std::string counter;            // the value in counter's box at the end
  uint64_t lost_updates = 0;      // as the box counts them
  std::vector<std::string> said;  // the narration of each event a student sees
  bool has(const std::string& part) const {
    for (const auto& x : said)
      if (x.find(part) != std::string::npos) return true;
    return false;
  }
};

// alternate() runs data_race choosing by hand: between the two counter++ goroutines (2 and 3),
// the one not picked last; otherwise the first candidate.
Picked alternate(bool at_shared_accesses) {
  const goroscope::Scenario* sc = goroscope::find_scenario("data_race");
  EXPECT_TRUE(sc);
  RunSpec spec{sc, sc->defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  spec.config.procs = 1;
  spec.config.race = true;
  spec.config.race_values = true;
  spec.config.preempt_at_sync = at_shared_accesses;
  Session s(spec, "", true, true);
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
  Picked r;
  r.output = s.model().output();
  goro::visual::Model m;
  for (const goro::Event& e : s.events()) {
    m.apply(e, s.strings());
    if (goro::visual::seen(m, e, s.strings()))
      r.said.push_back(goro::visual::narrate(m, e, s.strings(), -1, true));
  }
  EXPECT_EQ(m.variables().size(), 1u);
  if (!m.variables().empty()) {
    r.counter = m.variables()[0].value;
    r.lost_updates = m.variables()[0].lost_updates;
  }
  return r;
}

TEST(ChooseByHand, SwitchingAtSharedAccessesLosesAnUpdate) {
  Picked lost = alternate(true);
  EXPECT_EQ(lost.output, "counter: 1\n");
  EXPECT_EQ(lost.counter, "1") << "counter's box shows the value printed";
  EXPECT_EQ(lost.lost_updates, 1u);
  EXPECT_TRUE(lost.has("main.func1 reads counter: 0")) << testing::PrintToString(lost.said);
  EXPECT_TRUE(lost.has("main.func2 reads counter: 0")) << testing::PrintToString(lost.said);
  EXPECT_TRUE(lost.has("writes counter = 1, overwriting main.func")) << testing::PrintToString(lost.said);
  EXPECT_TRUE(lost.has("'s 1: an update is lost")) << testing::PrintToString(lost.said);
  Picked whole = alternate(false);
  EXPECT_EQ(whole.output, "counter: 2\n") << "choices only at scheduling decisions: each counter++ whole";
  EXPECT_EQ(whole.counter, "2");
  EXPECT_EQ(whole.lost_updates, 0u);
  EXPECT_FALSE(whole.has("an update is lost")) << testing::PrintToString(whole.said);
}

}  // namespace
