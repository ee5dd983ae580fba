// std_fmt_scan: fmt.Sscan, Sscanln, Sscanf and Fscan/Fscanln over readers: values of each basic
// type, bases and prefixes, widths, literals in the format, and the errors Go gives.
package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	var name string
	var age int
	var h float64
	n, err := fmt.Sscan("Ada 36\n1.70", &name, &age, &h)
	fmt.Println(n, err, name, age, h)
	n, err = fmt.Sscanln("Bob 7\nmore", &name, &age)
	fmt.Println(n, err, name, age)
	n, err = fmt.Sscanln("Bob\n7", &name, &age)
	fmt.Println(n, err, name)
	n, err = fmt.Sscan("", &age)
	fmt.Println(n, err)
	n, err = fmt.Sscan("5", &age, &name)
	fmt.Println(n, err, age)
	n, err = fmt.Sscan("abc", &age)
	fmt.Println(n, err)
	var x, y int
	var op string
	n, err = fmt.Sscanf("12 + 30", "%d %s %d", &x, &op, &y)
	fmt.Println(n, err, x, op, y)
	n, err = fmt.Sscanf("(3,4)", "(%d,%d)", &x, &y)
	fmt.Println(n, err, x, y)
	n, err = fmt.Sscanf("ff 0x1f", "%x %v", &x, &y)
	fmt.Println(n, err, x, y)
	var c rune
	var ok bool
	var u8 uint8
	n, err = fmt.Sscanf("z true 255", "%c %t %d", &c, &ok, &u8)
	fmt.Println(n, err, string(c), ok, u8)
	n, err = fmt.Sscanf("12345", "%2d%3d", &x, &y)
	fmt.Println(n, err, x, y)
	n, err = fmt.Sscanf("a-b", "%s-%s", &name, &op)
	fmt.Println(n, err, name)
	var f32 float32
	var i64 int64
	n, err = fmt.Sscan("-2.5e3 -9000000000", &f32, &i64)
	fmt.Println(n, err, f32, i64)
	n, err = fmt.Sscan("300", &u8)
	fmt.Println(n, err, u8)
	r := strings.NewReader("10 20\n30\n")
	var a, b, d int
	n, err = fmt.Fscan(r, &a, &b, &d)
	fmt.Println(n, err, a+b+d)
	n, err = fmt.Fscan(r, &a)
	fmt.Println(n, err)
	br := bufio.NewReader(strings.NewReader("1 2\n3 4\n"))
	for {
		var p, q int
		n, err := fmt.Fscanln(br, &p, &q)
		if err != nil {
			fmt.Println("stop:", n, err)
			break
		}
		fmt.Println(p * q)
	}
	var bs []byte
	fmt.Sscan("bytes!", &bs)
	fmt.Println(string(bs))
	n, err = fmt.Sscan("0x1F -0b101 +0o17 1_000", &x, &y, &a, &b)
	fmt.Println(n, err, x, y, a, b)
	n, err = fmt.Sscan("12abc", &x, &name)
	fmt.Println(n, err, x, name)
	n, err = fmt.Sscan("3.5e2x", &h, &name)
	fmt.Println(n, err, h, name)
	n, err = fmt.Sscanf("1", "%d %d", &x, &y)
	fmt.Println(n, err)
	n, err = fmt.Sscan("-129", new(int8))
	fmt.Println(n, err)
}
