// A linked list of a million nodes, dropped at once: freeing it must not recurse node by node.
package main

import "fmt"

type node struct {
	next *node
	v    int
}

func main() {
	var head *node
	for i := 0; i < 1000000; i++ {
		head = &node{head, i}
	}
	fmt.Println(head.v, head.next.v)
	head = nil
	fmt.Println("freed")
}
