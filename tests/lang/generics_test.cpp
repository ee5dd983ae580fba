// tests/lang/generics_test.cpp: type parameters (instantiation per type-argument tuple), the
// generic library (cmp, slices, maps, iter) and gc's errors for generic code. The golden
// program tests/lang/programs/generics.go (output from go run) covers the language itself.
#include <gtest/gtest.h>

#include "support.hpp"

namespace {

// Go 1.21-1.23 programs: Go 1.19 (the toolchain here) has no cmp, slices, maps or iter, so
// each expected output is what Go 1.23 prints, worked out by hand.
TEST(Generics, LibraryPrintsWhatGo123Prints) {
  auto r = langtest::run_go(R"(package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	xs := []int{5, 2, 8, 1, 9, 3}
	slices.Sort(xs)
	fmt.Println(xs, slices.Contains(xs, 8), slices.Index(xs, 9), slices.Max(xs), slices.Min(xs))
	i, ok := slices.BinarySearch(xs, 5)
	fmt.Println(i, ok)
	xs = slices.Insert(xs, 1, 100, 200)
	fmt.Println(xs)
	xs = slices.Delete(xs, 1, 3)
	fmt.Println(xs)
	slices.Reverse(xs)
	fmt.Println(xs, slices.Equal(xs, slices.Clone(xs)))
	fmt.Println(slices.Compact([]string{"a", "a", "b", "b", "a"}))
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}}
	slices.SortStableFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(people)
	slices.SortFunc(people, func(a, b Person) int { return strings.Compare(b.Name, a.Name) })
	fmt.Println(people, slices.IndexFunc(people, func(p Person) bool { return p.Age < 30 }))
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Sorted(maps.Values(m)))
	m2 := maps.Clone(m)
	fmt.Println(maps.Equal(m, m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v%2 == 1 })
	fmt.Println(m2, len(m))
	fmt.Println(cmp.Compare(1, 2), cmp.Less("b", "a"), cmp.Or("", "def", "x"), cmp.Or(0, 0))
	fmt.Println(slices.Collect(slices.Values([]int{7, 8})))
	fmt.Println(maps.Collect(slices.All([]string{"p", "q"})))
	next, stop := iter.Pull(slices.Values([]int{10, 20, 30}))
	a, ok1 := next()
	b, ok2 := next()
	stop()
	c, ok3 := next()
	fmt.Println(a, ok1, b, ok2, c, ok3)
	big := []int{}
	for i := 0; i < 100; i++ {
		big = append(big, (i*37)%101)
	}
	slices.Sort(big)
	fmt.Println(slices.IsSorted(big), big[0], big[99])
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output,
            "[1 2 3 5 8 9] true 5 9 1\n"
            "3 true\n"
            "[1 100 200 2 3 5 8 9]\n"
            "[1 2 3 5 8 9]\n"
            "[9 8 5 3 2 1] true\n"
            "[a b a]\n"
            "[{Bob 25} {Dan 25} {Alice 30} {Carol 30}]\n"
            "[{Dan 25} {Carol 30} {Bob 25} {Alice 30}] 0\n"
            "[x y z] [1 2 3]\n"
            "true\n"
            "map[y:2] 3\n"
            "-1 false def 0\n"
            "[7 8]\n"
            "map[0:p 1:q]\n"
            "10 true 20 true 0 false\n"
            "true 0 100\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

// A generic pipeline stage runs its goroutine like any other.
TEST(Generics, PipelineStage) {
  auto r = langtest::run_go(R"(package main

import "fmt"

func Map[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func main() {
	in := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			in <- i
		}
		close(in)
	}()
	for s := range Map(in, func(i int) string { return fmt.Sprint(i * i) }) {
		fmt.Println(s)
	}
}
)",
                            2);
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "1\n4\n9\n");
}

