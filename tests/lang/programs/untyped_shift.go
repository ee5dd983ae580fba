// A non-constant shift of an untyped constant takes its type from the context, as the
// constant alone would (Go's spec, "Operators"): uint64, uint, int32 and uint8 here, int where
// nothing says otherwise.
package main

import "fmt"

func bit(shift uint) uint { return 1 << shift }

func main() {
	var val uint64 = 4
	pos := 40
	s := uint(3)
	x := 1 << s
	var y int32 = 1 << s
	var p int32 = -9
	fmt.Println(val|1<<uint(pos), bit(63), x, y, -(1 << s) <= p)
	fmt.Printf("%T %T\n", x, 1<<s)
	var u8 uint8 = 1<<s + 255
	fmt.Println(u8, uint8(1<<s)<<5)
	var i int = 1.0 << s
	a := []int{1, 2, 3, 4, 5, 6, 7, 8, 9}
	fmt.Println(a[1<<s], i, 1<<s == 8)
	b := []byte{1, 2, 3, 4}
	fmt.Println(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24 | 1<<(s&31))
}
