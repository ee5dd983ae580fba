package strconv

import "errors"

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
