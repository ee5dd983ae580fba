// Package utf16: UTF-16 encoding and decoding of runes. A rune above U+FFFF is two 16-bit
// values, a surrogate pair (0xD800-0xDBFF then 0xDC00-0xDFFF); an unpaired surrogate decodes
// as U+FFFD, and a rune that cannot be encoded encodes as U+FFFD.
package utf16

const (
	replacementChar = '\uFFFD'
	maxRune         = '\U0010FFFF'

	surr1    = 0xd800 // the first half of a pair begins here
	surr2    = 0xdc00 // the second half begins here
	surr3    = 0xe000 // and ends before here
	surrSelf = 0x10000
)

// IsSurrogate says whether r can be a half of a surrogate pair.
func IsSurrogate(r rune) bool {
	if r < surr1 {
		return false
	}
	return r < surr3
}

// DecodeRune is the rune of the surrogate pair r1, r2, or U+FFFD if they are not one.
func DecodeRune(r1, r2 rune) rune {
	if r1 < surr1 || surr2 <= r1 {
		return replacementChar
	}
	if r2 < surr2 || surr3 <= r2 {
		return replacementChar
	}
	return (r1-surr1)<<10 | (r2 - surr2) + surrSelf
}

// EncodeRune is the surrogate pair of r, or U+FFFD, U+FFFD if r needs none or is no rune.
func EncodeRune(r rune) (r1, r2 rune) {
	if !needsPair(r) {
		return replacementChar, replacementChar
	}
	r -= surrSelf
	return surr1 + (r>>10)&0x3ff, surr2 + r&0x3ff
}

// needsPair says whether r is encoded as two values.
func needsPair(r rune) bool {
	if r < surrSelf {
		return false
	}
	return r <= maxRune
}

// encodable says whether r is encoded as itself, one value.
func encodable(r rune) bool {
	if r < 0 {
		return false
	}
	if r < surr1 {
		return true
	}
	if r < surr3 {
		return false
	}
	return r < surrSelf
}

// AppendRune appends r's UTF-16 encoding to a.
func AppendRune(a []uint16, r rune) []uint16 {
	if encodable(r) {
		return append(a, uint16(r))
	}
	if needsPair(r) {
		r1, r2 := EncodeRune(r)
		return append(a, uint16(r1), uint16(r2))
	}
	return append(a, replacementChar)
}

// Encode is the UTF-16 encoding of s.
func Encode(s []rune) []uint16 {
	n := len(s)
	for _, v := range s {
		if needsPair(v) {
			n++
		}
	}
	a := make([]uint16, 0, n)
	for _, v := range s {
		a = AppendRune(a, v)
	}
	return a
}

// Decode is the runes of the UTF-16 encoding s.
func Decode(s []uint16) []rune {
	a := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r := rune(s[i])
		switch {
		case r < surr1, surr3 <= r:
			a = append(a, r)
		case r < surr2 && i+1 < len(s) && surr2 <= rune(s[i+1]) && rune(s[i+1]) < surr3:
			a = append(a, DecodeRune(r, rune(s[i+1])))
			i++
		default:
			a = append(a, replacementChar)
		}
	}
	return a
}
