// Converting part of a slice to an array pointer, (*[N]T)(s[i:j]): the pointer aliases the
// slice's array from the slice's offset. Writes through either show in the other; the pointer
// indexes, ranges, copies, slices and compares as Go's does (equal pointers point at the same
// elements, however they were made).
package main

import "fmt"

type P struct{ X, Y int }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	p := (*[3]int)(s[2:])
	fmt.Println(len(p), cap(p), *p)
	p[0] = 20
	s[3] = 30
	fmt.Println(*p, s)

	// a copy of *p is its own
	c := *p
	c[2] = 99
	fmt.Println(c, *p, s[4])

	// &p[i] is &s[i+2]; pointers from two conversions of the same elements are equal
	fmt.Println(&p[1] == &s[3], &p[0] == &s[0])
	q := (*[3]int)(s[2:5])
	r := (*[3]int)(s[3:])
	fmt.Println(p == q, p != q, p == r)
	w := &p[2]
	*w = 40
	fmt.Println(s[4], p[2])

	// range over the pointer, and over the array it points to
	sum := 0
	for i, v := range p {
		sum += i * v
	}
	for _, v := range *p {
		sum += v
	}
	fmt.Println("sum", sum)

	// a slice of the view is a slice of s's array
	t := p[1:]
	t[0] = 31
	t = append(t, 50) // past the view's capacity (2): a new array, s[5] stays
	fmt.Println(s, len(t), cap(t))

	// storing a whole array through the pointer; overlapping copies as Go's memmove
	*p = [3]int{7, 8, 9}
	fmt.Println(s)
	*(*[4]int)(s[1:5]) = *(*[4]int)(s[0:4])
	fmt.Println(s)
	*(*[4]int)(s[0:4]) = *(*[4]int)(s[1:5])
	fmt.Println(s)

	// structs: the elements are shared, not copied
	ps := []P{{1, 2}, {3, 4}, {5, 6}}
	pp := (*[2]P)(ps[1:])
	pp[0].X = 33
	ps[2].Y = 66
	fmt.Println(ps, *pp)

	// map keys and interfaces compare them as pointers
	m := map[*[3]int]string{p: "p"}
	fmt.Println(m[q], m[r] == "")
	var a, b interface{} = p, q
	fmt.Println(a == b)

	// the view keeps the elements alive after the slice is gone
	v := func() *[2]string {
		x := []string{"a", "b", "c"}
		return (*[2]string)(x[1:])
	}()
	fmt.Println(*v, len(v))

	// zero length: a nil slice gives nil, any other a non-nil pointer
	var n []int
	fmt.Println((*[0]int)(n) == nil, (*[0]int)(s[3:3]) != nil)
	try("(*[4]int)(s[5:])", func() { _ = (*[4]int)(s[5:]) })
	try("p[i]", func() {
		i := 3
		_ = p[i]
	})
}
