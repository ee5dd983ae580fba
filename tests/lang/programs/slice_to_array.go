// Converting a slice to an array (Go 1.20: a copy of its first N elements) and to an array
// pointer (Go 1.17: the slice's own array); too short a slice panics, a nil slice is a nil
// *[0]T.
package main

import "fmt"

type P struct{ X int }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3, 4}
	a := [3]int(s)
	s[0] = 9
	fmt.Println(a, s)

	ps := []P{{1}, {2}}
	pa := [2]P(ps)
	ps[0].X = 7
	fmt.Println(pa, ps)

	p := (*[4]int)(s)
	p[1] = 20
	fmt.Println(*p, s, &p[0] == &s[0])

	var n []int
	fmt.Println((*[0]int)(n) == nil, (*[0]int)(s[:0]) == nil, [0]int(n))
	try("[5]int(s)", func() { _ = [5]int(s) })
	try("(*[5]int)(s)", func() { _ = (*[5]int)(s) })

	type Int4 [4]int
	fmt.Println(Int4(s), len((*Int4)(s)))
}
