// Package cmplx: basic functions on complex numbers (a part of Go's math/cmplx: Abs, Conj,
// Exp, Inf, IsInf, IsNaN, NaN, Phase, Polar, Rect, Sqrt), written over package math.
package cmplx

import "math"

// Abs is the modulus of x.
func Abs(x complex128) float64 { return math.Hypot(real(x), imag(x)) }

// Conj is the complex conjugate of x.
func Conj(x complex128) complex128 { return complex(real(x), -imag(x)) }

// Inf is a complex infinity, complex(+Inf, +Inf).
func Inf() complex128 {
	inf := math.Inf(1)
	return complex(inf, inf)
}

// NaN is a complex "not a number".
func NaN() complex128 {
	nan := math.NaN()
	return complex(nan, nan)
}

// IsInf reports whether either part of x is an infinity.
func IsInf(x complex128) bool { return math.IsInf(real(x), 0) || math.IsInf(imag(x), 0) }

// IsNaN reports whether either part of x is NaN and neither is an infinity.
func IsNaN(x complex128) bool {
	if IsInf(x) {
		return false
	}
	return math.IsNaN(real(x)) || math.IsNaN(imag(x))
}

// Phase is the argument of x, in [-Pi, Pi].
func Phase(x complex128) float64 { return math.Atan2(imag(x), real(x)) }

// Polar is x's modulus and argument.
func Polar(x complex128) (r, θ float64) { return Abs(x), Phase(x) }

// Rect is the complex number with modulus r and argument θ.
func Rect(r, θ float64) complex128 { return complex(r*math.Cos(θ), r*math.Sin(θ)) }

// Exp is e to the power x.
func Exp(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case math.IsInf(re, 0):
		switch {
		case re > 0 && im == 0:
			return x
		case math.IsInf(im, 0) || math.IsNaN(im):
			if re < 0 {
				return complex(0, math.Copysign(0, im))
			}
			return complex(math.Inf(1), math.NaN())
		}
	case math.IsNaN(re):
		if im == 0 {
			return complex(math.NaN(), im)
		}
	}
	r := math.Exp(re)
	return complex(r*math.Cos(im), r*math.Sin(im))
}

// Sqrt is the square root of x with a non-negative real part (the imaginary part takes the
// sign of x's).
func Sqrt(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0:
		if re == 0 {
			return complex(0, im)
		}
		if re < 0 {
			return complex(0, math.Copysign(math.Sqrt(-re), im))
		}
		return complex(math.Sqrt(re), im)
	case math.IsInf(im, 0):
		return complex(math.Inf(1), im)
	case re == 0:
		t := math.Sqrt(0.5 * math.Abs(im))
		return complex(t, math.Copysign(t, im))
	case math.IsInf(re, 0):
		if re > 0 {
			return complex(re, math.Copysign(0, im))
		}
		return complex(0, math.Copysign(math.Inf(1), im))
	}
	// t = sqrt((|x| + |re|) / 2), scaled so that neither the sum nor the squares overflow
	scale := 1.0
	a, b := re, im
	if math.Abs(a) > 4e307 || math.Abs(b) > 4e307 {
		a, b, scale = a*0.25, b*0.25, 2
	} else if math.Abs(a) < 1e-300 && math.Abs(b) < 1e-300 {
		a, b, scale = a*1e300, b*1e300, 1e-150
	}
	t := math.Sqrt(0.5 * (math.Hypot(a, b) + math.Abs(a)))
	if a >= 0 {
		return complex(t*scale, b/(2*t)*scale)
	}
	return complex(math.Abs(b)/(2*t)*scale, math.Copysign(t, b)*scale)
}
