// tests/layout_test.cpp: the diagram's layout without a window: left-to-right flow order,
// no overlaps, grouping of many goroutines, pins, and edges learned from the events.
#include "layout.hpp"

#include "app_support.hpp"
#include "views.hpp"

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

TEST(Layout, WorkerPoolReadsLeftToRight) {
  auto s = run_session(*goroscope::find_scenario("worker_pool"));
  LayoutEngine engine;
  auto L = engine.compute(s->model());
  expect_no_overlaps(L);
  const Node &sender = by_label(L, "send jobs"), &jobs = by_label(L, "jobs"), &w1 = by_label(L, "worker 1"),
             &results = by_label(L, "results"), &main = by_label(L, "main");
  EXPECT_LT(sender.x, jobs.x);
  EXPECT_LT(jobs.x, w1.x);
  EXPECT_LT(w1.x, results.x);
  EXPECT_LT(results.x, main.x);
  EXPECT_EQ(by_label(L, "worker 2").x, w1.x);  // the workers share a column
  EXPECT_LT(w1.y, by_label(L, "worker 2").y);  // in id order
  // Sync objects sit below the flow.
  const Node& wg = by_label(L, "wg");
  for (const Node& n : L.nodes) {
    if (n.column >= 0) {
      EXPECT_GT(wg.y, n.y);
    }
  }
  // Edges: sender -> jobs, jobs -> each worker, each worker -> results, results -> main.
  size_t sends = 0, recvs = 0;
  for (const auto& e : L.edges) (e.send ? sends : recvs)++;
  EXPECT_EQ(sends, 4u);
  EXPECT_EQ(recvs, 4u);
}

TEST(Layout, ManyGoroutinesBecomeOneGroup) {
  auto s = run_session(*goroscope::find_scenario("million"));  // n = 20000 here
  LayoutEngine engine;
  auto L = engine.compute(s->model());
  expect_no_overlaps(L);
  const Node* group = nullptr;
  size_t singles = 0;
  for (const Node& n : L.nodes) {
    if (n.key.kind == NodeKind::Group && n.label == "task") group = &n;
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
  EXPECT_TRUE(L.edges[0].send);
  EXPECT_EQ(L.edges[0].count, 0u);
  EXPECT_LT(by_label(L, "main").x, by_label(L, "ch").x);
}

TEST(Layout, BaseNamesDropTheNumber) {
  EXPECT_EQ(goro::visual::base_name("worker 12"), "worker");
  EXPECT_EQ(goro::visual::base_name("pool worker 3"), "pool worker");
  EXPECT_EQ(goro::visual::base_name("task"), "task");
  EXPECT_EQ(goro::visual::base_name("42"), "42");
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
