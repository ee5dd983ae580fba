package os

import "errors"

func Exit(code int)

var Args = []string{"prog"}

func Getenv(key string) string { return "" }

// File is an open file. Goroscope's programs have the standard output and standard error:
// what a File writes there goes where fmt.Print's and print's text goes.
type File struct {
	fd   int
	name string
}

var (
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

func write(fd int, s string)

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
