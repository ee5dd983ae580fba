// main calls runtime.Goexit while a worker still runs: the worker goes on and prints, and once
// it ends no goroutine is left: "no goroutines (main called runtime.Goexit) - deadlock!".
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(10 * time.Millisecond)
			fmt.Println("worker step", i)
		}
		fmt.Println("worker done")
	}()
	defer fmt.Println("main's deferred call runs before the worker ends")
	runtime.Goexit()
}
