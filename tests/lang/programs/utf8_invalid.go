// Invalid UTF-8 decodes as Go decodes it: a surrogate half, an overlong encoding, a value past
// U+10FFFF and a cut-off sequence are each U+FFFD of one byte.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	for _, s := range []string{"\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "\xe0\x80\x80", "a\xe2\x82", "€", "\xf0\x9f\x98\x80"} {
		var rs []rune
		for _, r := range s {
			rs = append(rs, r)
		}
		r, n := utf8.DecodeRuneInString(s)
		fmt.Printf("%q %U %d %v %d %v\n", s, rs, len(rs), utf8.ValidString(s), n, r)
		fmt.Println([]rune(s), utf8.RuneCountInString(s))
	}
}