// gc's words for misused generics (Go 1.22's).
TEST(Generics, ErrorsInGcsWords) {
  auto c = goroscope::lang::compile(R"(package main

type Number interface {
	~int | ~float64
}

func Zero[T any]() T {
	var z T
	return z
}

func Eq[T comparable](a, b T) bool { return a == b }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type List[T any] struct{ v T }

func main() {
	_ = Zero()
	_ = Eq([]int{}, []int{})
	_ = Sum("a", "b")
	var l List
	_ = l
	f := Sum
	_ = f
	_ = Sum[int, int]
}
)",
                                    "prog.go");
  std::vector<std::string> got;
  for (auto& d : c.errors) got.push_back(d.text());
  std::vector<std::string> want = {
      "prog.go:25:6: in call to Zero, cannot infer T (declared at prog.go:7:11)",
      "prog.go:26:6: []int does not satisfy comparable",
      "prog.go:27:6: string does not satisfy Number (string missing in ~int | ~float64)",
      "prog.go:28:8: cannot use generic type List[T any] without instantiation",
      "prog.go:30:7: cannot use generic function Sum without instantiation",
      "prog.go:32:15: got 2 type arguments but Sum[T Number] has 1 type parameters",
  };
  EXPECT_EQ(got, want);
}

TEST(Generics, MethodConstraintsAndNonGenericUse) {
  auto c = goroscope::lang::compile(R"(package main

type Stringer interface{ String() string }

func Join[T Stringer](xs []T) string {
	s := ""
	for _, x := range xs {
		s += x.String()
	}
	return s
}

type T int

func main() {
	_ = Join([]T{1})
	var x int
	_ = x[int]
}
)",
                                    "prog.go");
  std::vector<std::string> got;
  for (auto& d : c.errors) got.push_back(d.text());
  std::vector<std::string> want = {
      "prog.go:16:6: T does not satisfy Stringer (missing method String)",
      "prog.go:18:6: invalid operation: cannot index x (variable of type int)",
  };
  EXPECT_EQ(got, want);
}

