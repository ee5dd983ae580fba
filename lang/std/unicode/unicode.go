// Package unicode: the rune classes (IsLetter, IsDigit, ...; natives), the case mappings, and
// the category tables as values (Letter, Digit, Number, Upper, Lower, Space, Punct and their
// short names) for Is, In and IsOneOf. A table of Go's own shape (R16, R32) works as well; the
// script tables (Latin, Greek, Han, ...) are not here.
package unicode

const (
	MaxRune         = '\U0010FFFF' // the largest valid code point
	ReplacementChar = '\uFFFD'     // what stands for an invalid code point
	MaxASCII        = '\u007F'     // the largest ASCII value
	MaxLatin1       = '\u00FF'     // the largest Latin-1 value
)

func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsSpace(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsPunct(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune

// Range16 is the runes Lo to Hi (inclusive) Stride apart, below 0x10000.
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

// Range32 is the runes Lo to Hi (inclusive) Stride apart.
type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// RangeTable is a set of runes: its ranges, in increasing order, or (the category tables
// here) the class function that decides.
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int // how many R16 ranges end at or below MaxLatin1

	class func(rune) bool // the category's test; nil for a table of ranges
}

var (
	Letter = &RangeTable{class: IsLetter} // Unicode category L
	Digit  = &RangeTable{class: IsDigit}  // Unicode category Nd
	Number = &RangeTable{class: IsNumber} // Unicode category N
	Upper  = &RangeTable{class: IsUpper}  // Unicode category Lu
	Lower  = &RangeTable{class: IsLower}  // Unicode category Ll
	Punct  = &RangeTable{class: IsPunct}  // Unicode category P
	Space  = &RangeTable{class: IsSpace}  // the White_Space property

	L           = Letter
	Nd          = Digit
	N           = Number
	Lu          = Upper
	Ll          = Lower
	P           = Punct
	White_Space = Space
)

// Is says whether r is in the table.
func Is(t *RangeTable, r rune) bool {
	if t.class != nil {
		return t.class(r)
	}
	if r < 0 {
		return false
	}
	for _, g := range t.R16 {
		if r < rune(g.Lo) {
			return false
		}
		if r <= rune(g.Hi) {
			return g.Stride == 1 || (r-rune(g.Lo))%rune(g.Stride) == 0
		}
	}
	for _, g := range t.R32 {
		if r < rune(g.Lo) {
			return false
		}
		if r <= rune(g.Hi) {
			return g.Stride == 1 || (r-rune(g.Lo))%rune(g.Stride) == 0
		}
	}
	return false
}

// In says whether r is in one of the tables.
func In(r rune, ranges ...*RangeTable) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

// IsOneOf says whether r is in one of the tables (In, with a slice).
func IsOneOf(ranges []*RangeTable, r rune) bool { return In(r, ranges...) }
