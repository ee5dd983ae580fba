// Package bytes: byte slices as package strings handles strings, and Buffer. The searching
// functions look through the slice's text with package strings' natives and return indices or
// subslices of the slice they were given, as Go's do (Split's pieces, Fields' words and the
// Trim functions' results share its memory); the functions that make new text (ToUpper,
// Replace, Repeat, Join, ...) return new slices.
package bytes

import (
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinRead is the smallest slice Buffer.ReadFrom passes to a Read.
const MinRead = 512

// ErrTooLarge would be Buffer's panic value when memory runs out; Goroscope's programs stop
// with "out of memory" instead.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")
var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")
var errUnreadRune = errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")

// Equal says whether a and b hold the same bytes (nil and empty are equal).
func Equal(a, b []byte) bool { return string(a) == string(b) }

// Compare is -1, 0 or +1 as a is less than, equal to or greater than b, byte by byte.
func Compare(a, b []byte) int { return strings.Compare(string(a), string(b)) }

// Contains says whether subslice is within b.
func Contains(b, subslice []byte) bool { return strings.Contains(string(b), string(subslice)) }

// ContainsAny says whether any of the runes of chars is within b.
func ContainsAny(b []byte, chars string) bool { return strings.ContainsAny(string(b), chars) }

// ContainsRune says whether the rune r is within b.
func ContainsRune(b []byte, r rune) bool { return strings.ContainsRune(string(b), r) }

// Count is how many non-overlapping sep are in s (with an empty sep: runes + 1).
func Count(s, sep []byte) int { return strings.Count(string(s), string(sep)) }

// HasPrefix says whether s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == string(prefix)
}

// HasSuffix says whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && string(s[len(s)-len(suffix):]) == string(suffix)
}

// Index is the index of the first sep in s, or -1.
func Index(s, sep []byte) int { return strings.Index(string(s), string(sep)) }

// IndexByte is the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// IndexRune is the index of the first rune r in s, or -1.
func IndexRune(s []byte, r rune) int { return strings.IndexRune(string(s), r) }

// IndexAny is the index of the first of chars' runes in s, or -1.
func IndexAny(s []byte, chars string) int { return strings.IndexAny(string(s), chars) }

// IndexFunc is the index of the first rune of s for which f is true, or -1.
func IndexFunc(s []byte, f func(r rune) bool) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if f(r) {
			return i
		}
		i += size
	}
	return -1
}

// LastIndex is the index of the last sep in s, or -1.
func LastIndex(s, sep []byte) int { return strings.LastIndex(string(s), string(sep)) }

// LastIndexByte is the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexFunc is the index of the last rune of s for which f is true, or -1.
func LastIndexFunc(s []byte, f func(r rune) bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRune(s[:i])
		i -= size
		if f(r) {
			return i
		}
	}
	return -1
}

// explode splits s into its UTF-8 sequences, at most n of them (n < 0: all).
func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, 0, n)
	for len(s) > 0 {
		if len(a) == n-1 {
			a = append(a, s)
			break
		}
		_, size := utf8.DecodeRune(s)
		a = append(a, s[:size:size])
		s = s[size:]
	}
	return a
}

// genSplit cuts s around sep (keeping sepSave bytes of each sep), into at most n pieces.
func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	text, sepText := string(s), string(sep)
	a := make([][]byte, 0, n)
	start := 0
	for len(a) < n-1 {
		m := strings.Index(text[start:], sepText)
		if m < 0 {
			break
		}
		end := start + m + sepSave
		a = append(a, s[start:end:end])
		start += m + len(sep)
	}
	return append(a, s[start:])
}

// Split cuts s into the subslices between each sep (an empty sep: after each rune).
func Split(s, sep []byte) [][]byte { return genSplit(s, sep, 0, -1) }

// SplitN is Split into at most n pieces (n < 0: all; 0: nil).
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }

// SplitAfter is Split keeping each sep at the end of its piece.
func SplitAfter(s, sep []byte) [][]byte { return genSplit(s, sep, len(sep), -1) }

// SplitAfterN is SplitAfter into at most n pieces.
func SplitAfterN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, len(sep), n) }

// Fields cuts s around each run of white space (unicode.IsSpace).
func Fields(s []byte) [][]byte { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc cuts s around each run of runes for which f is true.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var a [][]byte
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if f(r) {
			if start >= 0 {
				a = append(a, s[start:i:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		a = append(a, s[start:len(s):len(s)])
	}
	return a
}

// Join joins the slices of s with sep between them, into a new slice.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	var out []byte
	for i, x := range s {
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, x...)
	}
	if out == nil {
		return []byte{}
	}
	return out
}

// Repeat is count copies of b.
func Repeat(b []byte, count int) []byte {
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	return []byte(strings.Repeat(string(b), count))
}

// Replace is s with the first n old replaced by new (n < 0: all), in a new slice.
func Replace(s, old, new []byte, n int) []byte {
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}

// ReplaceAll is Replace of every old.
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// ToUpper is s with every letter upper case, in a new slice.
func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }

