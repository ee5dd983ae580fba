// fmt's verbs as gobyexample's string-formatting page uses them, and the corners around them:
// %O, %#b, %#x of a string (0x once, or before each byte with a space), %!s(<nil>) for a nil
// operand, a nil pointer under an integer verb (0), widths and precisions of every kind.
package main

import (
	"fmt"
	"os"
)

type point struct {
	x, y int
}

type named struct {
	Name string
	Tags []string
	M    map[string]int
	P    *point
}

func main() {
	p := point{1, 2}
	fmt.Printf("struct1: %v\n", p)
	fmt.Printf("struct2: %+v\n", p)
	fmt.Printf("struct3: %#v\n", p)
	fmt.Printf("type: %T\n", p)
	fmt.Printf("bool: %t\n", true)
	fmt.Printf("int: %d\n", 123)
	fmt.Printf("bin: %b\n", 14)
	fmt.Printf("char: %c\n", 33)
	fmt.Printf("hex: %x\n", 456)
	fmt.Printf("float1: %f\n", 78.9)
	fmt.Printf("float2: %e\n", 123400000.0)
	fmt.Printf("float3: %E\n", 123400000.0)
	fmt.Printf("str1: %s\n", "\"string\"")
	fmt.Printf("str2: %q\n", "\"string\"")
	fmt.Printf("str3: %x\n", "hex this")
	fmt.Printf("width1: |%6d|%6d|\n", 12, 345)
	fmt.Printf("width2: |%6.2f|%6.2f|\n", 1.2, 3.45)
	fmt.Printf("width3: |%-6.2f|%-6.2f|\n", 1.2, 3.45)
	fmt.Printf("width4: |%6s|%6s|\n", "foo", "b")
	fmt.Printf("width5: |%-6s|%-6s|\n", "foo", "b")
	s := fmt.Sprintf("sprintf: a %s", "string")
	fmt.Println(s)
	fmt.Fprintf(os.Stdout, "io: an %s\n", "error")
	n := named{"n", []string{"a"}, map[string]int{"k": 1}, nil}
	fmt.Printf("%v\n%+v\n", n, n)
	fmt.Printf("%#v\n", named{Name: "z"})
	fmt.Printf("%v %d %s\n", []string{"a", "b"}, []int{1, 2}, []string{"c"})
	fmt.Printf("%x %X %o %O %#b\n", -255, 255, 8, 8, 5)
	fmt.Printf("%08.3f|%+.2e|% d|%x\n", 3.14159, 1234.5, 42, 3.5)
	fmt.Printf("%6.2f%%\n", 99.5)
	var ip *int
	var e error
	fmt.Printf("%v %v\n", ip, e)
	fmt.Printf("%v %.3v %10.4v|\n", 1e6, 3.14159, "abcdefgh")
	fmt.Printf("%c|%-4c|%q|%U\n", 'x', 'y', 'z', 0x1F600)
	fmt.Printf("%t %v\n", false, struct{}{})
	fmt.Printf("%s\n", error(nil))
	fmt.Printf("%v\n", [2][2]int{{1, 2}, {3, 4}})
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%5t|%-7v|\n", true, nil)
	fmt.Printf("%x\n", []byte{})
	fmt.Printf("%.0f %.1f %.1f\n", 2.5, 0.25, 0.35)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1000000.0, 1e-4, 1e-5)
	a, b := 0.1, 0.2
	fmt.Printf("%v %v\n", float32(0.1), a+b)
	fmt.Printf("%3c|%-3c|\n", 'a', 'b')
	fmt.Printf("%+q %#q %#x\n", "é", "back`tick", "hi")
	var np *int
	fmt.Printf("%d %x %#x %v %b %o|\n", np, np, np, np, np, np)
	fmt.Printf("%d %v\n", []*int{nil, nil}, []*int{nil})
}
