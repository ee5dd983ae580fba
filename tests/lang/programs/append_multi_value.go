// append(f()) and complex(f()): a multi-value call gives a builtin all its arguments.
package main

import "fmt"

func words() ([]string, string, string) { return []string{"a"}, "b", "c" }

func parts() (float64, float64) { return 1.5, -2 }

type Named interface{ Name() string }

type dog struct{}

func (dog) Name() string { return "dog" }

func pets() ([]Named, dog) { return nil, dog{} }

func main() {
	fmt.Println(append(words()))
	fmt.Println(complex(parts()))
	ps := append(pets())
	fmt.Println(len(ps), ps[0].Name())
}
