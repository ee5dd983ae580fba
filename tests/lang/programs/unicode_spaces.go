// unicode_spaces.go: strings.Fields and strings.TrimSpace split and trim at unicode.IsSpace's
// spaces only (U+2003, U+3000, U+0085 are spaces; the byte 0x85 inside "Å" is not one).
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	fmt.Printf("%q\n", strings.TrimSpace(" Å\u00a0"))
	fmt.Printf("%q\n", strings.TrimSpace("\u3000 \t"))
	fmt.Printf("%q\n", strings.Fields("a\u2003b\u3000c Å d\u0085e"))
	fmt.Println(len(strings.Fields("  x  y  ")), len(strings.Fields(" \n ")))
	fmt.Println(unicode.IsSpace('\u205f'), unicode.IsSpace('\u200b'))
}
