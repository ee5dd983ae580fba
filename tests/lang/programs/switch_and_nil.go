// A tagless switch whose case is an interface holding a bool compares it with true; a switch
// on an interface may have equal constants of different types as cases; error(nil) and I(nil)
// are the nil interface value; a parenthesised expression may begin with a type.
package main

import "fmt"

type T int
type F float64

type ET struct{}

func (*ET) Error() string { return "ET" }

type I interface{ f() }

func kind(i interface{}) string {
	switch i {
	case 1:
		return "int 1"
	case T(1):
		return "T 1"
	case F(1):
		return "F 1"
	case 1.0:
		return "float64 1"
	}
	return "other"
}

func main() {
	switch i := interface{}(true); {
	case i:
		fmt.Println("i is true")
	case false:
		fmt.Println("false")
	}
	switch i := interface{}(false); {
	case i:
		fmt.Println("not this")
	default:
		fmt.Println("i is not true")
	}
	fmt.Println(kind(1), kind(T(1)), kind(F(1)), kind(1.0), kind("1"))
	fmt.Println((*ET)(nil) == error(nil), error(nil) == nil, I(nil) == nil, interface{}(nil))
	var e error = (*ET)(nil)
	fmt.Println(e != error(nil))
	fmt.Println((interface{}(nil) == interface{}(nil)), (struct{ a int }{1} == struct{ a int }{1}), ([]int{1}[0] + 1))
}
