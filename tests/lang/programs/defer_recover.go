package main

import (
	"errors"
	"fmt"
)

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("body")
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func named() (x int) {
	defer func() { x *= 2 }()
	x = 5
	return x + 1
}

func index(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return xs[i], nil
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(code int) error {
	if code > 0 {
		return fmt.Errorf("find: %w", &MyErr{code})
	}
	return nil
}

var ErrNotFound = errors.New("not found")

func lookup(k string) error {
	return fmt.Errorf("lookup %q: %w", k, ErrNotFound)
}

func main() {
	order()
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(named())
	fmt.Println(index([]int{1, 2, 3}, 5))
	err := find(42)
	var me *MyErr
	if errors.As(err, &me) {
		fmt.Println("as:", me.Code, err)
	}
	e2 := lookup("k")
	fmt.Println(e2, errors.Is(e2, ErrNotFound), errors.Is(e2, errors.New("not found")))
	fmt.Println(errors.Unwrap(e2) == ErrNotFound)
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
		}()
		var m map[string]int
		m["x"] = 1
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		panic(fmt.Sprintf("custom %d", 7))
	}()
	fmt.Println(recover())
}
