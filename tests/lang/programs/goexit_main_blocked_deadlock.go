// main calls runtime.Goexit while another goroutine blocks forever: Go's usual "all goroutines
// are asleep - deadlock!", whose dump lists the blocked goroutine and not main, which ended.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	started := make(chan bool)
	go func() {
		fmt.Println("worker waits")
		started <- true
		<-ch
	}()
	<-started
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
}
