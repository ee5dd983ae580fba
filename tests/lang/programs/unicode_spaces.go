// unicode_spaces.go: strings.Fields and strings.TrimSpace split and trim at unicode.IsSpace's
// spaces only (U+2003, U+3000, U+0085 are spaces; the byte 0x85 inside "Å" is not one), in
// strings of a few words and of more than 32 (which Fields finds in a second pass); fmt with
// more than 8 arguments (copied into a vector rather than in place).
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
	long := strings.Repeat("w\u3000xy \t", 20) + "z"
	words := strings.Fields(long)
	fmt.Println(len(words), words[0], words[1], words[38], words[39], words[40])
	fmt.Println(strings.Join(strings.Fields(long)[30:], ","))
	s := fmt.Sprintf("%d %s %d %s %d %s %d %s %d %s", 1, "a", 2, "b", 3, "c", 4, "d", 5, "e")
	fmt.Println(s, fmt.Sprint(1, 2, 3, 4, 5, 6, 7, 8, 9, "x"))
}
