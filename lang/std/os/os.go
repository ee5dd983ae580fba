package os

import (
	"errors"
	"io"
)

func Exit(code int)

var Args = []string{"prog"}

func lookupEnv(key string) (value string, ok bool)

// Getenv is the value of the environment variable key, "" if it is not set.
func Getenv(key string) string {
	v, _ := lookupEnv(key)
	return v
}

// LookupEnv is the value of the environment variable key and whether it is set.
func LookupEnv(key string) (string, bool) { return lookupEnv(key) }

// File is an open file. Goroscope's programs have the standard input, output and error:
// what a File writes goes where fmt.Print's and print's text goes; Stdin reads the process's
// standard input (what is typed, or piped into `goroscope run`).
type File struct {
	fd   int
	name string
}

var (
	Stdin  = &File{0, "/dev/stdin"}
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

func write(fd int, s string)
func read(fd int, n int) (text string, ok bool)

// Read reads up to len(b) bytes into b: what input there is, waiting for some; at the input's
// end 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if len(b) == 0 {
		return 0, nil
	}
	text, ok := read(f.fd, len(b))
	if !ok {
		return 0, &PathError{Op: "read", Path: f.name, Err: errors.New("bad file descriptor")}
	}
	if len(text) == 0 {
		return 0, io.EOF
	}
	return copy(b, text), nil
}

// Write writes b to the file and says how many bytes it wrote.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	write(f.fd, string(b))
	return len(b), nil
}

// WriteString is Write of s's bytes.
func (f *File) WriteString(s string) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	write(f.fd, s)
	return len(s), nil
}

// Name is the file's name.
func (f *File) Name() string { return f.name }

// Fd is the file's descriptor.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

// ErrInvalid: an operation on a nil File.
var ErrInvalid = errors.New("invalid argument")

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }
