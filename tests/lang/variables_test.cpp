// tests/lang/variables_test.cpp: what the inspector shows of an interpreted goroutine: its
// frames' variables in scope at the instruction it stands on (parameters, a range loop's
// variable while it waits at the loop's head, not a variable of a block it is not in),
// package main's variables, and the bounded formatter's text, which never runs the program's
// own methods. Taken at the goroutine's events (a watch) or at once while the run is paused.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "goro/tap.hpp"
#include "paused.hpp"
#include "support.hpp"

namespace {

const char* kPool = R"(package main

import (
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID    int
	Value string
}

type Loud int

func (l Loud) String() string { panic("String must not be called") }

var total = 42
var greeting = "hello"
var seen = map[string]int{"a": 1}
var loud Loud = 3

func worker(id int, jobs <-chan Job, wg *sync.WaitGroup) {
	defer wg.Done()
	for job := range jobs {
		done := job.ID * 2
		fmt.Println(id, job.Value, done)
	}
	after := 1
	fmt.Println(after)
}

func main() {
	jobs := make(chan Job)
	var wg sync.WaitGroup
	wg.Add(1)
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	p := &Job{ID: 9, Value: "nine"}
	var f float64 = 2.5
	go worker(7, jobs, &wg)
	jobs <- Job{ID: 1, Value: "Job1"}
	time.Sleep(time.Hour)
	fmt.Println(len(nums), p.ID, f)
	close(jobs)
	wg.Wait()
}
)";
constexpr uint32_t kSleepLine = 42;  // time.Sleep(time.Hour)

using langtest::Paused;

// find() is the variable `name` of frame `frame` (-1: the package's), or null.
const goro::VarView* find(const goro::Control::VarSnapshot& s, int frame, const std::string& name) {
  for (const goro::VarView& v : s.vars)
    if (v.frame == frame && v.name == name) return &v;
  return nullptr;
}

std::string value_of(const goro::Control::VarSnapshot& s, int frame, const std::string& name) {
  const goro::VarView* v = find(s, frame, name);
  return v ? v->value : "(not listed)";
}

TEST(Variables, AWorkerBlockedOnAReceiveShowsItsParametersAndLoopVariable) {
  Paused p(kPool);
  ASSERT_TRUE(p.prog);
  p.ctl.set_breakpoints({kSleepLine});
  p.start();
  ASSERT_TRUE(p.wait()) << "main reaches time.Sleep once the worker waits for its next job";
  EXPECT_FALSE(p.ctl.variables(2).known) << "not watched: nothing";
  p.ctl.watch_variables(2);
  goro::Control::VarSnapshot s = p.ctl.variables(2);
  ASSERT_TRUE(s.known) << "paused, and the worker is parked: taken at once";
  EXPECT_EQ(s.g, 2u);
  EXPECT_EQ(s.seq, 0u) << "taken on request, not at an event";
  const goro::VarView* id = find(s, 0, "id");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->scope, "main.worker");
  EXPECT_EQ(id->type, "int");
  EXPECT_EQ(id->value, "7");
  const goro::VarView* jobs = find(s, 0, "jobs");
  ASSERT_TRUE(jobs);
  EXPECT_EQ(jobs->type, "<-chan Job");
  EXPECT_EQ(jobs->value, "<-chan Job (0/0)");
  EXPECT_EQ(value_of(s, 0, "wg"), "&{…}");
  const goro::VarView* job = find(s, 0, "job");
  ASSERT_TRUE(job) << "the loop's variable, while the worker waits at the loop's head";
  EXPECT_EQ(job->type, "Job");
  EXPECT_EQ(job->value, "{ID:1 Value:\"Job1\"}");
  EXPECT_FALSE(find(s, 0, "done")) << "the loop body's variable is out of scope at its head";
  EXPECT_FALSE(find(s, 0, "after")) << "declared after the loop";
  // package main's variables; Loud's String would panic, and is never called
  EXPECT_EQ(value_of(s, -1, "total"), "42");
  EXPECT_EQ(value_of(s, -1, "greeting"), "\"hello\"");
  EXPECT_EQ(value_of(s, -1, "seen"), "map[\"a\":1]");
  EXPECT_EQ(value_of(s, -1, "loud"), "3");
  EXPECT_EQ(find(s, -1, "loud")->type, "Loud");
  EXPECT_EQ(find(s, -1, "total")->scope, "package");
}

TEST(Variables, MainHeldAtItsEventShowsItsLocals) {
  Paused p(kPool);
  ASSERT_TRUE(p.prog);
  p.ctl.set_breakpoints({kSleepLine});
  p.start();
  ASSERT_TRUE(p.wait());
  p.ctl.watch_variables(1);
  goro::Control::VarSnapshot s = p.ctl.variables(1);
  ASSERT_TRUE(s.known);
  EXPECT_EQ(value_of(s, 0, "nums"), "[1 2 3 4 5 6 7 8 …]");
  EXPECT_EQ(find(s, 0, "nums")->type, "[]int");
  EXPECT_EQ(value_of(s, 0, "p"), "&{ID:9 Value:\"nine\"}");
  EXPECT_EQ(value_of(s, 0, "f"), "2.5");
  EXPECT_EQ(value_of(s, 0, "jobs"), "chan Job (0/0)");
  EXPECT_EQ(find(s, 0, "jobs")->scope, "main.main");
  for (const goro::VarView& v : s.vars) EXPECT_GE(v.frame, -1);
  EXPECT_FALSE(find(s, 1, "jobs")) << "the program's entry frame is not shown";
}

