// Package io: the interfaces of reading and writing, as Go's io declares them, with EOF,
// WriteString, ReadAtLeast, ReadFull, Copy and ReadAll. Go's pipes and section readers are
// not here yet.
package io

import "errors"

// EOF is what Read returns when no more input is available.
var EOF = errors.New("EOF")

// ErrUnexpectedEOF means that EOF came in the middle of a fixed-size block or structure.
var ErrUnexpectedEOF = errors.New("unexpected EOF")

// ErrNoProgress: a Reader returned no data and no error too many times in a row.
var ErrNoProgress = errors.New("multiple Read calls return no data or error")

// ErrShortBuffer means that a read needed a longer buffer than it was given.
var ErrShortBuffer = errors.New("short buffer")

// ErrClosedPipe is the error of a write to, or read from, a closed pipe.
var ErrClosedPipe = errors.New("io: read/write on closed pipe")

// ErrShortWrite means that a write accepted fewer bytes than asked for, without an error.
var ErrShortWrite = errors.New("short write")

type Reader interface {
	Read(p []byte) (n int, err error)
}

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Closer interface {
	Close() error
}

type ReadWriter interface {
	Reader
	Writer
}

type ReadCloser interface {
	Reader
	Closer
}

type WriteCloser interface {
	Writer
	Closer
}

type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

// ReaderFrom reads from r until EOF (bytes.Buffer, bufio.Writer).
type ReaderFrom interface {
	ReadFrom(r Reader) (n int64, err error)
}

// WriterTo writes what it holds to w (bytes.Buffer, strings.Reader, bufio.Reader).
type WriterTo interface {
	WriteTo(w Writer) (n int64, err error)
}

type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// WriteString writes s to w, through its WriteString method when it has one.
func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

type discard struct{}

func (discard) Write(p []byte) (int, error)       { return len(p), nil }
func (discard) WriteString(s string) (int, error) { return len(s), nil }

// Discard is a Writer on which every Write succeeds and does nothing.
var Discard Writer = discard{}

type ByteReader interface {
	ReadByte() (byte, error)
}

type RuneReader interface {
	ReadRune() (r rune, size int, err error)
}

// ByteScanner is a ByteReader that can give back the last byte it read.
type ByteScanner interface {
	ByteReader
	UnreadByte() error
}

// RuneScanner is a RuneReader that can give back the last rune it read.
type RuneScanner interface {
	RuneReader
	UnreadRune() error
}

// ByteWriter writes one byte.
type ByteWriter interface {
	WriteByte(c byte) error
}

// ReadAtLeast reads into buf until it has at least min bytes; fewer at EOF is
// ErrUnexpectedEOF (none at all: EOF).
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if len(buf) < min {
		return 0, ErrShortBuffer
	}
	for n < min && err == nil {
		var nn int
		nn, err = r.Read(buf[n:])
		n += nn
	}
	if n >= min {
		err = nil
	} else if n > 0 && err == EOF {
		err = ErrUnexpectedEOF
	}
	return
}

// ReadFull reads exactly len(buf) bytes, or says why not (as ReadAtLeast).
func ReadFull(r Reader, buf []byte) (n int, err error) { return ReadAtLeast(r, buf, len(buf)) }

// Copy copies from src to dst until EOF and says how many bytes it copied.
// A src that is a WriterTo, or a dst that is a ReaderFrom, does the copying itself.
func Copy(dst Writer, src Reader) (written int64, err error) {
	if wt, ok := src.(WriterTo); ok {
		return wt.WriteTo(dst)
	}
	if rf, ok := dst.(ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	buf := make([]byte, 32*1024)
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			written += int64(nw)
			if ew != nil {
				return written, ew
			}
			if nw != nr {
				return written, ErrShortWrite
			}
		}
		if er == EOF {
			return written, nil
		}
		if er != nil {
			return written, er
		}
	}
}

// ReadAll reads from r until EOF and returns what it read.
func ReadAll(r Reader) ([]byte, error) {
	b := make([]byte, 0, 512)
	buf := make([]byte, 512)
	for {
		n, err := r.Read(buf)
		b = append(b, buf[:n]...)
		if err == EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}
