// A composite literal's values are computed in the order they are written, whatever the order
// of the fields or indices they are given to; package variables are initialised in the order
// Go's spec gives (the earliest declaration whose dependencies are all initialised next).
package main

import "fmt"

var trace string

func f(x int) int { trace += fmt.Sprintf(" %d", x); return x }

type S struct{ a, b, c int }

var (
	_ = d
	_ = g("_", c, b)
	a = g("a")
	b = g("b")
	c = g("c")
	d = g("d")
)

func g(s string, _ ...int) int { trace += s; return 0 }

func main() {
	fmt.Println("init:", trace)
	trace = ""
	s := S{c: f(1), a: f(2), b: f(3)}
	fmt.Println(s, trace)
	trace = ""
	arr := [5]int{3: f(1), 0: f(2), f(3), 4: 7}
	fmt.Println(arr, trace)
	trace = ""
	sl := []int{2: f(4), 0: f(5), 1: f(6)}
	fmt.Println(sl, trace)
	fmt.Println(S{b: 2, a: 1, c: 3})
}
