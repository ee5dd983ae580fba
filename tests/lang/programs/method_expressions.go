// Method expressions: T.m and (*T).m are functions whose first parameter is the receiver;
// an interface's I.m takes the interface value; promoted and variadic methods keep their form.
// And a pointer method of an embedded non-struct field called on an addressable value.
package main

import "fmt"

type T struct{ n int }

func (t T) Get() int   { return t.n }
func (t *T) Set(n int) { t.n = n }
func (t T) Sum(xs ...int) int {
	s := t.n
	for _, x := range xs {
		s += x
	}
	return s
}

type I interface{ Get() int }

type E struct{ T }

type C int

func (c *C) Inc() { *c++ }

type W struct{ C }

var byName = map[string]func(T) int{"get": T.Get}

func main() {
	get := T.Get
	set := (*T).Set
	t := T{1}
	set(&t, 5)
	fmt.Println(get(t), (*T).Get(&t), T.Sum(t, 1, 2, 3), I.Get(t), E.Get(E{T{7}}), byName["get"](T{9}))
	fmt.Printf("%T %T %T\n", set, T.Sum, I.Get)
	f := T.Sum
	fmt.Println(f(t), f(t, []int{10, 20}...))
	var w W
	w.Inc()
	w.Inc()
	fmt.Println(w.C)
}
