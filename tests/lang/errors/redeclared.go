package main

func f() {}
func f() {}

func main() {
	x := 1
	x := 2
	_ = x
	var y int = nil
	_ = y
	z, w := 1
	_, _ = z, w
}
