// lang/vm/complex.hpp: complex64 and complex128 values in the VM. A complex value is a Value
// whose o is a CplxObj, two doubles that never change once made (so copies share it), or null,
// which is 0+0i (the zero value every type gets from Value()). A complex64's parts are doubles
// that hold float32 values: every operation on one rounds its result to float32.
//
// The instructions (opcodes.hpp): CBIN (+ - * / == != and complex(re, im)) and CUN (unary -,
// real, imag, the conversion to complex64); division is Go's runtime's (runtime/complex.go:
// Smith's algorithm, then C99's infinities and zeros where both parts came out NaN), so a
// division by zero gives Inf or NaN parts, never a panic.
#pragma once

#include "vm/value.hpp"

namespace golang {

struct CplxObj : Obj {
  const double re, im;
  CplxObj(double r, double i) : Obj(OKind::Cplx), re(r), im(i) {}
};

struct Cplx {
  double re = 0, im = 0;
};

inline Cplx cplx_of(const Value& v) {
  if (!v.o) return {};
  auto* c = static_cast<const CplxObj*>(v.o);
  return {c->re, c->im};
}
Value make_complex(double re, double im);

// CBIN's operations (a) and CUN's; b: 1 the operands are complex64
enum CplxBin : int { kCAdd, kCSub, kCMul, kCDiv, kCEq, kCNe, kCMake };
enum CplxUn : int { kCNeg, kCReal, kCImag, kCTo64 };

// complex_binary() sets x to x op y (a bool for kCEq/kCNe, as an int 0/1).
void complex_binary(int op, bool c64, Value& x, const Value& y);
// complex_unary() sets x to op x (a float64 for real and imag).
void complex_unary(int op, bool c64, Value& x);
// complex_div() is Go's complex128 division.
Cplx complex_div(Cplx n, Cplx m);

}  // namespace golang
