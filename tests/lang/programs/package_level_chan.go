// A channel made by a package-level variable's initialiser, before main runs.
package main

import "fmt"

var ready = make(chan int, 1)

func main() {
	ready <- 42
	fmt.Println(<-ready, cap(ready))
}