TEST(Variables, AWatchedGoroutineIsSnapshotAtItsEventsAndForgottenAtItsEnd) {
  Paused p(kPool);
  ASSERT_TRUE(p.prog);
  p.ctl.watch_variables(2);
  p.ctl.set_breakpoints({kSleepLine});
  p.start();
  ASSERT_TRUE(p.wait());
  goro::Control::VarSnapshot s = p.ctl.variables(2);
  ASSERT_TRUE(s.known);
  EXPECT_GT(s.seq, 0u) << "taken at the worker's last event (its wait at the receive)";
  EXPECT_EQ(value_of(s, 0, "job"), "{ID:1 Value:\"Job1\"}");
  p.finish();
  EXPECT_FALSE(p.ctl.variables(2).known) << "the worker ended";
}

TEST(Variables, WithSeveralPsOnlyWhatTheGoroutineAloneReachesIsReadThrough) {
  Paused p(kPool);
  ASSERT_TRUE(p.prog);
  p.ctl.watch_variables(2);
  p.ctl.set_breakpoints({kSleepLine});
  p.start(2);
  ASSERT_TRUE(p.wait());
  // The worker may still be computing on the other P when main pauses the run (a receive that
  // took main's value is main's event): it is snapshot at its next event, where it stops.
  goro::Control::VarSnapshot s;
  for (int i = 0; i < 5000 && !s.known; i++) {
    s = p.ctl.variables(2);
    if (!s.known) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(s.known) << "taken at the worker's events";
  EXPECT_EQ(value_of(s, 0, "id"), "7") << "its own slot";
  EXPECT_EQ(value_of(s, -1, "total"), "42") << "a number is read wherever it is";
  EXPECT_EQ(value_of(s, -1, "greeting"), "…") << "another goroutine could replace the string as it is read";
  // the loop's variable before the first job arrives (its zero value, nobody else's), or after
  std::string job = value_of(s, 0, "job");
  EXPECT_TRUE(job == "{ID:0 Value:\"\"}" || job == "{ID:1 Value:…}") << job;
  p.finish();
}

TEST(Variables, TheFormatterNeverCallsTheProgramsMethods) {
  // A value whose String and Error panic, inside an interface, a struct and a slice.
  const char* src = R"(package main

import "time"

type Bad struct{ N int }

func (b Bad) String() string { panic("String called") }
func (b Bad) Error() string  { panic("Error called") }

type Holder struct {
	B   Bad
	Any interface{}
	E   error
}

func main() {
	h := Holder{B: Bad{1}, Any: Bad{2}, E: Bad{3}}
	list := []Bad{{4}, {5}}
	var e error
	n := 5
	pn := &n
	var nilp *Bad
	var m map[string]int
	var sl []int
	var fn func()
	arr := [3]int{1, 2, 3}
	fl, big, small, mid := 0.1, 1e21, 1.5e-7, 1234567.0
	u8, b := uint8(200), true
	time.Sleep(time.Second)
	_, _, _, _, _, _, _, _, _ = h, list, e, pn, nilp, m, sl, fn, arr
	_, _, _, _, _, _ = fl, big, small, mid, u8, b
}
)";
  Paused p(src);
  ASSERT_TRUE(p.prog);
  p.ctl.watch_variables(1);
  p.ctl.set_breakpoints({29});
  p.start();
  ASSERT_TRUE(p.wait());
  goro::Control::VarSnapshot s = p.ctl.variables(1);
  ASSERT_TRUE(s.known);
  EXPECT_EQ(value_of(s, 0, "h"), "{B:{N:1} Any:{N:2} E:{N:3}}");
  EXPECT_EQ(value_of(s, 0, "list"), "[{N:4} {N:5}]");
  EXPECT_EQ(value_of(s, 0, "e"), "<nil>");
  // the other kinds, as Go's %v writes them (strings quoted, pointers one level deep)
  EXPECT_EQ(value_of(s, 0, "n"), "5") << "a variable whose address is taken lives in a cell";
  EXPECT_EQ(value_of(s, 0, "pn"), "&5");
  EXPECT_EQ(value_of(s, 0, "nilp"), "<nil>");
  EXPECT_EQ(value_of(s, 0, "m"), "map[]");
  EXPECT_EQ(value_of(s, 0, "sl"), "[]");
  EXPECT_EQ(value_of(s, 0, "fn"), "<nil>");
  EXPECT_EQ(value_of(s, 0, "arr"), "[1 2 3]");
  EXPECT_EQ(value_of(s, 0, "fl"), "0.1");
  EXPECT_EQ(value_of(s, 0, "big"), "1e+21");
  EXPECT_EQ(value_of(s, 0, "small"), "1.5e-07");
  EXPECT_EQ(value_of(s, 0, "mid"), "1.234567e+06") << "fmt.Println(1234567.0) says so";
  EXPECT_EQ(value_of(s, 0, "u8"), "200");
  EXPECT_EQ(value_of(s, 0, "b"), "true");
  p.finish();
}

TEST(Variables, ClosuresShowTheVariablesTheyCapture) {
  const char* src = R"(package main

import "time"

func main() {
	counter := 0
	long := "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
	done := make(chan bool)
	go func() {
		counter++
		done <- true
		time.Sleep(time.Second)
		_ = long
	}()
	<-done
	time.Sleep(time.Hour)
}
)";
  Paused p(src);
  ASSERT_TRUE(p.prog);
  p.ctl.watch_variables(2);
  p.ctl.set_breakpoints({16});
  p.start();
  ASSERT_TRUE(p.wait());
  goro::Control::VarSnapshot s = p.ctl.variables(2);
  ASSERT_TRUE(s.known);
  EXPECT_EQ(value_of(s, 0, "counter"), "1");
  EXPECT_EQ(value_of(s, 0, "long"), "\"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh\"…");
  p.finish();
}

}  // namespace
