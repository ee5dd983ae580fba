// std_errors_join: errors.Join (Go 1.20): its text, a line an error, and Is and As looking
// through each joined error; Unwrap of a Join is nil. (Go 1.20 prints the same.)
package main

import (
	"errors"
	"fmt"
	"io"
)

type codeErr struct{ code int }

func (e *codeErr) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	err1 := errors.New("first")
	err2 := fmt.Errorf("second: %w", io.EOF)
	j := errors.Join(err1, nil, err2, &codeErr{7})
	fmt.Println(j)
	fmt.Println(errors.Is(j, err1), errors.Is(j, io.EOF), errors.Is(j, io.ErrUnexpectedEOF))
	var ce *codeErr
	fmt.Println(errors.As(j, &ce), ce.code)
	wrapped := fmt.Errorf("outer: %w", j)
	fmt.Println(errors.Is(wrapped, io.EOF))
	fmt.Println(errors.Is(io.EOF, io.EOF), errors.Is(nil, io.EOF), errors.Unwrap(j) == nil)
}
