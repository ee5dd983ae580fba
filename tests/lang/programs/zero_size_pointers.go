// Pointers to zero-size variables ([0]T, struct{}) are all equal, as gc's are (each points at
// its zerobase): as operands of ==, as map keys and inside interfaces. Go's spec leaves it open;
// Go's own tests (fixedbugs/bug352.go) check gc's answer.
package main

import "fmt"

var x [10][0]byte
var y = make([]struct{}, 10)

func main() {
	fmt.Println(&x[1] == &x[2], &y[1] == &y[2], &x[3] != &x[4])
	m := map[*struct{}]int{}
	m[&y[0]]++
	m[&y[3]]++
	fmt.Println(len(m), m[&y[9]])
	var i, j interface{} = &x[0], &x[5]
	fmt.Println(i == j)
	a := []int{1, 2, 3}
	fmt.Println((*[0]int)(a) == (*[0]int)(a[1:]), (*[1]int)(a) == (*[1]int)(a[1:]))
}
