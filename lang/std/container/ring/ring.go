// Package ring: circular lists. A Ring is an element of a ring (there is no beginning or
// end); the zero Ring is a ring of one element, and a nil *Ring is an empty ring for Len and
// Do. Every element's next.prev is itself.
package ring

// Ring is an element of a circular list.
type Ring struct {
	next, prev *Ring
	Value      any // what the element holds
}

func (r *Ring) init() *Ring {
	r.next = r
	r.prev = r
	return r
}

// Next is the element after r.
func (r *Ring) Next() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.next
}

// Prev is the element before r.
func (r *Ring) Prev() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.prev
}

// Move is the element n steps forward (n < 0: backward) from r.
func (r *Ring) Move(n int) *Ring {
	if r.next == nil {
		return r.init()
	}
	for ; n < 0; n++ {
		r = r.prev
	}
	for ; n > 0; n-- {
		r = r.next
	}
	return r
}

// New is a ring of n elements (nil for n <= 0).
func New(n int) *Ring {
	if n <= 0 {
		return nil
	}
	r := new(Ring)
	p := r
	for i := 1; i < n; i++ {
		p.next = &Ring{prev: p}
		p = p.next
	}
	p.next = r
	r.prev = p
	return r
}

// Link joins r with s: s follows r. If they are the same ring, the elements between r and s
// are cut out as a ring of their own, which Link returns (else it returns r's old next).
func (r *Ring) Link(s *Ring) *Ring {
	n := r.Next()
	if s != nil {
		p := s.Prev()
		r.next = s
		s.prev = r
		n.prev = p
		p.next = n
	}
	return n
}

// Unlink removes n % r.Len() elements after r and returns them as a ring.
func (r *Ring) Unlink(n int) *Ring {
	if n <= 0 {
		return nil
	}
	return r.Link(r.Move(n + 1))
}

// Len is the number of elements (O(n)); 0 for a nil ring.
func (r *Ring) Len() int {
	n := 0
	if r != nil {
		n = 1
		for p := r.Next(); p != r; p = p.next {
			n++
		}
	}
	return n
}

// Do calls f with each element's Value, forward from r.
func (r *Ring) Do(f func(any)) {
	if r != nil {
		f(r.Value)
		for p := r.Next(); p != r; p = p.next {
			f(p.Value)
		}
	}
}