// Range over functions (Go 1.23): break, continue, labels and return in the body; the output
// is what Go 1.23 prints, worked out by hand (a break makes yield return false, which the
// iterator sees: "stopped at 3").
TEST(Generics, RangeOverFunc) {
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func Pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func find(target int) (int, bool) {
	for i, v := range slices.All([]int{4, 5, 6}) {
		if v == target {
			return i, true
		}
	}
	return -1, false
}

func main() {
	for i := range Count(5) {
		if i == 1 {
			continue
		}
		if i == 3 {
			break
		}
		fmt.Println("i", i)
	}
	for k, v := range Pairs {
		fmt.Println(k, v)
	}
	m := map[string]int{"z": 26, "a": 1, "m": 13}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Println(k, m[k])
	}
	fmt.Println(find(5))
	fmt.Println(find(7))
	n := 0
	for range Count(3) {
		n++
	}
	fmt.Println(n)
	var last int
	for last = range Count(4) {
	}
	fmt.Println(last)
outer:
	for i := range Count(3) {
		for j := range 3 {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output,
            "i 0\n"
            "i 2\n"
            "stopped at 3\n"
            "a 1\nb 2\nc 3\n"
            "a 1\nm 13\nz 26\n"
            "1 true\n"
            "-1 false\n"
            "3\n"
            "3\n"
            "0 0\n"
            "1 0\n"
            "stopped at 2\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

// A defer in a range-over-func loop's body belongs to the function the loop is in (Go 1.23):
// it runs when that function returns, after the iterator is done, in order with the
// function's own defers, and a recover in it stops a panic of that function. The outputs are
// Go 1.23's, worked out by hand.
TEST(Generics, RangeOverFuncDefer) {
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"iter"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func deferred() {
	defer fmt.Println("deferred first, run last")
	for i := range Count(3) {
		defer fmt.Println("deferred in the body", i)
		fmt.Println("body", i)
	}
	fmt.Println("after the loop")
}

func nested() {
	for i := range Count(2) {
		for j := range Count(2) {
			defer fmt.Println("nested defer", i, j)
		}
	}
	fmt.Println("nested loops over")
}

func recovers() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for i := range Count(3) {
		if i == 1 {
			panic("boom")
		}
	}
	return nil
}

func recoverInBody() (s string) {
	for i := range Count(2) {
		defer func() {
			if r := recover(); r != nil {
				s = fmt.Sprint("a body's defer recovered ", r, " at ", i)
			}
		}()
	}
	panic("late")
}

func main() {
	deferred()
	nested()
	fmt.Println(recovers())
	fmt.Println(recoverInBody())
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output,
            "body 0\n"
            "body 1\n"
            "body 2\n"
            "iterator done\n"
            "after the loop\n"
            "deferred in the body 2\n"
            "deferred in the body 1\n"
            "deferred in the body 0\n"
            "deferred first, run last\n"
            "iterator done\n"
            "iterator done\n"
            "iterator done\n"
            "nested loops over\n"
            "nested defer 1 1\n"
            "nested defer 1 0\n"
            "nested defer 0 1\n"
            "nested defer 0 0\n"
            "iterator done\n"
            "recovered: boom\n"
            "iterator done\n"
            "a body's defer recovered late at 1\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

// return from inside nested range-over-func loops (three deep, with named results too), and
// break, continue and goto to labels outside the loop's body; each iterator that is stopped
// sees its yield return false.
TEST(Generics, RangeOverFuncNestedReturnAndLabels) {
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"iter"
)

func Count(name string, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println(name, "stopped at", i)
				return
			}
		}
		fmt.Println(name, "done")
	}
}

func search(target int) (int, int) {
	for i := range Count("outer", 3) {
		for j := range Count("inner", 3) {
			if i*j == target {
				return i, j
			}
		}
	}
	return -1, -1
}

func named() (n int) {
	for i := range Count("a", 5) {
		for j := range Count("b", 5) {
			for k := range Count("c", 5) {
				n = i*100 + j*10 + k
				if k == 2 {
					return
				}
			}
		}
	}
	return 99
}

func main() {
	fmt.Println(search(2))
	fmt.Println(search(7))
	fmt.Println(named())
outer:
	for i := range Count("o", 4) {
		for j := range Count("i", 4) {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	k := 0
loop:
	for {
		for x := range Count("c", 10) {
			k += x
			if k > 5 {
				break loop
			}
		}
	}
	fmt.Println("k", k)
	n := 0
again:
	for x := range Count("g", 3) {
		n++
		if n < 3 && x == 1 {
			goto again
		}
	}
	fmt.Println("n", n)
	for x := range Count("f", 5) {
		switch {
		case x == 2:
			goto done
		}
	}
	fmt.Println("not printed")
done:
	fmt.Println("done")
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output,
            "inner done\n"
            "inner stopped at 2\n"
            "outer stopped at 1\n"
            "1 2\n"
            "inner done\n"
            "inner done\n"
            "inner done\n"
            "outer done\n"
            "-1 -1\n"
            "c stopped at 2\n"
            "b stopped at 0\n"
            "a stopped at 0\n"
            "2\n"
            "0 0\n"
            "i stopped at 1\n"
            "1 0\n"
            "1 1\n"
            "i stopped at 2\n"
            "2 0\n"
            "2 1\n"
            "2 2\n"
            "i stopped at 3\n"
            "i stopped at 0\n"
            "o stopped at 3\n"
            "c stopped at 3\n"
            "k 6\n"
            "g stopped at 1\n"
            "g done\n"
            "n 5\n"
            "f stopped at 2\n"
            "done\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

// Go 1.23's run-time panics for an iterator that misuses yield (calls it after it returned
// false, or after the loop is over; recovers the body's panic and goes on), and panics of the
// iterator and of the body, which pass through each other's deferred calls.
TEST(Generics, RangeOverFuncPanics) {
  auto r = langtest::run_go(R"(package main

import "fmt"

func Bad(yield func(int) bool) {
	yield(1)
	yield(2) // yield returned false: Go 1.23 panics here
}

var saved func(int) bool

func Keep(yield func(int) bool) {
	saved = yield
	yield(1)
}

func Swallow(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func Fails(yield func(int) bool) {
	yield(1)
	panic("the iterator failed")
}

func Guard(yield func(int) bool) {
	defer fmt.Println("the iterator's cleanup")
	for i := 1; yield(i); i++ {
	}
}

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	try("yield after false", func() {
		for x := range Bad {
			fmt.Println(x)
			break
		}
	})
	try("yield after the loop", func() {
		for x := range Keep {
			fmt.Println(x)
		}
		saved(5)
	})
	try("swallowed", func() {
		for range Swallow {
			panic("body")
		}
	})
	try("iterator panics", func() {
		for x := range Fails {
			fmt.Println("got", x)
		}
	})
	try("body panics", func() {
		for x := range Guard {
			if x == 2 {
				panic(fmt.Sprint("the body at ", x))
			}
		}
	})
	for x := range Guard {
		if x == 3 {
			break
		}
	}
	for x := range Bad {
		fmt.Println(x)
		break
	}
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(
      r.output,
      "1\n"
      "yield after false: runtime error: range function continued iteration after function for loop body "
      "returned false\n"
      "1\n"
      "yield after the loop: runtime error: range function continued iteration after whole loop exit\n"
      "swallowed: runtime error: range function recovered a loop body panic and did not resume panicking\n"
      "got 1\n"
      "iterator panics: the iterator failed\n"
      "the iterator's cleanup\n"
      "body panics: the body at 2\n"
      "the iterator's cleanup\n"
      "1\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.message.substr(0, 100),
            "panic: runtime error: range function continued iteration after function for loop body "
            "returned false");
  // the loop's body is named as gc names it, after the function the loop is in
  EXPECT_NE(r.message.find("main.main-range2(...)"), std::string::npos) << r.message;
}

// An iterator may call yield on a goroutine of its own: the loop works, but a defer in its
// body is not yet carried over to the loop's goroutine, which Goroscope says rather than
// deferring it on the wrong stack.
TEST(Generics, RangeOverFuncYieldOnAnotherGoroutine) {
  auto r = langtest::run_go(R"(package main

import "fmt"

func Chan(yield func(int) bool) {
	done := make(chan bool)
	go func() {
		for i := 0; i < 3 && yield(i); i++ {
		}
		done <- true
	}()
	<-done
}

func main() {
	for x := range Chan {
		fmt.Println("from another goroutine", x)
		if x == 1 {
			break
		}
	}
	for x := range Chan {
		defer fmt.Println(x)
	}
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "from another goroutine 0\nfrom another goroutine 1\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(
      r.message.find("fatal error: goroscope does not support defer in a range-over-func loop's body run "
                     "by another goroutine"),
      std::string::npos)
      << r.message;
}

TEST(Generics, RangeOverFuncErrors) {
  auto c = goroscope::lang::compile(R"(package main

func Count(yield func(int) bool) {}

func main() {
	for i := range Count {
		println(i)
	}
	for a, b := range Count {
		_, _ = a, b
	}
	f := func(yield func(int)) {}
	for x := range f {
		_ = x
	}
}
)",
                                    "prog.go");
  std::vector<std::string> got;
  for (auto& d : c.errors) got.push_back(d.text());
  std::vector<std::string> want = {
      "prog.go:9:9: range over Count (value of type func(func(int) bool)) permits only one iteration "
      "variable",
      "prog.go:13:17: cannot range over f (variable of type func(func(int)))",
  };
  EXPECT_EQ(got, want);
}

// atomic.Pointer[T] and sync.OnceValue/OnceValues/OnceFunc (Go 1.19 and 1.21: the outputs
// worked out by hand; a panic of f is re-raised by every call).
TEST(Generics, AtomicPointerAndOnceValue) {
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
)

type Config struct{ Name string }

func main() {
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	c1 := &Config{"one"}
	p.Store(c1)
	fmt.Println(p.Load().Name)
	old := p.Swap(&Config{"two"})
	fmt.Println(old.Name, p.Load().Name, p.CompareAndSwap(c1, nil), p.CompareAndSwap(p.Load(), c1), p.Load().Name)
	calls := 0
	get := sync.OnceValue(func() int { calls++; return 42 })
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = get()
		}()
	}
	wg.Wait()
	fmt.Println(get(), calls)
	parse := sync.OnceValues(func() (int, error) { return strconv.Atoi("12") })
	n, err := parse()
	fmt.Println(n, err)
	hello := sync.OnceFunc(func() { fmt.Println("hello once") })
	hello()
	hello()
	boom := sync.OnceValue(func() int { panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			boom()
		}()
	}
}
)",
                            2);
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output,
            "true\n"
            "one\n"
            "one two false true one\n"
            "42 1\n"
            "12 <nil>\n"
            "hello once\n"
            "recovered: boom\n"
            "recovered: boom\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

// A generic body is also checked once with its type parameters opaque: an operator that an
// unconstrained T does not have is an error even where every instance would allow it.
TEST(Generics, OperatorOnUnconstrainedTypeParameter) {
  auto c = goroscope::lang::compile(R"(package main

func Sum[T any](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Add[T comparable](a, b T) T {
	c := a + b
	return c
}

type Number interface{ ~int | ~float64 }

func Fine[T Number](a, b T) T { return a*b + a }

func main() {
	_ = Sum([]int{1})
	_ = Fine(1, 2)
}
)",
                                    "prog.go");
  std::vector<std::string> got;
  for (auto& d : c.errors) got.push_back(d.text());
  std::vector<std::string> want = {
      "prog.go:6:3: invalid operation: operator + not defined on s (variable of type T constrained by any)",
      "prog.go:12:7: invalid operation: operator + not defined on a (variable of type T constrained by "
      "comparable)",
  };
  EXPECT_EQ(got, want);
}

// The opaque pass over a generic body that is never instantiated reports, in gc's words, a
// method the constraint does not have and a value of type T assigned to a named type; what the
// constraints allow (a method of the constraint, T to any, T to T) is not reported.
TEST(Generics, ErrorsInUninstantiatedGenericCode) {
  auto c = goroscope::lang::compile(R"(package main

import "fmt"

type Stringer interface{ String() string }

type Named interface {
	Stringer
	Name() string
}

func Show[T Stringer](x T) string { return x.String() }

func Both[T Named](x T) string { return x.Name() + x.String() }

func Bad[T any](x T) int {
	x.Foo()
	var i int = x
	var s string
	s = x
	var a any = x
	fmt.Println(a, s)
	return i
}

func Keep[T any, PT interface {
	*T
	Set(string)
}](v string) T {
	var t T
	PT(&t).Set(v)
	var u T = t
	return u
}

func main() {}
)",
                                    "prog.go");
  std::vector<std::string> got;
  for (auto& d : c.errors) got.push_back(d.text());
  std::vector<std::string> want = {
      "prog.go:17:4: x.Foo undefined (type T has no field or method Foo)",
      "prog.go:18:14: cannot use x (variable of type T constrained by any) as int value in variable "
      "declaration",
      "prog.go:20:6: cannot use x (variable of type T constrained by any) as string value in assignment",
  };
  EXPECT_EQ(got, want);
}

// A generic function passed where a function type is wanted takes its type arguments from
// that type (Go 1.21; Go 1.23's output, worked out by hand).
TEST(Generics, GenericFunctionAsArgument) {
  auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"strconv"
)

type Number interface{ ~int | ~float64 }

func Double[T Number](x T) T { return x * 2 }

func Show[T any](x T) string { return fmt.Sprint("<", x, ">") }

func apply(xs []int, f func(int) int) []int {
	for i := range xs {
		xs[i] = f(xs[i])
	}
	return xs
}

func each(xs []float64, f func(float64) string) {
	for _, x := range xs {
		fmt.Println(f(x))
	}
}

type List[T any] struct{}

func main() {
	fmt.Println(apply([]int{1, 2}, Double))
	each([]float64{1.5}, Show)
	fmt.Println(apply([]int{3}, func(i int) int { return i + 1 }), strconv.Itoa(3))
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "[2 4]\n<1.5>\n[4] 3\n");
}

