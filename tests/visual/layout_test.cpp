// tests/visual/layout_test.cpp: the diagram's layout without a window: left-to-right flow order,
// no overlaps, grouping of many goroutines, pins, edges learned from the events (the
// article's), routes that go around boxes, and nodes that hold still across a replay's frames
// and a live run.
#include "layout.hpp"

#include <cmath>
#include <random>
#include <set>

#include "app_support.hpp"
#include "replay.hpp"
#include "views.hpp"

using goro::visual::EdgeKind;
using goro::visual::LayoutEngine;
using goro::visual::Node;
using goro::visual::NodeKind;

namespace {

bool overlap(const Node& a, const Node& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

void expect_no_overlaps(const goro::visual::Layout& L) {
  for (size_t i = 0; i < L.nodes.size(); i++)
    for (size_t j = i + 1; j < L.nodes.size(); j++)
      EXPECT_FALSE(overlap(L.nodes[i], L.nodes[j])) << L.nodes[i].label << " overlaps " << L.nodes[j].label;
}

const Node& by_label(const goro::visual::Layout& L, const std::string& label) {
  for (const Node& n : L.nodes)
    if (n.label == label) return n;
  ADD_FAILURE() << "no node " << label;
  return L.nodes.front();
}

}  // namespace

size_t count_edges(const goro::visual::Layout& L, EdgeKind k, const std::string& from = "",
                   const std::string& to = "") {
  size_t n = 0;
  for (const auto& e : L.edges)
    if (e.kind == k && (from.empty() || L.nodes[e.from].label == from) &&
        (to.empty() || L.nodes[e.to].label == to))
      n++;
  return n;
}

TEST(Layout, WorkerPoolReadsLeftToRightWithTheArticlesEdges) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  LayoutEngine engine;
  auto L = engine.compute(s->model());
  expect_no_overlaps(L);
  const Node &sender = by_label(L, "main.func1"), &jobs = by_label(L, "jobs"), &w1 = by_label(L, "worker 1"),
             &results = by_label(L, "results"), &main = by_label(L, "main"), &wg = by_label(L, "wg");
  EXPECT_LT(sender.x, jobs.x);
  EXPECT_LT(jobs.x, w1.x);
  EXPECT_LT(w1.x, results.x);
  EXPECT_LT(results.x, main.x);
  EXPECT_EQ(by_label(L, "worker 2").x, w1.x);  // the workers share a column
  EXPECT_LT(w1.y, by_label(L, "worker 2").y);  // in id order
  // The WaitGroup sits between the workers that count it down and main that waits on it.
  EXPECT_LT(w1.x, wg.x);
  EXPECT_LT(wg.x, main.x);
  // The article's edges: main -> jobs (here "main.func1"), jobs -> each worker, each worker ->
  // results, results -> main; each worker -.-> wg (Done), main -.-> wg (Add), wg -> main.
  EXPECT_EQ(count_edges(L, EdgeKind::Send, "main.func1", "jobs"), 1u);
  EXPECT_EQ(count_edges(L, EdgeKind::Recv, "jobs"), 3u);
  EXPECT_EQ(count_edges(L, EdgeKind::Send, "", "results"), 3u);
  EXPECT_EQ(count_edges(L, EdgeKind::Recv, "results", "main"), 1u);
  EXPECT_EQ(count_edges(L, EdgeKind::Done, "", "wg"), 3u);
  EXPECT_EQ(count_edges(L, EdgeKind::Done, "worker 2", "wg"), 1u);
  EXPECT_EQ(count_edges(L, EdgeKind::Add, "main", "wg"), 1u);
  EXPECT_EQ(count_edges(L, EdgeKind::Wait, "wg", "main"), 1u);
  EXPECT_EQ(L.edges.size(), 13u);
  for (const auto& e : L.edges)
    EXPECT_GT(e.count, 0u) << L.nodes[e.from].label << " -> " << L.nodes[e.to].label;
}

// A route's curve, sampled: each piece leaves and arrives horizontally (as the view draws it).
std::vector<goro::visual::Point> sample(const std::vector<goro::visual::Point>& r) {
  std::vector<goro::visual::Point> out;
  for (size_t i = 0; i + 1 < r.size(); i++) {
    auto a = r[i], b = r[i + 1];
    float dx = (b.x - a.x) / 2;
    for (int k = 0; k <= 20; k++) {
      float t = static_cast<float>(k) / 20, u = 1 - t;
      float x = u * u * u * a.x + 3 * u * u * t * (a.x + dx) + 3 * u * t * t * (b.x - dx) + t * t * t * b.x;
      float y = u * u * u * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * b.y;
      out.push_back({x, y});
    }
  }
  return out;
}

