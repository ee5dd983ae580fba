// tests/lang/lines_test.cpp: where goroutines stand in the source. An interpreted goroutine
// tells the runtime the line it stands on, so each event about it carries that line
// (Event::line), a GoCreate carries the line of its go statement, and the model keeps every
// goroutine's last line; a panic's and a deadlock's goroutine dumps show Go's frames with their
// .go file and line, and `created by` for goroutines that go statements made.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "goro/event_check.hpp"
#include "goro/tap.hpp"
#include "model.hpp"
#include "paused.hpp"
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
    if (e.g == 1 && (e.kind == goro::EventKind::ChanSend || e.kind == goro::EventKind::ChanHandoff ||
                     park(goro::WaitReason::ChanSend))) {
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

TEST(Tracebacks, APanicShowsEachFrameWithItsLine) {
  auto r = langtest::run_go(R"(package main

import "fmt"

func at(s []int, i int) int {
	return s[i]
}

func main() {
	s := []int{1, 2, 3}
	fmt.Println(at(s, 5))
}
)");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.message,
            "panic: runtime error: index out of range [5] with length 3\n\n"
            "goroutine 1 [running]:\n"
            "main.at(...)\n\tprog.go:6\n"
            "main.main()\n\tprog.go:11\n");
}

TEST(Tracebacks, APanicInADeferredCallAndAGoroutineSayWhereTheyBegan) {
  auto r = langtest::run_go(R"(package main

import "time"

func work(n int) {
	defer func() {
		panic("again")
	}()
	var m map[string]int
	m["x"] = n
}

func main() {
	go work(1)
	time.Sleep(time.Second)
}
)");
  EXPECT_EQ(r.code, 2);
  // The last panic's frames: the deferred function, called while work unwinds; then the go
  // statement that made the goroutine.
  EXPECT_NE(r.message.find("goroutine 2 [running]:\nmain.work.func1()\n\tprog.go:7\n"), std::string::npos)
      << r.message;
  EXPECT_NE(r.message.find("created by main.main\n\tprog.go:14\n"), std::string::npos) << r.message;
}

TEST(Tracebacks, ADeadlockShowsEveryGoroutineWhereItWaits) {
  auto r = langtest::run_go(R"(package main

func worker(ch chan int) {
	ch <- 1
	ch <- 2
}

func main() {
	ch := make(chan int)
	go worker(ch)
	<-ch
	var never chan bool
	<-never
}
)");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.message,
            "fatal error: all goroutines are asleep - deadlock!\n\n"
            "goroutine 1 [chan receive (nil chan)]:\n"
            "main.main()\n\tprog.go:13\n\n"
            "goroutine 2 [chan send]:\n"
            "main.worker(...)\n\tprog.go:5\n"
            "created by main.main\n\tprog.go:10\n");
}

TEST(Output, PrintAndPrintlnWriteToStandardError) {
  auto c = goroscope::lang::compile(R"(package main

import "fmt"

func main() {
	fmt.Println("out")
	println("err", 1, true)
	print("x", "y\n")
}
)",
                                    "prog.go");
  ASSERT_TRUE(c.program) << langtest::join(c.errors);
  goro::Exit e = goroscope::lang::run(*c.program, goro::Config{}, nullptr, nullptr);
  EXPECT_EQ(e.output, "out\n");
  EXPECT_EQ(e.errors, "err 1 true\nxy\n");
}

INSTANTIATE_TEST_SUITE_P(Procs, Lines, ::testing::Values(1, 2));

}  // namespace

namespace {

const char* kLoop = R"(package main

import "fmt"

func worker(id int, out chan<- int) {
	for i := 0; i < 3; i++ {
		out <- id*10 + i
	}
}

func main() {
	out := make(chan int)
	go worker(1, out)
	for i := 0; i < 3; i++ {
		fmt.Println(<-out)
	}
}
)";

using langtest::Paused;

TEST(Breakpoints, TheRunPausesWhenAGoroutineArrivesAtTheLine) {
  Paused p(kLoop);
  ASSERT_TRUE(p.prog);
  p.ctl.set_breakpoints({7});
  p.start();
  ASSERT_TRUE(p.wait()) << "the worker reaches `out <- ...`";
  goro::Control::LineStop at = p.ctl.last_line_stop();
  EXPECT_EQ(at.line, 7u);
  EXPECT_EQ(at.g, 2u);
  EXPECT_TRUE(at.breakpoint);
  EXPECT_EQ(p.ctl.line_stops(), 1u);
  // Go on: the worker stays on that line (its only line with events), so it does not arrive
  // again; the program ends.
  p.ctl.resume();
  EXPECT_FALSE(p.wait());
  EXPECT_EQ(p.ctl.line_stops(), 1u);
}

