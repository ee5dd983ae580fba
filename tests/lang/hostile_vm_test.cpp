// tests/lang/hostile_vm_test.cpp: a Go program is untrusted input. Whatever it does, the VM answers
// as Go's runtime does (a panic or a fatal error with Go's words, exit status 2) and Goroscope
// itself never crashes: a native that calls back into Go without end, a value that contains
// itself, huge widths, counts and sizes, a program over its memory ceiling, a goroutine that
// spins while the program ends. Each at procs 1 and 2.
#include <gtest/gtest.h>

#include "support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace {

using langtest::run_go;

class HostileRun : public ::testing::TestWithParam<int> {};

constexpr const char* kStackOverflow =
    "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow";

// ends_as() checks that the program ended with Go's exit status 2 and this text first.
void ends_as(const langtest::Result& r, const std::string& text) {
  EXPECT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.message.substr(0, text.size()), text) << r.message.substr(0, 400);
}

TEST_P(HostileRun, AnEmptyLoopAsAFunctionsFirstStatementCompiles) {
  auto r = run_go(R"(package main

func spin() {
	for {
	}
}

func wait() {
	for {
	}
	println("never")
}

func main() {
	go spin()
	go wait()
	println("ok")
}
)",
                  GetParam());
  EXPECT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.code, 0);
}

TEST_P(HostileRun, AnErrorMethodThatFormatsItsReceiverOverflowsTheStack) {
  ends_as(run_go(R"(package main

import "fmt"

type E struct{ n int }

func (e *E) Error() string { return fmt.Sprintf("E: %v", e) }

func main() {
	var err error = &E{1}
	fmt.Println(err.Error())
}
)",
                 GetParam()),
          kStackOverflow);
}

TEST_P(HostileRun, AStringMethodThatPrintsItsReceiverOverflowsTheStack) {
  ends_as(run_go(R"(package main

import "fmt"

type T int

func (t T) String() string { return fmt.Sprint(t) }

func main() { fmt.Println(T(1)) }
)",
                 GetParam()),
          kStackOverflow);
}

TEST_P(HostileRun, ASliceOrMapThatContainsItselfOverflowsTheStack) {
#if defined(__SANITIZE_ADDRESS__)
  // A value that contains itself is a reference cycle, never freed (docs/go-subset.md): tell
  // LeakSanitizer, which it can be told on this thread only, where a run at procs 1 runs.
  if (GetParam() != 1) GTEST_SKIP() << "the cycle would be reported as a leak";
  __lsan::ScopedDisabler cycles;
#endif
  ends_as(run_go(R"(package main

import "fmt"

func main() {
	s := []interface{}{1, 2}
	s[0] = s
	fmt.Printf("%v\n", s)
}
)",
                 GetParam()),
          kStackOverflow);
  ends_as(run_go(R"(package main

import "fmt"

func main() {
	m := map[string]interface{}{}
	m["a"] = m
	fmt.Println(m)
}
)",
                 GetParam()),
          kStackOverflow);
}

TEST_P(HostileRun, ASortLessFunctionThatSortsAgainOverflowsTheStack) {
  ends_as(run_go(R"(package main

import (
	"fmt"
	"sort"
)

var s = []int{3, 1, 2}

func less(i, j int) bool {
	sort.Slice(s, less)
	return s[i] < s[j]
}

func main() {
	sort.Slice(s, less)
	fmt.Println(s)
}
)",
                 GetParam()),
          kStackOverflow);
}

TEST_P(HostileRun, EndlessRecursionOverflowsTheStackAndShowsAHundredFrames) {
  auto r = run_go(R"(package main

func f(n int) int { return f(n+1) + 1 }

func main() { println(f(0)) }
)",
                  GetParam());
  ends_as(r, kStackOverflow);
  EXPECT_NE(r.message.find("...additional frames elided..."), std::string::npos);
  EXPECT_LT(r.message.size(), 10000u);
}

