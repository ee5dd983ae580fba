// lang/vm/fmt.cpp: Go's fmt formatting of VM values: %v and its flags (%+v %#v), the verbs
// fmt supports (%d %s %q %x %X %o %b %c %U %e %f %g %t %T %p), widths and precisions, Error()
// and String() methods, maps sorted by key, and the builtin print's own format.
#include "vm/fmt.hpp"

#include <algorithm>
#include <charconv>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "base/utf8.hpp"
#include "vm/complex.hpp"
#include "vm/objects.hpp"
#include "vm/vm.hpp"

namespace golang {

namespace {

// shortest() gives the shortest decimal digits that read back as f, and the decimal point
// position (Go's strconv 'g' -1 machinery, via printf round trips).
void shortest(double f, bool f32, std::string& digits, int& dp) {
  char buf[64];
  for (int prec = 1; prec <= 17; prec++) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, f);
    double back = std::strtod(buf, nullptr);
    if (f32 ? static_cast<float>(back) == static_cast<float>(f) : back == f) break;
  }
  // buf: d.ddde±XX
  std::string s = buf;
  size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::atoi(s.c_str() + e + 1);
  digits.clear();
  for (char c : mant)
    if (c >= '0' && c <= '9') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  dp = exp + 1;
}

std::string fmt_exp(int exp) {
  char b[16];
  std::snprintf(b, sizeof b, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
  return b;
}

// runtime_error_type() is the %T of a run-time error, all of one type here (runtime.Error),
// as Go names its concrete type, told by its message: index and slice bounds are
// runtime.boundsError, failed type assertions *runtime.TypeAssertionError, the errors Go prints
// without "runtime error: " (a nil map's entry, a closed channel) runtime.plainError, and the
// others (divide by zero, nil pointer dereference) runtime.errorString.
std::string runtime_error_type(const std::string& msg) {
  auto starts = [&msg](const char* p) { return msg.rfind(p, 0) == 0; };
  if (starts("runtime error: index out of range") || starts("runtime error: slice bounds out of range"))
    return "runtime.boundsError";
  if (starts("interface conversion: ")) return "*runtime.TypeAssertionError";
  if (!starts("runtime error: ")) return "runtime.plainError";
  return "runtime.errorString";
}

}  // namespace

// format_float() is strconv.FormatFloat(f, fmt, prec, bits).
// binary_float() is strconv's 'b' (mantissa p exponent, both decimal) and 'x'/'X' (hex
// mantissa 1.hhh, binary exponent, prec hex digits or the fewest exact ones) formats.
static std::string binary_float(double f, char fmtc, int prec, bool f32) {
  const int mantbits = f32 ? 23 : 52, bias = f32 ? -127 : -1023;
  uint64_t bits, mant;
  int exp;
  if (f32) {
    float g = static_cast<float>(f);
    uint32_t b32;
    std::memcpy(&b32, &g, 4);
    bits = b32;
    exp = static_cast<int>((bits >> 23) & 0xff);
  } else {
    std::memcpy(&bits, &f, 8);
    exp = static_cast<int>((bits >> 52) & 0x7ff);
  }
  mant = bits & ((uint64_t{1} << mantbits) - 1);
  if (exp == 0)
    exp++;  // a subnormal
  else
    mant |= uint64_t{1} << mantbits;
  exp += bias;
  std::string out = std::signbit(f) ? "-" : "";
  if (fmtc == 'b') {
    exp -= mantbits;
    return out + std::to_string(mant) + "p" + (exp >= 0 ? "+" : "-") + std::to_string(std::abs(exp));
  }
  if (mant == 0) exp = 0;
  mant <<= 60 - mantbits;  // the leading 1 at bit 60
  while (mant != 0 && !(mant & (uint64_t{1} << 60))) {
    mant <<= 1;
    exp--;
  }
  if (prec >= 0 && prec < 15) {  // round to prec hex digits, half to even
    unsigned shift = static_cast<unsigned>(prec * 4);
    uint64_t extra = (mant << shift) & ((uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t{1} << 59)) mant++;
    mant <<= 60 - shift;
    if (mant & (uint64_t{1} << 61)) {  // carried into a new leading digit
      mant >>= 1;
      exp++;
    }
  }
  const char* digits = fmtc == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  out += fmtc == 'X' ? "0X" : "0x";
  out += static_cast<char>('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    out += '.';
    for (; mant != 0; mant <<= 4) out += digits[(mant >> 60) & 15];
  } else if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; i++, mant <<= 4) out += digits[(mant >> 60) & 15];
  }
  out += fmtc == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  int e = std::abs(exp);
  if (e < 10) out += '0';
  return out + std::to_string(e);
}

