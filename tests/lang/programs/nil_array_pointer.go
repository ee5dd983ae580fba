// A nil pointer to an array: its length is known without it, so `for i := range p` and
// `for i, _ := range p` run; indexing it, or taking &*p, is a nil dereference (not an index out
// of range, as for a nil slice).
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	var p *[4]int
	n := 0
	for i, _ := range p {
		n += i
	}
	for i := range p {
		n += i
	}
	fmt.Println("sum of indices", n)
	try("p[1]", func() { _ = p[1] })
	try("p[1] = 2", func() { p[1] = 2 })
	try("&p[1]", func() { _ = &p[1] })
	var ip *int
	try("&*ip", func() { _ = &*ip })
	try("&*p", func() { _ = &*p })
	var s []int
	try("s[1]", func() { _ = s[1] })
}
