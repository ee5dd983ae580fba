// tests/lang/race_test.cpp: the race detector on interpreted Go (a program compiled for --race,
// run with goro::Config::race). Each happens-before edge of the Go memory model is a pair of
// small programs, one where the edge orders two accesses (no race) and one where it does not
// (a race), each run at procs 1 and 2 on several seeds; then the article's programs (the data
// race found on every seed, nothing in the others), races on a slice element, a field through
// a pointer and a map, Go's report text, and a program without the checks reporting nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Raced {
  std::shared_ptr<const goroscope::lang::Program> program;  // the reports' sites point into it
  goro::Exit exit;
  int code = 0;
  std::vector<std::string> errors;
};

Raced run_race(const std::string& src, int procs, uint64_t seed, bool race = true,
               const std::string& name = "prog.go") {
  Raced r;
  goroscope::lang::CompileOptions opt;
  opt.race = race;
  auto c = goroscope::lang::compile(src, name, opt);
  if (!c.program) {
    for (const auto& d : c.errors) r.errors.push_back(d.text());
    return r;
  }
  r.program = c.program;
  goro::Config cfg;
  cfg.procs = procs;
  cfg.seed = seed;
  cfg.race = true;
  r.exit = goroscope::lang::run(*c.program, cfg, nullptr, &r.code);
  return r;
}

struct Edge {
  const char* name;
  const char* ordered;    // the edge orders the accesses: no race
  const char* unordered;  // the same accesses without the edge: a race
};

// Each program ends well (exit 0) whether or not it races; `x` is the contested variable.
const Edge kEdges[] = {
    {"go_statement",
     R"(package main

func main() {
	x := 0
	done := make(chan bool)
	x = 1
	go func() {
		x = 2
		done <- true
	}()
	<-done
	println(x)
}
)",
     R"(package main

func main() {
	x := 0
	done := make(chan bool)
	go func() {
		x = 2
		done <- true
	}()
	x = 1
	<-done
	println(x)
}
)"},
    {"unbuffered_send_before_receive",
     R"(package main

func main() {
	x := 0
	ch := make(chan int)
	go func() {
		x = 1
		ch <- 1
	}()
	<-ch
	println(x)
}
)",
     R"(package main

func main() {
	x := 0
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		ch <- 1
		x = 1
		done <- true
	}()
	<-ch
	println(x)
	<-done
}
)"},
    {"unbuffered_receive_before_send_completes",
     R"(package main

func main() {
	x := 0
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		ch <- 1
		println(x)
		done <- true
	}()
	x = 1
	<-ch
	<-done
}
)",
     // the same with a buffer: the send completes without waiting for the receive
     R"(package main

func main() {
	x := 0
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() {
		ch <- 1
		println(x)
		done <- true
	}()
	x = 1
	<-ch
	<-done
}
)"},
    {"buffered_send_before_receive",
     R"(package main

func main() {
	x := 0
	ch := make(chan int, 3)
	go func() {
		x = 1
		ch <- 1
	}()
	<-ch
	println(x)
}
)",
     R"(package main

func main() {
	x := 0
	ch := make(chan int, 3)
	done := make(chan bool)
	go func() {
		ch <- 1
		x = 1
		done <- true
	}()
	<-ch
	println(x)
	<-done
}
)"},
    // the k-th receive from a channel of capacity C is synchronized before the (k+C)-th send
    // completes: a channel of capacity 1 is a lock; of capacity 2 it lets two in at once
    {"kth_receive_before_k_plus_cth_send",
     R"(package main

import "sync"

func main() {
	x := 0
	sem := make(chan int, 1)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- 1
			x++
			<-sem
		}()
	}
	wg.Wait()
	println(x)
}
)",
     R"(package main

import "sync"

func main() {
	x := 0
	sem := make(chan int, 2)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- 1
			x++
			<-sem
		}()
	}
	wg.Wait()
	println(x)
}
)"},
    {"close_before_receive_of_zero",
     R"(package main

func main() {
	x := 0
	ch := make(chan int)
	go func() {
		x = 1
		close(ch)
	}()
	<-ch
	println(x)
}
)",
     R"(package main

func main() {
	x := 0
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		close(ch)
		x = 1
		done <- true
	}()
	<-ch
	println(x)
	<-done
}
)"},
    {"mutex",
     R"(package main

import "sync"

func main() {
	x := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			x++
			mu.Unlock()
		}()
	}
	wg.Wait()
	println(x)
}
)",
     R"(package main

import "sync"

