// tests/lang/vm_test.cpp: the VM's semantics, one Go rule per test: per-iteration loop
// variables, closures, defer order, recover, integer wrap-around, map order by seed, method
// sets and interfaces, runtime errors as Go prints them, goroutines on goro.
#include <gtest/gtest.h>

#include <set>

#include "support.hpp"

namespace {

using langtest::run_go;

std::string prog(const std::string& body, const std::string& decls = "",
                 const std::string& imports = "\"fmt\"") {
  return "package main\n\nimport (" + imports + ")\n\n" + decls + "\nfunc main() {\n" + body + "\n}\n";
}

std::string out(const std::string& src, int procs = 1) {
  auto r = run_go(src, procs);
  EXPECT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  return r.output;
}

TEST(VM, LoopVariablesArePerIteration) {
  EXPECT_EQ(out(prog(R"(
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, s := range []int{7, 8} {
		fs = append(fs, func() int { return s })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	for i := range 2 {
		fmt.Print(i)
	})")),
            "0 1 2 7 8 01");
}

TEST(VM, ClosuresShareCapturedVariables) {
  EXPECT_EQ(out(prog(R"(
	n := 0
	inc := func() { n++ }
	get := func() int { return n }
	inc()
	inc()
	fmt.Println(get(), n))")),
            "2 2\n");
}

TEST(VM, DefersRunLastInFirstOutAndSeeNamedResults) {
  EXPECT_EQ(out(prog(R"(
	fmt.Println(f()))",
                     R"(
func f() (r int) {
	for i := 0; i < 3; i++ {
		defer func() { r = r*10 + i }()
	}
	return 4
})")),
            "4210\n");
}

TEST(VM, RecoverStopsAPanicInADeferredCall) {
  EXPECT_EQ(out(prog(R"(
	fmt.Println(safe(func() { panic("boom") }))
	fmt.Println(safe(func() { var a []int; _ = a[3] }))
	fmt.Println(safe(func() {}))
	fmt.Println(recover()))",
                     R"(
func safe(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	f()
	return "fine"
})")),
            "recovered: boom\nrecovered: runtime error: index out of range [3] with length 0\nfine\n<nil>\n");
}

TEST(VM, IntegersWrapAroundAsInGo) {
  EXPECT_EQ(out(prog(R"(
	var a int8 = 127
	a++
	var b uint8 = 3
	b -= 5
	var c int32 = 1 << 30
	c *= 4
	var d uint16 = 65535
	d += 2
	var e int64 = 9223372036854775807
	e++
	var u uint = 0
	u--
	fmt.Println(a, b, c, d, e, u, -7/2, -7%3, 1<<3>>1))")),
            "-128 254 0 1 -9223372036854775808 18446744073709551615 -3 -1 4\n");
}

TEST(VM, MapOrderIsRandomisedBySeed) {
  std::string src = prog(R"(
	m := map[int]bool{}
	for i := 0; i < 20; i++ {
		m[i] = true
	}
	for k := range m {
		fmt.Print(k, " ")
	}
	fmt.Println(m[3], len(m)))");
  std::set<std::string> orders;
  for (uint64_t seed = 1; seed <= 8; seed++) {
    auto r = run_go(src, 1, seed);
    ASSERT_TRUE(r.errors.empty());
    EXPECT_NE(r.output.find("true 20"), std::string::npos);
    orders.insert(r.output);
    EXPECT_EQ(run_go(src, 1, seed).output, r.output) << "the same seed gives the same order";
  }
  EXPECT_GT(orders.size(), 1u) << "different seeds give different orders";
  // fmt prints maps sorted, whatever the seed
  EXPECT_EQ(out(prog(R"(fmt.Println(map[string]int{"b": 2, "a": 1, "c": 3}))")), "map[a:1 b:2 c:3]\n");
}

TEST(VM, MethodSetsAndInterfaces) {
  EXPECT_EQ(out(prog(R"go(
	var c Counter
	c.Inc()        // addressable: (&c).Inc()
	var i Incer = &c
	i.Inc()
	fmt.Println(c.n, c.Get(), Describe(c), Describe(&c))
	var s fmt.Stringer = c
	fmt.Println(s)
	_, ok := interface{}(c).(Incer)
	fmt.Println(ok))go",
                     R"go(
type Counter struct{ n int }

func (c *Counter) Inc()        { c.n++ }
func (c Counter) Get() int     { return c.n }
func (c Counter) String() string { return fmt.Sprintf("Counter(%d)", c.n) }

type Incer interface{ Inc() }

func Describe(x any) string {
	switch v := x.(type) {
	case Incer:
		return "incer"
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	return "?"
})go")),
            "2 2 stringer Counter(2) incer\nCounter(2)\nfalse\n");
}

TEST(VM, StructsAreValuesPointersShare) {
  EXPECT_EQ(out(prog(R"(
	a := P{1, 2}
	b := a
	b.X = 10
	p := &a
	p.Y = 20
	arr := [2]P{a, b}
	arr2 := arr
	arr2[0].X = 99
	q := &arr[1]
	q.Y = 7
	fmt.Println(a, b, arr, arr2[0], *p))",
                     "type P struct{ X, Y int }\n")),
            "{1 20} {10 2} [{1 20} {10 7}] {99 20} {1 20}\n");
}

TEST(VM, EmbeddingPromotesFieldsAndMethods) {
  EXPECT_EQ(out(prog(R"(
	d := Dog{Animal{"rex"}, 3}
	fmt.Println(d.Name, d.Hello(), d)
	var h Helloer = d
	fmt.Println(h.Hello()))",
                     R"(
type Animal struct{ Name string }

func (a Animal) Hello() string { return "I am " + a.Name }

type Dog struct {
	Animal
	Age int
}

type Helloer interface{ Hello() string }
)")),
            "rex I am rex {{rex} 3}\nI am rex\n");
}

TEST(VM, UnrecoveredPanicEndsTheProgramAsGoDoes) {
  auto r = run_go(prog(R"(
	x := []int{1, 2, 3}
	i := 5
	fmt.Println("before")
	fmt.Println(x[i]))"));
  EXPECT_EQ(r.output, "before\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.message.rfind(
                "panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:", 0),
            0u)
      << r.message;

  auto d = run_go(prog("a, b := 1, 0\n\tfmt.Println(a / b)"));
  EXPECT_EQ(d.message.rfind("panic: runtime error: integer divide by zero", 0), 0u) << d.message;
  auto m = run_go(prog("var m map[string]int\n\tm[\"a\"] = 1\n\tfmt.Println(m)"));
  EXPECT_EQ(m.message.rfind("panic: assignment to entry in nil map", 0), 0u) << m.message;
  auto n = run_go(prog("var p *struct{ X int }\n\tfmt.Println(p.X)"));
  EXPECT_EQ(n.message.rfind("panic: runtime error: invalid memory address or nil pointer dereference", 0), 0u)
      << n.message;
  auto c = run_go(prog("ch := make(chan int)\n\tclose(ch)\n\tclose(ch)\n\tfmt.Println()"));
  EXPECT_EQ(c.message.rfind("panic: close of closed channel", 0), 0u) << c.message;
  auto e = run_go(prog("panic(fmt.Errorf(\"bad %d\", 7))"));
  EXPECT_EQ(e.message.rfind("panic: bad 7", 0), 0u) << e.message;
  auto t = run_go(prog("var x any = \"s\"\n\tfmt.Println(x.(int))"));
  EXPECT_EQ(t.message.rfind("panic: interface conversion: interface {} is string, not int", 0), 0u)
      << t.message;
}

TEST(VM, DeadlockIsGosFatalError) {
  auto r = run_go(prog("ch := make(chan int)\n\tch <- 1\n\tfmt.Println(<-ch)"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.message.rfind("fatal error: all goroutines are asleep - deadlock!", 0), 0u) << r.message;
}

TEST(VM, OsExitEndsWithItsCode) {
  auto r =
      run_go(prog("fmt.Println(\"bye\")\n\tos.Exit(3)\n\tfmt.Println(\"never\")", "", "\"fmt\"; \"os\""));
  EXPECT_EQ(r.output, "bye\n");
  EXPECT_EQ(r.code, 3);
}

TEST(VM, DeepRecursionGrowsTheStackAndRunawayRecursionIsFatal) {
  EXPECT_EQ(
      out(prog("fmt.Println(depth(100000))",
               "func depth(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn 1 + depth(n-1)\n}\n")),
      "100000\n");
  auto r = run_go(prog("fmt.Println(forever(1))", "func forever(n int) int { return forever(n+1) + 1 }\n"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.message.find("goroutine stack exceeds 1000000000-byte limit"), std::string::npos) << r.message;
}

TEST(VM, AGoroutineParkedDeepInRecursionKeepsItsFrames) {
  // each goroutine recurses (plain calls, calls through a func value, defers on the way) and
  // parks at the bottom on a channel; its frames and values must survive the park and the
  // growth of its stacks
  std::string src = prog(R"(
	ch := make(chan int)
	out := make(chan int)
	for g := 0; g < 4; g++ {
		go func(g int) {
			out <- down(20000+g, ch)
		}(g)
	}
	for g := 0; g < 4; g++ {
		ch <- g
	}
	sum := 0
	for g := 0; g < 4; g++ {
		sum += <-out
	}
	fmt.Println(sum, deferred))",
                         R"(var deferred int

// down(n) adds 1..n and the value received at the bottom; plain(n, 0) is 0
func down(n int, ch chan int) int {
	if n == 0 {
		return <-ch
	}
	if n%1000 == 0 {
		defer func() { deferred++ }()
	}
	if n%2 == 0 {
		f := down
		return n + f(n-1, ch) + plain(n, 0)
	}
	return n + down(n-1, ch) + plain(n, 0)
}

func plain(a, b int) int {
	if a == 0 {
		return b
	}
	return plain(a/2, b+1) - 1
}
)");
  int64_t want = 0;
  for (int g = 0; g < 4; g++) want += int64_t(20000 + g) * (20001 + g) / 2 + g;
  EXPECT_EQ(out(src, 1), std::to_string(want) + " 80\n");
  EXPECT_EQ(out(src, 2), std::to_string(want) + " 80\n");
}

TEST(VM, ManyGoStatementsLetTheirGoroutinesStartAsGosSchedulerWould) {
  // main never blocks while it starts 20,000 goroutines; Go would preempt it and run them as
  // they come, and so does the VM once a few thousand wait (so they do not all pile up)
  auto r = run_go(prog(R"(
	started := 0
	var wg sync.WaitGroup
	for i := 0; i < 20000; i++ {
		wg.Add(1)
		go func() {
			started++
			wg.Done()
		}()
	}
	fmt.Println(started >= 20000-5000)
	wg.Wait()
	fmt.Println(started))",
                       "", "\"fmt\"; \"sync\""));
  EXPECT_EQ(r.output, "true\n20000\n") << r.message;
}

TEST(VM, GoroutinesAndChannelsRunOnGoro) {
  std::string src = prog(R"(
	jobs := make(chan int, 3)
	results := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * j
			}
		}()
	}
	go func() {
		for i := 1; i <= 5; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	select {
	case v, ok := <-results:
		fmt.Println("closed", v, ok)
	default:
		fmt.Println("default")
	}
	fmt.Println(sum))",
                         "", "\"fmt\"; \"sync\"");
  EXPECT_EQ(out(src, 1), "closed 0 false\n55\n");
  EXPECT_EQ(out(src, 2), "closed 0 false\n55\n");
  EXPECT_EQ(out(src, 4), "closed 0 false\n55\n");
}

TEST(VM, ChannelsCarryGoNamesToTheTap) {
  // the runtime names a channel after the variable it was made for
  auto r = run_go(prog("jobs := make(chan int, 1)\n\tjobs <- 1\n\tfmt.Println(len(jobs), cap(jobs))"));
  EXPECT_EQ(r.output, "1 1\n");
}

TEST(VM, FormatsLikeFmt) {
  EXPECT_EQ(out(prog(R"(
	type T struct {
		A int
		B string
		c []int
	}
	t := T{1, "x", []int{2}}
	fmt.Printf("%v|%+v|%d|%5.2f|%-4s|%04d|%x|%q|%T|%t|%c|%8.3e\n", t, t, []int{1, 2}, 3.14159, "ab", 7, "hi", "q", t, true, 'é', 12345.678)
	fmt.Printf("%v %v %v %s\n", &t, nil, []string(nil), fmt.Errorf("e"))
	fmt.Println(1e6, 1e21, 123456789.0, 0.000001, float32(1)/3, 2.0))")),
            "{1 x [2]}|{A:1 B:x c:[2]}|[1 2]| 3.14|ab  |0007|6869|\"q\"|main.T|true|é|1.235e+04\n"
            "&{1 x [2]} <nil> [] e\n"
            "1e+06 1e+21 1.23456789e+08 1e-06 0.33333334 2\n");
}

TEST(VM, PrintOfAMultiValueCallPrintsEachResult) {
  // print(f()) and println(f()) with a multi-value f (the builtins write to standard error)
  auto c = goroscope::lang::compile(
      "package main\n\nfunc f() (int16, float64, string) { return -42, 42.0, \"x\" }\n\n"
      "func main() {\n\tprint(f())\n\tprintln()\n\tprintln(f())\n}\n",
      "prog.go");
  ASSERT_NE(c.program, nullptr) << langtest::join(c.errors);
  goro::Exit e = goroscope::lang::run(*c.program, goro::Config{}, nullptr, nullptr);
  EXPECT_EQ(e.errors, "-42+4.200000e+001x\n-42 +4.200000e+001 x\n");
}

}  // namespace
