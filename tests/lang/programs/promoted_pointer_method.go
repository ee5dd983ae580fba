// A pointer method promoted from an embedded non-pointer field, called through an interface,
// gets the field's address; a value received by select into an interface variable is boxed;
// string() of an integer past Unicode is U+FFFD, constant or not; %q escapes what Go does not
// print (U+00A0, U+200B, U+10FFFF, ...).
package main

import "fmt"

type T int

func (t *T) Inc()     { *t++ }
func (t T) Get() int  { return int(t) }

type S struct {
	name string
	T
}

type Counter interface {
	Inc()
	Get() int
}

func main() {
	var s S
	s.T = 41
	var c Counter = &s
	c.Inc()
	fmt.Println(c.Get(), s.T)

	var i interface{}
	ch := make(chan int, 1)
	ch <- 7
	select {
	case i = <-ch:
	}
	fmt.Println(i == 7, i)

	const huge = string(rune(0x10FFFF)) + string(1<<100)
	u := uint64(0x10001f4a9)
	fmt.Printf("%q %q\n", huge, string(u))
}

func init() {
	fmt.Printf("%q %q %q %q\n", "a\u00a0b\u200bc\u00e9\U0001F600", '\u00ad', '\x7f', '\U000E0001')
}