void expect_routes_avoid_boxes(const goro::visual::Layout& L) {
  for (const auto& e : L.edges) {
    ASSERT_GE(e.route.size(), 2u);
    for (auto p : sample(e.route))
      for (size_t j = 0; j < L.nodes.size(); j++) {
        if (j == e.from || j == e.to) continue;
        const Node& n = L.nodes[j];
        EXPECT_FALSE(p.x > n.x + 1 && p.x < n.x + n.w - 1 && p.y > n.y + 1 && p.y < n.y + n.h - 1)
            << L.nodes[e.from].label << " -> " << L.nodes[e.to].label << " crosses " << n.label;
      }
  }
}

TEST(Layout, EdgesRouteAroundBoxes) {
  for (const char* name : {"worker_pool", "channels_workers", "select", "mutex_counter", "once", "waitgroup",
                           "goroutine_leak", "context_timeout"}) {
    SCOPED_TRACE(name);
    const goroscope::Scenario* sc = goroscope::find_scenario(name);
    ASSERT_TRUE(sc);
    auto s = run_session(*sc);
    LayoutEngine engine;
    auto L = engine.compute(s->model());
    expect_no_overlaps(L);
    expect_routes_avoid_boxes(L);
  }
}

namespace {

goroscope::RunSpec worker_pool_spec() {
  const goroscope::Scenario* sc = goroscope::find_scenario("worker_pool");
  goroscope::RunSpec spec{sc, sc->defaults(), {}};
  spec.params.values["numWorkers"] = 8;
  spec.params.values["numJobs"] = 20;  // the capacity of jobs and results too
  spec.params.values["workMs"] = 2;
  return spec;
}

std::map<goro::visual::NodeKey, std::pair<float, float>> places(const goro::visual::Layout& L) {
  std::map<goro::visual::NodeKey, std::pair<float, float>> p;
  for (const Node& n : L.nodes) p[n.key] = {n.x, n.y};
  return p;
}

}  // namespace

TEST(Layout, ReplayFramesHoldStill) {
  std::string path = ::testing::TempDir() + "layout-worker-pool.gorec";
  {
    goroscope::Session s(worker_pool_spec(), path);
    while (!s.done() || !s.pump().empty()) s.pump();
  }
  goroscope::Replay r(path);
  ASSERT_GT(r.size(), 100u);
  r.wait_indexed();  // the last state is known once the replay is indexed
  ASSERT_NE(r.final_model(), nullptr);
  LayoutEngine engine;
  engine.plan(*r.final_model());
  auto last = places(engine.compute(*r.final_model()));
  ASSERT_EQ(last.size(), 8u + 2 + 3);  // 8 workers, main, main.func1 (sends the jobs); jobs, results, wg
  std::mt19937 rng(7);
  std::vector<size_t> cursors;
  for (size_t i = 0; i <= r.size(); i += 5) cursors.push_back(i);
  for (int i = 0; i < 40; i++) cursors.push_back(rng() % (r.size() + 1));  // seeks back and forth
  cursors.push_back(23), cursors.push_back(104), cursors.push_back(23);
  size_t compared = 0;
  for (size_t c : cursors) {
    r.seek(c);
    auto L = engine.compute(r.model());
    for (const Node& n : L.nodes) {
      auto it = last.find(n.key);
      ASSERT_NE(it, last.end()) << n.label << " is not in the last frame";
      EXPECT_EQ(n.x, it->second.first) << n.label << " at event " << c;
      EXPECT_EQ(n.y, it->second.second) << n.label << " at event " << c;
      compared++;
    }
    // Every edge the run will draw is there from the start (faint until it carries something).
    if (L.nodes.size() == last.size()) {
      EXPECT_EQ(L.edges.size(), 8u * 3 + 4) << c;
    }
  }
  EXPECT_GT(compared, 1000u);
  // Laid out afresh at an early moment: the planned picture again, not the early one's.
  r.seek(40);
  engine.pin(goro::visual::NodeKey{goro::visual::NodeKind::Goroutine, 1}, 5, 5);
  engine.unpin_all();
  engine.relayout();
  for (const Node& n : engine.compute(r.model()).nodes) {
    EXPECT_EQ(n.x, last.at(n.key).first) << n.label;
    EXPECT_EQ(n.y, last.at(n.key).second) << n.label;
  }
}