std::string format_float(double f, char fmtc, int prec, bool f32) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  if (fmtc == 'b' || fmtc == 'x' || fmtc == 'X') return binary_float(f, fmtc, prec, f32);
  char buf[512];
  if (fmtc == 'f' || fmtc == 'F') {
    if (prec < 0) {
      std::string d;
      int dp;
      shortest(std::fabs(f), f32, d, dp);
      std::string out = std::signbit(f) ? "-" : "";
      if (dp <= 0) {
        out += "0." + std::string(static_cast<size_t>(-dp), '0') + d;
      } else if (static_cast<size_t>(dp) >= d.size()) {
        out += d + std::string(static_cast<size_t>(dp) - d.size(), '0');
      } else {
        out += d.substr(0, static_cast<size_t>(dp)) + "." + d.substr(static_cast<size_t>(dp));
      }
      return out;
    }
    std::snprintf(buf, sizeof buf, "%.*f", prec, f);
    return buf;
  }
  if (fmtc == 'e' || fmtc == 'E') {
    if (prec < 0) {
      std::string d;
      int dp;
      shortest(std::fabs(f), f32, d, dp);
      std::string out = std::signbit(f) ? "-" : "";
      out += d.substr(0, 1);
      if (d.size() > 1) out += "." + d.substr(1);
      out += fmt_exp(dp - 1);
      if (fmtc == 'E') std::transform(out.begin(), out.end(), out.begin(), ::toupper);
      return out;
    }
    std::snprintf(buf, sizeof buf, fmtc == 'e' ? "%.*e" : "%.*E", prec, f);
    return buf;
  }
  // 'g'
  std::string d;
  int dp;
  if (prec < 0) {
    if (f == 0) return std::signbit(f) ? "-0" : "0";
    shortest(std::fabs(f), f32, d, dp);
  } else {
    if (prec == 0) prec = 1;
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, std::fabs(f));
    std::string s = buf;
    size_t e = s.find('e');
    for (char c : s.substr(0, e))
      if (c >= '0' && c <= '9') d += c;
    dp = std::atoi(s.c_str() + e + 1) + 1;
    while (d.size() > 1 && d.back() == '0') d.pop_back();
    if (f == 0) {
      d = "0";
      dp = 1;
    }
  }
  int eprec = prec < 0 ? 6 : prec;
  int nd = static_cast<int>(d.size());
  if (prec < 0 && eprec > nd && nd >= dp) eprec = nd;
  int exp = dp - 1;
  std::string out = std::signbit(f) ? "-" : "";
  if (exp < -4 || exp >= eprec) {
    out += d.substr(0, 1);
    if (nd > 1) out += "." + d.substr(1);
    return out + fmt_exp(exp);
  }
  if (dp <= 0) return out + "0." + std::string(static_cast<size_t>(-dp), '0') + d;
  if (dp >= nd) return out + d + std::string(static_cast<size_t>(dp - nd), '0');
  return out + d.substr(0, static_cast<size_t>(dp)) + "." + d.substr(static_cast<size_t>(dp));
}

// printable() is strconv.IsPrint without Unicode's tables: false for what Go escapes in
// quoted strings that a program meets in practice (controls, spaces other than ' ', format
// characters, private use, noncharacters, unassigned planes); letters, marks, numbers,
// punctuation and symbols otherwise.
static bool printable(uint32_t r) {
  if (r < 0x20 || (r >= 0x7f && r <= 0xa0) || r == 0xad) return false;
  if (r < 0x7f) return true;
  if (r == 0x1680 || (r >= 0x2000 && r <= 0x200f) || (r >= 0x2028 && r <= 0x202f) ||
      (r >= 0x205f && r <= 0x206f) || r == 0x3000 || r == 0xfeff || (r >= 0xfff9 && r <= 0xfffb))
    return false;
  if ((r >= 0xe000 && r <= 0xf8ff) || (r >= 0xfdd0 && r <= 0xfdef) || (r & 0xfffe) == 0xfffe) return false;
  if (r >= 0x40000 && r <= 0xdffff) return false;  // planes 4-13: unassigned
  if (r >= 0xe0000) return false;                  // tags, variation selectors, private use
  return true;
}

std::string quote_go(const std::string& s, bool ascii_only) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    int n;
    uint32_t r = utf8_decode(s, i, n);
    if (r == 0xFFFD && n == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned char>(s[i]));
      out += b;
      i++;
      continue;
    }
    switch (r) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\v':
        out += "\\v";
        break;
      default:
        if (r < 0x20 || r == 0x7f) {
          char b[8];
          std::snprintf(b, sizeof b, "\\x%02x", r);
          out += b;
        } else if ((ascii_only && r >= 0x80) || !printable(r)) {
          char b[16];
          std::snprintf(b, sizeof b, r < 0x10000 ? "\\u%04x" : "\\U%08x", r);
          out += b;
        } else {
          out += s.substr(i, static_cast<size_t>(n));
        }
    }
    i += static_cast<size_t>(n);
  }
  return out + "\"";
}

std::string quote_rune(int64_t r) {
  std::string s;
  if (r == '\'') return "'\\''";
  if (r == '\\') return "'\\\\'";
  if (r == '\n') return "'\\n'";
  if (r == '\t') return "'\\t'";
  if (r < 0x20 || r == 0x7f || r > 0x10FFFF) {
    char b[16];
    std::snprintf(b, sizeof b, r <= 0x7f ? "'\\x%02x'" : "'\\ufffd'", static_cast<int>(r));
    return b;
  }
  if (!printable(static_cast<uint32_t>(r))) {
    char b[16];
    std::snprintf(b, sizeof b, r < 0x10000 ? "'\\u%04x'" : "'\\U%08x'", static_cast<unsigned>(r));
    return b;
  }
  utf8_encode(s, static_cast<uint32_t>(r));
  return "'" + s + "'";
}

static std::string fake_addr(const void* p) {
  char b[32];
  std::snprintf(b, sizeof b, "0xc%09lx",
                static_cast<unsigned long>(reinterpret_cast<uintptr_t>(p) & 0xfffffffffULL));
  return b;
}

// print_float() is a float as print/println write it: +1.500000e+000, NaN, +Inf, -Inf.
static std::string print_float(double f) {
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  char b[64];
  std::snprintf(b, sizeof b, "%+.6e", f);
  std::string s = b;
  size_t e = s.find('e');
  // Go's print: e+000 (three exponent digits)
  std::string exp = s.substr(e + 2);
  while (exp.size() < 3) exp = "0" + exp;
  return s.substr(0, e + 2) + exp;
}

std::string print_value(RType* t, const Value& v) {
  RType* u = t->under();
  switch (u->k) {
    case TK::Bool:
    case TK::UntypedBool:
      return v.i ? "true" : "false";
    case TK::Float32:
    case TK::Float64:
    case TK::UntypedFloat:
      return print_float(v.f);
    case TK::Complex64:
    case TK::Complex128: {
      Cplx c = cplx_of(v);
      return "(" + print_float(c.re) + print_float(c.im) + "i)";
    }
    case TK::String:
    case TK::UntypedString:
      return str_of(v);
    case TK::Interface:
      return v.o ? "(" + fake_addr(static_cast<IfaceObj*>(v.o)->t) + "," + fake_addr(v.o) + ")" : "(0x0,0x0)";
    case TK::Slice: {  // [len/cap]array
      auto* sl = static_cast<SliceObj*>(v.o);
      if (!sl) return "[0/0]0x0";
      return "[" + std::to_string(sl->len) + "/" + std::to_string(sl->cap) + "]" + fake_addr(sl->arr.o);
    }
    default:
      if (is_unsigned(u)) return std::to_string(static_cast<uint64_t>(v.i));
      if (is_integer(u)) return std::to_string(v.i);
      return v.o ? fake_addr(v.o) : "0x0";
  }
}

struct Formatter {
  Thread& th;
  bool plus = false, sharp = false, minus = false, zero = false, space = false;
  bool plus_v = false, sharp_v = false;  // %+v, %#v
  int width = -1, prec = -1;

