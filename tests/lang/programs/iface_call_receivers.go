// iface_call_receivers.go: interface method calls with every kind of receiver: a pointer
// method on the pointer, a value method of a struct (the callee gets a copy), of a named
// integer, a value method reached through a pointer, a promoted method, a nil pointer receiver,
// methods with no result, one and two, and a panic inside one, recovered by the caller.
package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
	Grow(f float64)
	Both() (float64, string)
}

type Rect struct{ w, h float64 }

func (r *Rect) Area() float64           { return r.w * r.h }
func (r *Rect) Grow(f float64)          { r.w *= f; r.h *= f }
func (r *Rect) Both() (float64, string) { return r.Area(), "rect" }

type Box struct{ side float64 }

func (b Box) Area() float64           { return b.side * b.side }
func (b Box) Grow(f float64)          { b.side *= f } // a copy: the caller's Box stays
func (b Box) Both() (float64, string) { return b.Area(), "box" }

type Celsius int

func (c Celsius) String() string { return fmt.Sprintf("%d°C", int(c)) }

type Named struct{ Rect } // *Named has Rect's pointer methods, promoted

type List struct{ next *List }

func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return 1 + l.next.Len()
}

type Lener interface{ Len() int }

type Bad struct{}

func (Bad) Area() float64           { panic(errors.New("no area")) }
func (Bad) Grow(float64)            {}
func (Bad) Both() (float64, string) { return 0, "bad" }

func area(s Shape) (a float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return s.Area(), nil
}

func main() {
	b := Box{2}
	var s Shape = b
	s.Grow(10)
	fmt.Println(s.Area(), b.side)
	shapes := []Shape{&Rect{1, 2}, Box{3}, &Box{4}, &Named{Rect{2, 2}}}
	for round := 0; round < 3; round++ {
		for _, s := range shapes {
			s.Grow(2)
		}
	}
	for _, s := range shapes {
		a, name := s.Both()
		fmt.Println(name, a, s.Area())
	}
	var str fmt.Stringer = Celsius(21)
	fmt.Println(str.String(), str)
	var l Lener = (*List)(nil)
	fmt.Println(l.Len(), Lener(&List{&List{}}).Len())
	fmt.Println(area(Bad{}))
	fmt.Println(area(&Rect{3, 3}))
}
