// math (Frexp, Modf, Ldexp, Remainder, Cbrt exact on cubes, ...), math/bits, math/rand's
// Rand methods (Perm, Shuffle, Int31n) and sort, as Go computes them.
package main

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand"
	"sort"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Abs(-3.5), math.Floor(-1.5), math.Ceil(1.2), math.Round(2.5), math.Trunc(-2.7))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.Pi, math.E, math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000), math.Float32bits(1.5), math.Copysign(3, -1), math.Signbit(-0.0))
	fmt.Println(math.Mod(7, 3), math.Hypot(3, 4), math.Log(math.E), math.Log2(8), math.Log10(1000), math.Exp(0), math.Max(3, 7), math.Min(3, 7))
	fmt.Println(math.Sin(0), math.Cos(math.Pi), math.Atan2(1, 1), math.Cbrt(27), math.Remainder(7, 3))
	fr, ex := math.Frexp(8)
	ip, fp := math.Modf(3.75)
	fmt.Println(fr, ex, ip, fp, math.Ldexp(0.5, 4))
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.Len(255), bits.Reverse8(1), bits.RotateLeft32(1, 3))
	hi, lo := bits.Mul64(1<<63, 4)
	sum, carry := bits.Add64(math.MaxUint64, 1, 0)
	fmt.Println(hi, lo, sum, carry, bits.UintSize)

	r := rand.New(rand.NewSource(42))
	p := r.Perm(5)
	sort.Ints(p)
	fmt.Println(p, len(p))
	x := []int{1, 2, 3, 4, 5}
	r.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
	sort.Ints(x)
	fmt.Println(x)
	u := rand.Uint32()
	_ = u
	n := rand.Intn(10)
	fl := rand.Float64()
	fmt.Println(n >= 0 && n < 10, fl >= 0 && fl < 1, rand.Int63() >= 0, r.Int31n(5) < 5)

	people := []struct {
		Name string
		Age  int
	}{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	strs := []string{"pear", "apple", "fig"}
	sort.Strings(strs)
	idx := sort.SearchStrings(strs, "fig")
	fmt.Println(strs, idx, sort.StringsAreSorted(strs))
	fs := []float64{2.5, -1, 3}
	sort.Float64s(fs)
	fmt.Println(fs, sort.SearchInts([]int{1, 3, 5, 7}, 5), sort.Search(100, func(i int) bool { return i*i >= 50 }))
	sort.Sort(sort.Reverse(sort.IntSlice(x)))
	fmt.Println(x, sort.IsSorted(sort.IntSlice(x)))
}
