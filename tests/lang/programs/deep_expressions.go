package main

import "fmt"

// Deeply nested expressions: a sum of 120 terms, 100 nested calls, 100 nested parentheses. The
// checker walks them recursively; in the page (WebAssembly) each level takes a frame of the
// browser's own stack, which once held fewer than 30 levels of the checker's.

func inc(x int) int { return x + 1 }

func main() {
	v := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	fmt.Println(v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9] + v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9])
	fmt.Println(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(inc(1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
	fmt.Println(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1 * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1) * 1))
}
