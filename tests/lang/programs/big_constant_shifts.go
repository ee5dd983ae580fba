// Untyped integer constants past 128 bits (gc keeps 512): 1 << 200 and 1e100 >> 300 fold
// exactly while their significant bits fit a double, shifted back into range, divided, or
// made floats; 1 << 600 is gc's "constant shift overflow".
package main

import "fmt"

const big = 1 << 200
const back = big >> 190
const f = 1e100 >> 300
const tiny = 1.0 / (1 << 500)

func main() {
	fmt.Println(back, f, big/(1<<190), float64(big))
	var x int = big >> 150
	fmt.Println(x, tiny*(1<<500), 1e302>>1000)
}
