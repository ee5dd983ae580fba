package main

import "fmt"

type Animal interface {
	Sound() string
}

type Cat struct{}

func (c *Cat) Sound() string { return "meow" }

func main() {
	var a Animal = Cat{}
	ch := make(<-chan int)
	ch <- 1
	var m map[[]int]string
	x := []int{1, 2}
	if x == nil || x == x {
	}
	fmt.Println(a, m)
	for i := 0; i < 3; i++ {
		break
	}
	continue
	var f float64 = 1
	f %= 2
	var i interface{} = 1
	i.Foo()
}
