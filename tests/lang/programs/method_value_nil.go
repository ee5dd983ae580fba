// A value method's receiver is copied when a method value is made or the method called; through
// a nil pointer that is Go's nil dereference panic, at that moment.
package main

import "fmt"

type S struct{ a, b int }

func (s S) Sum() int { return s.a + s.b }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Println(name, r != nil, r)
	}()
	f()
}

func main() {
	var p *S
	try("method value", func() { f := p.Sum; _ = f })
	try("call", func() { _ = p.Sum() })
	p = &S{1, 2}
	f := p.Sum
	p.a = 10
	fmt.Println(f(), p.Sum())
}