  std::string value(RType* t, const Value& v, char verb, int depth) {
    if (!t) return "<nil>";
    // a value that contains itself (a slice holding itself, a map holding itself) nests
    // without end: Go's fmt overflows its stack, and so does this
    if (th.c_stack_short()) th.fatal("stack overflow");
    RType* u = t->under();
    // a Formatter formats itself, whatever the verb
    const Program& prog = th.prog();
    if (prog.run_format && prog.formatter && u->k != TK::Interface && find_method(t, prog.format_method) &&
        implements(prog, t, prog.formatter))
      return call_format(t, v, verb);
    // GoString() for %#v
    if (sharp_v && u->k != TK::Interface) {
      std::string s;
      if (call_string_method(th, t, v, th.prog().gostring_method, s)) {
        if (th.panicking()) return "%!v(PANIC=GoString method: ...)";
        return s;
      }
    }
    // Error() and String() for %v %s %q %x %X (not for %#v)
    if (!sharp_v && (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
        u->k != TK::Interface) {
      std::string s;
      if (t == th.prog().runtime_error) return str_of(v);
      if (call_string_method(th, t, v, th.prog().error_method, s) ||
          call_string_method(th, t, v, th.prog().string_method, s)) {
        if (th.panicking())
          return "%!" + std::string(1, verb) + "(PANIC=" + std::string(verb == 'v' ? "Error" : "String") +
                 " method: ...)";
        return verb == 'q' ? quote_go(s) : (verb == 'x' || verb == 'X') ? hex_string(s, verb) : s;
      }
    }
    switch (u->k) {
      case TK::Interface:
        if (!v.o) return sharp_v ? t->str + "(nil)" : "<nil>";
        return value(static_cast<IfaceObj*>(v.o)->t, static_cast<IfaceObj*>(v.o)->v, verb, depth);
      case TK::Bool:
        if (verb == 'v' || verb == 't') return v.i ? "true" : "false";
        return bad(verb, t, v);
      case TK::Float32:
      case TK::Float64:
        if (!std::strchr("vbgGxXfFeE", verb)) return bad(verb, t, v);
        return floating(v.f, verb, u->k == TK::Float32);
      case TK::Complex64:
      case TK::Complex128: {
        // fmt's fmtComplex: each part formatted (and padded) as a float of half the size, the
        // imaginary part always signed
        if (!std::strchr("vbgGxXfFeE", verb)) return bad(verb, t, v);
        bool f32 = u->k == TK::Complex64;
        Cplx c = cplx_of(v);
        Formatter im = *this;
        im.plus = true;
        im.space = false;
        return "(" + pad(floating(c.re, verb, f32)) + im.pad(im.floating(c.im, verb, f32)) + "i)";
      }
      case TK::String: {
        const std::string& s = str_of(v);
        switch (verb) {
          case 'v':
            if (sharp_v) return quote_go(s);
            return trunc(s);
          case 's':
            return trunc(s);
          case 'q':
            return sharp && s.find('`') == std::string::npos ? "`" + s + "`" : quote_go(trunc(s), plus);
          case 'x':
          case 'X':
            return hex_string(s, verb);
          default:
            return bad(verb, t, v);
        }
      }
      case TK::Pointer: {
        if (verb == 'p') return v.o ? fake_addr(v.o) : "0x0";
        if (!v.o && verb && std::strchr("bodxX", verb))  // an integer verb prints the address: 0
          return sharp && (verb == 'x' || verb == 'X') ? std::string(verb == 'x' ? "0x0" : "0X0") : "0";
        if (!v.o) return sharp_v ? "(" + t->str + ")(nil)" : "<nil>";
        RType* e = u->elem->under();
        if (depth == 0 && (e->k == TK::Struct || e->k == TK::Array || e->k == TK::Slice || e->k == TK::Map) &&
            is_aggregate(u->elem))
          return "&" + value(u->elem, v, verb, depth + 1);
        return fake_addr(v.o);
      }
      case TK::Struct: {
        auto* s = static_cast<StructObj*>(v.o);
        std::string out = sharp_v ? t->str + "{" : "{";
        for (size_t i = 0; i < u->fields.size(); i++) {
          if (i) out += sharp_v ? ", " : " ";
          if (plus_v || sharp_v) out += u->fields[i].name + ":";
          const std::string& fname = u->fields[i].name;
          bool exported = !fname.empty() && fname[0] >= 'A' && fname[0] <= 'Z';
          if (!exported) {
            Formatter sub = *this;
            sub.width = -1;
            out += sub.value_nomethods(u->fields[i].type, s ? slot_load(s->f[i]) : Value(), verb, depth + 1);
          } else {
            out += elem(u->fields[i].type, s ? slot_load(s->f[i]) : Value(), verb, depth + 1);
          }
        }
        return out + "}";
      }
      case TK::Array:
      case TK::Slice: {
        std::vector<Value> items;  // copies: another goroutine may be storing elements
        if (u->k == TK::Array) {
          auto* a = static_cast<ArrObj*>(v.o);
          if (a)
            for (auto& x : a->a) items.push_back(slot_load(x));
        } else if (v.o) {
          auto* sl = static_cast<SliceObj*>(v.o);
          for (int64_t i = 0; i < sl->len; i++) items.push_back(slot_load(sl->at(i)));
        }
        TK ek = u->elem->under()->k;
        if (ek == TK::Uint8 && (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
          std::string bytes;
          for (auto& x : items) bytes += static_cast<char>(x.i);
          if (verb == 's') return bytes;
          if (verb == 'q') return quote_go(bytes);
          return hex_string(bytes, verb);
        }
        if (verb == 'p' && u->k == TK::Slice) return v.o ? fake_addr(v.o) : "0x0";
        if (sharp_v) {
          if (u->k == TK::Slice && !v.o) return t->str + "(nil)";
          std::string out = t->str + "{";
          for (size_t i = 0; i < items.size(); i++)
            out += (i ? ", " : "") + elem(u->elem, items[i], verb, depth + 1);
          return out + "}";
        }
        std::string out = "[";
        for (size_t i = 0; i < items.size(); i++)
          out += (i ? " " : "") + elem(u->elem, items[i], verb, depth + 1);
        return out + "]";
      }
      case TK::Map: {
        auto* m = static_cast<MapObj*>(v.o);
        if (sharp_v && !m) return t->str + "(nil)";
        std::vector<std::pair<Value, Value>> kv;
        if (m) {
          std::lock_guard<SpinLock> g(m->mu);
          for (auto& e : m->entries)
            if (e.live) kv.push_back({e.k, e.v});
        }
        RType* kt = u->key;
        std::stable_sort(kv.begin(), kv.end(),
                         [&](const auto& a, const auto& b) { return key_less(kt, a.first, b.first); });
        std::string out = sharp_v ? t->str + "{" : "map[";
        for (size_t i = 0; i < kv.size(); i++) {
          out += i ? (sharp_v ? ", " : " ") : "";
          out += elem(kt, kv[i].first, verb, depth + 1) + ":" + elem(u->elem, kv[i].second, verb, depth + 1);
        }
        return out + (sharp_v ? "}" : "]");
      }
      case TK::Chan:
      case TK::Func:
        if (!v.o) return sharp_v ? "(" + t->str + ")(nil)" : (u->k == TK::Func ? "<nil>" : "<nil>");
        return fake_addr(v.o);
      case TK::Native:
        return "{}";
      default:
        if (is_integer(u)) return integer(t, v, verb);
        return "?";
    }
  }

  std::string value_nomethods(RType* t, const Value& v, char verb, int depth) {
    RType* u = t->under();
    if (u->k == TK::Interface || u->k == TK::Struct || u->k == TK::Pointer || u->k == TK::Slice ||
        u->k == TK::Array || u->k == TK::Map) {
      // nested values of unexported fields: no methods at this level
      if (u->k == TK::Interface) {
        if (!v.o) return "<nil>";
        return value_nomethods(static_cast<IfaceObj*>(v.o)->t, static_cast<IfaceObj*>(v.o)->v, verb, depth);
      }
    }
    if (is_integer(u)) return integer(t, v, verb);
    if (u->k == TK::Float64 || u->k == TK::Float32)
      return sign(format_float(v.f, 'g', -1, u->k == TK::Float32), v.f);
    if (u->k == TK::Complex64 || u->k == TK::Complex128) return value(t, v, 'v', depth);
    if (u->k == TK::String) return sharp_v ? quote_go(str_of(v)) : str_of(v);
    if (u->k == TK::Bool) return v.i ? "true" : "false";
    if (u->k == TK::Pointer) return v.o ? fake_addr(v.o) : "<nil>";
    return value(t, v, verb, depth);
  }

  std::string elem(RType* t, const Value& v, char verb, int depth) {
    Formatter sub = *this;
    sub.width = -1;
    if (sharp_v && t->under()->k == TK::String) return quote_go(str_of(v));
    return sub.value(t, v, verb, depth);
  }

  bool key_less(RType* t, const Value& a, const Value& b) {
    RType* u = t->under();
    if (u->k == TK::String) return str_of(a) < str_of(b);
    if (is_float(u)) return a.f < b.f;
    if (u->k == TK::Complex64 || u->k == TK::Complex128) {  // fmtsort: real parts, then imaginary
      Cplx x = cplx_of(a), y = cplx_of(b);
      return x.re < y.re || (x.re == y.re && x.im < y.im);
    }
    if (is_unsigned(u)) return static_cast<uint64_t>(a.i) < static_cast<uint64_t>(b.i);
    if (is_integer(u) || u->k == TK::Bool) return a.i < b.i;
    if (u->k == TK::Interface) {
      RType* ta = dyn_type(a);
      RType* tb = dyn_type(b);
      if (!ta || !tb) return ta == nullptr && tb != nullptr;
      if (ta != tb) return ta->id < tb->id;
      return key_less(ta, static_cast<IfaceObj*>(a.o)->v, static_cast<IfaceObj*>(b.o)->v);
    }
    if (u->k == TK::Struct) {
      auto* x = static_cast<StructObj*>(a.o);
      auto* y = static_cast<StructObj*>(b.o);
      for (size_t i = 0; i < u->fields.size(); i++) {
        if (key_less(u->fields[i].type, slot_load(x->f[i]), slot_load(y->f[i]))) return true;
        if (key_less(u->fields[i].type, slot_load(y->f[i]), slot_load(x->f[i]))) return false;
      }
      return false;
    }
    return a.o < b.o;
  }

  // floating() is a float under one of v g G f F e E.
  std::string floating(double f, char verb, bool f32) {
    switch (verb) {
      case 'b':
      case 'x':
      case 'X':
        return sign(format_float(f, verb, prec, f32), f);
      case 'f':
      case 'F':
        return sign(format_float(f, 'f', prec < 0 ? 6 : prec, f32), f);
      case 'e':
      case 'E':
        return sign(format_float(f, verb, prec < 0 ? 6 : prec, f32), f);
      default: {  // v g G
        std::string s = format_float(f, 'g', prec, f32);
        if (verb == 'G')
          for (char& c : s)
            if (c == 'e') c = 'E';
        return sign(s, f);
      }
    }
  }

  // sign() gives a formatted float the sign fmt's fmtFloat writes: - always, + with the plus
  // flag and on infinities, a space for + with the space flag; NaN is unsigned unless asked
  // for. Inf and NaN are padded with spaces, never zeros (so this clears the zero flag).
  std::string sign(std::string s, double f) {
    if (s[0] != '+' && s[0] != '-') s = "+" + s;
    if (space && s[0] == '+' && !plus) s[0] = ' ';
    if (std::isinf(f) || std::isnan(f)) {
      zero = false;
      if (std::isnan(f) && !space && !plus) s.erase(0, 1);
      return s;
    }
    if (plus || s[0] != '+') return s;
    return s.substr(1);
  }

  std::string trunc(const std::string& s) {
    if (prec < 0) return s;
    size_t i = 0;
    int n = 0;
    while (i < s.size() && n < prec) {
      int len;
      utf8_decode(s, i, len);
      i += static_cast<size_t>(len);
      n++;
    }
    return s.substr(0, i);
  }

  std::string hex_string(const std::string& s, char verb) {
    std::string out;
    const char* digits = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
    for (size_t i = 0; i < s.size(); i++) {
      if (space && i) out += ' ';
      if (sharp && (space || i == 0)) out += verb == 'x' ? "0x" : "0X";  // %#x: once, or each byte's
      unsigned char c = static_cast<unsigned char>(s[i]);
      out += digits[c >> 4];
      out += digits[c & 15];
    }
    return out;
  }

  std::string integer(RType* t, const Value& v, char verb) {
    bool uns = is_unsigned(t);
    int64_t x = v.i;
    bool neg = !uns && x < 0;
    uint64_t mag = neg ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
    std::string digits;
    auto base = [&](unsigned b, const char* ds) {
      if (mag == 0) digits = "0";
      while (mag) {
        digits.insert(digits.begin(), ds[mag % b]);
        mag /= b;
      }
    };
    std::string prefix;
    switch (verb) {
      case 'v':
      case 'd':
        base(10, "0123456789");
        break;
      case 'x':
        base(16, "0123456789abcdef");
        if (sharp) prefix = "0x";
        break;
      case 'X':
        base(16, "0123456789ABCDEF");
        if (sharp) prefix = "0X";
        break;
      case 'o':
        base(8, "01234567");
        if (sharp) prefix = "0";
        break;
      case 'O':
        base(8, "01234567");
        prefix = "0o";
        break;
      case 'b':
        base(2, "01");
        if (sharp) prefix = "0b";
        break;
      case 'c': {
        std::string s;
        utf8_encode(s, x < 0 || x > 0x10FFFF ? 0xFFFD : static_cast<uint32_t>(x));
        return s;
      }
      case 'q':
        return quote_rune(x);
      case 'U': {
        char b[32];
        std::snprintf(b, sizeof b, "U+%0*" PRIX64, prec > 4 ? prec : 4, static_cast<uint64_t>(x));
        std::string s = b;
        if (sharp && x >= 0 && x <= 0x10FFFF && printable(static_cast<uint32_t>(x))) {  // %#U: U+2318 '⌘'
          s += " '";
          utf8_encode(s, static_cast<uint32_t>(x));
          s += "'";
        }
        return s;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        return bad(verb, t, v);
      case 's':
        return bad(verb, t, v);
      case 't':
        return bad(verb, t, v);
      default:
        return bad(verb, t, v);
    }
    if (prec >= 0 && static_cast<int>(digits.size()) < prec)
      digits = std::string(static_cast<size_t>(prec) - digits.size(), '0') + digits;
    std::string sgn = neg ? "-" : plus ? "+" : space ? " " : "";
    std::string out = sgn + prefix + digits;
    if (zero && !minus && prec < 0 && width > static_cast<int>(out.size()))
      out = sgn + prefix + std::string(static_cast<size_t>(width) - out.size(), '0') + digits;
    return out;
  }

  std::string bad(char verb, RType* t, const Value& v) {
    Formatter plain{th};
    return "%!" + std::string(1, verb) + "(" + t->str + "=" + plain.value(t, v, 'v', 1) + ")";
  }

  // call_format() is what v's Format method writes for verb (fmt.runFormat runs it with this
  // directive's flags); the method pads for itself
  std::string call_format(RType* t, const Value& v, char verb) {
    std::string flags;
    if (minus) flags += '-';
    if (plus || plus_v) flags += '+';
    if (sharp || sharp_v) flags += '#';
    if (space) flags += ' ';
    if (zero) flags += '0';
    Value fn = Value::of_obj(new FuncObj(th.prog().run_format));
    std::vector<Value> res;
    if (!th.call(fn,
                 {box(t, v), Value::of_int(verb), Value::of_int(width), Value::of_int(prec), make_str(flags)},
                 &res))
      return "";
    self_padded = true;
    return res.empty() ? "" : str_of(res[0]);
  }

  bool self_padded = false;  // a Format method wrote the text: pad() leaves it as it is

  std::string pad(const std::string& s) {
    if (self_padded) return s;
    if (width < 0) return s;
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
      int len;
      utf8_decode(s, i, len);
      i += static_cast<size_t>(len);
      n++;
    }
    if (static_cast<int>(n) >= width) return s;
    std::string fill(static_cast<size_t>(width) - n, zero && !minus ? '0' : ' ');
    if (minus) return s + fill;
    if (zero && !s.empty() && (s[0] == '-' || s[0] == '+')) return s.substr(0, 1) + fill + s.substr(1);
    return fill + s;
  }
};

std::string format_value(Thread& th, RType* t, const Value& v, char verb, bool plus, bool sharp) {
  Formatter f{th};
  f.plus = plus;
  f.sharp = sharp;
  f.sharp_v = sharp;
  return f.value(t, v, verb, 0);
}

// sprint() is fmt.Sprint (ln: Sprintln) of interface values.
std::string sprint(Thread& th, std::span<const Value> args, bool ln) {
  std::string out;
  for (size_t i = 0; i < args.size(); i++) {
    RType* t = dyn_type(args[i]);
    bool is_str = t && t->under()->k == TK::String;
    if (i > 0) {
      RType* pt = dyn_type(args[i - 1]);
      bool prev_str = pt && pt->under()->k == TK::String;
      if (ln || (!is_str && !prev_str)) out += ' ';
    }
    Formatter f{th};
    out += t ? f.value(t, static_cast<IfaceObj*>(args[i].o)->v, 'v', 0) : "<nil>";
    if (th.panicking()) return out;
  }
  if (ln) out += '\n';
  return out;
}

// plain_value() appends the common case at once: %v, %s or %d (%t) of a string, integer or
// bool whose type is unnamed (so it has no String or Format method), with no flag, width or
// precision; false for anything else (Formatter's way).
bool plain_value(uint32_t verb, const Formatter& f, const Value& a, std::string& out) {
  if (f.plus || f.minus || f.sharp || f.zero || f.space || f.width >= 0 || f.prec >= 0 || !a.o) return false;
  const RType* t = static_cast<IfaceObj*>(a.o)->t;
  const Value& v = static_cast<IfaceObj*>(a.o)->v;
  const TK k = t->k;
  if (k == TK::String && (verb == 's' || verb == 'v')) {
    out += str_of(v);
    return true;
  }
  if (k == TK::Bool && (verb == 't' || verb == 'v')) {
    out += v.i ? "true" : "false";
    return true;
  }
  if (k < TK::Int || k > TK::Uintptr || (verb != 'd' && verb != 'v')) return false;
  char buf[24];
  const bool u = k >= TK::Uint;
  auto r = u ? std::to_chars(buf, buf + sizeof buf, static_cast<uint64_t>(v.i))
             : std::to_chars(buf, buf + sizeof buf, v.i);
  out.append(buf, r.ptr);
  return true;
}

// sprintf() is fmt.Sprintf.
std::string sprintf(Thread& th, const std::string& format, std::span<const Value> args) {
  std::string out;
  size_t argi = 0;
  bool reordered = false;  // an explicit argument index was used: no %!(EXTRA ...)
  const size_t n = format.size();
  for (size_t i = 0; i < n;) {
    char c = format[i];
    if (c != '%') {
      size_t j = format.find('%', i);
      if (j == std::string::npos) j = n;
      out.append(format, i, j - i);
      i = j;
      continue;
    }
    i++;
    if (i >= n) {
      out += "%!(NOVERB)";
      break;
    }
    Formatter f{th};
    bool good_index = true;  // no explicit index was out of range or misplaced (else BADINDEX)
    for (; i < n; i++) {
      char fl = format[i];
      if (fl == '+')
        f.plus = true;
      else if (fl == '-')
        f.minus = true;
      else if (fl == '#')
        f.sharp = true;
      else if (fl == '0')
        f.zero = true;
      else if (fl == ' ')
        f.space = true;
      else
        break;
    }
    // Go bounds widths and precisions at 1e6 (fmt's tooLarge): a longer number in the format
    // consumes the rest of it (then %!(NOVERB)); a larger * argument is %!(BADWIDTH) or
    // %!(BADPREC), and the value is printed without it.
    constexpr int kMaxNum = 1000000;
    auto literal = [&](int& dst) {  // Go's parsenum: false when the number is too long
      if (i >= n || format[i] < '0' || format[i] > '9') return true;
      dst = 0;
      for (; i < n && format[i] >= '0' && format[i] <= '9'; i++) {
        if (dst > kMaxNum) {
          i = n;
          dst = -1;
          return false;
        }
        dst = dst * 10 + (format[i] - '0');
      }
      return true;
    };
    auto from_arg = [&](int& dst) {  // Go's intFromArg: false when there is no usable int
      bool ok = false;
      if (argi < args.size()) {
        RType* t = dyn_type(args[argi]);
        if (t && is_integer(t)) {
          int64_t v = static_cast<IfaceObj*>(args[argi].o)->v.i;
          if (!(is_unsigned(t) && v < 0) && v >= -kMaxNum && v <= kMaxNum) {
            dst = static_cast<int>(v);
            ok = true;
          }
        }
        argi++;
      }
      return ok;
    };
    // Go's argNumber: an explicit argument index, [n] (1-based), before a * or the verb; true
    // when one was there
    auto arg_number = [&]() {
      if (i >= n || format[i] != '[') return false;
      reordered = true;
      size_t wid = 1;
      bool ok = false;
      int64_t index = 0;
      size_t j = n - i >= 3 ? format.find(']', i + 1) : std::string::npos;
      if (j != std::string::npos) {
        wid = j - i + 1;
        size_t k = i + 1;
        int64_t num = 0;
        for (; k < j && format[k] >= '0' && format[k] <= '9' && num <= kMaxNum; k++)
          num = num * 10 + (format[k] - '0');
        if (k > i + 1 && k == j) {
          ok = true;
          index = num - 1;
        }
      }
      i += wid;
      if (ok && index >= 0 && index < static_cast<int64_t>(args.size())) {
        argi = static_cast<size_t>(index);
        return true;
      }
      good_index = false;
      return ok;
    };
    bool after_index = arg_number();
    if (i < n && format[i] == '*') {
      after_index = false;
      i++;
      int w = 0;
      if (!from_arg(w)) {
        out += "%!(BADWIDTH)";
      } else if (w < 0) {  // a negative width pads on the right
        f.width = -w;
        f.minus = true;
        f.zero = false;
      } else {
        f.width = w;
      }
    } else {
      literal(f.width);
      if (after_index && f.width >= 0) good_index = false;  // "%[3]2d"
    }
    if (i < n && format[i] == '.') {
      i++;
      f.prec = 0;
      if (after_index) good_index = false;  // "%[3].2d"
      after_index = arg_number();
      if (i < n && format[i] == '*') {
        after_index = false;
        i++;
        int p = 0;
        if (!from_arg(p) || p < 0) {
          f.prec = -1;  // no precision
          out += "%!(BADPREC)";
        } else {
          f.prec = p;
        }
      } else if (!literal(f.prec)) {
        f.prec = 0;
      }
    }
    if (!after_index) arg_number();
    if (i >= n) {
      out += "%!(NOVERB)";
      break;
    }
    int len;
    uint32_t verb = utf8_decode(format, i, len);
    i += static_cast<size_t>(len);
    if (verb == '%') {
      out += '%';
      continue;
    }
    if (good_index && argi < args.size() && plain_value(verb, f, args[argi], out)) {
      argi++;
      continue;
    }
    std::string vs;
    utf8_encode(vs, verb);
    if (!good_index) {
      out += "%!" + vs + "(BADINDEX)";
      continue;
    }
    if (argi >= args.size()) {
      out += "%!" + vs + "(MISSING)";
      continue;
    }
    const Value& a = args[argi++];
    RType* t = dyn_type(a);
    std::string s;
    if (verb == 'T') {
      s = !t                             ? "<nil>"
          : t == th.prog().runtime_error ? runtime_error_type(str_of(static_cast<IfaceObj*>(a.o)->v))
                                         : t->str;
    } else if (!t) {
      s = verb == 'v' ? "<nil>" : "%!" + vs + "(<nil>)";
    } else if (verb == 'w') {
      s = f.value(t, static_cast<IfaceObj*>(a.o)->v, 'v', 0);
    } else if (verb > 127 || !std::strchr("vdsqxXoObcUeEfFgGtp", static_cast<int>(verb))) {
      Formatter plain{th};
      s = "%!" + vs + "(" + t->str + "=" + plain.value(t, static_cast<IfaceObj*>(a.o)->v, 'v', 0) + ")";
    } else {
      if (verb == 'v') {
        // %+v and %#v name fields / print Go syntax; they are not the numeric flags
        f.plus_v = f.plus;
        f.sharp_v = f.sharp;
        f.plus = f.sharp = false;
      }
      s = f.value(t, static_cast<IfaceObj*>(a.o)->v, static_cast<char>(verb), 0);
    }
    if (th.panicking()) return out;
    out += f.pad(s);
  }
  if (!reordered && argi < args.size()) {
    out += "%!(EXTRA ";
    for (size_t k = argi; k < args.size(); k++) {
      RType* t = dyn_type(args[k]);
      Formatter plain{th};
      if (k > argi) out += ", ";
      out += t ? t->str + "=" + plain.value(t, static_cast<IfaceObj*>(args[k].o)->v, 'v', 0) : "<nil>";
    }
    out += ")";
  }
  return out;
}

// format_for_tap() is a short text of a channel value for the app (no Go code runs here).
std::string format_for_tap(RType* t, const Value& v) {
  RType* u = t->under();
  if (u->k == TK::String) return str_of(v);
  if (u->k == TK::Bool) return v.i ? "true" : "false";
  if (is_integer(u)) return is_unsigned(u) ? std::to_string(static_cast<uint64_t>(v.i)) : std::to_string(v.i);
  if (is_float(u)) return format_float(v.f, 'g', -1, u->k == TK::Float32);
  if (u->k == TK::Complex64 || u->k == TK::Complex128) {
    Cplx c = cplx_of(v);
    bool f32 = u->k == TK::Complex64;
    std::string im = format_float(c.im, 'g', -1, f32);
    if (im[0] != '-' && im[0] != '+') im = "+" + im;
    return "(" + format_float(c.re, 'g', -1, f32) + im + "i)";
  }
  if (u->k == TK::Struct) {
    auto* s = static_cast<StructObj*>(v.o);
    std::string out = "{";
    for (size_t i = 0; s && i < u->fields.size() && i < 4; i++) {
      RType* ft = u->fields[i].type->under();
      if (i) out += " ";
      if (ft->k == TK::String || ft->k == TK::Bool || is_integer(ft) || is_float(ft))
        out += format_for_tap(u->fields[i].type, slot_load(s->f[i]));
      else
        out += "…";
    }
    return out + "}";
  }
  return "";
}

}  // namespace golang
