// A defined type whose underlying type is another defined type declared later, reached while
// the first is still being declared (T3's field *T4, T4 is T5, T5 is T3): all three are
// structs, and composite literals of each work.
package main

import "fmt"

type T3 struct {
	Next *T4
	N    int
}

type T4 T5
type T5 T3

func main() {
	a := &T3{&T4{N: 2}, 1}
	b := &T5{&T4{}, 3}
	fmt.Println(a.N, a.Next.N, b.N, b.Next.Next == nil)
}
