package fmt

import (
	"errors"
	"io"
	"os"
	"strconv"
	"unicode/utf8"
)

type Stringer interface {
	String() string
}

// GoStringer is a type whose GoString method gives its %#v text.
type GoStringer interface {
	GoString() string
}

// Formatter is a type that formats itself: its Format method writes what a verb prints.
type Formatter interface {
	Format(f State, verb rune)
}

// State is what a Format method writes to, and the directive's width, precision and flags.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// formatState is the State a Format method gets: wid and prec are -1 when absent.
type formatState struct {
	buf       []byte
	wid, prec int
	flags     string
}

func (s *formatState) Write(b []byte) (n int, err error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *formatState) WriteString(str string) (n int, err error) {
	s.buf = append(s.buf, str...)
	return len(str), nil
}

func (s *formatState) Width() (wid int, ok bool)      { return s.wid, s.wid >= 0 }
func (s *formatState) Precision() (prec int, ok bool) { return s.prec, s.prec >= 0 }
func (s *formatState) Flag(c int) bool                { return containsRune(s.flags, rune(c)) }

// runFormat is how the formatting natives call a Formatter: f.Format with a State of the
// directive (flags holds its flag characters), giving back what it wrote.
func runFormat(f Formatter, verb rune, wid, prec int, flags string) string {
	s := &formatState{wid: wid, prec: prec, flags: flags}
	f.Format(s, verb)
	return string(s.buf)
}

func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string

// wrapIndexes is the argument index of each %w verb of format, in order.
func wrapIndexes(format string) []int {
	var out []int
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && containsRune("+-# 0123456789.", rune(format[i])) {
			i++
		}
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		if format[i] == 'w' {
			out = append(out, arg)
		}
		arg++
	}
	return out
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// wrapErrors is what Errorf returns for several %w: it wraps each of their errors.
type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

func Errorf(format string, a ...any) error {
	s := Sprintf(format, a...)
	var errs []error
	for _, i := range wrapIndexes(format) {
		if i < len(a) {
			if e, ok := a[i].(error); ok {
				errs = append(errs, e)
			}
		}
	}
	switch {
	case len(errs) == 1 && len(wrapIndexes(format)) == 1:
		return &wrapError{s, errs[0]}
	case len(wrapIndexes(format)) > 1:
		return &wrapErrors{s, errs}
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

// Scanning: Scan, Scanln, Scanf read os.Stdin; Sscan* a string; Fscan* an io.Reader. Each
// argument is a pointer to a basic type (string, bool, an integer or float size, []byte; not a
// named type of the program's: "can't scan type");
// values are separated by spaces (Scan, Sscan, Fscan also take newlines as spaces; the ln forms
// stop at a newline and want one, or the end, after the last value). A reader that is not an
// io.RuneScanner is read a byte at a time, so nothing past what is scanned is taken from it
// but the one rune that ends the last value, as in Go.

// scanner reads runes from a string or a reader, with one rune of lookahead.
type scanner struct {
	str     string // the input of Sscan*
	i       int    // the next byte of str
	fromStr bool
	r       io.Reader
	rs      io.RuneScanner // r, if it can unread
	peek    rune           // a rune read and given back (when r cannot unread)
	hasPeek bool
	eof     bool
	err     error // a read error other than EOF
}

// next is the next rune, or -1 at the end of the input.
func (s *scanner) next() rune {
	if s.hasPeek {
		s.hasPeek = false
		return s.peek
	}
	if s.fromStr {
		if s.i >= len(s.str) {
			return -1
		}
		r, n := utf8.DecodeRuneInString(s.str[s.i:])
		s.i += n
		return r
	}
	if s.eof {
		return -1
	}
	if s.rs != nil {
		r, _, err := s.rs.ReadRune()
		if err != nil {
			s.end(err)
			return -1
		}
		return r
	}
	var buf [utf8.UTFMax]byte
	n := 0
	for n < utf8.UTFMax {
		m, err := s.r.Read(buf[n : n+1])
		n += m
		if m == 0 {
			if err == nil {
				continue
			}
			s.end(err)
			if n == 0 {
				return -1
			}
			break
		}
		if utf8.FullRune(buf[:n]) {
			break
		}
	}
	r, _ := utf8.DecodeRune(buf[:n])
	return r
}

func (s *scanner) end(err error) {
	s.eof = true
	if err != io.EOF {
		s.err = err
	}
}

// back gives r back to be read again.
func (s *scanner) back(r rune) {
	if r < 0 {
		return
	}
	if s.fromStr {
		s.i -= utf8.RuneLen(r)
		return
	}
	if s.rs != nil {
		s.rs.UnreadRune()
		return
	}
	s.peek = r
	s.hasPeek = true
}

func isScanSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\v', '\f', 0x85, 0xA0, 0x2028, 0x2029, 0x3000:
		return true
	}
	return false
}

