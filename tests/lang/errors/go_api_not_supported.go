// A name Go's package exports that Goroscope's lacks is "not supported yet", in an expression
// and as a type; a name Go's package does not have either is gc's "undefined" (a typo).
package main

import (
	"fmt"
	"os"
	"unicode"
)

func main() {
	fmt.Println(unicode.Is(unicode.Han, 'x'))
	var f *os.File
	fmt.Println(f)
	var t unicode.SpecialCase
	fmt.Println(t)
	fmt.Pritnln("typo")
	var u unicode.Tabel
	_ = u
}