func main() {
	x := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		x++
		mu.Unlock()
	}()
	go func() {
		defer wg.Done()
		x++
	}()
	wg.Wait()
	println(x)
}
)"},
    {"rwmutex",
     R"(package main

import "sync"

func main() {
	x := 0
	var mu sync.RWMutex
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		mu.Lock()
		x++
		mu.Unlock()
	}()
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			mu.RLock()
			println(x)
			mu.RUnlock()
		}()
	}
	wg.Wait()
}
)",
     // two readers that write: RLock does not exclude another RLock
     R"(package main

import "sync"

func main() {
	x := 0
	var mu sync.RWMutex
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			mu.RLock()
			x++
			mu.RUnlock()
		}()
	}
	wg.Wait()
	println(x)
}
)"},
    {"once",
     R"(package main

import "sync"

func main() {
	x := 0
	var once sync.Once
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { x = 42 })
			println(x)
		}()
	}
	wg.Wait()
}
)",
     R"(package main

import "sync"

func main() {
	x := 0
	var once sync.Once
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		once.Do(func() { x = 42 })
	}()
	go func() {
		defer wg.Done()
		println(x)
	}()
	wg.Wait()
}
)"},
    {"waitgroup",
     R"(package main

import "sync"

func main() {
	x := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		x = 1
		wg.Done()
	}()
	wg.Wait()
	println(x)
}
)",
     R"(package main

import (
	"sync"
	"time"
)

func main() {
	x := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Done()
		x = 1
	}()
	wg.Wait()
	println(x)
	time.Sleep(time.Millisecond)
}
)"},
    {"context_cancel",
     R"(package main

import "context"

func main() {
	x := 0
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		x = 1
		cancel()
	}()
	<-ctx.Done()
	println(x)
}
)",
     R"(package main

import (
	"context"
	"time"
)

func main() {
	x := 0
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		cancel()
		x = 1
	}()
	<-ctx.Done()
	println(x)
	time.Sleep(time.Millisecond)
}
)"},
    {"timer_start_before_firing",
     R"(package main

import "time"

func main() {
	x := 0
	done := make(chan bool)
	x = 1
	time.AfterFunc(time.Millisecond, func() {
		println(x)
		done <- true
	})
	<-done
}
)",
     R"(package main

import "time"

func main() {
	x := 0
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() {
		println(x)
		done <- true
	})
	x = 1
	<-done
}
)"},
    // sync/atomic: a store orders what came before it before a load that sees it (Go's
    // detector: a load acquires, a store releases, a read-modify-write does both).
    {"atomic_store_before_load_that_sees_it",
     R"(package main

import (
	"runtime"
	"sync/atomic"
)

func main() {
	x := 0
	var ready int32
	go func() {
		x = 1
		atomic.StoreInt32(&ready, 1)
	}()
	for atomic.LoadInt32(&ready) == 0 {
		runtime.Gosched()
	}
	println(x)
}
)",
     R"(package main

import (
	"runtime"
	"sync/atomic"
)

func main() {
	x := 0
	var ready int32
	go func() {
		atomic.StoreInt32(&ready, 1)
		x = 1
	}()
	for atomic.LoadInt32(&ready) == 0 {
		runtime.Gosched()
	}
	println(x)
}
)"},
    {"atomic_add_orders_the_adders",
     R"(package main

import (
	"runtime"
	"sync/atomic"
)

func main() {
	x := 0
	var turn int64
	go func() {
		x = 1
		atomic.AddInt64(&turn, 1)
	}()
	for !atomic.CompareAndSwapInt64(&turn, 1, 2) {
		runtime.Gosched()
	}
	x = 2
	println(x)
}
)",
     R"(package main

import (
	"runtime"
	"sync/atomic"
)

func main() {
	x := 0
	var turn int64
	go func() {
		atomic.AddInt64(&turn, 1)
		x = 1
	}()
	for !atomic.CompareAndSwapInt64(&turn, 1, 2) {
		runtime.Gosched()
	}
	x = 2
	println(x)
}
)"},
};

class HappensBefore : public ::testing::TestWithParam<Edge> {};

TEST_P(HappensBefore, TheEdgeOrdersTheAccesses) {
  const Edge& e = GetParam();
  for (int procs : {1, 2})
    for (uint64_t seed = 1; seed <= 5; seed++) {
      Raced r = run_race(e.ordered, procs, seed);
      ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
      EXPECT_EQ(r.code, 0) << r.exit.message;
      EXPECT_TRUE(r.exit.races.empty()) << e.name << " procs " << procs << " seed " << seed << "\n"
                                        << (r.exit.races.empty() ? "" : r.exit.races[0].text);
    }
}

