// runtime.Goexit: the goroutine's deferred calls run, recover() in them returns nil, and the
// goroutine ends; other goroutines go on. Also: a panic's deferred calls run as any code
// does (they may call anything), and the panic goes on when they return without recover().
package main

import (
	"fmt"
	"runtime"
)

func worker(done chan string) {
	defer func() { done <- fmt.Sprint("worker's defer, recover: ", recover()) }()
	defer fmt.Println("worker's second defer runs first")
	func() {
		defer fmt.Println("inner defer")
		runtime.Goexit()
	}()
	fmt.Println("not reached")
}

func nested() (s string) {
	defer func() {
		r := recover()
		s = fmt.Sprintf("recovered %v after %s", r, s)
	}()
	defer func() {
		s = fmt.Sprint("a deferred call that prints: ", len(fmt.Sprint("x", 1, 2.5)))
	}()
	panic("boom")
}

func main() {
	done := make(chan string)
	go worker(done)
	fmt.Println(<-done)
	fmt.Println(nested())
}
