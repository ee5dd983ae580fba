// strings.go: string work: 200,000 lines made with fmt.Sprintf, split with strings.Fields,
// words counted in a map[string]int (bench/lang/compare.sh; strings.lua and strings.py too).
package main

import (
	"fmt"
	"strings"
)

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	counts := map[string]int{}
	total := 0
	for i := 0; i < 200000; i++ {
		line := fmt.Sprintf("%s %d %s-%d  %s", words[i%8], i%100, words[(i/8)%8], i%7, words[(i*3)%8])
		for _, w := range strings.Fields(line) {
			counts[w]++
			total += len(w)
		}
	}
	fmt.Println(len(counts), total, counts["alpha"], counts["42"])
}
