package main

import "fmt"

func intSeq() func() int {
	i := 0
	return func() int {
		i++
		return i
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func memo(n int, seen map[int]int) int {
	if n < 2 {
		return n
	}
	if v, ok := seen[n]; ok {
		return v
	}
	seen[n] = memo(n-1, seen) + memo(n-2, seen)
	return seen[n]
}

func main() {
	next := intSeq()
	fmt.Println(next(), next(), next())
	other := intSeq()
	fmt.Println(other())

	// Go 1.22: each iteration has its own variable
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g())
	}
	fmt.Println()

	double := func(x int) int { return 2 * x }
	fmt.Println(apply([]int{1, 2, 3}, double))

	counter := 0
	inc := func() { counter++ }
	inc()
	inc()
	fmt.Println("counter", counter)

	fmt.Println(memo(15, map[int]int{}))
}
