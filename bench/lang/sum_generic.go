package main

import "fmt"

// Sum and Max over a slice of ints, written generic: sum_int.go is the same program with
// both functions written for int (bench/README.md compares the two).

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Max[T Number](xs []T) T {
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
