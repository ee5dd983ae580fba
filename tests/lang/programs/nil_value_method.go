// A value method called through an interface that holds a nil *T: Go's wrapper panics with
// "value method main.T.F called using nil *T pointer", a runtime.Error.
package main

import (
	"fmt"
	"runtime"
)

type T int

func (t T) F() int { return int(t) }

type G[X any] struct{ x X }

func (g G[X]) Get() X { return g.x }

type I interface{ F() int }

func try(f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Println(r, isRuntime)
	}()
	f()
}

func main() {
	var t *T
	var i I = t
	try(func() { i.F() })
	var g *G[int]
	var j interface{ Get() int } = g
	try(func() { j.Get() })
	try(func() { t.F() })
}
