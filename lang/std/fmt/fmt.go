package fmt

import (
	"errors"
	"io"
)

type Stringer interface {
	String() string
}

func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string

func wrapIndex(format string) int

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

func Errorf(format string, a ...any) error {
	s := Sprintf(format, a...)
	i := wrapIndex(format)
	if i >= 0 && i < len(a) {
		if e, ok := a[i].(error); ok {
			return &wrapError{s, e}
		}
	}
	return errors.New(s)
}

// Fprint formats as Print does and writes to w.
func Fprint(w io.Writer, a ...any) (n int, err error) { return io.WriteString(w, Sprint(a...)) }

// Fprintf formats as Printf does and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return io.WriteString(w, Sprintf(format, a...))
}

// Fprintln formats as Println does and writes to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) { return io.WriteString(w, Sprintln(a...)) }
