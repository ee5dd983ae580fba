package main

func main() {
	goto L
	var y, z int
	x, w := 1, 2
L:
	println(x, y, z, w)
	goto M
	{
	M:
		println()
	}
	goto N
	if true {
	N:
	}
	goto Q
	switch {
	case true:
	Q:
	}
	goto P
	goto K
	{
		goto K
	}
K:
	{
	J:
		goto J
	}
}
