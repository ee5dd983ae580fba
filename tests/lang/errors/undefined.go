package main

import (
	"fmt"
	"os"
)

func main() {
	x := 1
	var y int
	fmt.Println(foo)
	z := bar(2)
}
