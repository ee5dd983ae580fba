// runtime.Caller, Callers, CallersFrames and FuncForPC: the functions and lines of the
// calling goroutine's frames as Go reports them, Go's names for methods and closures, and
// runtime.gopanic between a panic's deferred call and the frame that panicked.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct{}

func (t *T) M() { where() }

func base(file string) string { return file[strings.LastIndex(file, "/")+1:] }

func where() {
	pc, file, line, ok := runtime.Caller(1)
	fmt.Println(runtime.FuncForPC(pc).Name(), base(file), line, ok)
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			fmt.Println(" ", f.Function, f.Line)
		}
		if !more {
			break
		}
	}
}

func boom() { panic("boom") }

func panicky() {
	defer func() {
		fmt.Println("recovered:", recover())
		for i := 2; i <= 3; i++ { // 1 is runtime.gopanic
			pc, _, line, _ := runtime.Caller(i)
			fmt.Println(" ", runtime.FuncForPC(pc).Name(), line)
		}
	}()
	boom()
}

func main() {
	where()
	new(T).M()
	func() { where() }()
	panicky()
	_, _, _, ok := runtime.Caller(50)
	fmt.Println(ok, runtime.FuncForPC(0) == nil)
}
