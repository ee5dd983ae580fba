// recover_in_a_helper_after_a_panic.go: recover() called by a function that a deferred call
// calls (not by the deferred call itself) returns nil, as the spec says, also where an earlier
// panic ran a deferred call at the same depth of the stack; the panic goes on.
package main

import "fmt"

func helper() interface{} { return recover() }

func g() {
	defer func() {}() // run by panic(1), returns without recovering
	panic(1)
}

func mid() { g() }

func f() {
	defer func() { fmt.Println("f recovered", recover()) }()
	mid()
}

func h() {
	defer func() { fmt.Println("helper got", helper()) }() // as deep as g's deferred call
	panic(2)
}

func run() {
	defer func() { fmt.Println("run recovered", recover()) }()
	h()
	fmt.Println("not reached")
}

func main() {
	f()
	run()
}
