package main

import "fmt"

func add(a, b int) int { return a + b }

func main() {
	fmt.Println(add(1))
	fmt.Println(add(1, 2, 3))
	var p *int
	fmt.Println(p.x, add)
	s := []int{1}
	fmt.Println(s[1.5], len(1))
	for i := range 10 {
		fmt.Println(i)
	}
	fmt.Printline("x")
	x := 5
	x.y = 1
	break
}
