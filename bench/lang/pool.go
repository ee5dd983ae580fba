// bench/lang/pool.go: the article's worker pool (14_performance_million.go's second half) on
// its own: 8 workers take 1,000,000 ints from one buffered channel (cap 1024) and write each
// result to its own slot. Channel-heavy: every job is a send and a receive on the same channel,
// and the workers park and wake as it empties and fills. Prints the checksum, so compiled Go,
// gorun and goroscope run can be checked against each other (1499998500000).
package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 1000000
	const workers = 8
	const buffer = 1024
	results := make([]int, n)
	jobs := make(chan int, buffer)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = i * 3
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(sum)
}
