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

// FileMode is a file's mode and permission bits (Go's io/fs.FileMode).
type FileMode uint32

// ModePerm is the Unix permission bits.
const ModePerm FileMode = 0777

// The errors that an operation's error is (errors.Is) when the file is missing, already there,
// or not to be touched; Go's io/fs errors.
var (
	ErrNotExist   = errors.New("file does not exist")
	ErrExist      = errors.New("file already exists")
	ErrPermission = errors.New("permission denied")
)

// Errno is an error number of the system (Go's syscall.Errno), as a PathError holds it.
type Errno uintptr

func errnoText(e int) string

func (e Errno) Error() string { return errnoText(int(e)) }

// Is says whether e is one of the fs errors (Linux's numbers: EPERM 1, ENOENT 2, EACCES 13,
// EEXIST 17, ENOTEMPTY 39).
func (e Errno) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e == 1 || e == 13
	case ErrExist:
		return e == 17 || e == 39
	case ErrNotExist:
		return e == 2
	}
	return false
}

func readFile(name string) (data string, errno int, op string)
func writeFile(name, data string, perm int) (errno int, op string)
func remove(name string) (errno int)

// ReadFile reads the whole file; its error is a *PathError ("open nope.txt: no such file or
// directory"). The bytes count against the memory ceiling as they are read.
func ReadFile(name string) ([]byte, error) {
	data, e, op := readFile(name)
	if e != 0 {
		return nil, &PathError{Op: op, Path: name, Err: Errno(e)}
	}
	return []byte(data), nil
}

// WriteFile writes data to the file, creating it with perm (before the umask) if it is not
// there and emptying it first if it is.
func WriteFile(name string, data []byte, perm FileMode) error {
	if e, op := writeFile(name, string(data), int(perm&ModePerm)); e != 0 {
		return &PathError{Op: op, Path: name, Err: Errno(e)}
	}
	return nil
}

// Remove removes the file or empty directory.
func Remove(name string) error {
	if e := remove(name); e != 0 {
		return &PathError{Op: "remove", Path: name, Err: Errno(e)}
	}
	return nil
}

// IsNotExist says whether err says a file is missing (Go 1.16 would have errors.Is).
func IsNotExist(err error) bool { return underlyingIs(err, ErrNotExist) }

// IsExist says whether err says a file is already there.
func IsExist(err error) bool { return underlyingIs(err, ErrExist) }

// IsPermission says whether err says permission was denied.
func IsPermission(err error) bool { return underlyingIs(err, ErrPermission) }

// underlyingIs looks through a *PathError only, as Go's os.IsNotExist & co do.
func underlyingIs(err, target error) bool {
	if pe, ok := err.(*PathError); ok {
		err = pe.Err
	}
	if e, ok := err.(Errno); ok {
		return e.Is(target)
	}
	return err == target
}