// skipSpace skips spaces (and newlines, if nlIsSpace); it reports a newline it stopped at.
func (s *scanner) skipSpace(nlIsSpace bool) (atNewline bool) {
	for {
		r := s.next()
		if r == '\n' {
			if nlIsSpace {
				continue
			}
			s.back(r)
			return true
		}
		if !isScanSpace(r) {
			s.back(r)
			return false
		}
	}
}

// token reads the runes accepted by ok (at most width of them, if width > 0).
func (s *scanner) token(width int, ok func(r rune, sofar string) bool) string {
	var b []byte
	if width <= 0 {
		width = 1 << 62
	}
	for n := 0; n < width; n++ {
		r := s.next()
		if r < 0 {
			break
		}
		if !ok(r, string(b)) {
			s.back(r)
			break
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func notSpace(r rune, _ string) bool { return r != '\n' && !isScanSpace(r) }

// intToken reads an integer's runes: a sign, then digits of the verb's base (for %v a 0b, 0o
// or 0x prefix may choose it), with underscores.
func (s *scanner) intToken(verb rune, width int) string {
	digits := "0123456789_"
	switch verb {
	case 'b':
		digits = "01_"
	case 'o':
		digits = "01234567_"
	case 'x', 'X':
		digits = "0123456789abcdefABCDEF_"
	}
	signed := false
	prefixed := false
	return s.token(width, func(r rune, sofar string) bool {
		if sofar == "" {
			switch r {
			case '+', '-':
				signed = true
				return true
			}
		}
		body := sofar
		if signed {
			body = sofar[1:]
		}
		if prefixed || verb != 'v' || body != "0" {
			return containsRune(digits, r)
		}
		{
			switch r {
			case 'b', 'B':
				digits, prefixed = "01_", true
				return true
			case 'o', 'O':
				digits, prefixed = "01234567_", true
				return true
			case 'x', 'X':
				digits, prefixed = "0123456789abcdefABCDEF_", true
				return true
			}
		}
		return containsRune(digits, r)
	})
}

// floatToken reads a decimal floating-point number's runes: sign, digits, point, exponent.
func (s *scanner) floatToken(width int) string {
	return s.token(width, func(r rune, sofar string) bool {
		switch {
		case '0' <= r && r <= '9', r == '_':
			return true
		case r == '.':
			return !containsRune(sofar, '.') && !containsRune(sofar, 'e') && !containsRune(sofar, 'E')
		case r == 'e', r == 'E':
			return sofar != "" && !containsRune(sofar, 'e') && !containsRune(sofar, 'E')
		case r == '+', r == '-':
			if sofar == "" {
				return true
			}
			last := sofar[len(sofar)-1]
			return last == 'e' || last == 'E'
		}
		return false
	})
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// scanOne reads one value for arg, as verb says ('v' for Scan's values).
func (s *scanner) scanOne(arg any, verb rune, width int) error {
	if verb == 'c' {
		r := s.next()
		if r < 0 {
			return io.ErrUnexpectedEOF
		}
		return s.store(arg, string(r), verb, r)
	}
	tok := ""
	expected := "expected integer"
	switch arg.(type) {
	case *string, *[]byte, *bool:
		tok = s.token(width, notSpace)
		expected = "unexpected newline"
	case *float64, *float32:
		tok = s.floatToken(width)
		expected = "bad number syntax"
	default:
		tok = s.intToken(verb, width)
	}
	if tok == "" {
		if s.eof || s.fromStr && s.i >= len(s.str) {
			return io.ErrUnexpectedEOF
		}
		return errors.New(expected)
	}
	return s.store(arg, tok, verb, 0)
}

func base(verb rune) int {
	switch verb {
	case 'b':
		return 2
	case 'o':
		return 8
	case 'x', 'X':
		return 16
	case 'd':
		return 10
	}
	return 0 // %v: the literal's prefix says
}

// intError is Go's word for an integer that does not parse or fit.
func intError(tok string, err error, unsigned bool) error {
	if e, ok := err.(*strconv.NumError); ok && e.Err == strconv.ErrRange {
		if unsigned {
			return errors.New("unsigned integer overflow on token " + tok)
		}
		return errors.New("integer overflow on token " + tok)
	}
	return errors.New("expected integer")
}

func (s *scanner) store(arg any, tok string, verb rune, c rune) error {
	if verb == 'c' {
		switch p := arg.(type) {
		case *rune:
			*p = c
			return nil
		case *int:
			*p = int(c)
			return nil
		case *string:
			*p = tok
			return nil
		}
	}
	b := base(verb)
	switch p := arg.(type) {
	case *string:
		*p = tok
	case *[]byte:
		*p = []byte(tok)
	case *bool:
		v, err := strconv.ParseBool(tok)
		if err != nil {
			return errors.New("syntax error scanning boolean")
		}
		*p = v
	case *int:
		v, err := strconv.ParseInt(tok, b, 64)
		if err != nil {
			return intError(tok, err, false)
		}
		*p = int(v)
	case *int8:
		v, err := strconv.ParseInt(tok, b, 8)
		if err != nil {
			return intError(tok, err, false)
		}
		*p = int8(v)
	case *int16:
		v, err := strconv.ParseInt(tok, b, 16)
		if err != nil {
			return intError(tok, err, false)
		}
		*p = int16(v)
	case *int32:
		v, err := strconv.ParseInt(tok, b, 32)
		if err != nil {
			return intError(tok, err, false)
		}
		*p = int32(v)
	case *int64:
		v, err := strconv.ParseInt(tok, b, 64)
		if err != nil {
			return intError(tok, err, false)
		}
		*p = v
	case *uint:
		v, err := strconv.ParseUint(tok, b, 64)
		if err != nil {
			return intError(tok, err, true)
		}
		*p = uint(v)
	case *uint8:
		v, err := strconv.ParseUint(tok, b, 8)
		if err != nil {
			return intError(tok, err, true)
		}
		*p = uint8(v)
	case *uint16:
		v, err := strconv.ParseUint(tok, b, 16)
		if err != nil {
			return intError(tok, err, true)
		}
		*p = uint16(v)
	case *uint32:
		v, err := strconv.ParseUint(tok, b, 32)
		if err != nil {
			return intError(tok, err, true)
		}
		*p = uint32(v)
	case *uint64:
		v, err := strconv.ParseUint(tok, b, 64)
		if err != nil {
			return intError(tok, err, true)
		}
		*p = v
	case *float64:
		v, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return err
		}
		*p = v
	case *float32:
		v, err := strconv.ParseFloat(tok, 32)
		if err != nil {
			return err
		}
		*p = float32(v)
	default:
		return errors.New("can't scan type: " + Sprintf("%T", arg))
	}
	return nil
}

// scan reads len(a) values separated by spaces; nlIsSpace: newlines are spaces (Scan), else
// the values end at a newline and one must follow them (Scanln).
func (s *scanner) scan(a []any, nlIsSpace bool) (n int, err error) {
	for _, arg := range a {
		if s.skipSpace(nlIsSpace) {
			return n, errors.New("unexpected newline")
		}
		if err = s.scanOne(arg, 'v', 0); err != nil {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			return n, s.readErr(err)
		}
		n++
	}
	if !nlIsSpace {
		s.skipSpace(false)
		switch r := s.next(); {
		case r == '\n', r < 0:
		default:
			return n, errors.New("expected newline")
		}
	}
	return n, nil
}

func (s *scanner) readErr(err error) error {
	if s.err != nil {
		return s.err
	}
	return err
}

// scanf reads values as format says: a verb (%d %s %v %f %x %c %t ..., with a width) reads
// one value, after spaces (not for %c); spaces in the format match any spaces; a newline
// matches a newline; any other rune must come next in the input.
func (s *scanner) scanf(format string, a []any) (n int, err error) {
	for i := 0; i < len(format); {
		c, size := utf8.DecodeRuneInString(format[i:])
		i += size
		if c != '%' {
			if isScanSpace(c) {
				for i < len(format) && isScanSpace(rune(format[i])) {
					i++
				}
				s.skipSpace(false)
				continue
			}
			if c == '\n' {
				s.skipSpace(false)
			}
			r := s.next()
			if r != c {
				s.back(r)
				if r < 0 && n < len(a) {
					return n, s.readErr(io.ErrUnexpectedEOF)
				}
				return n, errors.New("input does not match format")
			}
			continue
		}
		width := 0
		for i < len(format) && '0' <= format[i] && format[i] <= '9' {
			width = width*10 + int(format[i]-'0')
			i++
		}
		if i >= len(format) {
			return n, errors.New("too few operands for format '%'")
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		if verb == '%' {
			s.skipSpace(true)
			if r := s.next(); r != '%' {
				s.back(r)
				return n, errors.New("missing literal %")
			}
			continue
		}
		if n >= len(a) {
			return n, errors.New("too few operands for format '%" + string(verb) + "'")
		}
		if verb != 'c' {
			s.skipSpace(true)
		}
		if err = s.scanOne(a[n], verb, width); err != nil {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			return n, s.readErr(err)
		}
		n++
	}
	if n < len(a) {
		return n, errors.New("too many operands")
	}
	return n, nil
}

func readerScanner(r io.Reader) *scanner {
	s := &scanner{r: r}
	if rs, ok := r.(io.RuneScanner); ok {
		s.rs = rs
	}
	return s
}

// Sscan scans str's space-separated values (newlines count as spaces) into a's pointers.
func Sscan(str string, a ...any) (n int, err error) {
	return (&scanner{str: str, fromStr: true}).scan(a, true)
}

// Sscanln is Sscan that stops at a newline, which must follow the last value.
func Sscanln(str string, a ...any) (n int, err error) {
	return (&scanner{str: str, fromStr: true}).scan(a, false)
}

// Sscanf scans str as format says into a's pointers.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	return (&scanner{str: str, fromStr: true}).scanf(format, a)
}

// Fscan is Sscan of what r reads.
func Fscan(r io.Reader, a ...any) (n int, err error) { return readerScanner(r).scan(a, true) }

// Fscanln is Sscanln of what r reads.
func Fscanln(r io.Reader, a ...any) (n int, err error) { return readerScanner(r).scan(a, false) }

// Fscanf is Sscanf of what r reads.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	return readerScanner(r).scanf(format, a)
}

// Scan is Fscan of the standard input: fmt.Scan(&name, &age).
func Scan(a ...any) (n int, err error) { return Fscan(os.Stdin, a...) }

// Scanln is Fscanln of the standard input.
func Scanln(a ...any) (n int, err error) { return Fscanln(os.Stdin, a...) }

// Scanf is Fscanf of the standard input.
func Scanf(format string, a ...any) (n int, err error) { return Fscanf(os.Stdin, format, a...) }
