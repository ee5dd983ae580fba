// tests/lang/lines_test.cpp: where goroutines stand in the source. An interpreted goroutine
// tells the runtime the line it stands on, so each event about it carries that line
// (Event::line), a GoCreate carries the line of its go statement, and the model keeps every
// goroutine's last line; a panic's and a deadlock's goroutine dumps show Go's frames with their
// .go file and line, and `created by` for goroutines that go statements made.
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