TEST_P(HappensBefore, WithoutTheEdgeItIsARace) {
  const Edge& e = GetParam();
  for (int procs : {1, 2})
    for (uint64_t seed = 1; seed <= 5; seed++) {
      Raced r = run_race(e.unordered, procs, seed);
      ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
      EXPECT_EQ(r.code, 0) << r.exit.message;
      ASSERT_EQ(r.exit.races.size(), 1u) << e.name << " procs " << procs << " seed " << seed;
      EXPECT_EQ(r.exit.races[0].variable, "x");
    }
}

INSTANTIATE_TEST_SUITE_P(GoMemoryModel, HappensBefore, ::testing::ValuesIn(kEdges),
                         [](const testing::TestParamInfo<Edge>& i) { return std::string(i.param.name); });

std::string article(const std::string& file) {
  return langtest::read_file(std::string(ASSETS_DIR) + "/programs/" + file);
}

// lines_with() is the 1-based lines of src whose text (without indentation) is `text`.
std::vector<int> lines_with(const std::string& src, const std::string& text) {
  std::vector<int> out;
  std::istringstream in(src);
  std::string l;
  for (int n = 1; std::getline(in, l); n++)
    if (l.substr(std::min(l.find_first_not_of('\t'), l.size())) == text) out.push_back(n);
  return out;
}

TEST(Race, TheArticlesDataRaceIsFoundOnEverySeed) {
  const std::string src = article("13_pitfall_data_race.go");
  const std::vector<int> inc = lines_with(src, "counter++");
  ASSERT_EQ(inc.size(), 2u);
  int lost = 0, kept = 0;
  for (int procs : {1, 2})
    for (uint64_t seed = 1; seed <= 50; seed++) {
      Raced r = run_race(src, procs, seed, true, "13_pitfall_data_race.go");
      ASSERT_EQ(r.exit.races.size(), 1u) << "procs " << procs << " seed " << seed;
      const goro::RaceReport& rep = r.exit.races[0];
      EXPECT_EQ(rep.variable, "counter");
      EXPECT_TRUE(rep.current.write || rep.previous.write);
      EXPECT_NE(rep.current.goroutine, rep.previous.goroutine);
      for (const goro::RaceAccess* a : {&rep.current, &rep.previous}) {
        EXPECT_STREQ(a->site.file, "13_pitfall_data_race.go");
        EXPECT_TRUE(a->site.line == inc[0] || a->site.line == inc[1]) << a->site.line;
        EXPECT_TRUE(std::string(a->site.function) == "main.main.func1()" ||
                    std::string(a->site.function) == "main.main.func2()")
            << a->site.function;
        EXPECT_STREQ(a->created_at.function, "main.main()");
        EXPECT_EQ(a->created_at.line, a->site.line - 1);  // the go statement's line
      }
      (r.exit.output == "counter: 1\n" ? lost : kept)++;
    }
  EXPECT_GT(kept, 0) << "seeds where no update is lost report the race too";
}

TEST(Race, TheReportIsGosText) {
  const std::string src = article("13_pitfall_data_race.go");
  const std::vector<int> inc = lines_with(src, "counter++");
  ASSERT_EQ(inc.size(), 2u);
  Raced r = run_race(src, 1, 1, true, "13_pitfall_data_race.go");
  ASSERT_EQ(r.exit.races.size(), 1u);
  const std::string& t = r.exit.races[0].text;
  const std::string access = "(" + std::to_string(inc[0]) + "|" + std::to_string(inc[1]) + ")";
  const std::string go = "(" + std::to_string(inc[0] - 1) + "|" + std::to_string(inc[1] - 1) + ")";
  // e.g. "Read at 0x7f... by goroutine 2:\n  main.main.func1()\n      13_pitfall_data_race.go:12\n"
  const std::regex want(
      "==================\nWARNING: DATA RACE\n"
      "(Read|Write) at 0x[0-9a-f]+ by goroutine [0-9]+:\n"
      "  main\\.main\\.func[12]\\(\\)\n      13_pitfall_data_race\\.go:" +
      access +
      "\n\n"
      "Previous (read|write) at 0x[0-9a-f]+ by goroutine [0-9]+:\n"
      "  main\\.main\\.func[12]\\(\\)\n      13_pitfall_data_race\\.go:" +
      access +
      "\n\n"
      "Goroutine [0-9]+ \\(running\\) created at:\n  main\\.main\\(\\)\n      "
      "13_pitfall_data_race\\.go:" +
      go +
      "\n\n"
      "Goroutine [0-9]+ \\((running|finished)\\) created at:\n  main\\.main\\(\\)\n"
      "      13_pitfall_data_race\\.go:" +
      go +
      "\n"
      "==================\n");
  EXPECT_TRUE(std::regex_match(t, want)) << t;
}

