package main

import "fmt"

func main() {
	s := uint(3)
	var f float64 = 1 << s
	fmt.Println(1.0<<s, f)
	var g = 2.0 << s
	h := 1<<s + 0.5
	fmt.Println(g, h)
}
