package main

import (
	"fmt"
	"sync"
)

// Many goroutines parked at once: each blocks in a receive until main, once all are there,
// closes the channel.
func main() {
	const n = 100000
	ch := make(chan int)
	var ready, done sync.WaitGroup
	for i := 0; i < n; i++ {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-ch
		}()
	}
	ready.Wait()
	close(ch)
	done.Wait()
	fmt.Println(n, "goroutines parked and released")
}
