// Go 1.20-1.21 pieces: errors.Join, fmt.Errorf with several %w (Unwrap() []error, which
// errors.Is and As follow), sync.OnceFunc/OnceValue/OnceValues, min, max and clear.
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrA = errors.New("a failed")
var ErrB = errors.New("b failed")

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }

// multi is a program's own error that wraps several.
type multi struct{ errs []error }

func (m multi) Error() string   { return "multi" }
func (m multi) Unwrap() []error { return m.errs }

func main() {
	j := errors.Join(ErrA, nil, codeErr{7})
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrA), errors.Is(j, ErrB))
	var ce codeErr
	fmt.Println(errors.As(j, &ce), ce.code)
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	w := fmt.Errorf("both: %w, %w", ErrA, ErrB)
	fmt.Println(w, errors.Is(w, ErrA), errors.Is(w, ErrB), errors.Unwrap(w) == nil)

	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("init ran") })
	f()
	f()
	fmt.Println("calls", calls)
	v := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println(v(), v(), calls)
	vs := sync.OnceValues(func() (string, error) { return "cfg", nil })
	s, err := vs()
	fmt.Println(s, err)
	fmt.Println(min(3, 1, 2), max(2.5, 1.0), min("b", "a"))
	m := map[string]int{"x": 1}
	clear(m)
	fmt.Println(len(m))
	var target codeErr
	fmt.Println(errors.Is(multi{[]error{ErrA, ErrB}}, ErrB), errors.As(multi{[]error{codeErr{9}}}, &target), target.code)
}
