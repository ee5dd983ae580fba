// A type assertion to an interface matches a method by its name and its signature: a method
// of the name with another signature does not make the type implement the interface.
package main

import (
	"errors"
	"fmt"
)

type one struct{}

func (one) Error() string { return "one" }
func (one) Unwrap() error { return errors.New("inner") }

type many struct{}

func (many) Error() string   { return "many" }
func (many) Unwrap() []error { return []error{errors.New("a"), errors.New("b")} }

type M interface{ M(int) string }

type takesString struct{}

func (takesString) M(s string) string { return s }

type takesInt struct{}

func (takesInt) M(i int) string { return fmt.Sprint(i) }

func main() {
	for _, e := range []error{one{}, many{}} {
		_, single := e.(interface{ Unwrap() error })
		_, multi := e.(interface{ Unwrap() []error })
		fmt.Println(e, single, multi)
	}
	for _, x := range []any{takesString{}, takesInt{}} {
		if m, ok := x.(M); ok {
			fmt.Println("M:", m.M(7))
		} else {
			fmt.Printf("%T is no M\n", x)
		}
	}
	defer func() { fmt.Println(recover()) }()
	_ = any(takesString{}).(M)
}
