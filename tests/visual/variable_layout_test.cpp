// tests/visual/variable_layout_test.cpp: shared variables in the diagram and the leak list, from events
// alone: a watched variable is a node of its own right of the goroutines that use it, with a
// read or write edge from each and a race edge from each racing goroutine (only once it raced,
// even after a plan); a C++ program's goro::Shared under a lock has no race edge; the goroutines
// alive at the end are listed with their line and wait reason; a race report keeps where the
// output stood.
#include <gtest/gtest.h>

#include "app_support.hpp"
#include "goro/goro.hpp"
#include "goro/tap.hpp"
#include "layout.hpp"
#include "leaks.hpp"
#include "run_end.hpp"

using goro::Event;
using goro::EventKind;
using goro::visual::EdgeKind;
using goro::visual::Layout;
using goro::visual::LayoutEngine;
using goro::visual::Model;
using goro::visual::Node;
using goro::visual::NodeKind;

namespace {

// Stream builds a hand-made event stream and applies it to a model as it goes.
struct Stream {
  std::vector<std::string> strings{std::string()};
  Model m;
  uint64_t seq = 0;
  uint32_t text(const std::string& s) {
    strings.push_back(s);
    return static_cast<uint32_t>(strings.size() - 1);
  }
  void add(EventKind k, uint64_t g, uint32_t obj = 0, int64_t arg = 0, uint8_t aux = 0, uint32_t txt = 0,
           uint32_t line = 0) {
    Event e{};
    e.seq = ++seq;
    e.time = static_cast<int64_t>(seq);
    e.kind = k;
    e.g = g;
    e.obj = obj;
    e.arg = arg;
    e.aux = aux;
    e.text = txt;
    e.line = line;
    m.apply(e, strings);
  }
  void go(uint64_t g, uint64_t parent, const std::string& name) {
    add(EventKind::GoCreate, g, static_cast<uint32_t>(parent), 0, 0, text(name));
  }
};

size_t edges(const Layout& L, EdgeKind k, NodeKind from_kind, uint64_t from_id, uint64_t var) {
  size_t n = 0;
  for (const auto& e : L.edges)
    if (e.kind == k && L.nodes[e.from].key.kind == from_kind && L.nodes[e.from].key.id == from_id &&
        L.nodes[e.to].key.kind == NodeKind::Variable && L.nodes[e.to].key.id == var)
      n++;
  return n;
}

size_t count_kind(const Layout& L, EdgeKind k) {
  size_t n = 0;
  for (const auto& e : L.edges) n += e.kind == k;
  return n;
}

void expect_no_overlaps(const Layout& L) {
  for (size_t i = 0; i < L.nodes.size(); i++)
    for (size_t j = i + 1; j < L.nodes.size(); j++) {
      const Node &a = L.nodes[i], &b = L.nodes[j];
      EXPECT_FALSE(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
          << a.label << " overlaps " << b.label;
    }
}

// The article's data race, by hand: main (1) starts two counter++ goroutines (2, 3); both read
// counter (object 1), 2 writes it, then 3 writes it with nothing ordering the two writes... and
// main reads it at the end.
struct DataRace : Stream {
  static constexpr uint8_t kVar = static_cast<uint8_t>(goro::ObjKind::Var);
  void until_accesses() {
    go(1, 0, "main");
    add(EventKind::GoStart, 1);
    go(2, 1, "counter++");
    go(3, 1, "counter++");
    add(EventKind::ObjMake, 2, 1, 0, kVar, text("counter"));
    add(EventKind::VarAccess, 2, 1, 0, 0);  // 2 reads
    add(EventKind::VarAccess, 3, 1, 0, 0);  // 3 reads
    add(EventKind::VarAccess, 2, 1, 0, 1);  // 2 writes
  }
  void the_race() {
    add(EventKind::Output, 1, 0, 0, 0, text("before\n"));
    add(EventKind::VarAccess, 3, 1, 0, 1);  // 3 writes: races with 2's write
    add(EventKind::Race, 3, 1, 2, goro::kRaceCurrentWrites | goro::kRacePreviousWrites,
        text("WARNING: DATA RACE\nWrite at 0x1 by goroutine 3:\n"));
    add(EventKind::VarAccess, 1, 1, 0, 0);  // main reads
  }
};

}  // namespace

TEST(VariableLayout, ReadersAndWritersHaveFaintEdgesToTheVariableNode) {
  DataRace s;
  s.until_accesses();
  LayoutEngine engine;
  Layout L = engine.compute(s.m);
  const Node* v = L.find({NodeKind::Variable, 1});
  ASSERT_TRUE(v);
  EXPECT_EQ(v->label, "counter");
  EXPECT_EQ(edges(L, EdgeKind::Write, NodeKind::Goroutine, 2, 1), 1u);  // wrote (and read): one edge
  EXPECT_EQ(edges(L, EdgeKind::Read, NodeKind::Goroutine, 2, 1), 0u);
  EXPECT_EQ(edges(L, EdgeKind::Read, NodeKind::Goroutine, 3, 1), 1u);  // only read so far
  EXPECT_EQ(count_kind(L, EdgeKind::Race), 0u);
  // Beside the goroutines that use it: one column to their right.
  const Node *g2 = L.find({NodeKind::Goroutine, 2}), *g3 = L.find({NodeKind::Goroutine, 3});
  ASSERT_TRUE(g2 && g3);
  EXPECT_GT(v->x, g2->x + g2->w);
  EXPECT_EQ(v->column, g2->column + 1);
  EXPECT_EQ(g2->column, g3->column);
  expect_no_overlaps(L);
}

TEST(VariableLayout, ARaceIsAnEdgeFromEachRacingGoroutine) {
  DataRace s;
  s.until_accesses();
  s.the_race();
  ASSERT_EQ(s.m.races(), 1u);
  LayoutEngine engine;
  Layout L = engine.compute(s.m);
  EXPECT_EQ(edges(L, EdgeKind::Race, NodeKind::Goroutine, 2, 1), 1u);
  EXPECT_EQ(edges(L, EdgeKind::Race, NodeKind::Goroutine, 3, 1), 1u);
  EXPECT_EQ(count_kind(L, EdgeKind::Write), 0u);  // a race edge stands for the goroutine's accesses
  EXPECT_EQ(edges(L, EdgeKind::Read, NodeKind::Goroutine, 1, 1), 1u);  // main only read it
  for (const auto& e : L.edges)
    if (e.kind == EdgeKind::Race) {
      EXPECT_EQ(e.obj, 1u);
    }
  // The variable stays right of the counter++ goroutines (most of its users), not of main.
  EXPECT_EQ(L.find({NodeKind::Variable, 1})->column, L.find({NodeKind::Goroutine, 2})->column + 1);
  expect_no_overlaps(L);
  // The report keeps where the output stood when it was found (the console shows it there).
  ASSERT_EQ(s.m.variables()[0].races.size(), 1u);
  EXPECT_EQ(s.m.variables()[0].races[0].output_at, std::string("before\n").size());
  EXPECT_EQ(s.m.variables()[0].races[0].g, 3u);
  EXPECT_EQ(s.m.variables()[0].races[0].other, 2u);
}

TEST(VariableLayout, APlannedRaceIsNotDrawnBeforeItHappens) {
  DataRace before;
  before.until_accesses();
  DataRace after;
  after.until_accesses();
  after.the_race();
  LayoutEngine engine;
  engine.plan(after.m);  // a replay plans from its last state
  Layout L = engine.compute(before.m);
  EXPECT_EQ(count_kind(L, EdgeKind::Race), 0u);
  EXPECT_EQ(edges(L, EdgeKind::Write, NodeKind::Goroutine, 2, 1), 1u);
  // The variable node holds its planned place.
  Layout planned = engine.compute(after.m);
  EXPECT_EQ(L.find({NodeKind::Variable, 1})->x, planned.find({NodeKind::Variable, 1})->x);
  EXPECT_EQ(L.find({NodeKind::Variable, 1})->y, planned.find({NodeKind::Variable, 1})->y);
}

namespace {

Model traced(std::function<void()> fn) {
  goro::Tap tap;
  goro::Config cfg;
  cfg.race = true;
  goro::run(cfg, goro::Observer{&tap, nullptr}, std::move(fn));
  std::vector<goro::Event> events;
  std::vector<std::string> strings{std::string()};
  tap.drain(events);
  tap.strings(1, strings);
  Model m;
  for (const Event& e : events) m.apply(e, strings);
  return m;
}

}  // namespace

TEST(VariableLayout, ACppProgramsSharedVariable) {
  // Under a mutex: written by three goroutines, read by main, no race.
  Model locked = traced([] {
    goro::Shared<int> total{0, "total"};
    goro::Mutex mu{"mu"};
    goro::WaitGroup wg{"wg"};
    wg.add(3);
    for (int i = 0; i < 3; i++)
      goro::go("adder", [&] {
        mu.lock();
        total.store(total.load() + 1);
        mu.unlock();
        wg.done();
      });
    wg.wait();
    goro::println(total.load());
  });
  LayoutEngine engine;
  Layout L = engine.compute(locked);
  ASSERT_EQ(locked.variables().size(), 1u);
  uint64_t id = locked.variables()[0].id;
  const Node* v = L.find({NodeKind::Variable, id});
  ASSERT_TRUE(v);
  EXPECT_EQ(v->label, "total");
  for (uint64_t g = 2; g <= 4; g++) EXPECT_EQ(edges(L, EdgeKind::Write, NodeKind::Goroutine, g, id), 1u);
  EXPECT_EQ(edges(L, EdgeKind::Read, NodeKind::Goroutine, 1, id), 1u);
  EXPECT_EQ(count_kind(L, EdgeKind::Race), 0u);
  expect_no_overlaps(L);

  // Unordered: the race is drawn.
  Model racy = traced([] {
    goro::Shared<int> counter{0, "counter"};
    goro::WaitGroup wg{"wg"};
    wg.add(2);
    for (int i = 0; i < 2; i++)
      goro::go("counter++", [&] {
        counter.store(counter.load() + 1);
        wg.done();
      });
    wg.wait();
  });
  LayoutEngine e2;
  Layout R = e2.compute(racy);
  ASSERT_EQ(racy.variables().size(), 1u);
  EXPECT_EQ(count_kind(R, EdgeKind::Race), 2u);
  expect_no_overlaps(R);
}

TEST(Leaks, EachWithItsLineAndWaitReasonOnceTheProgramEnded) {
  Stream s;
  s.go(1, 0, "main");
  s.add(EventKind::GoStart, 1);
  s.add(EventKind::ObjMake, 1, 1, 0, static_cast<uint8_t>(goro::ObjKind::Chan), s.text("results"));
  s.go(2, 1, "worker");
  s.add(EventKind::GoStart, 2);
  s.add(EventKind::GoPark, 2, 1, 0, static_cast<uint8_t>(goro::WaitReason::ChanReceive), 0, 12);
  s.go(3, 1, "sleeper");
  s.add(EventKind::GoStart, 3);
  s.add(EventKind::GoPark, 3, 0, 0, static_cast<uint8_t>(goro::WaitReason::Sleep));
  s.go(4, 1, "done");
  s.add(EventKind::GoStart, 4);
  s.add(EventKind::GoEnd, 4);
  EXPECT_TRUE(goro::visual::leaks(s.m).empty());  // still running: nothing leaked yet
  s.add(EventKind::Exit, 0, 0, 2, static_cast<uint8_t>(goro::ExitStatus::Ok));
  auto leaks = goro::visual::leaks(s.m);
  ASSERT_EQ(leaks.size(), 2u);
  EXPECT_EQ(goro::visual::leak_text(leaks[0]), "worker (2): line 12, chan receive on results");
  EXPECT_EQ(goro::visual::leak_text(leaks[1]), "sleeper (3): sleep");
  EXPECT_EQ(leaks.size(), s.m.leaked());
  ASSERT_EQ(goro::visual::leaks(s.m, 1).size(), 1u);  // the first few, for a panel
  EXPECT_EQ(goro::visual::leaks(s.m, 1)[0].g, 2u);
}

TEST(RunEnd, SaysWhatTheRunEndedWithOnceItEnded) {
  using Tone = goro::visual::EndLine::Tone;
  Stream s;
  s.go(1, 0, "main");
  s.add(EventKind::GoStart, 1);
  s.add(EventKind::ObjMake, 1, 1, 0, static_cast<uint8_t>(goro::ObjKind::Chan), s.text("results"));
  s.go(2, 1, "worker");
  s.add(EventKind::GoStart, 2);
  s.add(EventKind::GoPark, 2, 1, 0, static_cast<uint8_t>(goro::WaitReason::ChanReceive), 0, 12);
  EXPECT_TRUE(goro::visual::run_end(s.m, -1, 10).empty());  // still running
  s.add(EventKind::Exit, 0, 0, 1, static_cast<uint8_t>(goro::ExitStatus::Ok));
  auto end = goro::visual::run_end(s.m, -1, 10);
  ASSERT_EQ(end.size(), 2u);
  EXPECT_EQ(end[0].text, "1 goroutine leaked: still blocked or unfinished when main returned.");
  EXPECT_EQ(end[0].tone, Tone::Warning);
  EXPECT_EQ(end[1].text, "  worker (2): line 12, chan receive on results");
  EXPECT_EQ(goro::visual::run_end(s.m, -1, 0).size(), 1u);  // the count alone
  auto quit = goro::visual::run_end(s.m, 3, 10);  // os.Exit(3), as go run says it: main did not return
  ASSERT_EQ(quit.size(), 1u);
  EXPECT_EQ(quit[0].text, "exit status 3");
  EXPECT_EQ(quit[0].tone, Tone::Error);
}

TEST(Leaks, TheGoroutineLeakProgram) {
  goroscope::RunSpec spec{goroscope::find_scenario("goroutine_leak"), {}, {}};
  spec.params = spec.scenario->defaults();
  goroscope::Session s(spec);
  for (;;) {
    bool was_done = s.done();
    if (s.pump().empty()) {
      if (was_done) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  auto leaks = goro::visual::leaks(s.model());
  ASSERT_EQ(leaks.size(), 1u);
  EXPECT_EQ(leaks[0].where.rfind("chan receive", 0), 0u) << leaks[0].where;
  EXPECT_GT(leaks[0].line, 0u);  // the Go program's line it waits on
}

TEST(VariableLayout, OnlyASharedAndWrittenVariableOfItsOwnGetsABox) {
  // The worker pool's extras, by hand: numJobs read by two goroutines, never written; the
  // variable jobs of the channel jobs, and wg of the WaitGroup wg, and sc.mu of the Mutex mu,
  // written and read by two; a job's field only one worker touched; and counter, written by two.
  Stream s;
  constexpr uint8_t kVar = static_cast<uint8_t>(goro::ObjKind::Var);
  s.go(1, 0, "main");
  s.add(EventKind::GoStart, 1);
  s.go(2, 1, "worker");
  s.add(EventKind::ObjMake, 1, 1, 4, static_cast<uint8_t>(goro::ObjKind::Chan), s.text("jobs"));
  s.add(EventKind::ObjMake, 1, 2, 0, static_cast<uint8_t>(goro::ObjKind::WaitGroup), s.text("wg"));
  s.add(EventKind::ObjMake, 1, 3, 0, static_cast<uint8_t>(goro::ObjKind::Mutex), s.text("mu"));
  const char* names[] = {"numJobs", "jobs", "wg", "sc.mu", "job.ID", "counter"};
  for (uint32_t i = 0; i < 6; i++) s.add(EventKind::ObjMake, 1, 4 + i, 0, kVar, s.text(names[i]));
  auto access = [&](uint64_t g, uint32_t var, bool write) { s.add(EventKind::VarAccess, g, var, 0, write); };
  access(1, 4, false), access(2, 4, false);                                       // numJobs: read only
  for (uint32_t var : {5u, 6u, 7u}) access(1, var, true), access(2, var, false);  // drawn already
  access(2, 8, true), access(2, 8, false);                                        // job.ID: one goroutine
  access(1, 9, true), access(2, 9, true);                                         // counter: shared, written
  LayoutEngine engine;
  Layout L = engine.compute(s.m);
  std::vector<std::string> boxes;
  for (const Node& n : L.nodes)
    if (n.key.kind == NodeKind::Variable) boxes.push_back(n.label);
  EXPECT_EQ(boxes, std::vector<std::string>{"counter"});
  // A race on a variable shows it whatever its name.
  s.add(EventKind::Race, 2, 5, 1, goro::kRaceCurrentWrites, s.text("WARNING: DATA RACE\n"));
  L = engine.compute(s.m);
  EXPECT_TRUE(L.find({NodeKind::Variable, 5}));
}
