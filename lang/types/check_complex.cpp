// lang/types/check_complex.cpp: complex numbers in the checker: constant arithmetic on complex
// constants (ConstVal::Complex, a double for each part) and the builtins complex, real and
// imag, typed as the spec gives them (complex(float32, float32) is complex64, real(complex128)
// is float64, untyped constants give untyped constants).
//
// Invariants: a folded result is Complex whenever either operand is; an untyped complex
// constant whose imaginary part is zero converts to a float or an integer (representable()).
#include <cmath>

#include "types/checker_impl.hpp"

namespace golang {

ConstVal CheckerImpl::fold_complex(Tok op, const ConstVal& x, const ConstVal& y, Pos p) {
  double a = x.as_float(), b = x.imag(), c = y.as_float(), d = y.imag();
  switch (op) {
    case Tok::Add:
      return ConstVal::of_complex(a + c, b + d);
    case Tok::Sub:
      return ConstVal::of_complex(a - c, b - d);
    case Tok::Mul: {  // (in long double: partial products past float64's range still fold)
      long double ac = a, bd = b;
      return ConstVal::of_complex(static_cast<double>(ac * c - bd * d), static_cast<double>(ac * d + bd * c));
    }
    case Tok::Quo: {
      if (c == 0 && d == 0) {
        err(p, "invalid operation: division by zero");
        return {};
      }
      long double lc = c, ld = d, den = lc * lc + ld * ld;
      return ConstVal::of_complex(static_cast<double>((a * lc + b * ld) / den),
                                  static_cast<double>((b * lc - a * ld) / den));
    }
    case Tok::Eql:
      return ConstVal::of_bool(a == c && b == d);
    case Tok::Neq:
      return ConstVal::of_bool(a != c || b != d);
    default:
      return {};
  }
}

void CheckerImpl::complex_builtin(Expr* e, Builtin b) {
  auto& as = e->list;
  size_t want = b == BComplex ? 2 : 1;
  if (b == BComplex && as.size() == 1 && !e->ellipsis) {  // complex(f()) with a two-result f
    expr(as[0], true);
    Type* t = as[0]->type;
    if (t->k == TK::Tuple && t->results.size() == 2) {
      Type* x = t->results[0];
      if (x != t->results[1] || !is_float(x)) {
        err(as[0]->pos, "invalid argument: complex(" + expr_string(as[0]) + ") needs two floats of one type");
        return;
      }
      e->type = u.basic(x->under()->k == TK::Float32 ? TK::Complex64 : TK::Complex128);
      return;
    }
  }
  if (as.size() != want) {
    for (Expr* x : as) expr(x, true);
    err(e->pos, std::string("invalid operation: ") + (as.size() < want ? "not enough" : "too many") +
                    " arguments for " + expr_string(e) + " (expected " + std::to_string(want) + ", found " +
                    std::to_string(as.size()) + ")");
    return;
  }
  if (b == BComplex) {
    Expr* x = as[0];
    Expr* y = as[1];
    expr(x);
    expr(y);
    if (x->type->k == TK::Invalid || y->type->k == TK::Invalid) return;
    bool xu = is_untyped(x->type), yu = is_untyped(y->type);
    if (xu && !yu) {
      if (!convert_untyped(x, y->type, true)) return;
    } else if (yu && !xu) {
      if (!convert_untyped(y, x->type, true)) return;
    } else if (xu && yu) {
      if (x->cv.valid() && y->cv.valid()) {
        for (Expr* z : {x, y})
          if (is_numeric(z->type) && z->cv.imag() == 0) {
            z->type = u.basic(TK::UntypedFloat);
            z->cv = ConstVal::of_float(z->cv.as_float());
          }
      } else {
        if (!convert_untyped(x, u.basic(TK::Float64), true) ||
            !convert_untyped(y, u.basic(TK::Float64), true))
          return;
      }
    }
    if (x->type != y->type) {
      err(x->pos, "invalid operation: " + expr_string(e) + " (mismatched types " + type_string(x->type) +
                      " and " + type_string(y->type) + ")");
      return;
    }
    Type* r = nullptr;
    switch (x->type->under()->k) {
      case TK::Float32:
        r = u.basic(TK::Complex64);
        break;
      case TK::Float64:
        r = u.basic(TK::Complex128);
        break;
      case TK::UntypedFloat:
        r = u.basic(TK::UntypedComplex);
        break;
      default:
        err(x->pos,
            "invalid argument: arguments have type " + type_string(x->type) + ", expected floating-point");
        return;
    }
    e->type = r;
    if (x->cv.valid() && y->cv.valid()) e->cv = ConstVal::of_complex(x->cv.as_float(), y->cv.as_float());
    return;
  }
  Expr* x = as[0];
  expr(x);
  if (x->type->k == TK::Invalid) return;
  if (is_untyped(x->type)) {
    if (x->cv.valid()) {
      if (is_numeric(x->type)) {
        x->type = u.basic(TK::UntypedComplex);
        x->cv = ConstVal::of_complex(x->cv.as_float(), x->cv.imag());
      }
    } else if (!convert_untyped(x, u.basic(TK::Complex128), true)) {
      return;
    }
  }
  Type* r = nullptr;
  switch (x->type->under()->k) {
    case TK::Complex64:
      r = u.basic(TK::Float32);
      break;
    case TK::Complex128:
      r = u.basic(TK::Float64);
      break;
    case TK::UntypedComplex:
      r = u.basic(TK::UntypedFloat);
      break;
    default:
      err(x->pos, "invalid argument: argument has type " + type_string(x->type) + ", expected complex type");
      return;
  }
  e->type = r;
  if (x->cv.valid()) e->cv = ConstVal::of_float(b == BReal ? x->cv.as_float() : x->cv.imag());
}

}  // namespace golang
