// iface.go: interface method calls: 5,000,000 rounds of Scale and Area over 100 shapes of
// three concrete types (bench/lang/compare.sh; iface.lua and iface.py do the same).
package main

import "fmt"

type Shape interface {
	Area() float64
	Scale(f float64)
}

type Rect struct{ w, h float64 }
type Circle struct{ r float64 }
type Square struct{ s float64 }

func (r *Rect) Area() float64    { return r.w * r.h }
func (r *Rect) Scale(f float64)  { r.w *= f; r.h *= f }
func (c *Circle) Area() float64  { return 3.0 * c.r * c.r }
func (c *Circle) Scale(f float64) { c.r *= f }
func (s *Square) Area() float64  { return s.s * s.s }
func (s *Square) Scale(f float64) { s.s *= f }

func main() {
	shapes := make([]Shape, 0, 100)
	for i := 0; i < 100; i++ {
		switch i % 3 {
		case 0:
			shapes = append(shapes, &Rect{float64(i%7 + 1), 2})
		case 1:
			shapes = append(shapes, &Circle{float64(i%5 + 1)})
		default:
			shapes = append(shapes, &Square{float64(i%4 + 1)})
		}
	}
	total := 0.0
	for round := 0; round < 25000; round++ {
		f := 1.0001
		if round%2 == 1 {
			f = 1 / 1.0001
		}
		for _, s := range shapes {
			s.Scale(f)
			total += s.Area()
		}
	}
	fmt.Printf("%.0f\n", total)
}