TEST_P(HostileRun, WidthsAndPrecisionsAreBoundedAsGoBoundsThem) {
  auto r = run_go(R"(package main

import "fmt"

func main() {
	fmt.Printf("%*d|\n", 2000000000, 1)
	fmt.Printf("%.*d|\n", 2000000000, 1)
	fmt.Printf("%.*d|\n", -1, 1)
	fmt.Printf("%*d|\n", -3, 1)
	fmt.Printf("%*d|\n", uint64(1<<63), 1)
	fmt.Printf("%2000000000d|\n", 1)
	fmt.Println()
	fmt.Printf("%.99999999999999999999f|\n", 1.0)
}
)",
                  GetParam());
  EXPECT_EQ(r.code, 0) << r.message;
  EXPECT_EQ(r.output,
            "%!(BADWIDTH)1|\n%!(BADPREC)1|\n%!(BADPREC)1|\n1  |\n%!(BADWIDTH)1|\n"
            "%!(NOVERB)%!(EXTRA int=1)\n%!(NOVERB)%!(EXTRA float64=1)");
}

TEST_P(HostileRun, HugeCountsAndSizesPanicWithGosWords) {
  ends_as(run_go("package main\n\nimport \"strings\"\n\nfunc main() { println(len(strings.Repeat(\"ab\", "
                 "1<<62))) }\n",
                 GetParam()),
          "panic: strings: Repeat count causes overflow");
  ends_as(
      run_go(
          "package main\n\nfunc main() {\n\tn := 1 << 62\n\tc := make(chan int, n)\n\tprintln(cap(c))\n}\n",
          GetParam()),
      "panic: makechan: size out of range");
  ends_as(run_go("package main\n\nfunc main() {\n\tn := -1\n\tc := make(chan int, n)\n\tprintln(cap(c))\n}\n",
                 GetParam()),
          "panic: makechan: size out of range");
  ends_as(
      run_go("package main\n\nfunc main() {\n\tn := 1 << 62\n\ts := make([]int, n)\n\tprintln(len(s))\n}\n",
             GetParam()),
      "panic: runtime error: makeslice: len out of range");
  ends_as(
      run_go(
          "package main\n\nfunc main() {\n\tn := 1 << 62\n\ts := make([]int, 1, n)\n\tprintln(len(s))\n}\n",
          GetParam()),
      "panic: runtime error: makeslice: cap out of range");
}

// With a ceiling of 64 MiB unless said (set for these tests only), a program that goes over
// it ends as Go's runtime ends when memory runs out.
class Ceiling {
 public:
  explicit Ceiling(int64_t mib = 64) { goroscope::lang::set_max_memory(mib << 20); }
  ~Ceiling() { goroscope::lang::set_max_memory(goroscope::lang::kDefaultMaxMemory); }
};

