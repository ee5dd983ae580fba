// tests/lang/complex_test.cpp: complex64 and complex128: programs whose expected output is
// what go run (Go 1.19) printed, and gc's errors for complex numbers misused.
#include <gtest/gtest.h>

#include "support.hpp"

namespace {

// run() is what a program printed: standard output, then standard error (println's, which
// each program here calls last only), or its compile errors.
std::string run(const std::string& src) {
  auto c = goroscope::lang::compile(src, "prog.go");
  if (!c.program) return langtest::join(c.errors);
  goro::Exit e = goroscope::lang::run(*c.program, goro::Config{}, nullptr, nullptr);
  return e.output + e.errors + e.message;
}

// arithmetic, complex64 rounding, ++ and op=, println
TEST(Complex, Arithmetic) {
  EXPECT_EQ(run(R"(package main

import "fmt"

func main() {
	a := 1 + 2i
	b := complex(3, -4)
	fmt.Println(a, b, a+b, a-b, a*b, a/b, -a)
	fmt.Println(real(a), imag(b), a == b, a != b, a == 1+2i)
	var c64 complex64 = complex64(a)
	fmt.Println(c64*c64, c64/3, complex128(c64/3))
	x := complex(float32(1.5), 2)
	fmt.Printf("%T %v %T %T\n", x, x, real(x), imag(a))
	s := []complex64{1, 2i}
	s[0] += 1i
	s[1]++
	s[1] *= 2
	fmt.Println(s, len(s))
	var zz complex128
	fmt.Println(zz, -zz, zz == 0)
	println(a, c64, zz)
}
)"),
            R"((1+2i) (3-4i) (4-2i) (-2+6i) (11+2i) (-0.2+0.4i) (-1-2i)
1 -4 false true true
(-3+4i) (0.33333334+0.6666667i) (0.3333333432674408+0.6666666865348816i)
complex64 (1.5+2i) float32 float64
[(1+1i) (2+4i)] 2
(0+0i) (-0-0i) true
(+1.000000e+000+2.000000e+000i) (+1.000000e+000+2.000000e+000i) (+0.000000e+000+0.000000e+000i)
)");
}

// division as Go's runtime does it: no panic
TEST(Complex, DivisionByZeroGivesInfAndNaN) {
  EXPECT_EQ(run(R"(package main

import (
	"fmt"
	"math"
)

func main() {
	var z complex128
	one := 1 + 0i
	inf := complex(math.Inf(1), 0)
	nan := complex(math.NaN(), 0)
	fmt.Println(one/z, z/z, (1+1i)/z, -one/z)
	fmt.Println(one/inf, inf/one, inf/(1+1i), nan/one, one/nan)
	fmt.Println(complex(math.Inf(1), math.Inf(-1))/(2+3i), (2+3i)/complex(math.Inf(1), 1))
	var z64 complex64
	big, tiny := 1e300+1e300i, 1e-300+1e-300i
	a64, b64 := complex64(1e30+1e30i), complex64(1e-30+1e-30i)
	fmt.Println(complex64(one)/z64, a64/b64)
	fmt.Println(big/tiny, (1+2i)/(1e308+1e308i), big*big, -z, z*-1)
	println(one/z, z/z)
}
)"),
            R"((+Inf+NaNi) (NaN+NaNi) (+Inf+Infi) (-Inf+NaNi)
(0+0i) (+Inf+NaNi) (+Inf-Infi) (NaN+NaNi) (NaN+NaNi)
(NaN-Infi) (0+0i)
(+Inf+NaNi) (+Inf+0i)
(+Inf+0i) (1.5e-308+5e-309i) (NaN+Infi) (-0-0i) (-0+0i)
(+InfNaNi) (NaNNaNi)
)");
}

// untyped complex constants, representability, real/imag/complex folded
TEST(Complex, Constants) {
  EXPECT_EQ(run(R"(package main

import "fmt"

const (
	i2     = 2i * 2i
	c      = (1 + 2i) * (3 - 4i)
	q      = c / (3 - 4i)
	re     = real(c)
	im     = imag(c)
	mk     = complex(1.5, -2)
	flt    = 1.5 + 0i
	hex    = 0x10i
	bin    = 0b101i
	oldOct = 0123i
	big    = 1.5e3i
)

func main() {
	var f float64 = i2
	var n int = i2
	var f32 float32 = flt
	var k complex64 = 1.0/3 + 0i
	fmt.Println(f, n, f32, k, c, q, re, im, mk)
	fmt.Println(hex, bin, oldOct, big, -1i, 1i*1i == -1)
	fmt.Printf("%T %T %T %T\n", i2, re, mk, complex(float32(1), 2))
	const typed complex64 = 1 + 1i
	fmt.Printf("%T %v %T\n", typed, typed*typed, real(typed))
	var arr [int(real(3 + 0i))]int
	fmt.Println(len(arr), complex128(complex64(1.1)) == 1.1)
}
)"),
            R"(-4 -4 1.5 (0.33333334+0i) (11+2i) (1+2i) 11 2 (1.5-2i)
(0+16i) (0+5i) (0+123i) (0+1500i) (0-1i) true
complex128 float64 complex128 complex64
complex64 (0+2i) float32
3 false
)");
}

// fmt verbs on both parts; Inf and NaN as fmt writes them
TEST(Complex, FmtVerbs) {
  EXPECT_EQ(
      run(R"(package main

import (
	"fmt"
	"math"
)

func main() {
	a := 1.5 - 2.25i
	var b complex64 = 1.0/3 + 2i
	fmt.Printf("%v|%g|%G|%f|%F|%e|%E|%.2f|%8.3f|%-8.2f|%+.1e|% v|%08.2f\n", a, a, a, a, a, a, a, a, a, a, a, a, a)
	fmt.Printf("%v %.3g %d %s\n", b, b, a, a)
	c := complex(math.Inf(1), math.NaN())
	fmt.Printf("%v %+v %f %5.1f|%-8v|%08.2f\n", c, c, c, c, c, c)
	fmt.Println(math.Inf(1), math.NaN(), -math.Inf(1))
	fmt.Printf("%v|%+v|%5.1f|%08.2f\n", math.Inf(1), math.NaN(), math.Inf(1), math.Inf(-1))
	fmt.Println(fmt.Sprint(a, b), fmt.Sprintf("%#v", a), []complex128{a, 0})
	type S struct {
		C complex128
		d complex64
	}
	fmt.Printf("%v %+v\n", S{1i, 2}, S{1i, 2})
}
)"),
      R"((1.5-2.25i)|(1.5-2.25i)|(1.5-2.25i)|(1.500000-2.250000i)|(1.500000-2.250000i)|(1.500000e+00-2.250000e+00i)|(1.500000E+00-2.250000E+00i)|(1.50-2.25i)|(   1.500  -2.250i)|(1.50    -2.25   i)|(+1.5e+00-2.2e+00i)|( 1.5-2.25i)|(00001.50-0002.25i)
(0.33333334+2i) (0.333+2i) %!d(complex128=(1.5-2.25i)) %!s(complex128=(1.5-2.25i))
(+Inf+NaNi) (+Inf+NaNi) (+Inf+NaNi) ( +Inf +NaNi)|(+Inf    +NaN    i)|(    +Inf    +NaNi)
+Inf NaN -Inf
+Inf|NaN| +Inf|    -Inf
(1.5-2.25i) (0.33333334+2i) (1.5-2.25i) [(1.5-2.25i) (0+0i)]
{(0+1i) (2+0i)} {C:(0+1i) d:(2+0i)}
)");
}

// map keys, interfaces, structs, arrays, channels, generics
TEST(Complex, Values) {
  EXPECT_EQ(run(R"(package main

import "fmt"

type P struct {
	c complex64
	n int
}

type Num interface{ ~complex64 | ~complex128 }

func sum[T Num](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func parts(c complex128) (float64, float64) { return real(c), imag(c) }

func main() {
	m := map[complex128]int{1i: 1, 2: 2, 1 + 1i: 3}
	m[2+0i]++
	delete(m, 1i)
	fmt.Println(m, m[1i], m[2], len(m))
	var i interface{} = 1 + 2i
	var j interface{} = complex64(1 + 2i)
	fmt.Println(i == 1+2i, i == j, i)
	switch v := j.(type) {
	case complex128:
		fmt.Println("complex128", v)
	case complex64:
		fmt.Println("complex64", v)
	}
	p := P{c: 1i, n: 2}
	q := p
	q.c *= 2
	fmt.Println(p == q, p, q)
	arr := [2]complex128{1, 2}
	arr2 := arr
	arr2[0] = 5i
	fmt.Println(arr, arr2, arr == arr2)
	ch := make(chan complex128, 1)
	ch <- 3 - 3i
	fmt.Println(<-ch)
	fmt.Println(sum(1+1i, 2+2i), sum[complex64](0.5, 1i))
	fmt.Println(complex(parts(4 - 5i)))
	mk := map[interface{}]string{1i: "c128", complex64(1i): "c64"}
	fmt.Println(len(mk), mk[1i], mk[complex64(1i)])
	ptr := &p.c
	*ptr = 7
	fmt.Println(p)
}
)"),
            R"(map[(1+1i):3 (2+0i):3] 0 3 2
true false (1+2i)
complex64 (1+2i)
false {(0+1i) 2} {(0+2i) 2}
[(1+0i) (2+0i)] [(0+5i) (2+0i)] false
(3-3i)
(3+3i) (0.5+1i)
(4-5i)
2 c128 c64
{(7+0i) 2}
)");
}

// %x %X %b on floats and on both parts of complex numbers (strconv's 'x' and 'b' formats)
TEST(Complex, HexAndBinaryFormats) {
  EXPECT_EQ(run(R"(package main

import (
	"fmt"
	"math"
)

func main() {
	for _, f := range []float64{1, 3, 0.1, -2.5, 0, math.Copysign(0, -1), 1e-310, 1e300, math.Inf(1), math.NaN(), 255.99} {
		fmt.Printf("%x %X %b %.2x %.0x %8.1x|%+x\n", f, f, f, f, f, f, f)
		fmt.Printf("%x %b %.3x\n", float32(f), float32(f), float32(f))
	}
	fmt.Printf("%x %X %b %.1x\n", 1+2i, complex64(0.1-3i), 1.5i, 3+0.1i)
}
)"),
            R"(0x1p+00 0X1P+00 4503599627370496p-52 0x1.00p+00 0x1p+00 0x1.0p+00|+0x1p+00
0x1p+00 8388608p-23 0x1.000p+00
0x1.8p+01 0X1.8P+01 6755399441055744p-51 0x1.80p+01 0x1p+02 0x1.8p+01|+0x1.8p+01
0x1.8p+01 12582912p-22 0x1.800p+01
0x1.999999999999ap-04 0X1.999999999999AP-04 7205759403792794p-56 0x1.9ap-04 0x1p-03 0x1.ap-04|+0x1.999999999999ap-04
0x1.99999ap-04 13421773p-27 0x1.99ap-04
-0x1.4p+01 -0X1.4P+01 -5629499534213120p-51 -0x1.40p+01 -0x1p+01 -0x1.4p+01|-0x1.4p+01
-0x1.4p+01 -10485760p-22 -0x1.400p+01
0x0p+00 0X0P+00 0p-1074 0x0.00p+00 0x0p+00 0x0.0p+00|+0x0p+00
0x0p+00 0p-149 0x0.000p+00
-0x0p+00 -0X0P+00 -0p-1074 -0x0.00p+00 -0x0p+00 -0x0.0p+00|-0x0p+00
-0x0p+00 -0p-149 -0x0.000p+00
0x1.2688b70e62bp-1030 0X1.2688B70E62BP-1030 20240225330731p-1074 0x1.27p-1030 0x1p-1030 0x1.2p-1030|+0x1.2688b70e62bp-1030
0x0p+00 0p-149 0x0.000p+00
0x1.7e43c8800759cp+996 0X1.7E43C8800759CP+996 6724873095247260p+944 0x1.7ep+996 0x1p+996 0x1.8p+996|+0x1.7e43c8800759cp+996
+Inf +Inf +Inf
+Inf +Inf +Inf +Inf +Inf     +Inf|+Inf
+Inf +Inf +Inf
NaN NaN NaN NaN NaN      NaN|+NaN
NaN NaN NaN
0x1.fffae147ae148p+07 0X1.FFFAE147AE148P+07 9006847411020104p-45 0x1.00p+08 0x1p+08 0x1.0p+08|+0x1.fffae147ae148p+07
0x1.fffae2p+07 16776561p-16 0x1.000p+08
(0x1p+00+0x1p+01i) (0X1.99999AP-04-0X1.8P+01i) (0p-1074+6755399441055744p-52i) (0x1.8p+01+0x1.ap-04i)
)");
}

// math/cmplx: Abs, Sqrt, Exp and the rest, special values included
TEST(Complex, MathCmplx) {
  EXPECT_EQ(run(R"(package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	zs := []complex128{4, -4, 3 + 4i, -3 - 4i, 1i, -1i, 0, 2 - 1e-10i, 1e308 + 1e308i, 1e-310 + 1e-310i,
		complex(math.Inf(1), 1), complex(math.Inf(-1), 1), complex(1, math.Inf(-1)), cmplx.NaN()}
	for _, z := range zs {
		fmt.Printf("%v %.6g %.6g %.6g %v %v\n", z, cmplx.Abs(z), cmplx.Sqrt(z), cmplx.Exp(z), cmplx.IsNaN(z), cmplx.IsInf(z))
	}
	r, th := cmplx.Polar(1i)
	fmt.Printf("%.4f %.4f %.4f %v %v\n", r, th, cmplx.Rect(2, math.Pi/2), cmplx.Conj(1+2i), cmplx.Inf())
	fmt.Println(cmplx.Exp(1i*math.Pi)+1 == 0, cmplx.Abs(cmplx.Exp(1i*math.Pi)+1) < 1e-15)
}
)"),
            R"((4+0i) 4 (2+0i) (54.5982+0i) false false
(-4+0i) 4 (0+2i) (0.0183156+0i) false false
(3+4i) 5 (2+1i) (-13.1288-15.2008i) false false
(-3-4i) 5 (1-2i) (-0.032543+0.037679i) false false
(0+1i) 1 (0.707107+0.707107i) (0.540302+0.841471i) false false
(0-1i) 1 (0.707107-0.707107i) (0.540302-0.841471i) false false
(0+0i) 0 (0+0i) (1+0i) false false
(2-1e-10i) 2 (1.41421-3.53553e-11i) (7.38906-7.38906e-10i) false false
(1e+308+1e+308i) 1.41421e+308 (1.09868e+154+4.5509e+153i) (-Inf+Infi) false false
(1e-310+1e-310i) 1.41421e-310 (1.09868e-155+4.5509e-156i) (1+1e-310i) false false
(+Inf+1i) +Inf (+Inf+0i) (+Inf+Infi) false true
(-Inf+1i) +Inf (0+Infi) (0+0i) false true
(1-Infi) +Inf (+Inf-Infi) (NaN+NaNi) false true
(NaN+NaNi) NaN (NaN+NaNi) (NaN+NaNi) true false
1.0000 1.5708 (0.0000+2.0000i) (1-2i) (+Inf+Infi)
false true
)");
}

