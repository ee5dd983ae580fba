// Package io: the interfaces of reading and writing, as Go's io declares them, with EOF,
// WriteString, ReadAtLeast, ReadFull, Copy, ReadAll, Pipe and SectionReader.
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

// pipe is the state both ends of a Pipe share. A Write hands its bytes to Reads over wrCh,
// one Read at a time, and learns over rdCh how many each took; it returns when all are taken
// or either end closes. Invariants: wrMu holds a token while a Write is in progress (one
// writer at a time); done is closed once, by the first Close of either end, under closeMu,
// which also guards rerr and werr.
type pipe struct {
	wrMu    chan struct{}
	wrCh    chan []byte
	rdCh    chan int
	done    chan struct{}
	closeMu chan struct{}
	closed  bool
	rerr    error // why the reader closed
	werr    error // why the writer closed
}

func (p *pipe) read(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.readCloseError()
	default:
	}
	select {
	case bw := <-p.wrCh:
		nr := copy(b, bw)
		p.rdCh <- nr
		return nr, nil
	case <-p.done:
		return 0, p.readCloseError()
	}
}

func (p *pipe) write(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.writeCloseError()
	case p.wrMu <- struct{}{}:
	}
	defer func() { <-p.wrMu }()
	first := true
	for first || len(b) > 0 {
		first = false
		select {
		case p.wrCh <- b:
			nw := <-p.rdCh
			b = b[nw:]
			n += nw
		case <-p.done:
			return n, p.writeCloseError()
		}
	}
	return n, nil
}

// closeWith records why one end closed (the first reason of each end stays) and closes done.
func (p *pipe) closeWith(reader bool, err error) {
	p.closeMu <- struct{}{}
	if reader {
		if p.rerr == nil {
			p.rerr = err
		}
	} else if p.werr == nil {
		p.werr = err
	}
	if !p.closed {
		p.closed = true
		close(p.done)
	}
	<-p.closeMu
}

func (p *pipe) errors() (rerr, werr error) {
	p.closeMu <- struct{}{}
	rerr, werr = p.rerr, p.werr
	<-p.closeMu
	return
}

// readCloseError: a Read after the writer closed gets the writer's reason (EOF for Close).
func (p *pipe) readCloseError() error {
	rerr, werr := p.errors()
	if rerr == nil {
		if werr != nil {
			return werr
		}
	}
	return ErrClosedPipe
}

// writeCloseError: a Write after the reader closed gets the reader's reason.
func (p *pipe) writeCloseError() error {
	rerr, werr := p.errors()
	if werr == nil {
		if rerr != nil {
			return rerr
		}
	}
	return ErrClosedPipe
}

// PipeReader is the read half of a pipe.
type PipeReader struct{ p *pipe }

// Read waits for a Write and takes what fits in data; after the writer closed, the reason
// it gave (EOF for Close).
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }

// Close closes the reader: Writes from now on fail with ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reader: Writes from now on fail with err (ErrClosedPipe if nil).
func (r *PipeReader) CloseWithError(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	r.p.closeWith(true, err)
	return nil
}

// PipeWriter is the write half of a pipe.
type PipeWriter struct{ p *pipe }

// Write waits until Reads have taken all of data (or an end closes).
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }

// Close closes the writer: Reads from now on get EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writer: Reads from now on get err (EOF if nil).
func (w *PipeWriter) CloseWithError(err error) error {
	if err == nil {
		err = EOF
	}
	w.p.closeWith(false, err)
	return nil
}

// Pipe is a synchronous in-memory pipe: each Write waits until Reads on the other end have
// taken all of its bytes, with no buffering between them (a goroutine writes, another reads).
func Pipe() (*PipeReader, *PipeWriter) {
	p := &pipe{
		wrMu:    make(chan struct{}, 1),
		wrCh:    make(chan []byte),
		rdCh:    make(chan int),
		done:    make(chan struct{}),
		closeMu: make(chan struct{}, 1),
	}
	return &PipeReader{p}, &PipeWriter{p}
}

// Seek whence values.
const (
	SeekStart   = 0
	SeekCurrent = 1
	SeekEnd     = 2
)

// Seeker is what Seek is for.
type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
}

// CopyN copies n bytes (or up to an error) from src to dst; fewer than n is an error (EOF
// when src ended first).
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	written, err = Copy(dst, LimitReader(src, n))
	if written == n {
		return n, nil
	}
	if written < n && err == nil {
		err = EOF
	}
	return written, err
}

// A LimitedReader reads from R, at most N more bytes: then it reports EOF.
type LimitedReader struct {
	R Reader
	N int64
}