// Issue 26's program, as a new user writes it: a generic pipeline stage, slices.Sort,
// A generic function assigned to a variable (or a struct field, a map element) of function
// type, or returned as a result of function type, is instantiated from that type (Go 1.21).
TEST(Generics, GenericFunctionAssignedOrReturned) {
  auto r = langtest::run_go(R"(package main

import "fmt"

func Id[T any](x T) T { return x }

func Pair[K comparable, V any](k K, v V) string { return fmt.Sprint(k, "=", v) }

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Op struct {
	Name string
	F    func(int) int
}

func pick() func(string) string {
	return Id
}

func both() (func(float64) float64, func(string, bool) string) {
	return Id, Pair
}

func main() {
	var f func(int) int = Id
	fmt.Println(f(3))
	var g func(string, int) string
	g = Pair
	fmt.Println(g("a", 1))
	fmt.Println(pick()("b"))
	h, p := both()
	fmt.Println(h(1.5), p("c", true))
	op := Op{Name: "id"}
	op.F = Id
	fmt.Println(op.Name, op.F(7))
	fs := map[string]func(int) int{}
	fs["id"] = Id
	fmt.Println(fs["id"](8))
	fmt.Printf("%T\n", f)
	var m func([]int, func(int) string) []string = Map[int] // U inferred
	fmt.Println(m([]int{1, 2}, func(i int) string { return fmt.Sprint(-i) }))
}
)");
  ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
  EXPECT_EQ(r.output, "3\na=1\nb\n1.5 c=true\nid 7\n8\nfunc(int) int\n[-1 -2]\n");
  EXPECT_EQ(r.code, 0) << r.message;
}