// gc's words (go build, Go 1.19) for complex numbers where they do not fit
TEST(Complex, CompileErrorsAreGcs) {
  const std::pair<const char*, const char*> cases[] = {
      {R"(	var f float64 = 1i
	_ = f)",
       "prog.go:4:18: cannot use 1i (untyped complex constant (0 + 1i)) as float64 value in variable "
       "declaration (overflows)"},
      {R"(	var n int = 1.5 + 0i
	_ = n)",
       "prog.go:4:14: cannot use 1.5 + 0i (untyped complex constant (1.5 + 0i)) as int value in variable "
       "declaration (truncated)"},
      {R"(	var z complex64 = 1
	_ = float64(z))",
       "prog.go:5:14: cannot convert z (variable of type complex64) to type float64"},
      {R"(	var z complex64 = 1
	_ = z < z)",
       "prog.go:5:6: invalid operation: z < z (operator < not defined on complex64)"},
      {R"(	var x int = 1
	_ = real(x))",
       "prog.go:5:11: invalid argument: argument has type int, expected complex type"},
      {R"(	_ = complex(float32(1), float64(2)))",
       "prog.go:4:14: invalid operation: complex(float32(1), float64(2)) (mismatched types float32 and "
       "float64)"},
      {R"(	_ = complex(1i, 2))",
       "prog.go:4:14: invalid operation: complex(1i, 2) (mismatched types untyped complex and untyped "
       "float)"},
      {R"(	var z complex128
	_ = z % z)",
       "prog.go:5:6: invalid operation: operator % not defined on z (variable of type complex128)"},
      {R"(	const c = 1 + 2i
	var u uint8 = c
	_ = u)",
       "prog.go:5:16: cannot use c (untyped complex constant (1 + 2i)) as uint8 value in variable "
       "declaration (truncated)"},
      {R"(	var z complex128
	_ = float64(z))",
       "prog.go:5:14: cannot convert z (variable of type complex128) to type float64"},
      {R"(	var z complex128
	_ = int(real(z)) + z)",
       "prog.go:5:6: invalid operation: int(real(z)) + z (mismatched types int and complex128)"},
      {R"(	var z complex128
	z <<= 1)",
       "prog.go:5:2: invalid operation: shifted operand z (variable of type complex128) must be integer"},
      {R"(	var a [2i]int
	_ = a)",
       "prog.go:4:9: array length 2i (untyped complex constant (0 + 2i)) must be integer"},
      {"\tx := 1\n\t_ = complex(x, x)",
       "prog.go:5:14: invalid argument: arguments have type int, expected floating-point"},
      {"\tx := 1.0\n\t_ = complex(x)",
       "prog.go:5:6: invalid operation: not enough arguments for complex(x) (expected 2, found 1)"},
      {"\tx := 1\n\t_ = complex(x, x)",
       "prog.go:5:14: invalid argument: arguments have type int, expected floating-point"},
      {"\tx := 1.0\n\t_ = complex(x)",
       "prog.go:5:6: invalid operation: not enough arguments for complex(x) (expected 2, found 1)"},
      {"\tvar k complex64 = 1e39\n\t_ = k",
       "prog.go:4:20: cannot use 1e39 (untyped float constant) as complex64 value in variable declaration "
       "(overflows)"},  // gc writes the constant too: (untyped float constant 1e+39)
  };
  for (auto& [body, want] : cases) {
    auto r = langtest::run_go(std::string("package main\n\nfunc main() {\n") + body + "\n}\n");
    ASSERT_FALSE(r.errors.empty()) << body;
    EXPECT_EQ(r.errors[0], want) << body;
  }
}

}  // namespace
