// std_containers_bits: container/heap (the IntHeap and PriorityQueue examples of its docs),
// container/list, container/ring, math/bits and unicode/utf16.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"math/bits"
	"unicode/utf16"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

type Item struct {
	value    string
	priority int
	index    int
}

type PriorityQueue []*Item

func (pq PriorityQueue) Len() int { return len(pq) }
func (pq PriorityQueue) Less(i, j int) bool {
	return pq[i].priority > pq[j].priority
}
func (pq PriorityQueue) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PriorityQueue) Push(x any) {
	n := len(*pq)
	item := x.(*Item)
	item.index = n
	*pq = append(*pq, item)
}
func (pq *PriorityQueue) Pop() any {
	old := *pq
	n := len(old)
	item := old[n-1]
	old[n-1] = nil
	item.index = -1
	*pq = old[0 : n-1]
	return item
}
func (pq *PriorityQueue) update(item *Item, value string, priority int) {
	item.value = value
	item.priority = priority
	heap.Fix(pq, item.index)
}

func main() {
	hv := IntHeap{2, 1, 5}
	h := &hv
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Printf("minimum: %d\n", (*h)[0])
	for h.Len() > 0 {
		fmt.Printf("%d ", heap.Pop(h))
	}
	fmt.Println()

	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	pq := make(PriorityQueue, 0)
	for _, name := range []string{"banana", "apple", "pear"} {
		heap.Push(&pq, &Item{value: name, priority: items[name]})
	}
	item := &Item{value: "orange", priority: 1}
	heap.Push(&pq, item)
	pq.update(item, item.value, 5)
	removed := heap.Remove(&pq, 2).(*Item)
	fmt.Println("removed", removed.value)
	for pq.Len() > 0 {
		item := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s ", item.priority, item.value)
	}
	fmt.Println()

	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	l.Remove(l.Front().Next())
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())
	var zl list.List
	zl.PushBack("a")
	zl.PushBackList(&zl)
	zl.PushFrontList(l)
	for e := zl.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(zl.Len(), l.Remove(e1), l.Len(), zl.Remove(e1), zl.Len())
	other := list.New()
	other.MoveAfter(e4, e1)
	fmt.Println(other.InsertBefore(9, e4) == nil)

	r := ring.New(5)
	n := r.Len()
	for i := 0; i < n; i++ {
		r.Value = i
		r = r.Next()
	}
	r.Do(func(p any) { fmt.Print(p.(int), " ") })
	fmt.Println()
	r = r.Move(2)
	r.Do(func(p any) { fmt.Print(p, " ") })
	fmt.Println()
	removedRing := r.Unlink(2)
	fmt.Println(r.Len(), removedRing.Len())
	s := ring.New(2)
	s.Value, s.Next().Value = "x", "y"
	r.Link(s)
	r.Do(func(p any) { fmt.Print(p, " ") })
	fmt.Println(r.Len(), r.Prev().Value)
	var zr ring.Ring
	fmt.Println(zr.Len(), (*ring.Ring)(nil).Len())

	fmt.Println(bits.LeadingZeros64(1), bits.LeadingZeros32(0), bits.LeadingZeros8(1), bits.LeadingZeros(255))
	fmt.Println(bits.TrailingZeros(8), bits.TrailingZeros64(0), bits.TrailingZeros16(0), bits.TrailingZeros32(1<<31))
	fmt.Println(bits.OnesCount(255), bits.OnesCount64(1<<63|1), bits.OnesCount8(7), bits.OnesCount32(0xffffffff))
	fmt.Println(bits.Len(0), bits.Len(1), bits.Len64(1<<63), bits.Len32(5), bits.Len8(255), bits.Len16(256))
	fmt.Println(bits.RotateLeft8(1, -1), bits.RotateLeft32(0x80000001, 1), bits.RotateLeft64(1, 65), bits.RotateLeft(3, -1))
	fmt.Printf("%#x %#x %#x %#x\n", bits.Reverse8(1), bits.Reverse16(1), bits.Reverse32(0x12345678), bits.Reverse64(3))
	fmt.Printf("%#x %#x %#x\n", bits.ReverseBytes16(0x1234), bits.ReverseBytes32(0x12345678), bits.ReverseBytes64(0x0102030405060708))
	sum, carry := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(sum, carry)
	diff, borrow := bits.Sub64(0, 1, 0)
	fmt.Println(diff, borrow)
	d32, b32 := bits.Sub32(5, 3, 1)
	fmt.Println(d32, b32)
	hi, lo := bits.Mul64(1<<63+12345, 1<<62+6789)
	fmt.Println(hi, lo)
	hi32, lo32 := bits.Mul32(0xffffffff, 0xffffffff)
	fmt.Println(hi32, lo32)
	q, rem := bits.Div64(hi, lo, 1<<63+12345)
	fmt.Println(q, rem)
	q, rem = bits.Div64(3, 12345, 1<<62+999)
	fmt.Println(q, rem)
	fmt.Println(bits.Rem64(7, 8, 5), bits.UintSize)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bits.Div64(5, 0, 5)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bits.Div64(0, 0, 0)
	}()

	enc := utf16.Encode([]rune("a€𝄞"))
	fmt.Println(enc, len(enc))
	fmt.Println(string(utf16.Decode(enc)), utf16.Decode([]uint16{0xd834, 'x', 0xdd1e}))
	r1, r2 := utf16.EncodeRune('𝄞')
	fmt.Printf("%x %x %c %v %v\n", r1, r2, utf16.DecodeRune(r1, r2), utf16.IsSurrogate(r1), utf16.IsSurrogate('a'))

}