// What the variable's function type does not tell is not inferred, in gc's words; in a
// composite literal a generic function is not instantiated at all (Go 1.22 too).
TEST(Generics, GenericFunctionAssignedErrors) {
  auto c = goroscope::lang::compile(R"(package main

func Zero[P any]() P {
	var z P
	return z
}

func Id[T any](x T) T { return x }

type Op struct{ F func(int) int }

func main() {
	var z func(int) = Zero
	_ = Op{F: Id}
	_ = z
}
)",
                                    "prog.go");
  std::vector<std::string> got;
  for (auto& d : c.errors) got.push_back(d.text());
  std::vector<std::string> want = {
      "prog.go:13:20: cannot infer P (declared at prog.go:3:11)",
      "prog.go:14:12: cannot use generic function Id without instantiation",
  };
  EXPECT_EQ(got, want);
}

// maps.Keys with slices.Sorted, and a range-over-func iterator feeding a channel (Go 1.23's
// output, worked out by hand), at one and at four procs.
TEST(Generics, PipelineSortAndIterator) {
  for (int procs : {1, 4}) {
    auto r = langtest::run_go(R"(package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Map[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func Evens(limit int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i <= limit; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	nums := make(chan int)
	go func() {
		defer close(nums)
		for i := range Evens(10) {
			nums <- i
		}
	}()
	squares := Map(nums, func(n int) int { return n * n })
	var got []int
	for s := range squares {
		got = append(got, s)
	}
	slices.Sort(got)
	fmt.Println(got)
	ages := map[string]int{"bob": 31, "alice": 29, "carol": 35}
	for _, name := range slices.Sorted(maps.Keys(ages)) {
		fmt.Println(name, ages[name])
	}
}
)",
                              procs);
    ASSERT_TRUE(r.errors.empty()) << langtest::join(r.errors);
    EXPECT_EQ(r.output, "[0 4 16 36 64 100]\nalice 29\nbob 31\ncarol 35\n") << "procs " << procs;
    EXPECT_EQ(r.code, 0) << r.message;
  }
}

}  // namespace
