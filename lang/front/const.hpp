// lang/front/const.hpp: compile-time constant values (Go's untyped and typed constants).
// Integers are held in 128 bits, which covers every constant a teaching program writes
// (1 << 100 is reported as an overflow rather than held exactly); floats in a double; complex
// numbers in two (f the real part, im the imaginary).
//
// Invariants: kind None means "not a constant".
#pragma once

#include <string>

namespace golang {

using i128 = __int128;

struct ConstVal {
  enum Kind : uint8_t { None, Bool, Int, Float, String, Complex } kind = None;
  bool b = false;
  i128 i = 0;
  double f = 0;
  double im = 0;  // Complex: the imaginary part
  std::string s;

  bool valid() const { return kind != None; }
  static ConstVal of_bool(bool v) {
    ConstVal c;
    c.kind = Bool;
    c.b = v;
    return c;
  }
  static ConstVal of_int(i128 v) {
    ConstVal c;
    c.kind = Int;
    c.i = v;
    return c;
  }
  static ConstVal of_float(double v) {
    ConstVal c;
    c.kind = Float;
    c.f = v + 0.0;  // constants are exact: no negative zero (-0.0 is 0)
    return c;
  }
  static ConstVal of_complex(double re, double imag) {
    ConstVal c;
    c.kind = Complex;
    c.f = re + 0.0;
    c.im = imag + 0.0;
    return c;
  }
  static ConstVal of_string(std::string v) {
    ConstVal c;
    c.kind = String;
    c.s = std::move(v);
    return c;
  }
  double as_float() const { return kind == Int ? static_cast<double>(i) : f; }  // the real part
  double imag() const { return kind == Complex ? im : 0; }
};

// to_float32() rounds a double to the nearest float32 (float32 and complex64 constants). The
// volatile keeps the round trip: GCC 12 at -O2 dropped it when it paired a complex number's two
// parts in one vector register.
inline double to_float32(double v) {
  volatile float f = static_cast<float>(v);
  return f;
}

// i128_string() prints a 128-bit integer in decimal.
inline std::string i128_string(i128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string s;
  while (u) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  return neg ? "-" + s : s;
}

}  // namespace golang
