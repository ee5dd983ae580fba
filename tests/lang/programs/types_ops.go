package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var u32 uint32 = 1 << 31
	u32 *= 2
	fmt.Println(i8, u8, u32, -7/2, -7%2, 7>>1, -7>>1)
	fmt.Println(Monday, Tuesday, KB, MB, GB)
	q, r := divmod(17, 5)
	fmt.Println(q, r, sum(), sum(1, 2, 3), sum([]int{4, 5}...))
	x := 255
	fmt.Printf("%d %x %X %o %b %08.3f %-5d| %5s| %-5s| %t %c %U\n", x, x, x, x, 5, 3.14159, 42, "ab", "cd", true, 'G', 'G')
	fmt.Printf("%v %+v %T %q %v\n", []string{"a"}, struct{ A int }{1}, 3.0, 'x', nil)
	fmt.Printf("%5.1f|%e|%g|%g|%v\n", 2.25, 123456.789, 0.000012, 1e21, 1e6)
	fmt.Println(3.0, 2.5, 1e100, 100000000.0, float32(0.1), 1.0/3.0)
	s := "héllo, world"
	for i, r := range s {
		if i > 3 {
			break
		}
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(len(s), []byte(s)[1], []rune(s)[1])
	fmt.Println(strings.Split("a,b,c", ","), strings.Join([]string{"x", "y"}, "-"), strings.Repeat("ab", 3),
		strings.Contains(s, "world"), strings.Index(s, "o"), strings.Fields("  a b  c "), strings.TrimSpace("  t  "))
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	fmt.Println(strconv.Itoa(99)+"!", strconv.Quote("hi\n"), strconv.FormatInt(255, 16))
	f, _ := strconv.ParseFloat("2.5", 64)
	fmt.Println(f * 2)
	arr := [5]int{1, 2, 3}
	b := arr
	b[0] = 100
	sl := arr[1:4]
	sl[0] = 20
	fmt.Println(arr, b, sl, len(sl), cap(sl))
	grid := [][]int{{1, 2}, {3, 4}}
	grid[1][0] = 30
	fmt.Println(grid)
	m := map[string][]int{}
	m["a"] = append(m["a"], 1)
	m["a"] = append(m["a"], 2)
	v, ok := m["b"]
	fmt.Println(m, v == nil, ok, len(m))
	delete(m, "a")
	fmt.Println(m)
	type point struct{ X, Y int }
	pts := map[point]string{{1, 2}: "a"}
	fmt.Println(pts[point{1, 2}], point{1, 2} == point{1, 2})
	copy(sl, []int{7, 8, 9, 10})
	fmt.Println(arr, min(3, 1, 2), max(2.5, 1.0))
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
		fallthrough
	case x > 1:
		fmt.Println("medium")
	default:
		fmt.Println("small")
	}
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	var pi *int
	fmt.Println(pi == nil, pi)
	y := 10
	pi = &y
	*pi += 5
	fmt.Println(y, *pi)
	type node struct {
		val  int
		next *node
	}
	var head *node
	for i := 3; i > 0; i-- {
		head = &node{i, head}
	}
	for n := head; n != nil; n = n.next {
		fmt.Print(n.val)
	}
	fmt.Println()
}
