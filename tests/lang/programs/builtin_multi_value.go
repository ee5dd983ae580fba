// copy(f()) and delete(f()): a two-result call gives a builtin both its arguments (gc accepts
// it, as for any function).
package main

import "fmt"

func f(a []byte) ([]byte, []byte) { return a, []byte("abc") }

func g(a []byte) ([]byte, string) { return a, "xy" }

func h(m map[int]int) (map[int]int, int) { return m, 0 }

func main() {
	a := []byte{1, 2, 3, 4}
	n := copy(f(a))
	fmt.Println(n, a)
	b := []byte{1, 2, 3}
	n = copy(g(b))
	fmt.Println(n, b)
	copy(g(b[2:]))
	fmt.Println(b)
	m := map[int]int{0: 0, 1: 1}
	delete(h(m))
	fmt.Println(len(m), m)
}
