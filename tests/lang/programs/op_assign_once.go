// x op= y and x++ evaluate the operands of x once (Go's spec, "Assignment statements"): a map,
// pointer, index or struct that a call gives is asked for once, not once to read and once to
// write.
package main

import "fmt"

var m = map[string]int{"a": 1}
var calls []string

func mp() map[string]int { calls = append(calls, "map"); return m }
func key() string        { calls = append(calls, "key"); return "a" }

var n = 10

func ptr() *int { calls = append(calls, "ptr"); return &n }

type T struct{ x int }

var t T

func tp() *T { calls = append(calls, "struct"); return &t }

var s = []int{1, 2, 3}

func idx() int { calls = append(calls, "idx"); return 2 }

func main() {
	mp()[key()] += 5
	mp()["a"]++
	*ptr() %= 4
	*ptr() <<= 3
	tp().x -= 7
	tp().x++
	s[idx()] *= 10
	fmt.Println(m, n, t.x, s)
	fmt.Println(calls)
}
