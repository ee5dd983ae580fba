// defer and go of the builtins that take two arguments: delete(m, k) and copy(dst, src),
// their arguments evaluated at the defer statement (the key converted to the map's key type).
package main

import "fmt"

func main() {
	m := map[any]int{1: 1, "a": 2, 3: 3}
	s := make([]byte, 3)
	func() {
		for i := 0; i < 2; i++ {
			defer delete(m, i+1)
		}
		defer copy(s, "xyz")
		t := []int{0, 0}
		defer func() { fmt.Println(t, m) }()
		defer copy(t, []int{7, 8, 9})
	}()
	fmt.Println(m, string(s))
}
