package main

func main() {
	i := 0
	switch i {
	case 0:
		goto A
	case 1:
	A:
		i++
	default:
		goto B
		v := 1
	B:
		println(v)
	}
	switch i {
	case 2:
	C:
		goto C
	default:
		goto C
	}
	select {
	default:
		goto D
		w := 2
	D:
		println(w)
	}
}
