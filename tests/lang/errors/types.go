package main

import "fmt"

type T struct {
	X int
}

func (t T) Get() int { return t.X }

func two() (int, string) { return 1, "a" }

func main() {
	var s string = 5
	var n int = "hello"
	t := T{}
	t.Y = 3
	fmt.Println(t.Missing())
	a := two()
	var b int8 = 300
	c := 1 + "x"
	fmt.Println(s, n, a, b, c)
	return 1
}
