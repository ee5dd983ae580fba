// tests/lang/lines_test.cpp: source lines in events. An interpreted goroutine tells the runtime
// the line it stands on, so each event about it carries that line (Event::line), a GoCreate
// carries the line of its go statement, and the model keeps every goroutine's last line.
#include <gtest/gtest.h>

#include "goro/tap.hpp"
#include "model.hpp"
#include "support.hpp"

namespace {

const char* kProgram = R"(package main

import "fmt"

func worker(ch chan int, done chan bool) {
	v := <-ch
	fmt.Println(v)
	done <- true
}

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go worker(ch, done)
	ch <- 1
	<-done
}
)";

struct Traced {
  std::vector<goro::Event> events;
  std::vector<std::string> strings{std::string()};
};

Traced trace(const char* src, int procs) {
  auto c = goroscope::lang::compile(src, "prog.go");
  EXPECT_TRUE(c.program) << langtest::join(c.errors);
  goro::Tap tap;
  goro::Config cfg;
  cfg.procs = procs;
  Traced t;
  goro::Observer observer{&tap, nullptr};
  goroscope::lang::run(*c.program, cfg, &observer, nullptr);
  tap.drain(t.events);
  tap.strings(1, t.strings);
  return t;
}

class Lines : public ::testing::TestWithParam<int> {};

TEST_P(Lines, EventsCarryTheLineTheirGoroutineStandsOn) {
  Traced t = trace(kProgram, GetParam());
  bool created = false, main_sends = false, someone_waits_on_done = false, printed = false;
  for (const goro::Event& e : t.events) {
    const auto park = [&](goro::WaitReason r) {
      return e.kind == goro::EventKind::GoPark && (e.aux & ~goro::kValueIsInt) == uint8_t(r);
    };
    if (e.kind == goro::EventKind::GoCreate && e.g == 2) {
      EXPECT_EQ(e.line, 14u) << "a GoCreate carries its go statement's line";
      created = true;
    }
    // main's send on ch (line 15): as a send, a handoff to a waiting worker, or a wait.
    if (e.g == 1 && (e.kind == goro::EventKind::ChanSend || park(goro::WaitReason::ChanSend))) {
      EXPECT_EQ(e.line, 15u) << goro::event_kind_name(e.kind);
      main_sends = true;
    }
    // The worker waits to receive at line 6 (if it runs first).
    if (e.g == 2 && park(goro::WaitReason::ChanReceive)) {
      EXPECT_EQ(e.line, 6u);
    }
    // On done, one of the two waits for the other: main at line 16 or the worker at line 8.
    if (e.g == 1 && park(goro::WaitReason::ChanReceive)) {
      EXPECT_EQ(e.line, 16u);
      someone_waits_on_done = true;
    }
    if (e.g == 2 && park(goro::WaitReason::ChanSend)) {
      EXPECT_EQ(e.line, 8u);
      someone_waits_on_done = true;
    }
    if (e.kind == goro::EventKind::Output) {
      EXPECT_EQ(e.line, 7u);
      printed = true;
    }
  }
  EXPECT_TRUE(created);
  EXPECT_TRUE(main_sends);
  EXPECT_TRUE(printed);
  if (GetParam() == 1) {
    EXPECT_TRUE(someone_waits_on_done) << "one P: the worker runs until it must wait";
  }
}

TEST_P(Lines, TheModelKeepsEachGoroutinesLastLine) {
  Traced t = trace(kProgram, GetParam());
  goro::visual::Model m;
  for (const goro::Event& e : t.events) {
    m.apply(e, t.strings);
    // A goroutine with a line never loses it to an event that does not know it.
    for (const auto& g : m.goroutines())
      if (g.events > 0 && g.state != goro::visual::GState::Runnable) {
        EXPECT_LE(g.line, 16u);
      }
  }
  ASSERT_GE(m.goroutines().size(), 2u);
  EXPECT_EQ(m.goroutine(2)->line, 8u) << "the worker's last act: done <- true";
}

INSTANTIATE_TEST_SUITE_P(Procs, Lines, ::testing::Values(1, 2));

}  // namespace