TEST_P(HostileRun, AProgramOverItsMemoryCeilingRunsOutOfMemory) {
  Ceiling ceiling;
  ends_as(run_go(R"(package main

func main() {
	var s []int
	for {
		s = append(s, 1, 2, 3, 4, 5, 6, 7, 8)
	}
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
  ends_as(run_go("package main\n\nfunc main() {\n\tvar a [1 << 40]byte\n\ta[5] = 1\n\tprintln(a[5])\n}\n",
                 GetParam()),
          "fatal error: runtime: out of memory");
  ends_as(
      run_go("package main\n\nfunc main() {\n\ts := make([]byte, 1<<40)\n\tprintln(len(s))\n}\n", GetParam()),
      "fatal error: runtime: out of memory");
  ends_as(run_go(R"(package main

import "strings"

func main() {
	println(len(strings.Repeat("abcd", 1<<30)))
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
  ends_as(run_go(R"(package main

func main() {
	s := "abcdefgh"
	for {
		s += s
	}
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
}

// Small objects count too: a growing map, a linked list of small structs, many short strings,
// goroutines parked for ever and a deep recursion's value stack each reach the ceiling.
TEST_P(HostileRun, SmallObjectsGoroutinesAndStacksCountAgainstTheCeiling) {
  Ceiling ceiling(16);  // (the command line's least: these fill it with small things, slowly)
  ends_as(run_go(R"(package main

func main() {
	m := map[int]int{}
	for i := 0; ; i++ {
		m[i] = i
	}
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
  ends_as(run_go(R"(package main

type node struct {
	next *node
	v    [4]int
}

func main() {
	var head *node
	for {
		head = &node{next: head}
	}
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
  ends_as(run_go(R"(package main

import "strconv"

func main() {
	var all []string
	for i := 0; ; i++ {
		all = append(all, "a fairly long string that lives outside the small-string buffer "+strconv.Itoa(i))
	}
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
  ends_as(run_go(R"(package main

func main() {
	c := make(chan int)
	for {
		go func() { <-c }()
	}
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
  ends_as(run_go(R"(package main

func deep(n int) int { return deep(n+1) + 1 }

func main() {
	for i := 0; i < 8; i++ {
		go deep(0)
	}
	deep(0)
}
)",
                 GetParam()),
          "fatal error: runtime: out of memory");
}

TEST_P(HostileRun, MemoryGivenBackIsNotCounted) {
  Ceiling ceiling;
  auto r = run_go(R"(package main

func main() {
	total := 0
	for i := 0; i < 64; i++ {
		s := make([]int, 1<<20)
		total += len(s)
	}
	println(total)
}
)",
                  GetParam());
  EXPECT_EQ(r.code, 0) << r.message;
}

// A goroutine that computes without a call or a channel operation is preempted, as Go 1.14+
// preempts it: at procs 1 the others run (here main, waiting for a third goroutine).
TEST(HostileSpin, ASpinningGoroutineIsPreemptedSoOthersRunAtProcs1) {
  auto r = run_go(R"(package main

import "fmt"

func main() {
	x := 0
	go func() {
		for {
			x++
		}
	}()
	ch := make(chan string)
	go func() { ch <- "main still runs" }()
	fmt.Println(<-ch)
}
)",
                  1);
  EXPECT_EQ(r.code, 0) << r.message;
  EXPECT_EQ(r.output, "main still runs\n");
}

// ... and with the real clock a sleeping main wakes while it spins (the issue's program).
TEST(HostileSpin, ASleepingMainWakesWhileAGoroutineSpinsOnTheRealClock) {
  auto c = goroscope::lang::compile(R"(package main

import (
	"fmt"
	"time"
)

func main() {
	x := 0
	go func() {
		for {
			x++
		}
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main still runs")
}
)",
                                    "prog.go");
  ASSERT_NE(c.program, nullptr);
  goro::Config cfg;
  cfg.procs = 1;
  cfg.clock = goro::ClockMode::Real;
  int code = -1;
  goro::Exit e = goroscope::lang::run(*c.program, cfg, nullptr, &code);
  EXPECT_EQ(code, 0) << e.message;
  EXPECT_EQ(e.output, "main still runs\n");
}

TEST(HostileSpin, ASpinningGoroutineStopsWhenTheProgramEnds) {
  ends_as(run_go(R"(package main

func main() {
	done := make(chan bool)
	go func() {
		done <- true
		x := 0
		for {
			x++
		}
	}()
	<-done
	for i := 0; i < 1000; i++ {
	}
	panic("boom")
}
)",
                 1),
          "panic: boom");
}

TEST_P(HostileRun, ASleepOfTheLongestDurationDoesNotOverflowTheClock) {
  auto r = run_go(R"(package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	go func() { time.Sleep(math.MaxInt64) }()
	time.Sleep(time.Millisecond)
	go func() { time.Sleep(math.MaxInt64) }()
	time.Sleep(time.Millisecond)
	fmt.Println("done")
}
)",
                  GetParam());
  EXPECT_EQ(r.code, 0) << r.message;
  EXPECT_EQ(r.output, "done\n");
}

INSTANTIATE_TEST_SUITE_P(Procs, HostileRun, ::testing::Values(1, 2),
                         [](const auto& info) { return "procs" + std::to_string(info.param); });

}  // namespace

namespace {

// A string constant of 64 KiB or more is counted against a run's memory ceiling when a run
// makes it; the compiler makes its constants outside any run, where there is nothing to count.
TEST(HostileCompile, AHugeStringConstantCompilesOutsideARun) {
  std::string big(100000, 'x');
  langtest::Result r = langtest::run_go("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(len(\"" +
                                        big + "\")) }\n");
  EXPECT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "100000\n");
}

}  // namespace
