// The article's mutex counter (assets/programs/05_mutex_counter.go) made long enough to time:
// 100 goroutines each increment a shared counter under its Mutex n times.
package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu    sync.Mutex
	count int
}

func (sc *SafeCounter) Increment() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.count++
}

func main() {
	const n = 30000
	counter := SafeCounter{}
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < n; j++ {
				counter.Increment()
			}
		}()
	}
	wg.Wait()
	fmt.Println("Final count:", counter.count)
}
