// Many blocked goroutines
// The goroutine leak, many times over: leakers goroutines wait forever on a channel while main
// sleeps (bench/frame_time.sh: the window's frame time with that many live goroutines).
package main

import (
	"fmt"
	"time"
)

func main() {
	leakers := 10000 // goroscope: slider 1..1000000 "goroutines left waiting"
	sleepMs := 100   // goroscope: slider 0..3600000 "how long main waits (ms)"
	neverSendChannel := make(chan int)
	for i := 0; i < leakers; i++ {
		go func() {
			x := <-neverSendChannel // Blocks forever
			fmt.Println(x)
		}()
	}
	time.Sleep(time.Duration(sleepMs) * time.Millisecond)
	fmt.Println("main returns;", leakers, "goroutines are still blocked (leaked)")
}
