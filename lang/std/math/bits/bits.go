// Package bits: counting and manipulating the bits of unsigned integers, with Go's names and
// results (UintSize is 64). Every function is plain Go on the VM's wrapping unsigned
// arithmetic: the loops run at most 64 times.
package bits

import "errors"

// UintSize is the size of a uint in bits.
const UintSize = 64

var errOverflow = errors.New("runtime error: integer overflow")

// LeadingZeros is the number of leading zero bits in x (UintSize for 0).
func LeadingZeros(x uint) int { return UintSize - Len(x) }

// LeadingZeros8 is the number of leading zero bits in x (8 for 0).
func LeadingZeros8(x uint8) int { return 8 - Len8(x) }

// LeadingZeros16 is the number of leading zero bits in x (16 for 0).
func LeadingZeros16(x uint16) int { return 16 - Len16(x) }

// LeadingZeros32 is the number of leading zero bits in x (32 for 0).
func LeadingZeros32(x uint32) int { return 32 - Len32(x) }

// LeadingZeros64 is the number of leading zero bits in x (64 for 0).
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// TrailingZeros is the number of trailing zero bits in x (UintSize for 0).
func TrailingZeros(x uint) int { return TrailingZeros64(uint64(x)) }

// TrailingZeros8 is the number of trailing zero bits in x (8 for 0).
func TrailingZeros8(x uint8) int {
	if x == 0 {
		return 8
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros16 is the number of trailing zero bits in x (16 for 0).
func TrailingZeros16(x uint16) int {
	if x == 0 {
		return 16
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros32 is the number of trailing zero bits in x (32 for 0).
func TrailingZeros32(x uint32) int {
	if x == 0 {
		return 32
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros64 is the number of trailing zero bits in x (64 for 0).
func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	n := 0
	for x&0xffffffff == 0 {
		n += 32
		x >>= 32
	}
	for x&1 == 0 {
		n++
		x >>= 1
	}
	return n
}

// OnesCount is the number of one bits in x.
func OnesCount(x uint) int { return OnesCount64(uint64(x)) }

// OnesCount8 is the number of one bits in x.
func OnesCount8(x uint8) int { return OnesCount64(uint64(x)) }

// OnesCount16 is the number of one bits in x.
func OnesCount16(x uint16) int { return OnesCount64(uint64(x)) }

// OnesCount32 is the number of one bits in x.
func OnesCount32(x uint32) int { return OnesCount64(uint64(x)) }

// OnesCount64 is the number of one bits in x (a parallel sum: pairs, nibbles, bytes).
func OnesCount64(x uint64) int {
	x = x>>1&0x5555555555555555 + x&0x5555555555555555
	x = x>>2&0x3333333333333333 + x&0x3333333333333333
	x = (x>>4 + x) & 0x0f0f0f0f0f0f0f0f
	return int(x * 0x0101010101010101 >> 56)
}

// RotateLeft is x rotated left by k bits (right for k < 0).
func RotateLeft(x uint, k int) uint { return uint(RotateLeft64(uint64(x), k)) }

// RotateLeft8 is x rotated left by k bits (right for k < 0).
func RotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}

// RotateLeft16 is x rotated left by k bits (right for k < 0).
func RotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}

// RotateLeft32 is x rotated left by k bits (right for k < 0).
func RotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}

// RotateLeft64 is x rotated left by k bits (right for k < 0).
func RotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// Reverse is x with its bits in reverse order.
func Reverse(x uint) uint { return uint(Reverse64(uint64(x))) }

// Reverse8 is x with its bits in reverse order.
func Reverse8(x uint8) uint8 { return uint8(Reverse64(uint64(x)) >> 56) }

// Reverse16 is x with its bits in reverse order.
func Reverse16(x uint16) uint16 { return uint16(Reverse64(uint64(x)) >> 48) }

// Reverse32 is x with its bits in reverse order.
func Reverse32(x uint32) uint32 { return uint32(Reverse64(uint64(x)) >> 32) }

// Reverse64 is x with its bits in reverse order (swap bits, pairs, nibbles, then the bytes).
func Reverse64(x uint64) uint64 {
	x = x>>1&0x5555555555555555 | x&0x5555555555555555<<1
	x = x>>2&0x3333333333333333 | x&0x3333333333333333<<2
	x = x>>4&0x0f0f0f0f0f0f0f0f | x&0x0f0f0f0f0f0f0f0f<<4
	return ReverseBytes64(x)
}

// ReverseBytes is x with its bytes in reverse order.
func ReverseBytes(x uint) uint { return uint(ReverseBytes64(uint64(x))) }

// ReverseBytes16 is x with its bytes in reverse order.
func ReverseBytes16(x uint16) uint16 { return x>>8 | x<<8 }

// ReverseBytes32 is x with its bytes in reverse order.
func ReverseBytes32(x uint32) uint32 { return uint32(ReverseBytes64(uint64(x)) >> 32) }

// ReverseBytes64 is x with its bytes in reverse order.
func ReverseBytes64(x uint64) uint64 {
	x = x>>8&0x00ff00ff00ff00ff | x&0x00ff00ff00ff00ff<<8
	x = x>>16&0x0000ffff0000ffff | x&0x0000ffff0000ffff<<16
	return x>>32 | x<<32
}

// Len is the number of bits needed to write x (0 for 0).
func Len(x uint) int { return Len64(uint64(x)) }

// Len8 is the number of bits needed to write x (0 for 0).
func Len8(x uint8) int { return Len64(uint64(x)) }

// Len16 is the number of bits needed to write x (0 for 0).
func Len16(x uint16) int { return Len64(uint64(x)) }

// Len32 is the number of bits needed to write x (0 for 0).
func Len32(x uint32) int { return Len64(uint64(x)) }

// Len64 is the number of bits needed to write x (0 for 0).
func Len64(x uint64) int {
	n := 0
	if x >= 1<<32 {
		x >>= 32
		n = 32
	}
	if x >= 1<<16 {
		x >>= 16
		n += 16
	}
	if x >= 1<<8 {
		x >>= 8
		n += 8
	}
	for x != 0 {
		x >>= 1
		n++
	}
	return n
}

// Add is x + y + carry (carry 0 or 1) and the carry out.
func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Add32 is x + y + carry (carry 0 or 1) and the carry out.
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	s := uint64(x) + uint64(y) + uint64(carry)
	return uint32(s), uint32(s >> 32)
}

// Add64 is x + y + carry (carry 0 or 1) and the carry out.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	carryOut = ((x & y) | ((x | y) &^ sum)) >> 63
	return
}

