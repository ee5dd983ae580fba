package main

import (
	"fmt"
	"os"
	"strings"
)

func f() int {
	for {
		x := 1
	}
}

func g(n int) int {
	if n > 0 {
		return 1
	}
}

func main() {
	a, b := 1, 2
	fmt.Println(a)
	var c int
	c = 3
}
