// main calls runtime.Goexit with no other goroutine: its deferred calls run, then Go ends the
// program with "fatal error: no goroutines (main called runtime.Goexit) - deadlock!" (no dump).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main's deferred call runs")
	defer func() { fmt.Println("recover in Goexit's defer:", recover()) }()
	fmt.Println("main starts")
	runtime.Goexit()
	fmt.Println("not reached")
}
