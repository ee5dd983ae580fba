package main

import "fmt"

// A loop without a condition whose body starts with a comparison: the comparison is the
// body's, not the loop's exit test.
func main() {
	i := 0
	for {
		if i > 3 {
			break
		}
		fmt.Println(i)
		i++
	}
	for j := 0; ; j++ {
		if j < 2 {
			fmt.Println("small", j)
			continue
		}
		if j == 4 {
			break
		}
		fmt.Println("big", j)
	}
	a, x := false, 1
	if a || x > 0 {
		fmt.Println("or")
	}
}