// LimitReader is a Reader of r's first n bytes.
func LimitReader(r Reader, n int64) Reader { return &LimitedReader{r, n} }

func (l *LimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > l.N {
		p = p[:l.N]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return n, err
}

type multiReader struct {
	readers []Reader
}

func (m *multiReader) Read(p []byte) (n int, err error) {
	for len(m.readers) > 0 {
		n, err = m.readers[0].Read(p)
		if err == EOF {
			m.readers = m.readers[1:]
		}
		if n > 0 || err != EOF {
			if err == EOF && len(m.readers) > 0 {
				err = nil // more readers follow
			}
			return n, err
		}
	}
	return 0, EOF
}

// MultiReader reads the readers one after another; EOF once all are read.
func MultiReader(readers ...Reader) Reader {
	r := make([]Reader, len(readers))
	copy(r, readers)
	return &multiReader{r}
}

type multiWriter struct {
	writers []Writer
}

func (m *multiWriter) Write(p []byte) (n int, err error) {
	for _, w := range m.writers {
		n, err = w.Write(p)
		if err != nil {
			return n, err
		}
		if n != len(p) {
			return n, ErrShortWrite
		}
	}
	return len(p), nil
}

// MultiWriter writes everything to each of the writers in turn, stopping at an error.
func MultiWriter(writers ...Writer) Writer {
	w := make([]Writer, len(writers))
	copy(w, writers)
	return &multiWriter{w}
}

type teeReader struct {
	r Reader
	w Writer
}

// TeeReader reads from r and writes what it read to w.
func TeeReader(r Reader, w Writer) Reader { return &teeReader{r, w} }

func (t *teeReader) Read(p []byte) (n int, err error) {
	n, err = t.r.Read(p)
	if n > 0 {
		if n, err := t.w.Write(p[:n]); err != nil {
			return n, err
		}
	}
	return n, err
}

type nopCloser struct {
	Reader
}

func (nopCloser) Close() error { return nil }

// NopCloser is r with a Close that does nothing.
func NopCloser(r Reader) ReadCloser { return nopCloser{r} }

// ReaderAt reads len(p) bytes at offset off of what it reads from; fewer only with an error.
type ReaderAt interface {
	ReadAt(p []byte, off int64) (n int, err error)
}

// ReadSeeker is a Reader and a Seeker.
type ReadSeeker interface {
	Reader
	Seeker
}

var errWhence = errors.New("Seek: invalid whence")
var errOffset = errors.New("Seek: invalid offset")

// SectionReader reads the n bytes at offset off of a ReaderAt (Read, ReadAt, Seek, Size);
// always base <= off and base <= limit.
type SectionReader struct {
	r     ReaderAt
	base  int64 // where the section begins in r
	off   int64 // the next byte Read reads, in r
	limit int64 // where the section ends in r
}

// NewSectionReader is a SectionReader of the n bytes of r from off on.
func NewSectionReader(r ReaderAt, off int64, n int64) *SectionReader {
	const maxInt64 = 1<<63 - 1
	limit := int64(maxInt64)
	if off <= maxInt64-n {
		limit = off + n
	}
	return &SectionReader{r, off, off, limit}
}

func (s *SectionReader) Read(p []byte) (n int, err error) {
	if s.off >= s.limit {
		return 0, EOF
	}
	if rest := s.limit - s.off; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err = s.r.ReadAt(p, s.off)
	s.off += int64(n)
	return n, err
}

// Seek moves where the next Read reads, relative to the section's start, the current offset
// or the section's end; it returns the new offset within the section.
func (s *SectionReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case SeekStart:
		offset += s.base
	case SeekCurrent:
		offset += s.off
	case SeekEnd:
		offset += s.limit
	default:
		return 0, errWhence
	}
	if offset < s.base {
		return 0, errOffset
	}
	s.off = offset
	return offset - s.base, nil
}

// ReadAt reads at offset off within the section; short of len(p) at the section's end, with EOF.
func (s *SectionReader) ReadAt(p []byte, off int64) (n int, err error) {
	if off < 0 || off >= s.Size() {
		return 0, EOF
	}
	off += s.base
	if rest := s.limit - off; int64(len(p)) > rest {
		n, err = s.r.ReadAt(p[:rest], off)
		if err == nil {
			err = EOF
		}
		return n, err
	}
	return s.r.ReadAt(p, off)
}

// Size is the section's length in bytes.
func (s *SectionReader) Size() int64 { return s.limit - s.base }
