package main

import "fmt"

// f has many locals, so a call's frame lies far above its caller's base: the VM must check
// the room for the new frame from where it starts (a check from the caller's base wrote past
// the end of the value stack as it grew).
func f(n int) int {
	a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 := n, n+1, n+2, n+3, n+4, n+5, n+6, n+7, n+8, n+9
	b0, b1, b2, b3, b4, b5, b6, b7, b8, b9 := a0*2, a1*2, a2*2, a3*2, a4*2, a5*2, a6*2, a7*2, a8*2, a9*2
	c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 := b0+1, b1+1, b2+1, b3+1, b4+1, b5+1, b6+1, b7+1, b8+1, b9+1
	if n == 0 {
		return 0
	}
	return f(n-1) + (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9) % 7
}

func main() {
	fmt.Println(f(3000))
}
