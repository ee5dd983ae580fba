// Hexadecimal floating-point literals (0x1p-2, 0x1.8p3, 0x.8p0) and their imaginary forms, as
// Go's spec gives them: a hexadecimal mantissa and a binary exponent.
package main

import "fmt"

func main() {
	fmt.Println(0x1p-2, 0x2.p10, 0x1.Fp+0, 0x.8p-0, 0x1FFFp-16)
	fmt.Println(0x1.fffffffffffffp1023, 0x_1p-2, 0x1_0.Fp+0)
	fmt.Println(0x1p4i, 0x10p0+1)
	var f float32 = 0x1.8p1
	fmt.Println(f)
}
