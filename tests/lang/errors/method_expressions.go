package main

type T struct{ n int }

func (t *T) Set(n int) { t.n = n }
func (t T) Get() int   { return t.n }

func main() {
	f := T.Set
	g := T.get
	h := T.n
	_, _, _ = f, g, h
}
