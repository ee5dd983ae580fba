// map_read_then_write.go: a map entry read and then written with the same key (`m[k]++`,
// `m[k] += v`, a get then a set), with deletions, clears, growth and compaction in between:
// every write lands on the key's entry as it is at the time of the write.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

func main() {
	counts := map[string]int{}
	for _, w := range []string{"a", "b", "a", "c", "a", "b"} {
		counts[w]++
		counts[w] += 10
	}
	fmt.Println(counts["a"], counts["b"], counts["c"], len(counts))

	m := map[string]int{"k": 1}
	k := "k"
	v := m[k]
	delete(m, k)
	m[k] = v + 1 // back in, as a new entry
	fmt.Println(m[k], len(m))

	v = m[k]
	for i := 0; i < 1000; i++ { // growth: the table is rebuilt
		m[strconv.Itoa(i)] = i
	}
	m[k] = v + 1
	fmt.Println(m[k], len(m))

	v = m[k]
	for i := 0; i < 1000; i++ { // deletions, then inserts: the entries are compacted
		delete(m, strconv.Itoa(i))
	}
	for i := 0; i < 100; i++ {
		m["x"+strconv.Itoa(i)] = i
	}
	m[k] = v + 1
	fmt.Println(m[k], len(m), m["x99"])

	v = m[k]
	for key := range m {
		delete(m, key)
	}
	m[k] = v + 1
	fmt.Println(m[k], len(m))

	ints := map[int]int{}
	for i := 0; i < 50; i++ {
		ints[i%7] += i
	}
	keys := []int{}
	for key := range ints {
		keys = append(keys, key)
	}
	sort.Ints(keys)
	for _, key := range keys {
		fmt.Print(key, ":", ints[key], " ")
	}
	fmt.Println()
}
