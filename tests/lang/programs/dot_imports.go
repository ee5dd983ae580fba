// Dot imports: math's, strings' and sync's exported names used unqualified, types, functions,
// constants and function values; fmt beside them, imported as usual.
package main

import (
	"fmt"
	. "math"
	. "strings"
	"sync"
)

type Pair struct{ A, B int }

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	b := Builder{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			_ = i
		}(i)
	}
	wg.Wait()
	b.WriteString(Repeat("ab", 2))
	fmt.Println(b.String(), Sqrt(16), Pi > 3, Fields(" a b "), MaxInt8)
	f := Title
	_ = f
	fmt.Println(Pair{1, 2})
}
