package main

import "fmt"

// Sum and Max over a slice of ints, written for int: the baseline of sum_generic.go, which is
// this program with Sum and Max generic (bench/README.md compares the two).

func Sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

func Max(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

func main() {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = (i * 7919) % 1000
	}
	total, top := 0, 0
	for round := 0; round < 20000; round++ {
		total += Sum(xs)
		top = max(top, Max(xs))
	}
	fmt.Println(total, top)
}
