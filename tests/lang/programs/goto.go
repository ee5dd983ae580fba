// goto: backward and forward jumps, out of nested blocks and loops, a loop written with goto,
// and a closure over a variable declared again each time a goto jumps back before it.
package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 3 {
		fmt.Println("i =", i)
		i++
		goto loop
	}
	var fs []func() int
	n := 0
again:
	x := n * 10
	fs = append(fs, func() int { return x })
	n++
	if n < 3 {
		goto again
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for a := 0; a < 5; a++ {
		for b := 0; b < 5; b++ {
			if a*b == 6 {
				fmt.Println("found", a, b)
				goto done
			}
		}
	}
	fmt.Println("not found")
done:
	switch {
	case i == 3:
		goto skip
	}
	fmt.Println("not skipped")
skip:
	fmt.Println("end")
}