TEST(Layout, LiveRunHoldsStillAndMatchesTheReplay) {
  goroscope::RunSpec spec = worker_pool_spec();
  LayoutEngine engine;
  engine.plan(goroscope::rehearse(spec, SIZE_MAX,
                                  std::chrono::minutes(5)));  // the whole run, however slow the machine
  goroscope::Session s(spec, "", true);
  std::map<goro::visual::NodeKey, std::pair<float, float>> first;
  size_t frames = 0;
  for (;;) {  // one event at a time: a frame after each
    bool was_done = s.done();
    if (s.pump().empty()) {
      if (was_done) break;
      s.control().step();
      std::this_thread::yield();
      continue;
    }
    auto L = engine.compute(s.model());
    frames++;
    for (const Node& n : L.nodes) {
      auto [it, fresh] = first.try_emplace(n.key, n.x, n.y);
      EXPECT_EQ(n.x, it->second.first) << n.label;
      EXPECT_EQ(n.y, it->second.second) << n.label;
    }
  }
  EXPECT_GT(frames, 100u);
  // The same program and parameters give the same picture live and in replay.
  LayoutEngine replay_engine;
  replay_engine.plan(s.model());
  EXPECT_EQ(places(replay_engine.compute(s.model())), first);
}

TEST(Layout, WithoutAPlanNewNodesNeverMoveOldOnes) {
  goroscope::RunSpec spec = worker_pool_spec();
  LayoutEngine engine;
  goroscope::Session s(spec, "", true);
  std::map<goro::visual::NodeKey, std::pair<float, float>> first;
  for (;;) {  // one event at a time: a frame after each
    bool was_done = s.done();
    if (s.pump().empty()) {
      if (was_done) break;
      s.control().step();
      std::this_thread::yield();
      continue;
    }
    auto L = engine.compute(s.model());
    expect_no_overlaps(L);
    std::set<size_t> with_edges;  // a node keeps its place from its first edge on
    for (const auto& e : L.edges) with_edges.insert(e.from), with_edges.insert(e.to);
    for (const Node& n : L.nodes) {
      if (!with_edges.count(static_cast<size_t>(&n - L.nodes.data()))) continue;
      auto [it, fresh] = first.try_emplace(n.key, n.x, n.y);
      EXPECT_EQ(n.x, it->second.first) << n.label;
      EXPECT_EQ(n.y, it->second.second) << n.label;
    }
  }
  EXPECT_EQ(first.size(), 13u);
  // Laid out afresh when asked: the article's order again.
  engine.relayout();
  auto L = engine.compute(s.model());
  EXPECT_LT(by_label(L, "results").x, by_label(L, "main").x);
}

// A live run of the million program plans from a rehearsal cut short (the window's: it never
// reaches the pool); the pool's workers come later, and each, from its first receive, sits
// right of `jobs`, in one column, and stays there.
TEST(Layout, APoolThatGrowsAfterThePlanSitsRightOfItsChannel) {
  const goroscope::Scenario& sc = *goroscope::find_scenario("million");
  goroscope::RunSpec spec{&sc, small(sc), {}};
  LayoutEngine engine;
  engine.plan(goroscope::rehearse(spec, 2000));
  goroscope::Session s(spec);
  goro::visual::Layout L;
  std::map<goro::visual::NodeKey, std::pair<float, float>> placed;  // workers, from their first edge
  for (;;) {
    bool was_done = s.done();
    if (s.pump().empty()) {
      if (was_done) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      continue;
    }
    L = engine.compute(s.model());
    for (const auto& e : L.edges) {
      const Node& n = L.nodes[e.to];
      if (e.kind != EdgeKind::Recv || n.label != "main.func2") continue;
      auto [it, fresh] = placed.try_emplace(n.key, n.x, n.y);
      EXPECT_EQ(n.x, it->second.first) << "a worker stays where its first receive put it";
      EXPECT_EQ(n.y, it->second.second);
    }
  }
  L = engine.compute(s.model());
  expect_no_overlaps(L);
  const Node& jobs = by_label(L, "jobs");
  size_t workers = 0;
  float column = -1;
  for (const Node& n : L.nodes) {
    if (n.label != "main.func2") continue;
    workers++;
    EXPECT_GE(n.x, jobs.x + jobs.w) << "every worker right of jobs";
    if (column < 0) column = n.x;
    EXPECT_EQ(n.x, column) << "the workers in one column";
  }
  EXPECT_EQ(workers, 8u);
}

