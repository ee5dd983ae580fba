// fmt as Go has it: Sscan, Sscanf, Sscanln and Fscan over a reader; explicit argument indexes
// (%[2]d, %[3]*.[2]*[1]f); a Formatter formats itself (with its flags), a GoStringer gives %#v;
// %#U, %G and the error forms (MISSING, EXTRA, BADINDEX).
package main

import (
	"bufio"
	"fmt"
	"strings"
)

type point struct{ x, y int }

func (p point) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('+') {
		fmt.Fprintf(f, "point{x=%d, y=%d}", p.x, p.y)
		return
	}
	fmt.Fprintf(f, "(%d,%d)", p.x, p.y)
}

type color int

func (c color) GoString() string { return fmt.Sprintf("color(%d)", int(c)) }

func main() {
	var a, b int
	var s string
	n, err := fmt.Sscan("10 20 hello", &a, &b, &s)
	fmt.Println(n, err, a, b, s)
	var name string
	var age int
	n, err = fmt.Sscanf("Alice is 30 years", "%s is %d years", &name, &age)
	fmt.Println(n, err, name, age)
	var f float64
	var word string
	n, err = fmt.Sscanln("3.5 pi\nrest", &f, &word)
	fmt.Println(n, err, f, word)
	r := bufio.NewReader(strings.NewReader("1 2 3\n4 5\n"))
	sum := 0
	for {
		var x int
		_, err := fmt.Fscan(r, &x)
		if err != nil {
			fmt.Println("stop:", err)
			break
		}
		sum += x
	}
	fmt.Println("sum", sum)
	fmt.Printf("%[2]d %[1]d %[2]d\n", 1, 2)
	fmt.Printf("%[3]*.[2]*[1]f|\n", 12.0, 2, 6)
	fmt.Printf("%d %d %#[1]x %#o\n", 16, 17)
	fmt.Printf("%[5]d %[0]d %[1]2d %[x]d %[2]d|\n", 1, 2)
	p := point{1, 2}
	fmt.Printf("%v %+v %s\n", p, p, p)
	fmt.Println(p)
	fmt.Printf("%#v %v\n", color(3), color(3))
	fmt.Printf("%#v\n", []color{1, 2})
	fmt.Printf("%q %x % x %X\n", "hi\n", "hi", "hi", []byte("hi"))
	fmt.Printf("%8.3f|%-8.2f|%+d|%08.3f\n", 3.14159, 2.5, 5, -3.14159)
	fmt.Printf("%t %c %U %#U\n", true, 'G', 'G', '⌘')
	fmt.Printf("%e %E %g %G\n", 123456.789, 0.000123, 1e21, 1e-7)
	fmt.Printf("%v %d\n", []int{1, 2}, map[string]int{"b": 2, "a": 1})
	fmt.Printf("%5s|%-5s|%.2s\n", "ab", "ab", "abcdef")
	fmt.Printf("%!\n")
	fmt.Printf("%d\n", "x")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%T %T %T %T\n", p, &p, []any{1}, nil)
	fmt.Printf("%p\n", nil)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0))
	fmt.Println(fmt.Sprintln("a", 1), fmt.Errorf("wrap: %w", fmt.Errorf("inner")))
}
