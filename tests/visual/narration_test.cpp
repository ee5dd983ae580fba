// tests/visual/narration_test.cpp: the caption under the diagram says what each event did, with the
// counters and buffer lengths it left, and says why time jumped.
#include "narration.hpp"

#include "app_support.hpp"
#include "duration.hpp"

namespace {

// sentences() narrates every event of a finished session, each with the model just after it.
std::vector<std::string> sentences(const goroscope::Session& s, bool virtual_clock = true) {
  goro::visual::Model m;
  std::vector<std::string> out;
  int64_t prev = -1;
  for (const goro::Event& e : s.events()) {
    m.apply(e, s.strings());
    out.push_back(goro::visual::narrate(m, e, s.strings(), prev, virtual_clock));
    prev = e.time;
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& part) {
  for (const auto& s : v)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Narration, WorkerPoolSaysWhoDidWhat) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  auto v = sentences(*s);
  ASSERT_EQ(v.size(), s->events().size());
  EXPECT_TRUE(has(v, "main.func1 sent {1 Job1} into jobs (buffer 1/10)"));
  EXPECT_TRUE(has(v, "worker 1 received {1 Job1} from jobs (buffer 9/10)"));
  EXPECT_TRUE(has(v, "main blocked: wg.Wait(), counter 3"));
  EXPECT_TRUE(has(v, "main wg.Add(1): counter 1"));
  EXPECT_TRUE(has(v, "wg.Done(): counter 0, the waiters may go"));
  EXPECT_TRUE(has(v, "time jumps 1s: every goroutine was asleep or blocked. A timer fires for worker 1"));
  EXPECT_TRUE(has(v, "worker 1 is asleep"));
  EXPECT_TRUE(has(v, "main started worker 2"));
  EXPECT_TRUE(has(v, "closed jobs"));
  for (const auto& x : v) EXPECT_FALSE(x.empty());
}

TEST(Narration, BlockingAndTheEndAreExplained) {
  auto s = run_session(*goroscope::find_scenario("deadlock"));
  auto v = sentences(*s);
  EXPECT_TRUE(has(v, "main blocked: sending 1 on ch, no receiver is ready"));
  EXPECT_TRUE(has(v, "fatal error: all goroutines are asleep - deadlock!"));
  auto mu = run_session(*goroscope::find_scenario("mutex_counter"));
  auto w = sentences(*mu);
  EXPECT_TRUE(has(w, "locked"));
  EXPECT_TRUE(has(w, "unlocked"));
}

TEST(Narration, RealClockSaysHowLongItWasNotAJump) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  auto v = sentences(*s, false);
  EXPECT_FALSE(has(v, "time jumps"));
  EXPECT_TRUE(has(v, "after 1s: "));
}

TEST(Narration, Durations) {
  EXPECT_EQ(goro::visual::format_time(1'000'000'000), "1s");
  EXPECT_EQ(goro::visual::format_time(1'500'000'000), "1.5s");
  EXPECT_EQ(goro::visual::format_time(250'000'000), "250ms");
  EXPECT_EQ(goro::visual::format_time(40'000), "40us");
  EXPECT_EQ(goro::visual::format_time(42), "42ns");
}

TEST(Narration, TheDataRaceSaysWhoseUpdateIsUndoneAndItsReportNamesTheGoroutines) {
  const goroscope::Scenario& sc = *goroscope::find_scenario("data_race");
  goroscope::RunSpec spec{&sc, sc.defaults(), {}};
  spec.config.race = true;
  spec.config.race_values = true;
  spec.config.clock = goro::ClockMode::Virtual;
  auto s = std::make_unique<goroscope::Session>(spec);
  for (;;) {
    bool was_done = s->done();
    if (s->pump().empty()) {
      if (was_done) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  auto v = sentences(*s);
  // Which access finds the race depends on the schedule; the sentence says who and how.
  std::string race;
  for (const auto& x : v)
    if (x.rfind("DATA RACE on counter: ", 0) == 0) race = x;
  ASSERT_FALSE(race.empty());
  EXPECT_NE(race.find("main.func1"), std::string::npos) << race;
  EXPECT_NE(race.find("main.func2"), std::string::npos) << race;
  EXPECT_TRUE(race.find("an update is lost") != std::string::npos ||
              race.find("undoes") != std::string::npos ||
              race.find("the old value or the new") != std::string::npos)
      << race;
  EXPECT_TRUE(has(v, "main made variable counter; main.func"))
      << "main declared it, before either goroutine used it";
  EXPECT_FALSE(has(v, "main.func1 made variable")) << "main declared it";
  EXPECT_FALSE(has(v, "main.func2 made variable")) << "main declared it";
  EXPECT_TRUE(has(v, "reads counter: 0, as main made it"));
  EXPECT_EQ("counter: " + s->model().variables().at(0).value + "\n", s->model().output())
      << "the box shows the value the program prints";
  // Go's report keeps its numbers, and says which box of the diagram each one is.
  const auto& vars = s->model().variables();
  ASSERT_FALSE(vars.empty());
  ASSERT_FALSE(vars[0].races.empty());
  const std::string& report = vars[0].races[0].report;
  EXPECT_NE(report.find("by goroutine 2 (main.func1):"), std::string::npos) << report;
  EXPECT_NE(report.find("by goroutine 3 (main.func2):"), std::string::npos) << report;
  EXPECT_NE(report.find("Goroutine 2 = main.func1 ("), std::string::npos) << report;
}
