// Recovered run-time panics: %T names Go's concrete types (runtime.boundsError,
// runtime.plainError, runtime.errorString, *runtime.TypeAssertionError), %v their messages, and
// each is a runtime.Error and an error.
package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %T %v\n", name, r, r)
		if re, ok := r.(runtime.Error); ok {
			fmt.Println("  runtime.Error:", re.Error())
		}
		if e, ok := r.(error); ok {
			fmt.Println("  error:", e)
		}
	}()
	f()
}

func main() {
	var s []int
	var m map[string]int
	var p *struct{ x int }
	var i interface{} = "str"
	z := 0
	try("index", func() { _ = s[5] })
	try("slice", func() { _ = s[1:5] })
	try("nilmap", func() { m["a"] = 1 })
	try("div", func() { fmt.Println(1 / z) })
	try("nilptr", func() { fmt.Println(p.x) })
	try("assert", func() { fmt.Println(i.(int)) })
	try("closed", func() { c := make(chan int); close(c); close(c) })
	try("user", func() { panic("mine") })
	try("usererr", func() { panic(fmt.Errorf("wrapped")) })
}