// Sub is x - y - borrow (borrow 0 or 1) and the borrow out.
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Sub32 is x - y - borrow (borrow 0 or 1) and the borrow out.
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 31
	return
}

// Sub64 is x - y - borrow (borrow 0 or 1) and the borrow out.
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 63
	return
}

// Mul is the full product of x and y: its high and low halves.
func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// Mul32 is the full product of x and y: its high and low halves.
func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

// Mul64 is the full product of x and y: its high and low halves (by 32-bit halves).
func Mul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	w0 := x0 * y0
	t := x1*y0 + w0>>32
	w1, w2 := t&mask32, t>>32
	w1 += x0 * y1
	hi = x1*y1 + w2 + w1>>32
	lo = x * y
	return
}

// Div is the quotient and remainder of (hi, lo) by y; it panics if y is 0 or y <= hi (the
// quotient would not fit).
func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// Div32 is the quotient and remainder of (hi, lo) by y; it panics if y is 0 or y <= hi.
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y == 0 {
		return lo / y, 0 // the run-time error "integer divide by zero"
	}
	if y <= hi {
		panic(errOverflow)
	}
	z := uint64(hi)<<32 | uint64(lo)
	return uint32(z / uint64(y)), uint32(z % uint64(y))
}

// Div64 is the quotient and remainder of (hi, lo) by y; it panics if y is 0 or y <= hi. It
// divides bit by bit (long division), which is slow but plain.
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		return lo / y, 0 // the run-time error "integer divide by zero"
	}
	if y <= hi {
		panic(errOverflow)
	}
	if hi == 0 {
		return lo / y, lo % y
	}
	// r < y throughout; r's 65th bit is carried in top
	r := hi
	for i := 63; i >= 0; i-- {
		top := r >> 63
		r = r<<1 | (lo>>uint(i))&1
		quo <<= 1
		if top != 0 {
			r -= y
			quo |= 1
		} else if r >= y {
			r -= y
			quo |= 1
		}
	}
	return quo, r
}

// Rem is the remainder of (hi, lo) by y; it panics if y is 0 (but not if the quotient
// overflows).
func Rem(hi, lo, y uint) uint { return uint(Rem64(uint64(hi), uint64(lo), uint64(y))) }

// Rem32 is the remainder of (hi, lo) by y; it panics if y is 0.
func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

// Rem64 is the remainder of (hi, lo) by y; it panics if y is 0.
func Rem64(hi, lo, y uint64) uint64 {
	_, rem := Div64(hi%y, lo, y)
	return rem
}