TEST(Layout, ManyGoroutinesBecomeOneGroup) {
  auto s = run_session(*goroscope::find_scenario("million"));  // n = 20000 here
  LayoutEngine engine;
  auto L = engine.compute(s->model());
  expect_no_overlaps(L);
  const Node* group = nullptr;
  size_t singles = 0;
  for (const Node& n : L.nodes) {
    if (n.key.kind == NodeKind::Group && n.label == "main.func1") group = &n;  // go func(i int) {...}(i)
    if (n.key.kind == NodeKind::Goroutine) singles++;
  }
  ASSERT_TRUE(group);
  EXPECT_EQ(group->members, 20000u);
  EXPECT_EQ(group->by_state[static_cast<size_t>(goro::visual::GState::Finished)], 20000u);
  EXPECT_LE(singles, 10u);  // main and the 8 pool workers stay single
  EXPECT_LT(L.nodes.size(), 20u);
}

TEST(Layout, PositionsAreStableAndPinsHold) {
  auto s = run_session(*goroscope::find_scenario("channels_workers"));
  LayoutEngine engine;
  auto a = engine.compute(s->model());
  auto b = engine.compute(s->model());
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < a.nodes.size(); i++) {
    EXPECT_EQ(a.nodes[i].x, b.nodes[i].x);
    EXPECT_EQ(a.nodes[i].y, b.nodes[i].y);
  }
  engine.pin(a.nodes[0].key, 1234, 567);
  auto c = engine.compute(s->model());
  EXPECT_EQ(c.find(a.nodes[0].key)->x, 1234);
  EXPECT_EQ(c.find(a.nodes[0].key)->y, 567);
  engine.unpin_all();
  EXPECT_EQ(engine.compute(s->model()).find(a.nodes[0].key)->x, a.nodes[0].x);
}

TEST(Layout, DeadlockShowsTheWaitingFlow) {
  auto s = run_session(*goroscope::find_scenario("deadlock"));
  LayoutEngine engine;
  auto L = engine.compute(s->model());
  ASSERT_EQ(L.edges.size(), 1u);  // main waits to send on ch: no transfer, still drawn
  EXPECT_EQ(L.edges[0].kind, EdgeKind::Send);
  EXPECT_EQ(L.edges[0].count, 0u);
  EXPECT_LT(by_label(L, "main").x, by_label(L, "ch").x);
}

TEST(Layout, BaseNamesDropTheNumber) {
  EXPECT_EQ(goro::visual::base_name("worker 12"), "worker");
  EXPECT_EQ(goro::visual::base_name("pool worker 3"), "pool worker");
  EXPECT_EQ(goro::visual::base_name("task"), "task");
  EXPECT_EQ(goro::visual::base_name("42"), "42");
  EXPECT_EQ(goro::visual::base_name("main.func2"), "main.func2");  // Go's name: not a number
  EXPECT_EQ(goro::visual::base_name("worker #3"), "worker");
}

TEST(Layout, ConcernsPicksTheEventsAboutANode) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  LayoutEngine engine;
  auto L = engine.compute(s->model());
  const Node& jobs = by_label(L, "jobs");
  size_t sends = 0, closes = 0, others = 0;
  for (const auto& e : s->events()) {
    if (!goro::visual::concerns(e, jobs.key, L)) continue;
    if (e.kind == goro::EventKind::ChanSend)
      sends++;
    else if (e.kind == goro::EventKind::ChanClose)
      closes++;
    else if (e.obj != jobs.key.id)
      others++;
  }
  EXPECT_EQ(sends, 10u);
  EXPECT_EQ(closes, 1u);
  EXPECT_EQ(others, 0u);
  const Node& w1 = by_label(L, "worker 1");
  size_t mine = 0;
  for (const auto& e : s->events())
    if (goro::visual::concerns(e, w1.key, L)) {
      mine++;
      EXPECT_TRUE(e.g == w1.key.id || static_cast<uint64_t>(e.arg) == w1.key.id);
    }
  EXPECT_GT(mine, 10u);
}