// ToLower is s with every letter lower case, in a new slice.
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }

// Title is s with each word's first letter upper case, in a new slice.
func Title(s []byte) []byte { return []byte(strings.Title(string(s))) }

// EqualFold says whether s and t are equal under Unicode case folding.
func EqualFold(s, t []byte) bool { return strings.EqualFold(string(s), string(t)) }

// Runes is s's runes.
func Runes(s []byte) []rune { return []rune(string(s)) }

// Map is s with each rune replaced by mapping's (dropped where it is negative), in a new slice.
func Map(mapping func(r rune) rune, s []byte) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if m := mapping(r); m >= 0 {
			b = utf8.AppendRune(b, m)
		}
		i += size
	}
	return b
}

// TrimLeftFunc is the subslice of s after its leading runes for which f is true.
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	i := IndexFunc(s, func(r rune) bool { return !f(r) })
	if i < 0 {
		return nil
	}
	return s[i:]
}

// TrimRightFunc is the subslice of s before its trailing runes for which f is true.
func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	i := LastIndexFunc(s, func(r rune) bool { return !f(r) })
	if i >= 0 {
		_, size := utf8.DecodeRune(s[i:])
		return s[:i+size]
	}
	return s[:0]
}

// TrimFunc is s without its leading and trailing runes for which f is true.
func TrimFunc(s []byte, f func(r rune) bool) []byte { return TrimRightFunc(TrimLeftFunc(s, f), f) }

// TrimSpace is s without leading and trailing white space.
func TrimSpace(s []byte) []byte {
	t := TrimFunc(s, unicode.IsSpace)
	if len(t) == 0 {
		return nil
	}
	return t
}

func inSet(cutset string) func(r rune) bool {
	return func(r rune) bool { return strings.ContainsRune(cutset, r) }
}

// Trim is s without the leading and trailing runes that are in cutset.
func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	return TrimFunc(s, inSet(cutset))
}

// TrimLeft is s without the leading runes that are in cutset.
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	return TrimLeftFunc(s, inSet(cutset))
}

// TrimRight is s without the trailing runes that are in cutset.
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	return TrimRightFunc(s, inSet(cutset))
}

// TrimPrefix is s without prefix, if it begins with it.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix is s without suffix, if it ends with it.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Cut cuts s around the first sep: what is before and after it, and whether it was there.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// Clone is a copy of b (nil for nil).
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

// A Buffer is a growable buffer of bytes that is both an io.Reader and an io.Writer: writes
// append at its end, reads take from its beginning. Its zero value is an empty buffer.
type Buffer struct {
	buf      []byte // the bytes; what is unread is buf[off:]
	off      int    // where the next read starts
	lastRead int    // what the last operation was, for the Unread methods: opRead, opReadRune1..4 or 0
}

const opRead = -1 // lastRead after any read but ReadRune (whose rune size it holds instead)

// NewBuffer is a Buffer whose content is buf (which it takes over).
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString is a Buffer whose content is s.
func NewBufferString(s string) *Buffer { return &Buffer{buf: []byte(s)} }

// Bytes is the unread part of the buffer (sharing its memory until the next change).
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// String is the unread part of the buffer as a string; "<nil>" for a nil *Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

// Len is the number of unread bytes.
func (b *Buffer) Len() int { return len(b.buf) - b.off }

// Cap is the capacity of the buffer's memory.
func (b *Buffer) Cap() int { return cap(b.buf) }

// Available is how many bytes can be written without growing.
func (b *Buffer) Available() int { return cap(b.buf) - len(b.buf) }

// Reset empties the buffer (keeping its memory).
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = 0
}

// Truncate keeps the first n unread bytes.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = 0
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// Grow makes room for n more bytes.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		nb := make([]byte, len(b.buf)-b.off, 2*cap(b.buf)+n)
		copy(nb, b.buf[b.off:])
		b.buf = nb
		b.off = 0
	}
}

