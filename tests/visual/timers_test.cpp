// tests/visual/timers_test.cpp: time.After, time.Tick and AfterFunc are runtime timers in Go, not
// goroutines: a pipeline whose main selects with a timeout and a ticker shows no timer
// goroutine in the diagram, counts none among the goroutines or the leaks, draws the timer a
// select waits on as a small clock on its channel, and Step goes over a timer's bookkeeping.
#include <gtest/gtest.h>

#include "app_support.hpp"
#include "layout.hpp"
#include "leaks.hpp"
#include "narration.hpp"

namespace {

using goro::visual::Model;
using goro::visual::NodeKind;

const goroscope::Scenario& timeout_pipeline() {
  static const goroscope::Scenario s = goroscope::program_from_source("timeout", "timeout.go", R"(// Timeout
// a pipeline, a ticker and a timeout
package main

import (
	"fmt"
	"time"
)

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
			time.Sleep(10 * time.Millisecond)
		}
		close(out)
	}()
	return out
}

func main() {
	results := gen(6)
	tick := time.Tick(25 * time.Millisecond)
	for done := false; !done; {
		select {
		case v, ok := <-results:
			if !ok {
				done = true
				break
			}
			fmt.Println(v)
		case <-tick:
			fmt.Println("tick")
		case <-time.After(500 * time.Millisecond):
			fmt.Println("timeout")
			done = true
		}
	}
	time.AfterFunc(time.Millisecond, func() { fmt.Println("later") })
	time.Sleep(5 * time.Millisecond)
}
)");
  return s;
}

// recorded() runs the program on the virtual clock, keeping every event.
std::unique_ptr<goroscope::Session> recorded() {
  const goroscope::Scenario& sc = timeout_pipeline();
  goroscope::RunSpec spec{&sc, sc.defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  auto s = std::make_unique<goroscope::Session>(spec);
  for (;;) {
    bool was_done = s->done();
    if (s->pump().empty()) {
      if (was_done) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  return s;
}

TEST(Timers, AreNeitherGoroutinesNorLeaks) {
  auto s = recorded();
  const Model& m = s->model();
  ASSERT_TRUE(m.exited());
  EXPECT_EQ(m.output().substr(0, 2), "1\n");
  EXPECT_NE(m.output().find("later"), std::string::npos);
  size_t timers = 0;
  for (const auto& g : m.goroutines()) timers += g.timer;
  EXPECT_GE(timers, 7u) << "the ticker, one time.After per select, AfterFunc's wait";
  // main, gen's goroutine and AfterFunc's function (a goroutine in Go too)
  EXPECT_EQ(m.program_goroutines(), 3u);
  size_t counted = 0;
  for (auto st :
       {goro::visual::GState::Runnable, goro::visual::GState::Running, goro::visual::GState::Blocked,
        goro::visual::GState::Sleeping, goro::visual::GState::Finished})
    counted += m.count(st);
  EXPECT_EQ(counted, 3u);
  EXPECT_EQ(m.leaked(), 0u) << "pending timers are no leak";
  EXPECT_TRUE(goro::visual::leaks(m).empty());
  EXPECT_GT(m.timers(), 0u) << "the ticker and the unfired time.After still pending at the end";
  // Go's count at the exit takes in the timers still waiting; the narration of the end does not.
  const goro::Event& exit = s->events().back();
  ASSERT_EQ(exit.kind, goro::EventKind::Exit);
  EXPECT_GT(exit.arg, 0);
  EXPECT_EQ(goro::visual::narrate(m, exit, s->strings(), -1, true), "main returned: the program exits");
  // No node for a timer goroutine, at the end nor at any moment; the clock of the timer the
  // select waits on while it waits.
  goro::visual::LayoutEngine engine;
  auto at_end = engine.compute(m);
  for (const auto& n : at_end.nodes)
    EXPECT_NE(n.label.rfind("time.", 0), 0u) << n.label << ": nobody waits on it";
  Model step;
  bool saw_clocks = false;
  goro::visual::LayoutEngine live;
  for (const goro::Event& e : s->events()) {
    step.apply(e, s->strings());
    if (e.kind != goro::EventKind::GoPark || e.g != 1 ||
        goro::visual::park_reason(e) != static_cast<uint8_t>(goro::WaitReason::Select))
      continue;
    auto L = live.compute(step);
    bool after = false, ticker = false;
    for (const auto& n : L.nodes) {
      if (n.key.kind == NodeKind::Goroutine) {
        const goro::visual::Goroutine* g = step.goroutine(n.key.id);
        ASSERT_TRUE(g);
        EXPECT_FALSE(g->timer) << n.label;
      }
      if (n.key.kind == NodeKind::Channel && n.label == "time.After") {
        after = true;
        EXPECT_EQ(n.w, goro::visual::kTimerW) << "a small clock";
      }
      if (n.key.kind == NodeKind::Channel && n.label == "time.Ticker") ticker = true;
    }
    EXPECT_TRUE(after && ticker) << "main waits in select on a time.After and the ticker";
    saw_clocks |= after && ticker;
  }
  EXPECT_TRUE(saw_clocks);
}

TEST(Timers, StepGoesOverTheirBookkeeping) {
  auto s = recorded();
  Model m;
  size_t hidden = 0, fired = 0;
  for (const goro::Event& e : s->events()) {
    m.apply(e, s->strings());
    const goro::visual::Goroutine* g = e.g ? m.goroutine(e.g) : nullptr;
    if (!g || !g->timer) continue;
    bool seen = goro::visual::seen(m, e, s->strings());
    if (e.kind == goro::EventKind::ChanSend || e.kind == goro::EventKind::ChanHandoff) {
      EXPECT_TRUE(seen) << "a timer firing is seen";
      EXPECT_NE(goro::visual::narrate(m, e, s->strings(), -1, true).find("fires"), std::string::npos);
      fired++;
    } else {
      EXPECT_FALSE(seen) << goro::event_kind_name(e.kind) << " of " << g->name;
      hidden++;
    }
  }
  EXPECT_GT(hidden, 10u);
  EXPECT_GT(fired, 0u) << "the ticker fired";
}

}  // namespace
