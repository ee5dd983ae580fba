// The article's data race (assets/programs/13_pitfall_data_race.go) made long enough to time:
// two goroutines add to one counter without synchronisation, n times each.
package main

import (
	"fmt"
	"time"
)

func main() {
	const n = 40000000
	counter := 0
	go func() {
		for i := 0; i < n; i++ {
			counter++
		}
	}()
	go func() {
		for i := 0; i < n; i++ {
			counter++
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("counter:", counter)
}
