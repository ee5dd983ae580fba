// goto_switch_clause: goto within one clause of an expression switch (backward and forward, out of
// a loop inside the clause), which Go allows: the label and the goto are in the same block.
package main

import "fmt"

func f(i int) {
	switch i {
	case 0:
		n := 0
	L:
		n++
		fmt.Println("case 0", n)
		if n < 3 {
			goto L
		}
	default:
		goto M
	M:
		fmt.Println("default")
		for j := 0; j < 2; j++ {
			if j == 1 {
				goto End
			}
			fmt.Println("j", j)
		}
	End:
		fmt.Println("end")
	}
}

func main() {
	f(0)
	f(1)
}
