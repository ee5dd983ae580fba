// recover() as Go's spec and gc give it: a panic inside a deferred call of another panic, each
// recovered by its own deferred call; `defer recover()` recovering for the function that
// deferred it, and doing nothing when a panic runs it itself; run-time errors that assert to
// runtime.Error and error; len of a pointer to an array that calls a function evaluates it;
// runtime.Stack names the frame that panicked; asserting a local type of another function
// says the types are from different scopes.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

func mustRecover(want any) {
	if v := recover(); v != want {
		fmt.Println("recovered", v, "want", want)
		return
	}
	fmt.Println("recovered", want)
}

func nested() {
	defer mustRecover(1)
	defer func() {
		defer mustRecover(2)
		panic(2)
	}()
	panic(1)
}

func deferredRecover() {
	defer mustRecover(nil)
	defer func() {
		defer recover() // recovers 5 as the deferred function returns
	}()
	panic(5)
}

func recoverRunByPanic() {
	defer mustRecover(2)
	defer func() {
		defer mustRecover(3)
		defer recover() // run by panic 3 itself: does nothing
		panic(3)
	}()
	panic(2)
}

var calls int

func arr() *[4]int {
	calls++
	return nil
}

func stack() {
	defer func() {
		recover()
		buf := make([]byte, 1024)
		s := string(buf[:runtime.Stack(buf, false)])
		fmt.Println(strings.HasPrefix(s, "goroutine "), strings.Contains(s, "main.stack()"))
	}()
	var p *int
	*p = 1
}

var boxed any

func localT() {
	type T struct{}
	boxed = T{}
}

func otherT() {
	type T struct{}
	defer func() { fmt.Println(recover()) }()
	_ = boxed.(T)
}

func main() {
	localT()
	otherT()
	nested()
	deferredRecover()
	recoverRunByPanic()
	func() {
		defer func() {
			v := recover()
			re, isRuntime := v.(runtime.Error)
			err, isError := v.(error)
			fmt.Println(isRuntime, isError, re.Error() == err.Error(), errors.Is(err, err))
			fmt.Println(err)
		}()
		var a []int
		_ = a[3]
	}()
	n := len(arr())
	fmt.Println(n, calls)
	stack()
}
