// Tuple assignments in Go's two phases: the left sides' index and pointer operands and the
// right sides are evaluated first, left to right; then the assignments happen left to right,
// so one that panics leaves those before it done; a range clause's left sides too. And x.f
// through a named pointer type.
package main

import "fmt"

type T struct{ x struct{ y int } }

type PT *T

func two() (int, int) { return 1, 2 }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panicked:", recover() != nil) }()
	f()
}

func main() {
	var x T
	p := &x
	p, p.x.y = new(T), 7
	fmt.Println(x.x.y, p.x.y)

	m := map[int]int{}
	var np *int
	try("m[2], *np", func() { m[2], *np = 42, 2 })
	fmt.Println(m)

	var nilmap map[int]int
	g := 0
	try("nilmap[0], g", func() { nilmap[0], g = 1, 2 })
	fmt.Println(g)

	s := []int{1, 2, 3}
	i := 0
	i, s[i] = 2, 9
	fmt.Println(i, s)

	a := [3]int{1, 2, 3}
	a[0], a[2] = a[2], a[0]
	fmt.Println(a)

	xs := []int{10, 20}
	j := 1
	for j, xs[j] = range []int{99} {
	}
	fmt.Println(j, xs)

	k := 0
	k, k = two()
	mm := map[string]int{}
	k2 := 0
	k2, mm["b"] = two()
	fmt.Println(k, k2, mm)

	var q PT = &T{}
	q.x.y = 5
	fmt.Println(q.x.y, (*q).x.y)
}
