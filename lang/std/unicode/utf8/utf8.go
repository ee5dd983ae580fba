package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

func RuneCountInString(s string) (n int)
func RuneLen(r rune) int
func ValidString(s string) bool
func DecodeRuneInString(s string) (rune, int)
func DecodeLastRuneInString(s string) (rune, int)
func RuneCount(p []byte) int { return RuneCountInString(string(p)) }

// DecodeRune is DecodeRuneInString of p's bytes.
// Only its first UTFMax bytes can matter, so only they are looked at.
func DecodeRune(p []byte) (rune, int) {
	if len(p) > 0 && p[0] < RuneSelf {
		return rune(p[0]), 1
	}
	if len(p) > UTFMax {
		p = p[:UTFMax]
	}
	return DecodeRuneInString(string(p))
}

// DecodeLastRune is DecodeLastRuneInString of p's bytes.
// Only its last UTFMax bytes can matter, so only they are looked at.
func DecodeLastRune(p []byte) (rune, int) {
	if n := len(p); n > 0 && p[n-1] < RuneSelf {
		return rune(p[n-1]), 1
	}
	if len(p) > UTFMax {
		p = p[len(p)-UTFMax:]
	}
	return DecodeLastRuneInString(string(p))
}

// Valid says whether p is entirely valid UTF-8.
func Valid(p []byte) bool { return ValidString(string(p)) }

// ValidRune says whether r can be encoded in UTF-8 (in range, not a surrogate half).
func ValidRune(r rune) bool {
	return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune)
}

// FullRune says whether p begins with a full UTF-8 encoding of a rune (an invalid one counts:
// it decodes as RuneError of width 1).
func FullRune(p []byte) bool { return FullRuneInString(string(p)) }

// FullRuneInString is FullRune of s.
func FullRuneInString(s string) bool {
	if len(s) == 0 {
		return false
	}
	r, n := DecodeRuneInString(s)
	if n != 1 {
		return true
	}
	if r != RuneError {
		return true
	}
	// RuneError of width 1: invalid, or a valid start cut short
	need := 0
	switch c := s[0]; {
	case c >= 0xF0 && c < 0xF5:
		need = 4
	case c >= 0xE0:
		need = 3
	case c >= 0xC2:
		need = 2
	}
	if need == 0 || c0Invalid(s[0]) || len(s) >= need {
		return true
	}
	for i := 1; i < len(s); i++ {
		if s[i] < 0x80 || s[i] > 0xBF {
			return true
		}
	}
	return false
}

func c0Invalid(c byte) bool { return c >= 0xF5 || (c >= 0x80 && c < 0xC2) }

// EncodeRune writes r's UTF-8 encoding into p (which must be large enough) and says how many
// bytes it wrote; an invalid rune writes RuneError's.
func EncodeRune(p []byte, r rune) int {
	s := string(r)
	copy(p, s)
	if len(p) < len(s) {
		_ = p[len(s)-1] // index out of range, as Go's
	}
	return len(s)
}

// AppendRune appends r's UTF-8 encoding to p.
func AppendRune(p []byte, r rune) []byte { return append(p, string(r)...) }
