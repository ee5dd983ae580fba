package main

import (
	"fmt"
	"sync"
)

// Many goroutines parked at once: each blocks in a receive until main closes the channel.
func main() {
	const n = 100000
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ch
		}()
	}
	close(ch)
	wg.Wait()
	fmt.Println(n, "goroutines parked and released")
}
