package strconv

import (
	"errors"
	"unicode/utf8"
)

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

var ErrSyntax = errors.New("invalid syntax")
var ErrRange = errors.New("value out of range")

type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func parseInt(s string, base int, bits int, unsigned bool) (int64, int)
func parseFloat(s string) (float64, int)

func numError(fn, s string, code int) error {
	if code == 1 {
		return &NumError{fn, s, ErrSyntax}
	}
	return &NumError{fn, s, ErrRange}
}

func Atoi(s string) (int, error) {
	n, code := parseInt(s, 10, 64, false)
	if code != 0 {
		return int(n), numError("Atoi", s, code)
	}
	return int(n), nil
}

func ParseInt(s string, base int, bitSize int) (int64, error) {
	n, code := parseInt(s, base, bitSize, false)
	if code != 0 {
		return n, numError("ParseInt", s, code)
	}
	return n, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	n, code := parseInt(s, base, bitSize, true)
	if code != 0 {
		return uint64(n), numError("ParseUint", s, code)
	}
	return uint64(n), nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	f, code := parseFloat(s)
	if code != 0 {
		return f, numError("ParseFloat", s, code)
	}
	return f, nil
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "TRUE", "true", "True":
		return true, nil
	case "0", "f", "F", "FALSE", "false", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

func Itoa(i int) string
func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func Quote(s string) string
func QuoteRune(r rune) string

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendInt appends FormatInt(i, base) to dst.
func AppendInt(dst []byte, i int64, base int) []byte { return append(dst, FormatInt(i, base)...) }

// AppendUint appends FormatUint(i, base) to dst.
func AppendUint(dst []byte, i uint64, base int) []byte { return append(dst, FormatUint(i, base)...) }

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

// AppendBool appends "true" or "false" to dst.
func AppendBool(dst []byte, b bool) []byte { return append(dst, FormatBool(b)...) }

// AppendQuote appends Quote(s) to dst.
func AppendQuote(dst []byte, s string) []byte { return append(dst, Quote(s)...) }

const hexDigits = "0123456789abcdef"

// asciiEscape is how QuoteToASCII writes r (a rune of width bytes): printable ASCII as
// Quote writes it, anything else as a \x, \u or \U escape.
func asciiEscape(r rune, width int) string {
	if r < utf8.RuneSelf {
		q := Quote(string(r))
		return q[1 : len(q)-1]
	}
	if r == utf8.RuneError && width == 1 {
		return ""
	}
	digits, prefix := 4, "\\u"
	if r > 0xFFFF {
		digits, prefix = 8, "\\U"
	}
	out := []byte(prefix)
	for shift := (digits - 1) * 4; shift >= 0; shift -= 4 {
		out = append(out, hexDigits[r>>uint(shift)&0xF])
	}
	return string(out)
}

// QuoteToASCII is Quote(s) with every non-ASCII rune escaped.
func QuoteToASCII(s string) string {
	out := []byte{'"'}
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && width == 1 {
			out = append(out, '\\', 'x', hexDigits[s[i]>>4], hexDigits[s[i]&0xF])
		} else {
			out = append(out, asciiEscape(r, width)...)
		}
		i += width
	}
	return string(append(out, '"'))
}

// QuoteRuneToASCII is QuoteRune(r) with a non-ASCII rune escaped.
func QuoteRuneToASCII(r rune) string {
	if r == '\'' {
		return `'\''`
	}
	if r == '"' {
		return `'"'`
	}
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return "'" + asciiEscape(r, utf8.RuneLen(r)) + "'"
}

func unhex(c byte) (v rune, ok bool) {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0'), true
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10), true
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10), true
	}
	return 0, false
}

// unquoteChar decodes the character or escape at the start of s (inside quotes q) and returns
// it, whether it must be written as a byte (\x and octal escapes), and the rest of s.
func unquoteChar(s string, q byte) (r rune, isByte bool, tail string, err error) {
	c := s[0]
	if c == q && (q == '\'' || q == '"') {
		return 0, false, "", ErrSyntax
	}
	if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s)
		return r, false, s[size:], nil
	}
	if c != '\\' {
		return rune(c), false, s[1:], nil
	}
	if len(s) <= 1 {
		return 0, false, "", ErrSyntax
	}
	c = s[1]
	s = s[2:]
	switch c {
	case 'a':
		return '\a', false, s, nil
	case 'b':
		return '\b', false, s, nil
	case 'f':
		return '\f', false, s, nil
	case 'n':
		return '\n', false, s, nil
	case 'r':
		return '\r', false, s, nil
	case 't':
		return '\t', false, s, nil
	case 'v':
		return '\v', false, s, nil
	case '\\':
		return '\\', false, s, nil
	case '\'', '"':
		if c != q {
			return 0, false, "", ErrSyntax
		}
		return rune(c), false, s, nil
	case 'x', 'u', 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
		if len(s) < n {
			return 0, false, "", ErrSyntax
		}
		var v rune
		for j := 0; j < n; j++ {
			d, ok := unhex(s[j])
			if !ok {
				return 0, false, "", ErrSyntax
			}
			v = v<<4 | d
		}
		if c == 'x' {
			return v, true, s[n:], nil
		}
		if !utf8.ValidRune(v) {
			return 0, false, "", ErrSyntax
		}
		return v, false, s[n:], nil
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := rune(c - '0')
		if len(s) < 2 {
			return 0, false, "", ErrSyntax
		}
		for j := 0; j < 2; j++ {
			d := rune(s[j]) - '0'
			if d < 0 || d > 7 {
				return 0, false, "", ErrSyntax
			}
			v = v<<3 | d
		}
		if v > 255 {
			return 0, false, "", ErrSyntax
		}
		return v, true, s[2:], nil
	}
	return 0, false, "", ErrSyntax
}

// Unquote interprets s as a Go string, rune or raw string literal and returns its value.
func Unquote(s string) (string, error) {
	n := len(s)
	if n < 2 || s[0] != s[n-1] {
		return "", ErrSyntax
	}
	q := s[0]
	body := s[1 : n-1]
	switch q {
	case '`':
		for i := 0; i < len(body); i++ {
			if body[i] == '`' {
				return "", ErrSyntax
			}
		}
		out := []byte{}
		for i := 0; i < len(body); i++ {
			if body[i] != '\r' {
				out = append(out, body[i])
			}
		}
		return string(out), nil
	case '"', '\'':
	default:
		return "", ErrSyntax
	}
	var out []byte
	runes := 0
	for len(body) > 0 {
		if body[0] == '\n' {
			return "", ErrSyntax
		}
		r, isByte, tail, err := unquoteChar(body, q)
		if err != nil {
			return "", err
		}
		body = tail
		if isByte {
			out = append(out, byte(r))
		} else {
			out = utf8.AppendRune(out, r)
		}
		runes++
	}
	if q == '\'' && runes != 1 {
		return "", ErrSyntax
	}
	return string(out), nil
}
