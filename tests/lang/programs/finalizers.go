// runtime.SetFinalizer on reference-counted memory: once nothing refers to an object, it is
// kept for its finalizer, which the finalizer goroutine runs after runtime.GC. An object that
// refers to another is finalized first (the other lives while its finalizer runs); a finalizer
// may take an interface; SetFinalizer(p, nil) removes one; an object still referred to keeps
// its finalizer waiting.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type Node struct {
	name string
	next *Node
}

func main() {
	done := make(chan string, 10)
	func() {
		a := &Node{name: "a"}
		b := &Node{name: "b"}
		a.next = b
		runtime.SetFinalizer(a, func(n *Node) { done <- "finalized " + n.name + ", next " + n.next.name })
		runtime.SetFinalizer(b, func(n *Node) { done <- "finalized " + n.name })
	}()
	runtime.GC()
	fmt.Println(<-done)
	for i := 0; i < 10 && len(done) == 0; i++ {
		time.Sleep(time.Millisecond)
		runtime.GC()
	}
	fmt.Println(<-done)

	// a pointer to a string; a finalizer that takes an interface
	s := new(string)
	*s = "hello"
	runtime.SetFinalizer(s, func(v any) { done <- "string " + *v.(*string) })
	s = nil
	runtime.GC()
	fmt.Println(<-done)

	// removed, or still referred to: no finalizer runs
	y := &Node{name: "y"}
	runtime.SetFinalizer(y, func(*Node) { done <- "y" })
	runtime.SetFinalizer(y, nil)
	y = nil
	kept := &Node{name: "kept"}
	runtime.SetFinalizer(kept, func(*Node) { done <- "kept" })
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	select {
	case s := <-done:
		fmt.Println("unexpected", s)
	default:
		fmt.Println("no other finalizer ran")
	}
	runtime.KeepAlive(kept)
}
