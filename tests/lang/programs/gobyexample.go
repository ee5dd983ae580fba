package main

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

type readOp struct {
	key  int
	resp chan int
}

type writeOp struct {
	key  int
	val  int
	resp chan bool
}

type argError struct {
	arg  int
	prob string
}

func (e *argError) Error() string { return fmt.Sprintf("%d - %s", e.arg, e.prob) }

func f2(arg int) (int, error) {
	if arg == 42 {
		return -1, &argError{arg, "can't work with it"}
	}
	return arg + 3, nil
}

type person struct {
	name string
	age  int
}

func newPerson(name string) *person {
	p := person{name: name}
	p.age = 42
	return &p
}

type rect struct{ width, height int }

func (r *rect) area() int { return r.width * r.height }

func main() {
	// stateful goroutine
	reads := make(chan readOp)
	writes := make(chan writeOp)
	go func() {
		state := make(map[int]int)
		for {
			select {
			case read := <-reads:
				read.resp <- state[read.key]
			case write := <-writes:
				state[write.key] = write.val
				write.resp <- true
			}
		}
	}()
	w := writeOp{key: 1, val: 10, resp: make(chan bool)}
	writes <- w
	<-w.resp
	r := readOp{key: 1, resp: make(chan int)}
	reads <- r
	fmt.Println("read:", <-r.resp)

	// rate limiting
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(200 * time.Millisecond)
	start := time.Now()
	for req := range requests {
		<-limiter
		fmt.Println("request", req, time.Since(start))
	}

	// errors
	for _, i := range []int{7, 42} {
		if r, e := f2(i); e != nil {
			fmt.Println("f2 failed:", e)
		} else {
			fmt.Println("f2 worked:", r)
		}
	}
	_, e := f2(42)
	var ae *argError
	if errors.As(e, &ae) {
		fmt.Println(ae.arg, ae.prob)
	}

	// structs, methods, method values
	fmt.Println(person{"Bob", 20}, &person{name: "Ann", age: 40}, newPerson("Jon"))
	rc := rect{10, 5}
	area := rc.area
	rc.width = 20
	fmt.Println("area:", area(), rc.area())

	// sorting by functions, strings
	fruits := []string{"peach", "banana", "kiwi"}
	sort.Slice(fruits, func(i, j int) bool { return len(fruits[i]) < len(fruits[j]) })
	fmt.Println(fruits, strings.ToUpper(strings.Join(fruits, "+")))

	// mutexes
	var mu sync.Mutex
	counters := map[string]int{"a": 0, "b": 0}
	var wg sync.WaitGroup
	doIncrement := func(name string, n int) {
		for i := 0; i < n; i++ {
			mu.Lock()
			counters[name]++
			mu.Unlock()
		}
		wg.Done()
	}
	wg.Add(3)
	go doIncrement("a", 10000)
	go doIncrement("a", 10000)
	go doIncrement("b", 10000)
	wg.Wait()
	fmt.Println(counters)

	// random numbers are seeded by the run
	n := rand.Intn(100)
	fmt.Println(n >= 0 && n < 100)

	// panics and exit
	defer fmt.Println("!")
	if len(os.Args) > 5 {
		panic("too many")
	}
	fmt.Println("args:", len(os.Args))
}