TEST(Layout, ChannelsThatShareANameAreToldApartByNumber) {
  // Go's talks: boring() makes a channel c for each caller, fanIn() one more c.
  static const goroscope::Scenario s =
      goroscope::program_from_source("fanin", "fanin.go", R"(// +build ignore,OMIT

package main

import "fmt"

func boring(msg string) <-chan string {
	c := make(chan string)
	go func() {
		for i := 0; i < 2; i++ {
			c <- fmt.Sprintf("%s %d", msg, i)
		}
	}()
	return c
}

func fanIn(a, b <-chan string) <-chan string {
	c := make(chan string)
	go func() {
		for {
			c <- <-a
		}
	}()
	go func() {
		for {
			c <- <-b
		}
	}()
	return c
}

func main() {
	c := fanIn(boring("Joe"), boring("Ann"))
	for i := 0; i < 4; i++ {
		fmt.Println(<-c)
	}
}
)");
  EXPECT_EQ(s.title, "fanin.go") << "a build constraint is no title";
  auto run = run_session(s);
  std::vector<std::string> names;
  for (const auto& c : run->model().channels()) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"c#1", "c#2", "c#3"}));
  LayoutEngine engine;
  auto L = engine.compute(run->model());
  for (const char* n : {"c#1", "c#2", "c#3"}) EXPECT_EQ(by_label(L, n).key.kind, NodeKind::Channel);
}

// The layout keeps what it gathered from each chunk of goroutines by the chunk's stamp: at any
// moment of a replay, seeking back and forth, its groups, edges and goroutine-to-node answers
// are those a fresh engine computes from nothing.
TEST(Layout, AReplaysLayoutFromKeptChunksIsTheLayoutFromNothing) {
  const goroscope::Scenario& sc = *goroscope::find_scenario("million");
  std::string path = ::testing::TempDir() + "layout-million.gorec";
  {
    goroscope::Session s(goroscope::RunSpec{&sc, small(sc), {}}, path);
    while (!s.done() || !s.pump().empty()) s.pump();
  }
  goroscope::Replay r(path);
  r.wait_indexed();
  ASSERT_GT(r.size(), 10000u);
  LayoutEngine kept;
  std::mt19937 rng(11);
  std::vector<size_t> cursors{r.size(), r.size() / 2, r.size() / 3, r.size(), 1, r.size() / 2};
  for (int i = 0; i < 12; i++) cursors.push_back(rng() % (r.size() + 1));
  size_t groups = 0;
  for (size_t c : cursors) {
    r.seek(c);
    goro::visual::Layout a = kept.compute(r.model());
    LayoutEngine fresh;
    goro::visual::Layout b = fresh.compute(r.model());
    ASSERT_EQ(a.nodes.size(), b.nodes.size()) << "at event " << c;
    for (size_t i = 0; i < a.nodes.size(); i++) {
      const Node &x = a.nodes[i], &y = b.nodes[i];
      EXPECT_EQ(x.key, y.key) << "at event " << c;
      EXPECT_EQ(x.label, y.label);
      EXPECT_EQ(x.members, y.members) << x.label << " at event " << c;
      EXPECT_EQ(x.by_state, y.by_state) << x.label << " at event " << c;
      EXPECT_EQ(x.first_member, y.first_member) << x.label;
      EXPECT_EQ(x.common_wait, y.common_wait) << x.label << " at event " << c;
      groups += x.key.kind == NodeKind::Group && x.members > 0;
    }
    ASSERT_EQ(a.edges.size(), b.edges.size()) << "at event " << c;
    for (size_t i = 0; i < a.edges.size(); i++) {
      EXPECT_EQ(a.nodes[a.edges[i].from].key, b.nodes[b.edges[i].from].key);
      EXPECT_EQ(a.nodes[a.edges[i].to].key, b.nodes[b.edges[i].to].key);
      EXPECT_EQ(a.edges[i].kind, b.edges[i].kind);
      EXPECT_EQ(a.edges[i].count, b.edges[i].count) << "at event " << c;
    }
    // Each group's counts by state, counted from the goroutines themselves.
    std::vector<std::array<size_t, 5>> by_state(a.nodes.size());
    const auto& gs = r.model().goroutines();
    for (uint64_t g = 1; g <= gs.size() + 1; g++) {
      EXPECT_EQ(a.node_of(g), b.node_of(g)) << "goroutine " << g << " at event " << c;
      if (size_t n = a.node_of(g); n != SIZE_MAX && a.nodes[n].key.kind == NodeKind::Group)
        by_state[n][static_cast<size_t>(gs[g - 1].state)]++;
      if (g <= gs.size() && gs[g - 1].timer) {
        EXPECT_EQ(a.node_of(g), SIZE_MAX);
      }
    }
    for (size_t n = 0; n < a.nodes.size(); n++)
      if (a.nodes[n].key.kind == NodeKind::Group) {
        EXPECT_EQ(a.nodes[n].by_state, by_state[n]) << a.nodes[n].label;
      }
  }
  EXPECT_GT(groups, 5u);
}
