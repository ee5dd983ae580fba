package main

import "fmt"

// A slice-and-map sieve: the primes below n in a []bool sieve, then how many end in each
// digit, counted in a map.
func main() {
	const n = 5000000
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if !composite[i] {
			primes = append(primes, i)
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	last := map[int]int{}
	for _, p := range primes {
		last[p%10]++
	}
	fmt.Println(len(primes), last[1], last[3], last[7], last[9])
}
