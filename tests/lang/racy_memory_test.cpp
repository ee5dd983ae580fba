// tests/lang/racy_memory_test.cpp: a Go program that races on its own variables may compute
// garbage, as Go allows, but never corrupts Goroscope's memory. Each program here races on
// purpose on one kind of shared value (a slice being appended to, a string, an interface, a
// struct copied whole, a pointer, a captured variable, a slice printed, sorted and copied
// while others store into it, sync/atomic mixed with plain loads) from several goroutines at
// procs 2 and 4 (and 1, where the VM takes no locks), on several seeds, with and without the race detector.
// Each must end as Go ends it (exit 0 and its last line); the point of the suite is that it runs clean under
// ASan+UBSan and TSan (tests/run_all.sh's asan and tsan legs), and that the detector, not a
// sanitizer, is what reports the race.
#include <gtest/gtest.h>

#include "support.hpp"

namespace {

struct Racy {
  const char* name;
  const char* src;  // ends by printing "done"
};

const Racy kPrograms[] = {
    {"append_to_a_shared_slice", R"(package main

import (
	"fmt"
	"sync"
)

var shared []int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				shared = append(shared, g*1000+i)
				if s := shared; len(s) > 50 { // one load: two could see two slices
					shared = s[len(s)-10:]
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(shared) <= 51, "done")
}
)"},
    {"strings_and_interfaces", R"(package main

import (
	"fmt"
	"sync"
)

var s string
var e any

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				s = fmt.Sprint("goroutine ", g, " step ", i)
				switch i % 3 {
				case 0:
					e = i
				case 1:
					e = s
				default:
					e = []int{g, i}
				}
				n := len(s)
				switch v := e.(type) {
				case int:
					n += v
				case string:
					n += len(v)
				case []int:
					n += len(v)
				}
				_ = n
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(s) > 0, "done")
}
)"},
    {"structs_copied_whole", R"(package main

import (
	"fmt"
	"sync"
)

type Job struct {
	ID    int
	Name  string
	Tags  []string
	Inner struct{ A, B string }
}

var current Job
var list [4]Job

func main() {
	var wg sync.WaitGroup
	p := &current
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				j := Job{ID: i, Name: fmt.Sprint("job", i), Tags: []string{"a", fmt.Sprint(g)}}
				j.Inner.A = j.Name
				*p = j
				c := current
				list[i%4] = c
				copy := list
				_ = len(c.Name) + len(c.Tags) + len(c.Inner.A) + len(copy[g].Name)
				if c.Inner == p.Inner {
					list[g].Inner.B = c.Name
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(current.ID >= 0, "done")
}
)"},
    {"pointers_and_captured_variables", R"(package main

import (
	"fmt"
	"sync"
)

type Node struct {
	Val  string
	Next *Node
}

func main() {
	var head *Node
	var msg string
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				head = &Node{Val: fmt.Sprint(g, "/", i), Next: head}
				if n := head; n != nil {
					if next := n.Next; next != nil {
						msg = next.Val
						n.Next = next.Next
					}
				}
				_ = len(msg)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(head != nil, "done")
}
)"},
    {"printed_sorted_and_copied_while_stored", R"(package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func main() {
	words := make([]string, 16)
	nums := make([]int, 16)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			out := make([]string, 16)
			for i := 0; i < 200; i++ {
				words[(g+i)%16] = strings.Repeat("w", i%7)
				nums[(g*i)%16] = i
				switch g {
				case 0:
					_ = fmt.Sprint(words, nums)
				case 1:
					sort.Strings(words)
					sort.Ints(nums)
				case 2:
					copy(out, words)
					_ = strings.Join(out, ",")
				default:
					sort.Slice(words, func(a, b int) bool { return len(words[a]) < len(words[b]) })
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(words), "done")
}
)"},
    {"bytes_runes_and_clear", R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	b := []byte("hello, world")
	r := []rune("héllo")
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				b[i%len(b)] = byte('a' + g)
				r[i%len(r)] = rune('α' + g)
				_ = string(b) + string(r)
				if i%50 == 0 {
					clear(r)
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(b), "done")
}
)"},
    {"atomics_beside_plain_loads", R"(package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var hits int64
var seen int64

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				atomic.AddInt64(&hits, 1)
				seen = hits
				atomic.CompareAndSwapInt64(&seen, seen, 0)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&hits), "done")
}
)"},
    {"maps_of_slices", R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string][]int{}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				k := fmt.Sprint(i % 5)
				m[k] = append(m[k], g)
				for _, v := range m {
					_ = len(v)
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(m), "done")
}
)"},
};

struct Case {
  const Racy* program;
  int procs;
};

class RacyMemory : public ::testing::TestWithParam<Case> {};

// Each seed runs once without and once with the race detector; the detector must find the race
// on some seed (every program races on something it can see).
TEST_P(RacyMemory, EndsWellAndOnlyTheDetectorSeesTheRace) {
  const Case& c = GetParam();
  int reported = 0;
  for (uint64_t seed = 1; seed <= 6; seed++) {
    for (bool race : {false, true}) {
      goroscope::lang::CompileOptions opt;
      opt.race = race;
      auto compiled = goroscope::lang::compile(c.program->src, "racy.go", opt);
      ASSERT_TRUE(compiled.program) << (compiled.errors.empty() ? "" : compiled.errors[0].text());
      goro::Config cfg;
      cfg.procs = c.procs;
      cfg.seed = seed;
      cfg.race = race;
      int code = -1;
      goro::Exit e = goroscope::lang::run(*compiled.program, cfg, nullptr, &code);
      EXPECT_EQ(code, 0) << "seed " << seed << (race ? " with the detector: " : ": ") << e.message;
      EXPECT_NE(e.output.find("done\n"), std::string::npos) << e.output;
      if (race) reported += static_cast<int>(e.races.size());
    }
  }
  EXPECT_GT(reported, 0) << "the detector saw no race in six runs";
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const Racy& p : kPrograms)
    for (int procs : {1, 2, 4}) out.push_back({&p, procs});
  return out;
}

INSTANTIATE_TEST_SUITE_P(Programs, RacyMemory, ::testing::ValuesIn(cases()), [](const auto& info) {
  return std::string(info.param.program->name) + "_procs" + std::to_string(info.param.procs);
});

}  // namespace
