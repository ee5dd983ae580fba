// &[]T{...} and &map[K]V{...} are pointers to fresh variables holding the literal (bug119.go).
package main

import "fmt"

func grow(p *[]int) { *p = append(*p, len(*p)) }

func main() {
	p := &[]int{1, 2}
	q := p
	grow(p)
	fmt.Println(*p, *q, len(*q))
	m := &map[string]int{"a": 1}
	(*m)["b"] = 2
	fmt.Println(len(*m), (*m)["b"])
	r := &[]string{}
	*r = append(*r, "x")
	fmt.Println(*r, p != &[]int{1, 2})
}
