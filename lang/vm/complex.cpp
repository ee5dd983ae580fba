// lang/vm/complex.cpp: complex arithmetic in the VM (see complex.hpp).
#include "vm/complex.hpp"

#include <cmath>

namespace golang {

Value make_complex(double re, double im) { return Value::of_obj(new CplxObj(re, im)); }

namespace {
// f32() rounds to float32; the volatile keeps the round trip (GCC 12 at -O2 dropped it when it
// paired a complex number's two parts in one vector register).
double f32(double v) {
  volatile float f = static_cast<float>(v);
  return f;
}

// mul() multiplies in T's precision (float for complex64, as gc's code does), so a complex64
// product rounds each partial product as Go's does.
template <typename T>
Cplx mul(Cplx x, Cplx y) {
  T a = static_cast<T>(x.re), b = static_cast<T>(x.im), c = static_cast<T>(y.re), d = static_cast<T>(y.im);
  T ac = a * c, bd = b * d, ad = a * d, bc = b * c;
  return {static_cast<double>(T(ac - bd)), static_cast<double>(T(ad + bc))};
}
double inf_or_zero(double v) { return std::copysign(std::isinf(v) ? 1.0 : 0.0, v); }
}  // namespace

Cplx complex_div(Cplx n, Cplx m) {
  double e, f;
  if (std::fabs(m.re) >= std::fabs(m.im)) {
    double ratio = m.im / m.re;
    double denom = m.re + ratio * m.im;
    e = (n.re + n.im * ratio) / denom;
    f = (n.im - n.re * ratio) / denom;
  } else {
    double ratio = m.re / m.im;
    double denom = m.im + ratio * m.re;
    e = (n.re * ratio + n.im) / denom;
    f = (n.im * ratio - n.re) / denom;
  }
  if (std::isnan(e) && std::isnan(f)) {
    double a = n.re, b = n.im, c = m.re, d = m.im;
    const double inf = INFINITY;
    if (c == 0 && d == 0 && (!std::isnan(a) || !std::isnan(b))) {
      e = std::copysign(inf, c) * a;
      f = std::copysign(inf, c) * b;
    } else if ((std::isinf(a) || std::isinf(b)) && std::isfinite(c) && std::isfinite(d)) {
      a = inf_or_zero(a);
      b = inf_or_zero(b);
      e = inf * (a * c + b * d);
      f = inf * (b * c - a * d);
    } else if ((std::isinf(c) || std::isinf(d)) && std::isfinite(a) && std::isfinite(b)) {
      c = inf_or_zero(c);
      d = inf_or_zero(d);
      e = 0 * (a * c + b * d);
      f = 0 * (b * c - a * d);
    }
  }
  return {e, f};
}

void complex_binary(int op, bool c64, Value& x, const Value& y) {
  if (op == kCMake) {  // x and y are the parts (floats)
    x = make_complex(x.f, y.f);
    return;
  }
  Cplx a = cplx_of(x), b = cplx_of(y), r;
  switch (op) {
    case kCAdd:
      r = {a.re + b.re, a.im + b.im};
      break;
    case kCSub:
      r = {a.re - b.re, a.im - b.im};
      break;
    case kCMul:
      r = c64 ? mul<float>(a, b) : mul<double>(a, b);
      break;
    case kCDiv:
      r = complex_div(a, b);
      break;
    default: {  // kCEq, kCNe
      bool eq = a.re == b.re && a.im == b.im;
      x = Value::of_int(op == kCEq ? eq : !eq);
      return;
    }
  }
  if (c64) r = {f32(r.re), f32(r.im)};
  x = make_complex(r.re, r.im);
}

void complex_unary(int op, bool c64, Value& x) {
  Cplx a = cplx_of(x);
  switch (op) {
    case kCNeg:
      x = make_complex(-a.re, -a.im);
      return;
    case kCReal:
      x = Value::of_float(a.re);
      return;
    case kCImag:
      x = Value::of_float(a.im);
      return;
    default:  // kCTo64
      x = make_complex(f32(a.re), f32(a.im));
      return;
  }
  (void)c64;
}

}  // namespace golang
