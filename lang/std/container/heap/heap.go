// Package heap: heap operations on any type that implements heap.Interface: a min-heap by
// Less, kept in the slice-like storage the program provides (Push and Pop append to and take
// from its end). Init, Push, Pop, Remove and Fix keep the invariant: for every index i > 0,
// !h.Less(i, (i-1)/2) (no element is less than its parent), so index 0 is the least.
package heap

import "sort"

// Interface is sort.Interface with Push (add x as element Len()) and Pop (remove and return
// element Len()-1).
type Interface interface {
	sort.Interface
	Push(x any)
	Pop() any
}

// Init makes h a heap (O(n)).
func Init(h Interface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		down(h, i, n)
	}
}

// Push adds x (O(log n)).
func Push(h Interface, x any) {
	h.Push(x)
	up(h, h.Len()-1)
}

// Pop removes and returns the least element (O(log n)).
func Pop(h Interface) any {
	n := h.Len() - 1
	h.Swap(0, n)
	down(h, 0, n)
	return h.Pop()
}

// Remove removes and returns element i (O(log n)).
func Remove(h Interface, i int) any {
	n := h.Len() - 1
	if n != i {
		h.Swap(i, n)
		if !down(h, i, n) {
			up(h, i)
		}
	}
	return h.Pop()
}

// Fix restores the heap after element i's value changed (O(log n)).
func Fix(h Interface, i int) {
	if !down(h, i, h.Len()) {
		up(h, i)
	}
}

// up moves element j toward the root while it is less than its parent.
func up(h Interface, j int) {
	for j > 0 {
		parent := (j - 1) / 2
		if !h.Less(j, parent) {
			break
		}
		h.Swap(parent, j)
		j = parent
	}
}

// down moves element i0 toward the leaves (within the first n) while a child is less than
// it; it says whether the element moved.
func down(h Interface, i0, n int) bool {
	i := i0
	for {
		left := 2*i + 1
		if left >= n {
			break
		}
		least := left
		if right := left + 1; right < n {
			if h.Less(right, left) {
				least = right
			}
		}
		if !h.Less(least, i) {
			break
		}
		h.Swap(i, least)
		i = least
	}
	return i > i0
}
