package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Number is a constraint with a union of approximation terms.
type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

// Stringer in a constraint: methods and a type set together.
type StringerInt interface {
	~int
	String() string
}

type Weekday int

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

func Names[T StringerInt](xs []T) string {
	parts := Map(xs, func(x T) string { return x.String() })
	return strings.Join(parts, ",")
}

// Setter: constraint type inference through a pointer core type.
type Setter[B any] interface {
	*B
	Set(string)
}

type Settable int

func (p *Settable) Set(s string) { *p = Settable(len(s)) }

func FromStrings[T any, PT Setter[T]](s []string) []T {
	out := make([]T, len(s))
	for i, v := range s {
		p := PT(&out[i])
		p.Set(v)
	}
	return out
}

func Ptr[T any](v T) *T { return &v }

type Number2 interface{ int | float64 }

func Scale[T Number2](x T, k T) T { return x * k }

func Find[T comparable](xs []T, v T) (int, error) {
	for i, x := range xs {
		if x == v {
			return i, nil
		}
	}
	return -1, errors.New("not found")
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2}), Sum([]Celsius{20, 1.5}))
	fmt.Println(Sum[int64]([]int64{4, 5}))
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return strings.Repeat("x", i) }))
	fmt.Println(Filter([]int{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 }))
	ks := Keys(map[string]int{"b": 2, "a": 1, "c": 3})
	sort.Strings(ks)
	fmt.Println(ks)
	fmt.Println(Max(3, 7), Max(2.5, 1.0), Max("go", "c"))
	s := &Stack[string]{}
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok, s.Len())
	var ints Stack[int]
	_, ok = ints.Pop()
	fmt.Println(ok)
	p := Pair[string, int]{"x", 1}
	fmt.Printf("%v %T\n", p, p)
	var l List[float64]
	l.Push(1.5)
	l.Push(2.5)
	l.Each(func(f float64) { fmt.Print(f, " ") })
	fmt.Println(l.size)
	fmt.Println(Names([]Weekday{0, 2, 1}))
	fmt.Println(FromStrings[Settable]([]string{"a", "bcd"}))
	fmt.Println(*Ptr(42), *Ptr("s"))
	fmt.Println(Scale(3, 4), Scale(1.5, 2.0))
	i, err := Find([]string{"a", "b"}, "b")
	fmt.Println(i, err)
	_, err = Find([]int{1}, 2)
	fmt.Println(err)
	f := Map[int, int]
	fmt.Println(f([]int{1, 2}, func(i int) int { return i * 10 }))
}