TEST(Breakpoints, StepLineStopsAtTheGoroutinesNextLine) {
  Paused p(kLoop);
  ASSERT_TRUE(p.prog);
  p.ctl.pause();
  p.start();
  ASSERT_TRUE(p.wait());
  p.ctl.step_line(1, 0);  // main, from nowhere yet: its first line with an event
  ASSERT_TRUE(p.wait());
  EXPECT_EQ(p.ctl.last_line_stop().line, 12u) << "out := make(chan int)";
  EXPECT_FALSE(p.ctl.last_line_stop().breakpoint);
  p.ctl.step_line(1, 12);
  ASSERT_TRUE(p.wait());
  EXPECT_EQ(p.ctl.last_line_stop().g, 1u);
  EXPECT_EQ(p.ctl.last_line_stop().line, 15u) << "main waits in <-out";
  EXPECT_EQ(p.ctl.line_stops(), 2u);
}

// A line where a goroutine only computes has no events: line marks (CompileOptions::lines)
// make it a place to stop, at every statement that starts there, in loops too.
const char* kCompute = R"(package main

import "fmt"

func sum(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += i
	}
	return t
}

func main() {
	a := sum(3)
	b := a * 2
	fmt.Println(a, b)
}
)";

TEST(LineMarks, ABreakpointOnALineWithoutEventsStopsEachTimeAStatementStartsThere) {
  Paused p(kCompute, true);
  ASSERT_TRUE(p.prog);
  p.ctl.set_breakpoints({8});  // t += i
  p.start();
  for (int k = 1; k <= 3; k++) {
    ASSERT_TRUE(p.wait()) << "iteration " << k;
    EXPECT_EQ(p.ctl.line_stops(), static_cast<uint64_t>(k));
    EXPECT_EQ(p.ctl.last_line_stop().line, 8u);
    EXPECT_TRUE(p.ctl.last_line_stop().breakpoint);
    ASSERT_FALSE(p.seen.empty());
    EXPECT_EQ(p.seen.back().kind, goro::EventKind::GoLine);
    EXPECT_EQ(p.seen.back().line, 8u);
    EXPECT_EQ(p.seen.back().g, 1u);
    p.ctl.resume();
  }
  EXPECT_FALSE(p.wait()) << "the loop ran three times: no fourth stop";
  EXPECT_EQ(p.ctl.line_stops(), 3u);
  goro::EventCheck check(1 << 20);
  for (const goro::Event& e : p.seen) EXPECT_TRUE(check.check(e)) << check.problem();
}

TEST(LineMarks, WithoutThemThatLineIsPassedUnseen) {
  Paused p(kCompute, false);
  ASSERT_TRUE(p.prog);
  p.ctl.set_breakpoints({8});
  p.start();
  EXPECT_FALSE(p.wait());
  EXPECT_EQ(p.ctl.line_stops(), 0u);
  for (const goro::Event& e : p.seen) EXPECT_NE(e.kind, goro::EventKind::GoLine);
}

TEST(LineMarks, StepLineGoesStatementByStatementIntoCalls) {
  Paused p(kCompute, true);
  ASSERT_TRUE(p.prog);
  p.ctl.set_breakpoints({14});  // a := sum(3)
  p.start();
  ASSERT_TRUE(p.wait());
  p.ctl.set_breakpoints({});
  std::vector<uint32_t> lines;
  uint32_t at = 14;
  for (int k = 0; k < 5; k++) {
    p.ctl.step_line(1, at);
    ASSERT_TRUE(p.wait());
    at = p.ctl.last_line_stop().line;
    lines.push_back(at);
  }
  // into sum: t := 0, the loop's init, its body, its post statement, the body again
  EXPECT_EQ(lines, (std::vector<uint32_t>{6, 7, 8, 7, 8}));
}

// Holding the others: main yields with another goroutine ready; held, it goes on at once.
const char* kYield = R"(package main

import (
	"fmt"
	"runtime"
)

func other() {
	fmt.Println("other")
}

func main() {
	go other()
	runtime.Gosched()
	fmt.Println("main")
}
)";

bool ran(const std::vector<goro::Event>& evs, uint64_t g) {
  for (const goro::Event& e : evs)
    if (e.kind == goro::EventKind::GoStart && e.g == g) return true;
  return false;
}

TEST(LineMarks, StepLineHoldingTheOthersRunsOnlyTheSteppedGoroutine) {
  for (bool hold : {true, false}) {
    Paused p(kYield, true);
    ASSERT_TRUE(p.prog);
    p.ctl.set_breakpoints({14});  // runtime.Gosched()
    p.start();
    ASSERT_TRUE(p.wait());
    p.ctl.set_breakpoints({});
    ASSERT_FALSE(ran(p.seen, 2));
    p.ctl.step_line(1, 14, hold);
    ASSERT_TRUE(p.wait());
    EXPECT_EQ(p.ctl.last_line_stop().line, 15u);
    EXPECT_EQ(ran(p.seen, 2), !hold) << (hold ? "held: other waits" : "not held: other runs at the yield");
  }
}

}  // namespace