TEST(Race, CompiledWithoutTheChecksNothingIsReported) {
  Raced r = run_race(article("13_pitfall_data_race.go"), 1, 1, /*race=*/false);
  EXPECT_TRUE(r.exit.races.empty());
  EXPECT_EQ(r.code, 0);
}

TEST(Race, NothingInTheArticlesCorrectPrograms) {
  for (const auto& entry : fs::directory_iterator(std::string(ASSETS_DIR) + "/programs")) {
    std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".go" || file == "13_pitfall_data_race.go") continue;
    std::string src = langtest::read_file(entry.path().string());
    if (file == "14_performance_million.go") {  // a smaller million: the same program
      std::string err;
      src = goroscope::lang::apply_params(src, {{"n", 3000}}, &err);
      ASSERT_EQ(err, "");
    }
    for (int procs : {1, 2})
      for (uint64_t seed : {1, 2, 3}) {
        Raced r = run_race(src, procs, seed, true, file);
        ASSERT_TRUE(r.errors.empty()) << file << "\n" << langtest::join(r.errors);
        EXPECT_TRUE(r.exit.races.empty()) << file << " procs " << procs << " seed " << seed << "\n"
                                          << (r.exit.races.empty() ? "" : r.exit.races[0].text);
      }
  }
}

struct Shape {
  const char* name;
  const char* src;
  const char* variable;
  int line_a, line_b;  // the two accesses' lines
};

const Shape kShapes[] = {
    {"slice_element", R"(package main

import "time"

func main() {
	s := make([]int, 4)
	go func() {
		s[2] = 1
	}()
	go func() {
		s[1] = 1
		s[2]++
	}()
	time.Sleep(time.Millisecond)
}
)",
     "s[2]", 8, 12},
    {"field_through_pointer", R"(package main

import "time"

type point struct{ x, y int }

func bump(p *point) {
	p.y++
}

func main() {
	p := &point{}
	go bump(p)
	go func() {
		p.x = 1
		p.y = 2
	}()
	time.Sleep(time.Millisecond)
}
)",
     "p.y", 8, 16},
    {"map", R"(package main

import "time"

func main() {
	m := map[string]int{}
	go func() {
		m["a"] = 1
	}()
	go func() {
		_ = m["b"]
	}()
	time.Sleep(time.Millisecond)
}
)",
     "m", 8, 11},
    {"package_variable", R"(package main

import "time"

var total int

func add(n int) {
	total += n
}

func main() {
	go add(1)
	go add(2)
	time.Sleep(time.Millisecond)
}
)",
     "total", 8, 8},
};

class RaceOn : public ::testing::TestWithParam<Shape> {};

TEST_P(RaceOn, IsFoundWithBothLines) {
  const Shape& s = GetParam();
  for (int procs : {1, 2})
    for (uint64_t seed = 1; seed <= 5; seed++) {
      Raced r = run_race(s.src, procs, seed);
      ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
      ASSERT_EQ(r.exit.races.size(), 1u) << s.name << " procs " << procs << " seed " << seed;
      const goro::RaceReport& rep = r.exit.races[0];
      EXPECT_EQ(rep.variable, s.variable);
      int a = rep.current.site.line, b = rep.previous.site.line;
      EXPECT_TRUE((a == s.line_a && b == s.line_b) || (a == s.line_b && b == s.line_a))
          << s.name << ": lines " << a << " and " << b << "\n"
          << rep.text;
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, RaceOn, ::testing::ValuesIn(kShapes),
                         [](const testing::TestParamInfo<Shape>& i) { return std::string(i.param.name); });

TEST(Race, AMethodsNameIsGos) {
  Raced r = run_race(R"(package main

import "time"

type counter struct{ n int }

func (c *counter) inc() {
	c.n++
}

func main() {
	c := &counter{}
	go c.inc()
	c.inc()
	time.Sleep(time.Millisecond)
}
)",
                     1, 1);
  ASSERT_EQ(r.exit.races.size(), 1u);
  EXPECT_EQ(r.exit.races[0].variable, "c.n");
  EXPECT_STREQ(r.exit.races[0].current.site.function, "main.(*counter).inc()");
}

TEST(Race, FreedMemoryIsNotTakenForTheOldVariable) {
  // every goroutine gets fresh cells (per-iteration loop variables) and a fresh slice, each
  // used by it alone: when one is freed and its memory reused, no race may be reported
  Raced r = run_race(R"(package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 200; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := make([]int, 3)
			v := i
			f := func() { v++ }
			f()
			s[1] = v
			p := &struct{ a, b int }{}
			p.a = s[1]
		}()
	}
	wg.Wait()
}
)",
                     2, 7);
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_TRUE(r.exit.races.empty()) << (r.exit.races.empty() ? "" : r.exit.races[0].text);
}

}  // namespace
