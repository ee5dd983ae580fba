// Methods promoted from an embedded interface are in the struct's method set: called through
// another interface (sort.Sort on a struct embedding sort.Interface), as method values, by
// fmt (String), after a type assertion; a nil embedded interface panics as Go's.
package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type reverse struct{ sort.Interface }

func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

type name string

func (n name) String() string { return "name:" + string(n) }

type labelled struct {
	fmt.Stringer
	n int
}

type wrapper struct{ *labelled }

func main() {
	s := []string{"a", "ccc", "bb", "dddd"}
	sort.Sort(reverse{byLen(s)})
	fmt.Println(s)
	x := []int{3, 1, 2}
	sort.Sort(sort.Reverse(sort.IntSlice(x)))
	fmt.Println(x)

	l := labelled{name("x"), 1}
	fmt.Println(l, l.String())
	var st fmt.Stringer = l
	f := st.String
	fmt.Println(f())
	w := wrapper{&l}
	var any1 interface{} = w
	if s, ok := any1.(fmt.Stringer); ok {
		fmt.Println("wrapper is a Stringer:", s.String())
	}
	_, ok := any1.(interface{ String() int })
	fmt.Println(ok)

	defer func() { fmt.Println("recovered:", recover()) }()
	var empty fmt.Stringer = labelled{}
	fmt.Println(empty.String())
}
