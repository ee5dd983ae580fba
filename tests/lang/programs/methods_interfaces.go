package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (c Circle) Area() float64    { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 {
	return 2 * math.Pi * c.R
}
func (c Circle) String() string { return fmt.Sprintf("Circle(%g)", c.R) }

type Counter struct{ n int }

func (c *Counter) Inc()      { c.n++ }
func (c Counter) Value() int { return c.n }

type Animal interface{ Sound() string }
type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Sound() string  { return d.name + " says woof" }
func (c *Cat) Sound() string { return c.name + " says meow" }

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }

type Container struct {
	Base
	Name string
}

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", v)
	case string:
		return "string " + strings.ToUpper(v)
	case []int:
		return fmt.Sprint("slice ", len(v))
	case fmt.Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}}
	for _, s := range shapes {
		fmt.Printf("%T %.2f %.2f\n", s, s.Area(), s.Perimeter())
	}
	fmt.Println(shapes[1])
	var c Counter
	c.Inc()
	c.Inc()
	p := &c
	p.Inc()
	fmt.Println(c.Value(), p.Value())
	animals := []Animal{Dog{"rex"}, &Cat{"tom"}}
	for _, a := range animals {
		fmt.Println(a.Sound())
	}
	ct := Container{Base{7}, "box"}
	fmt.Println(ct.Describe(), ct.ID, ct)
	fmt.Printf("%+v\n", ct)
	words := []string{"banana", "kiwi", "apple", "fig"}
	sort.Sort(byLen(words))
	fmt.Println(words)
	sort.Strings(words)
	fmt.Println(words)
	people := []struct {
		Name string
		Age  int
	}{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	fmt.Println(describe(nil), describe(3), describe("go"), describe([]int{1, 2}), describe(Circle{2}),
		describe(fmt.Errorf("boom")), describe(2.5))
	var s Shape = Rect{1, 2}
	if r, ok := s.(Rect); ok {
		fmt.Println("rect", r.W)
	}
	_, ok := s.(Circle)
	fmt.Println(ok)
}
