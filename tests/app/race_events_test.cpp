// tests/app/race_events_test.cpp: what the race detector tells the tap. In a tapped run with the
// detector on, a watched variable is an object of the run (ObjMake, kind Var, its name), each
// goroutine's first read and first write of it is a VarAccess, and a race is a Race event naming
// both goroutines and which of them wrote; the model gathers them into Variables.
#include <gtest/gtest.h>

#include "goro/goro.hpp"
#include "goro/tap.hpp"
#include "model.hpp"

namespace {

struct Traced {
  goro::Exit exit;
  std::vector<goro::Event> events;
  std::vector<std::string> strings{std::string()};
};

Traced trace(int procs, bool race, std::function<void()> fn) {
  goro::Tap tap;
  goro::Config cfg;
  cfg.procs = procs;
  cfg.race = race;
  Traced t;
  t.exit = goro::run(cfg, goro::Observer{&tap, nullptr}, std::move(fn));
  tap.drain(t.events);
  tap.strings(1, t.strings);
  return t;
}

// Two goroutines increment a counter with nothing ordering them (the article's data race).
void racing_counter() {
  goro::Shared<int> counter{0, "counter"};
  goro::WaitGroup wg;
  wg.add(2);
  for (int i = 0; i < 2; i++)
    goro::go([&] {
      counter.store(counter.load() + 1);
      wg.done();
    });
  wg.wait();
  (void)counter.load();
}

class RaceEvents : public ::testing::TestWithParam<int> {};

TEST_P(RaceEvents, AVariableItsAccessesAndItsRaceAreEvents) {
  Traced t = trace(GetParam(), true, racing_counter);
  ASSERT_EQ(t.exit.races.size(), 1u);
  size_t made = 0, reads = 0, writes = 0, races = 0;
  uint32_t var = 0;
  for (const goro::Event& e : t.events) {
    if (e.kind == goro::EventKind::ObjMake && e.aux == uint8_t(goro::ObjKind::Var)) {
      made++;
      var = e.obj;
      EXPECT_EQ(t.strings[e.text], "counter");
    }
    if (e.kind == goro::EventKind::VarAccess) {
      EXPECT_EQ(e.obj, var);
      (e.aux ? writes : reads)++;
    }
    if (e.kind == goro::EventKind::Race) {
      races++;
      EXPECT_EQ(e.obj, var);
      EXPECT_NE(uint64_t(e.arg), e.g);
      EXPECT_NE(t.strings[e.text].find("WARNING: DATA RACE"), std::string::npos);
    }
  }
  EXPECT_EQ(made, 1u);
  EXPECT_EQ(reads, 3u) << "each worker's first read, and main's";
  EXPECT_EQ(writes, 2u) << "each worker's first write (their later ones are not news)";
  EXPECT_EQ(races, 1u);

  goro::visual::Model m;
  for (const goro::Event& e : t.events) m.apply(e, t.strings);
  ASSERT_EQ(m.variables().size(), 1u);
  const goro::visual::Variable& v = m.variables()[0];
  EXPECT_EQ(v.name, "counter");
  EXPECT_EQ(v.writers.size(), 2u);
  EXPECT_EQ(v.readers.size(), 3u);
  ASSERT_EQ(v.races.size(), 1u);
  EXPECT_EQ(m.races(), 1u);
  EXPECT_TRUE(v.races[0].g_writes || v.races[0].other_writes);
  EXPECT_EQ(m.object_name(v.id), "counter");
}

TEST_P(RaceEvents, WithoutTheDetectorThereAreNone) {
  Traced t = trace(GetParam(), false, racing_counter);
  for (const goro::Event& e : t.events) {
    EXPECT_NE(e.kind, goro::EventKind::VarAccess);
    EXPECT_NE(e.kind, goro::EventKind::Race);
  }
}

INSTANTIATE_TEST_SUITE_P(Procs, RaceEvents, ::testing::Values(1, 2));

}  // namespace