// Write appends p and returns len(p), nil.
func (b *Buffer) Write(p []byte) (n int, err error) {
	b.lastRead = 0
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// WriteString appends s and returns len(s), nil.
func (b *Buffer) WriteString(s string) (n int, err error) {
	b.lastRead = 0
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// WriteByte appends c.
func (b *Buffer) WriteByte(c byte) error {
	b.lastRead = 0
	b.buf = append(b.buf, c)
	return nil
}

// WriteRune appends r's UTF-8 bytes and says how many.
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	b.lastRead = 0
	m := len(b.buf)
	b.buf = utf8.AppendRune(b.buf, r)
	return len(b.buf) - m, nil
}

// empty says whether everything has been read; then the buffer starts over.
func (b *Buffer) empty() bool {
	if len(b.buf) <= b.off {
		b.Reset()
		return true
	}
	return false
}

// Read reads up to len(p) bytes into p; io.EOF when the buffer is empty (and p is not).
func (b *Buffer) Read(p []byte) (n int, err error) {
	b.lastRead = 0
	if b.empty() {
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return n, nil
}

// Next takes the next n unread bytes (fewer if there are not so many).
func (b *Buffer) Next(n int) []byte {
	b.lastRead = 0
	m := b.Len()
	if n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return data
}

// ReadByte takes the next byte, or says io.EOF.
func (b *Buffer) ReadByte() (byte, error) {
	if b.empty() {
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = opRead
	return c, nil
}

// ReadRune takes the next UTF-8 rune, and says its size, or io.EOF.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		return 0, 0, io.EOF
	}
	r, size = utf8.DecodeRune(b.buf[b.off:])
	b.off += size
	b.lastRead = size
	return r, size, nil
}

// UnreadRune gives back the rune the last ReadRune took.
func (b *Buffer) UnreadRune() error {
	if b.lastRead <= 0 {
		return errUnreadRune
	}
	if b.off >= b.lastRead {
		b.off -= b.lastRead
	}
	b.lastRead = 0
	return nil
}

// UnreadByte gives back the last byte a read took.
func (b *Buffer) UnreadByte() error {
	if b.lastRead == 0 {
		return errUnreadByte
	}
	b.lastRead = 0
	if b.off > 0 {
		b.off--
	}
	return nil
}

// ReadBytes reads up to and including the first delim, in a new slice; without one, all
// that is left and io.EOF.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	s, err := b.readSlice(delim)
	return append([]byte(nil), s...), err
}

func (b *Buffer) readSlice(delim byte) (line []byte, err error) {
	i := IndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	if i < 0 {
		end = len(b.buf)
		err = io.EOF
	}
	line = b.buf[b.off:end]
	b.off = end
	b.lastRead = opRead
	return line, err
}

// ReadString is ReadBytes as a string.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	s, err := b.readSlice(delim)
	return string(s), err
}

// WriteTo writes the unread bytes to w.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.lastRead = 0
	if nBytes := b.Len(); nBytes > 0 {
		m, e := w.Write(b.buf[b.off:])
		if m > nBytes {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += m
		n = int64(m)
		if e != nil {
			return n, e
		}
		if m != nBytes {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

// ReadFrom reads from r until io.EOF, appending, and says how many bytes it read.
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.lastRead = 0
	for {
		b.Grow(MinRead)
		i := len(b.buf)
		m, e := r.Read(b.buf[i:cap(b.buf)])
		if m < 0 {
			panic(errNegativeRead)
		}
		b.buf = b.buf[:i+m]
		n += int64(m)
		if e == io.EOF {
			return n, nil
		}
		if e != nil {
			return n, e
		}
	}
}

// A Reader reads from a byte slice (io.Reader, io.ByteScanner, io.RuneScanner, io.WriterTo).
type Reader struct {
	s        []byte
	i        int // the next byte to read
	prevRune int // where the last ReadRune's rune began, or -1
}

// NewReader is a Reader of b.
func NewReader(b []byte) *Reader { return &Reader{b, 0, -1} }

// Len is the number of bytes not read yet.
func (r *Reader) Len() int {
	if r.i >= len(r.s) {
		return 0
	}
	return len(r.s) - r.i
}

// Size is the length of the slice read.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

// ReadAt reads at offset off, without moving where Read reads (io.ReaderAt).
func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errors.New("bytes.Reader.ReadAt: negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[off:])
	if n < len(b) {
		err = io.EOF
	}
	return n, err
}

// Seek moves where the next Read reads (io.Seeker).
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.prevRune = -1
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = int64(r.i) + offset
	case io.SeekEnd:
		abs = int64(len(r.s)) + offset
	default:
		return 0, errors.New("bytes.Reader.Seek: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("bytes.Reader.Seek: negative position")
	}
	r.i = int(abs)
	return abs, nil
}

func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	r.prevRune = -1
	n = copy(b, r.s[r.i:])
	r.i += n
	return n, nil
}

func (r *Reader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	c := r.s[r.i]
	r.i++
	return c, nil
}

// UnreadByte steps back one byte.
func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return errors.New("bytes.Reader.UnreadByte: at beginning of slice")
	}
	r.prevRune = -1
	r.i--
	return nil
}

func (r *Reader) ReadRune() (ch rune, size int, err error) {
	if r.i >= len(r.s) {
		r.prevRune = -1
		return 0, 0, io.EOF
	}
	r.prevRune = r.i
	ch, size = utf8.DecodeRune(r.s[r.i:])
	r.i += size
	return ch, size, nil
}

// UnreadRune steps back over the rune the last ReadRune read.
func (r *Reader) UnreadRune() error {
	if r.prevRune < 0 {
		return errors.New("bytes.Reader.UnreadRune: previous operation was not ReadRune")
	}
	r.i = r.prevRune
	r.prevRune = -1
	return nil
}

// WriteTo writes what is left to w.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= len(r.s) {
		return 0, nil
	}
	left := len(r.s) - r.i
	m, err := w.Write(r.s[r.i:])
	r.i += m
	if m != left && err == nil {
		err = io.ErrShortWrite
	}
	return int64(m), err
}

// Reset makes r read b from its beginning.
func (r *Reader) Reset(b []byte) { *r = Reader{b, 0, -1} }
