// lang/types/check_expr.cpp: the checker's expressions: operands, untyped constants and their
// conversion, assignability, calls, builtins, composite literals, selectors (see checker.hpp).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_set>

#include "base/deadline.hpp"
#include "types/checker_impl.hpp"

namespace golang {

namespace {
std::string fmt_float(double f) {
  char b[64];
  std::snprintf(b, sizeof b, "%g", f);
  return b;
}
std::string cv_string(const ConstVal& c) {
  switch (c.kind) {
    case ConstVal::Bool:
      return c.b ? "true" : "false";
    case ConstVal::Int:
      return i128_string(c.i);
    case ConstVal::Float:
      return fmt_float(c.f);
    case ConstVal::Complex:  // as go/constant writes one
      return "(" + fmt_float(c.f) + " + " + fmt_float(c.im) + "i)";
    case ConstVal::String: {
      std::string s = "\"";
      for (char ch : c.s) {
        if (ch == '"' || ch == '\\') s += '\\';
        if (ch == '\n') {
          s += "\\n";
          continue;
        }
        s += ch;
      }
      return s + "\"";
    }
    default:
      return "?";
  }
}
}  // namespace

std::string CheckerImpl::expr_string(Expr* e) {
  if (!e) return "";
  switch (e->k) {
    case EK::Ident:
      return e->name;
    case EK::BasicLit:
      return e->name;
    case EK::Paren:
      return "(" + expr_string(e->x) + ")";
    case EK::Selector:
      return expr_string(e->x) + "." + e->name;
    case EK::Index: {
      std::string s = expr_string(e->x) + "[";
      for (size_t i = 0; i < e->list.size(); i++) s += (i ? ", " : "") + expr_string(e->list[i]);
      return s + "]";
    }
    case EK::Slice: {
      std::string s =
          expr_string(e->x) + "[" + (e->list[0] ? expr_string(e->list[0]) : "") + ":" + expr_string(e->y);
      if (e->slice3) s += ":" + expr_string(e->z);
      return s + "]";
    }
    case EK::TypeAssert:
      return expr_string(e->x) + ".(" + (e->y ? expr_string(e->y) : "type") + ")";
    case EK::Call: {
      std::string s = expr_string(e->x) + "(";
      for (size_t i = 0; i < e->list.size(); i++) s += (i ? ", " : "") + expr_string(e->list[i]);
      return s + (e->ellipsis ? "...)" : ")");
    }
    case EK::Star:
      return "*" + expr_string(e->x);
    case EK::Unary:
      return std::string(tok_string(e->op)) + expr_string(e->x);
    case EK::Binary:
      return expr_string(e->x) + " " + tok_string(e->op) + " " + expr_string(e->y);
    case EK::KeyValue:
      return expr_string(e->x) + ": " + expr_string(e->y);
    case EK::CompositeLit:
      return (e->x ? expr_string(e->x) : "") + (e->list.empty() ? "{}" : "{…}");
    case EK::FuncLit:
      return "func literal";
    case EK::ArrayType:
      return "[" + (e->y ? expr_string(e->y) : "") + "]" + expr_string(e->x);
    case EK::MapType:
      return "map[" + expr_string(e->x) + "]" + expr_string(e->y);
    case EK::ChanType:
      return std::string(e->chan_dir == 2   ? "<-chan "
                         : e->chan_dir == 1 ? "chan<- "
                                            : "chan ") +
             expr_string(e->x);
    case EK::FuncType:
      return "func(...)";
    case EK::StructType:
      return "struct{...}";
    case EK::InterfaceType:
      return "interface{...}";
    default:
      return "?";
  }
}

std::string CheckerImpl::describe(Expr* e) {
  Type* t = e->type;
  if (!t) return "invalid";
  if (t->k == TK::UntypedNil) return "untyped nil";
  if (e->cv.valid()) {
    bool lit = e->k == EK::BasicLit || (e->k == EK::Unary && e->x->k == EK::BasicLit);
    if ((t->k == TK::UntypedInt || t->k == TK::UntypedRune) && e->cv.kind == ConstVal::Float) {
      char b[400];  // an integer past 128 bits, kept as a float: every digit, as gc writes it
      std::snprintf(b, sizeof b, "%.0f", e->cv.f);
      return type_string(t) + " constant " + b;
    }
    if (is_untyped(t))
      return type_string(t) + " constant" + (lit && t->k != TK::UntypedComplex ? "" : " " + cv_string(e->cv));
    return "constant " + cv_string(e->cv) + " of type " + type_string(t);
  }
  if (t->k == TK::Tuple && t->results.empty()) return "no value";
  Expr* b = e;
  while (b->k == EK::Paren) b = b->x;
  if (b->k == EK::Index && b->x->type && b->x->type->under()->k == TK::Map)
    return "map index expression of type " + type_string(t);
  if ((b->k == EK::Ident && b->obj && b->obj->k == OK::Var) ||
      (b->k == EK::Selector && b->sel_kind == SelField) || b->k == EK::Star ||
      (b->k == EK::Index && b->x->type && b->x->type->under()->k != TK::String) ||
      (b->k == EK::Selector && b->sel_kind == SelPkg && b->obj && b->obj->k == OK::Var))
    return "variable of type " + type_string(t);
  if (b->k == EK::Selector && b->sel_kind == SelPkg && b->obj && b->obj->k == OK::Func)
    return "value of type " + type_string(t);
  return "value of type " + type_string(t);
}

void CheckerImpl::use_var(Object* o) {
  o->used = true;
  if (o->k == OK::Var && o->owner && fn && o->owner != fn) o->captured = true;
}

void CheckerImpl::mark_addr(Expr* e) {
  while (e->k == EK::Paren) e = e->x;
  if (e->k == EK::Ident && e->obj && e->obj->k == OK::Var) e->obj->addr_taken = true;
}

bool CheckerImpl::addressable(Expr* e) {
  while (e->k == EK::Paren) e = e->x;
  switch (e->k) {
    case EK::Ident:
      return e->obj && e->obj->k == OK::Var;
    case EK::Star:
      return true;
    case EK::Selector:
      if (e->sel_kind == SelPkg) return e->obj && e->obj->k == OK::Var;
      return e->sel_kind == SelField && (e->implicit_deref || addressable(e->x) ||
                                         (e->x->type && e->x->type->under()->k == TK::Pointer));
    case EK::Index: {
      Type* t = e->x->type->under();
      if (t->k == TK::Slice) return true;
      if (t->k == TK::Pointer) return true;
      if (t->k == TK::Array) return addressable(e->x);
      return false;
    }
    default:
      return false;
  }
}

void CheckerImpl::single_value(Expr* e) {
  if (e->type && e->type->k == TK::Tuple) {
    if (e->type->results.empty())
      err(e->pos, expr_string(e) + " (no value) used as value");
    else
      err(e->pos, "multiple-value " + expr_string(e) + " (value of type " + type_string(e->type) +
                      ") in single-value context");
    e->type = u.basic(TK::Invalid);
  }
}

void CheckerImpl::expr(Expr* e, bool allow_tuple, Type* hint) {
  CompileDeadline::tick();
  expr0(e, hint);
  if (!e->type) e->type = u.basic(TK::Invalid);
  if (e->is_type) return;
  if (!allow_tuple) single_value(e);
}

void CheckerImpl::expr0(Expr* e, Type* hint) {
  allow_now_ = allow_generic_;  // call() and index() allow a generic function (or type) here
  allow_generic_ = false;
  if (e->k == EK::Paren) allow_generic_ = allow_now_;
  switch (e->k) {
    case EK::Ident:
      ident(e);
      return;
    case EK::BasicLit:
      basic_lit(e);
      return;
    case EK::Paren:
      expr(e->x, true, hint);
      e->type = e->x->type;
      e->cv = e->x->cv;
      e->is_type = e->x->is_type;
      e->obj = e->x->obj;
      return;
    case EK::Selector:
      selector(e);
      return;
    case EK::Call:
      call(e);
      return;
    case EK::Binary:
      binary(e);
      return;
    case EK::Unary:
      unary(e);
      return;
    case EK::Star: {
      expr(e->x);
      if (e->x->is_type) {
        e->type = u.pointer(e->x->type);
        e->is_type = true;
        return;
      }
      Type* t = e->x->type->under();
      if (t->k == TK::Invalid) return;
      if (t->k != TK::Pointer) {
        if (e->x->type->k == TK::UntypedNil)
          err(e->pos, "invalid operation: cannot indirect nil");
        else
          err(e->pos,
              "invalid operation: cannot indirect " + expr_string(e->x) + " (" + describe(e->x) + ")");
        return;
      }
      e->type = t->elem;
      return;
    }
    case EK::Index:
      index(e);
      return;
    case EK::Slice:
      slice_expr(e);
      return;
    case EK::CompositeLit:
      composite(e, hint);
      return;
    case EK::FuncLit:
      func_lit(e);
      return;
    case EK::TypeAssert:
      type_assert(e);
      return;
    case EK::KeyValue:
      err(e->pos, "unexpected key:value expression");
      return;
    case EK::ArrayType:
    case EK::MapType:
    case EK::ChanType:
    case EK::FuncType:
    case EK::StructType:
    case EK::InterfaceType:
      resolve_type(e);
      return;
    default:
      err(e->pos, "invalid expression");
      return;
  }
}

void CheckerImpl::ident(Expr* e) {
  if (e->name == "_") {
    err(e->pos, "cannot use _ as value");
    return;
  }
  Object* o = scope->lookup(e->name);
  if (!o) {
    err(e->pos, "undefined: " + e->name);
    return;
  }
  used_dot_import(o);
  e->obj = o;
  switch (o->k) {
    case OK::Var:
      depend_on(o);
      if (o->state == 1 && o->is_global) {  // an initialization cycle: init_order() says so
        e->type = u.basic(TK::Invalid);
        return;
      }
      if (o->is_global && o->state == 0 && o->spec) resolve_var_spec(o->spec);
      use_var(o);
      e->type = o->type;
      return;
    case OK::Const:
      if (o->name == "iota" && o->pkgpath.empty()) {
        if (iota_ < 0) {
          err(e->pos, "cannot use iota outside constant declaration");
          return;
        }
        e->type = o->type;
        e->cv = ConstVal::of_int(iota_);
        return;
      }
      if (o->state != 2 && o->spec) resolve_const(o);
      o->used = true;
      e->type = o->type;
      e->cv = o->cv;
      return;
    case OK::TypeName:
      if (is_generic(o)) {
        o->used = true;
        e->type = u.basic(TK::Invalid);
        e->is_type = true;
        if (!allow_now_) err(e->pos, "cannot use generic type " + generic_name(o) + " without instantiation");
        return;
      }
      if (o->state == 1 && o->type && o->type->named() && !o->type->under_) {
        // T used as a value while T's declaration is in progress: `type T [len(T{})]int`
        err(e->pos, "illegal cycle in type declaration");
        return;
      }
      if (o->state != 2 && o->spec) resolve_typename(o);
      o->used = true;
      e->type = o->type;
      e->is_type = true;
      return;
    case OK::Func:
      o->used = true;
      if (is_generic(o)) {
        if (!allow_now_) {
          err(e->pos, "cannot use generic function " + o->name + " without instantiation");
          e->type = u.basic(TK::Invalid);
          return;
        }
        e->type = generic(o).sig;
        return;
      }
      depend_on(o);
      if (!o->type) func_signature(o);
      e->type = o->type;
      return;
    case OK::Package:
      o->used = true;
      err(e->pos, "use of package " + o->name + " without selector");
      return;
    case OK::Nil:
      e->type = u.basic(TK::UntypedNil);
      return;
    case OK::Builtin:
      err(e->pos, e->name + " (built-in function " + e->name + ") must be called");
      return;
  }
}

void CheckerImpl::basic_lit(Expr* e) {
  const std::string& s = e->name;
  switch (e->op) {
    case Tok::Int: {
      std::string d;
      for (char ch : s)
        if (ch != '_') d += ch;
      i128 v = 0;
      int base = 10;
      size_t i = 0;
      if (d.size() > 1 && d[0] == '0') {
        char b = d[1] | 0x20;
        if (b == 'x')
          base = 16, i = 2;
        else if (b == 'b')
          base = 2, i = 2;
        else if (b == 'o')
          base = 8, i = 2;
        else
          base = 8, i = 1;
      }
      for (; i < d.size(); i++) {
        int dv = d[i] >= 'a' ? d[i] - 'a' + 10 : d[i] >= 'A' ? d[i] - 'A' + 10 : d[i] - '0';
        if (dv >= base) {
          err(e->pos, "invalid digit '" + std::string(1, d[i]) + "' in " +
                          (base == 8   ? "octal"
                           : base == 2 ? "binary"
                                       : "hexadecimal") +
                          " literal");
          break;
        }
        if (v > (static_cast<i128>(1) << 100)) {
          err(e->pos, "integer constant too large");
          break;
        }
        v = v * base + dv;
      }
      e->cv = ConstVal::of_int(v);
      e->type = u.basic(TK::UntypedInt);
      return;
    }
    case Tok::Float: {
      std::string d;
      for (char ch : s)
        if (ch != '_') d += ch;
      e->cv = ConstVal::of_float(std::strtod(d.c_str(), nullptr));
      e->type = u.basic(TK::UntypedFloat);
      return;
    }
    case Tok::Imag: {  // 2i, 1.5e3i, 0x10i, 0b101i, 0o17i, 0123i (decimal)
      std::string d;
      for (char ch : s)
        if (ch != '_' && ch != 'i') d += ch;
      double v;
      if (d.size() > 2 && d[0] == '0' && (d[1] == 'b' || d[1] == 'B' || d[1] == 'o' || d[1] == 'O'))
        v = static_cast<double>(std::strtoull(d.c_str() + 2, nullptr, d[1] == 'b' || d[1] == 'B' ? 2 : 8));
      else
        v = std::strtod(d.c_str(), nullptr);
      e->cv = ConstVal::of_complex(0, v);
      e->type = u.basic(TK::UntypedComplex);
      return;
    }
    case Tok::Char: {
      std::string out;
      if (!unquote(s, out)) {
        err(e->pos, "invalid rune literal " + s);
        return;
      }
      int n;
      uint32_t r = out.empty() ? 0 : utf8_decode(out, 0, n);
      if (out.empty() || (s.size() > 3 && s[1] == '\\' && (s[2] == 'x' || (s[2] >= '0' && s[2] <= '7'))))
        r = out.empty() ? 0 : static_cast<unsigned char>(out[0]);
      else if (static_cast<size_t>(n) != out.size()) {
        err(e->pos, "more than one character in rune literal");
        return;
      }
      e->cv = ConstVal::of_int(r);
      e->type = u.basic(TK::UntypedRune);
      return;
    }
    case Tok::String: {
      std::string out;
      if (!unquote(s, out)) {
        err(e->pos, "invalid string literal " + s);
        return;
      }
      e->cv = ConstVal::of_string(out);
      e->type = u.basic(TK::UntypedString);
      return;
    }
    default:
      return;
  }
}

Checker::Selection Checker::lookup(Type* T, const std::string& name) {
  Selection none;
  struct Entry {
    Type* t;
    std::vector<int> path;
    bool indirect;
  };
  bool ptr = false;
  Type* t = T;
  if (t->k == TK::Pointer && t->elem->under()->k != TK::Interface) {
    t = t->elem;
    ptr = true;
  } else if (t->k == TK::Named && t->under()->k == TK::Pointer) {
    // a named pointer type has no methods, but x.f is (*x).f for a field f (Go's spec)
    Selection s = lookup(t->under(), name);
    return s.kind == SelField ? s : none;
  }
  std::vector<Entry> level{{t, {}, ptr}};
  std::vector<Type*> seen;
  for (int depth = 0; depth < 8 && !level.empty(); depth++) {
    std::vector<Selection> found;
    std::vector<Entry> next;
    for (Entry& en : level) {
      Type* ty = en.t;
      if (std::find(seen.begin(), seen.end(), ty) != seen.end()) continue;
      seen.push_back(ty);
      if (ty->k == TK::Named)
        for (auto& m : ty->methods)
          if (m.name == name) {
            Selection s;
            s.kind = SelMethod;
            s.path = en.path;
            s.method = m.obj;
            s.type = m.sig;
            s.indirect = en.indirect;
            s.ptr_recv = m.ptr_recv;
            found.push_back(s);
          }
      Type* un = ty->under();
      if (un->k == TK::Struct) {
        for (size_t i = 0; i < un->fields.size(); i++) {
          const FieldT& f = un->fields[i];
          if (f.name == name) {
            Selection s;
            s.kind = SelField;
            s.path = en.path;
            s.path.push_back(static_cast<int>(i));
            s.type = f.type;
            s.indirect = en.indirect;
            found.push_back(s);
          }
          if (f.embedded) {
            Entry ne{f.type, en.path, en.indirect};
            ne.path.push_back(static_cast<int>(i));
            if (f.type->k == TK::Pointer) {
              ne.t = f.type->elem;
              ne.indirect = true;
            }
            next.push_back(ne);
          }
        }
      } else if (un->k == TK::Interface) {
        for (auto& m : un->methods)
          if (m.name == name) {
            Selection s;
            s.kind = SelIface;
            s.path = en.path;
            s.type = m.sig;
            s.indirect = en.indirect;
            found.push_back(s);
          }
      }
    }
    if (found.size() == 1) return found[0];
    if (found.size() > 1) {
      Selection amb;
      amb.kind = -1;
      return amb;
    }
    level = std::move(next);
  }
  return none;
}

void CheckerImpl::selector(Expr* e) {
  if (e->x->k == EK::Ident) {
    Object* po = scope->lookup(e->x->name);
    if (po && po->k == OK::Package) {
      po->used = true;
      e->x->obj = po;
      auto& names = po->pkg->scope->names;
      auto it = names.find(e->name);
      if (it == names.end() || !exported(e->name)) {
        Pos at = e->sel_pos.line ? e->sel_pos : e->pos;
        if (it != names.end() || (!e->name.empty() && !exported(e->name)))
          err(at, "name " + e->name + " not exported by package " + po->pkg->name);
        else
          undefined_in_package(at, e->x->name, po->pkg, e->name);
        return;
      }
      Object* o = it->second;
      e->sel_kind = SelPkg;
      e->obj = o;
      if (is_generic(o)) {
        if (!allow_now_) {
          err(e->pos, "cannot use generic " + std::string(o->k == OK::Func ? "function " : "type ") +
                          expr_string(e) + " without instantiation");
          e->type = u.basic(TK::Invalid);
          return;
        }
        e->is_type = o->k == OK::TypeName;
        e->type = o->k == OK::Func ? generic(o).sig : u.basic(TK::Invalid);
        return;
      }
      e->type = o->type;
      if (o->k == OK::Const) e->cv = o->cv;
      if (o->k == OK::TypeName) e->is_type = true;
      if (o->k == OK::Func && !o->type) func_signature(o);
      e->type = o->type;
      return;
    }
  }
  expr(e->x);
  Type* t = e->x->type;
  if (t->k == TK::Invalid) return;
  if (e->x->is_type) {
    method_expr(e);
    return;
  }
  Checker::Selection s = c.lookup(t, e->name);
  if (s.kind == -1) {
    err(e->pos, "ambiguous selector " + expr_string(e));
    return;
  }
  if (s.kind == 0 && opaque_ && t->k == TK::TypeParam) {
    opaque_selector(e);  // a generic body's opaque pass: a method its constraint lacks
    return;
  }
  if (s.kind == 0) {
    std::string what = "field or method";
    Type* b = t->under()->k == TK::Pointer ? t->under()->elem : t;
    if (t->under()->k == TK::Pointer && b->under()->k == TK::Pointer) {
      err(e->pos,
          expr_string(e) + " undefined (type " + type_string(t) + " has no field or method " + e->name + ")");
      return;
    }
    if (is_interface(t) && t->under()->k == TK::Pointer) {
    }
    if (t->k == TK::Pointer && is_interface(t->elem)) {
      err(e->pos,
          expr_string(e) + " undefined (type " + type_string(t) + " is pointer to interface, not interface)");
      return;
    }
    // a differently capitalised name?
    std::string hint;
    std::string alt = e->name;
    if (!alt.empty())
      alt[0] = exported(alt) ? static_cast<char>(alt[0] - 'A' + 'a') : static_cast<char>(alt[0] - 'a' + 'A');
    Checker::Selection s2 = c.lookup(t, alt);
    if (s2.kind == SelField) hint = ", but does have field " + alt;
    if (s2.kind == SelMethod || s2.kind == SelIface) hint = ", but does have method " + alt;
    err(e->sel_pos.line ? e->sel_pos : e->pos, expr_string(e) + " undefined (type " + type_string(t) +
                                                   " has no " + what + " " + e->name + hint + ")");
    return;
  }
  e->sel_kind = s.kind;
  e->path = s.path;
  e->type = s.type;
  e->implicit_deref = s.indirect;
  if (s.kind == SelMethod) {
    e->obj = s.method;
    depend_on(s.method);
    if (!s.method->type) func_signature(s.method);
    e->type = s.method->type;
    bool recv_is_ptr = t->under()->k == TK::Pointer || s.indirect;
    if (s.ptr_recv && !recv_is_ptr) {
      if (!addressable(e->x) && e->x->k != EK::CompositeLit) {
        err(e->pos, "cannot call pointer method " + e->name + " on " + type_string(t));
        return;
      }
      e->implicit_addr = true;
      if (s.path.empty()) mark_addr(e->x);
    }
  }
}

std::vector<Type*> CheckerImpl::tuple_of(Expr* e, size_t want) {
  Type* t = e->type;
  if (t->k == TK::Tuple) return t->results;
  // comma-ok forms
  Expr* b = e;
  while (b->k == EK::Paren) b = b->x;
  if (want == 2) {
    if (b->k == EK::Index && b->x->type->under()->k == TK::Map) {
      b->comma_ok = 1;
      return {t, u.basic(TK::Bool)};
    }
    if (b->k == EK::TypeAssert) {
      b->comma_ok = 1;
      return {t, u.basic(TK::Bool)};
    }
    if (b->k == EK::Unary && b->op == Tok::Arrow) {
      b->comma_ok = 1;
      return {t, u.basic(TK::Bool)};
    }
  }
  return {t};
}

std::string CheckerImpl::value_count(Expr* e) {
  if (e->type->k == TK::Tuple) {
    size_t n = e->type->results.size();
    return expr_string(e) + " returns " + std::to_string(n) + " value" +
           (n == 1 ? "" : "s");  // f() returns 2 values
  }
  return "1 value";
}

// float_to_i128() converts an integral float constant, saturating where 128 bits end (a
// conversion past them is undefined in C++; such a value overflows every Go integer type).
static i128 float_to_i128(double f) {
  const double lim = 1.7e38;  // just under 2^127
  if (std::isnan(f)) return 0;
  if (f >= lim) return (static_cast<i128>(1) << 126);
  if (f <= -lim) return -(static_cast<i128>(1) << 126);
  return static_cast<i128>(f);
}

bool CheckerImpl::representable(ConstVal& cv, Type* t, std::string* why) {
  Type* un = t->under();
  if (is_complex(un)) {
    if (cv.kind != ConstVal::Int && cv.kind != ConstVal::Float && cv.kind != ConstVal::Complex) return false;
    double re = cv.as_float(), im = cv.imag();
    if (un->k == TK::Complex64) {
      re = to_float32(re);
      im = to_float32(im);
      if ((std::isinf(re) && !std::isinf(cv.as_float())) || (std::isinf(im) && !std::isinf(cv.imag()))) {
        if (why) *why = "overflows";
        return false;
      }
    }
    cv = ConstVal::of_complex(re, im);
    return true;
  }
  if (cv.kind == ConstVal::Complex) {  // a complex constant with no imaginary part is a float
    if (cv.im != 0 && (is_integer(un) || is_float(un))) {
      if (why) *why = is_integer(un) ? "truncated" : "overflows";
      return false;
    }
    if (cv.im == 0) cv = ConstVal::of_float(cv.f);
  }
  if (is_integer(un) && un->k != TK::UntypedInt && un->k != TK::UntypedRune) {
    i128 v;
    if (cv.kind == ConstVal::Float) {
      if (cv.f != std::floor(cv.f)) {
        if (why) *why = "truncated";
        return false;
      }
      v = float_to_i128(cv.f);
    } else if (cv.kind == ConstVal::Int) {
      v = cv.i;
    } else {
      return false;
    }
    int bits = int_bits(un);
    i128 lo, hi;
    if (is_unsigned(un)) {
      lo = 0;
      hi = bits == 64 ? static_cast<i128>(UINT64_MAX) : (static_cast<i128>(1) << bits) - 1;
    } else {
      lo = -(static_cast<i128>(1) << (bits - 1));
      hi = (static_cast<i128>(1) << (bits - 1)) - 1;
    }
    if (v < lo || v > hi) {
      if (why) *why = "overflows";
      return false;
    }
    cv = ConstVal::of_int(v);
    return true;
  }
  if (is_float(un)) {
    if (cv.kind == ConstVal::Int) cv = ConstVal::of_float(static_cast<double>(cv.i));
    if (cv.kind != ConstVal::Float) return false;
    if (un->k == TK::Float32) {
      double r = to_float32(cv.f);
      if (std::isinf(r) && !std::isinf(cv.f)) {
        if (why) *why = "overflows";
        return false;
      }
      cv.f = r;
    }
    return true;
  }
  if (un->k == TK::UntypedInt || un->k == TK::UntypedRune) {
    if (cv.kind == ConstVal::Float) {
      if (cv.f != std::floor(cv.f)) {
        if (why) *why = "truncated";
        return false;
      }
      if (std::fabs(cv.f) >= 0x1p126) return !std::isinf(cv.f);  // past 128 bits: kept as a float
      cv = ConstVal::of_int(float_to_i128(cv.f));
    }
    return cv.kind == ConstVal::Int;
  }
  if (is_string(un)) return cv.kind == ConstVal::String;
  if (is_boolean(un)) return cv.kind == ConstVal::Bool;
  return false;
}

// convert_untyped() gives an untyped operand the type t (reporting if it cannot have it).
// is_untyped_shift() says whether e is a non-constant shift of an untyped constant, `1 << s`,
// in parentheses or not: its type is the one its context gives.
static bool is_untyped_shift(Expr* e) {
  while (e->k == EK::Paren) e = e->x;
  return !e->cv.valid() && e->k == EK::Binary && (e->op == Tok::Shl || e->op == Tok::Shr) &&
         is_untyped(e->type);
}

bool calls_or_receives(const Expr* e) {
  if (!e || e->k == EK::FuncLit || e->cv.valid()) return false;
  if (e->k == EK::Call && !(e->x && e->x->is_type)) return true;
  if (e->k == EK::Unary && e->op == Tok::Arrow) return true;
  if (e->is_type) return false;
  if (calls_or_receives(e->x) || calls_or_receives(e->y) || calls_or_receives(e->z)) return true;
  for (const Expr* el : e->list)
    if (calls_or_receives(el)) return true;
  return false;
}

bool CheckerImpl::convert_untyped(Expr* e, Type* t, bool report, const std::string& context) {
  Type* from = e->type;
  if (!is_untyped(from) || t->k == TK::Invalid) return true;
  Type* target = t;
  if (is_interface(t) || t->k == TK::TypeParam) {
    if (from->k == TK::UntypedNil) {
      e->type = t;
      return true;
    }
    target = default_type(u, from);
  }
  auto fail = [&](const std::string& why) {
    if (report) {
      std::string m = "cannot use " + expr_string(e) +
                      (from->k == TK::UntypedNil ? "" : " (" + describe(e) + ")") + " as " + type_string(t) +
                      " value";
      if (!context.empty()) m += " in " + context;
      if (!why.empty()) m += " (" + why + ")";
      err(e->pos, m);
    }
    return false;
  };
  if (from->k == TK::UntypedNil) {
    if (!has_nil(target)) return fail("");
    e->type = target;
    return true;
  }
  Type* tu = target->under();
  bool ok;
  if (from->k == TK::UntypedBool)
    ok = is_boolean(tu);
  else if (from->k == TK::UntypedString)
    ok = is_string(tu);
  else
    ok = is_numeric(tu);
  if (!ok) {
    if (report) {
      std::string m =
          "cannot use " + expr_string(e) + " (" + describe(e) + ") as " + type_string(t) + " value";
      if (!context.empty()) m += " in " + context;
      err(e->pos, m);
    }
    return false;
  }
  if (e->cv.valid()) {
    std::string why;
    ConstVal cv = e->cv;
    if (!representable(cv, target, &why)) {
      if (report) {
        if (why == "truncated" || context.empty()) {
          if (why == "truncated")
            err(e->pos, "cannot use " + expr_string(e) + " (" + describe(e) + ") as " + type_string(t) +
                            " value" + (context.empty() ? "" : " in " + context) + " (truncated)");
          else
            err(e->pos, "cannot use " + expr_string(e) + " (" + describe(e) + ") as " + type_string(t) +
                            " value" + (context.empty() ? "" : " in " + context) + " (overflows)");
        } else {
          fail(why);
        }
      }
      return false;
    }
    e->cv = cv;
  } else if (from->k == TK::UntypedFloat && is_integer(tu) && !is_untyped_shift(e)) {
    return fail("truncated");  // (a shift's constant operand says for itself whether it fits)
  }
  e->type = target;
  // propagate into untyped non-constant operands (comparisons stay bool; shifts take the type)
  Expr* b = e;
  while (b->k == EK::Paren) {
    b = b->x;
    b->type = target;
  }
  if (!e->cv.valid() && b->k == EK::Binary && !(precedence(b->op) == 3)) {
    if (b->op == Tok::Shl || b->op == Tok::Shr) {
      if (!is_integer(tu)) {
        if (report)
          err(b->pos,
              "invalid operation: " + expr_string(b) + " (shift of type " + type_string(target) + ")");
        return false;
      }
      b->type = target;
      convert_untyped(b->x, target, report, context);
    } else if (b->op != Tok::LAnd && b->op != Tok::LOr) {
      convert_untyped(b->x, target, report, context);
      convert_untyped(b->y, target, report, context);
    }
  } else if (!e->cv.valid() && b->k == EK::Unary) {
    convert_untyped(b->x, target, report, context);
  }
  return true;
}

bool CheckerImpl::implements(Type* t, Type* iface, std::string* missing) {
  Type* it = iface->under();
  if (it->comparable_constraint || !it->union_terms.empty()) {
    if (missing) *missing = "constraint interface";
    return false;
  }
  for (auto& m : it->methods) {
    if (is_interface(t)) {
      bool found = false;
      for (auto& m2 : t->under()->methods)
        if (m2.name == m.name) {
          found = m2.sig == m.sig;
          if (!found && missing) *missing = "wrong type for method " + m.name;
          break;
        }
      if (!found) {
        if (missing && missing->empty()) *missing = "missing method " + m.name;
        return false;
      }
      continue;
    }
    Checker::Selection s = c.lookup(t, m.name);
    if (s.kind != SelMethod && s.kind != SelIface) {
      if (missing) {
        // a field or different-case method?
        std::string alt = m.name;
        alt[0] = static_cast<char>(alt[0] >= 'a' ? alt[0] - 'a' + 'A' : alt[0] - 'A' + 'a');
        Checker::Selection s2 = c.lookup(t, alt);
        if (s2.kind == SelMethod)
          *missing = "missing method " + m.name + ")\n\t\thave " + alt + type_string(s2.type).substr(4) +
                     "\n\t\twant " + m.name + type_string(m.sig).substr(4);
        else
          *missing = "missing method " + m.name;
      }
      return false;
    }
    if (s.type != m.sig) {
      if (missing)
        *missing = "wrong type for method " + m.name + ")\n\t\thave " + m.name +
                   type_string(s.type).substr(4) + "\n\t\twant " + m.name + type_string(m.sig).substr(4);
      return false;
    }
    if (s.kind == SelMethod && s.ptr_recv && t->k != TK::Pointer && !s.indirect) {
      if (missing) *missing = "method " + m.name + " has pointer receiver";
      return false;
    }
  }
  return true;
}

bool CheckerImpl::assignable(Type* v, Type* t, Expr* e, std::string* why) {
  if (v == t) return true;
  if (v->k == TK::Invalid || t->k == TK::Invalid) return true;
  Type* vu = v->under();
  Type* tu = t->under();
  if (vu == tu && (!v->named() || !t->named()) && vu->k != TK::Native) return true;
  if (tu->k == TK::Interface && t->k != TK::TypeParam) {
    std::string missing;
    if (implements(v, t, &missing)) return true;
    if (why) {
      if (missing.find(')') != std::string::npos)
        *why = type_string(v) + " does not implement " + type_string(t) + " (" + missing;
      else
        *why = type_string(v) + " does not implement " + type_string(t) + " (" + missing + ")";
    }
    return false;
  }
  if (vu->k == TK::Chan && tu->k == TK::Chan && vu->dir == 0 && vu->elem == tu->elem &&
      (!v->named() || !t->named()))
    return true;
  if (v->k == TK::UntypedNil && has_nil(t)) return true;
  (void)e;
  return false;
}

bool CheckerImpl::assign(Expr* e, Type* t, const std::string& context) {
  if (!e->type || e->type->k == TK::Invalid || t->k == TK::Invalid) return false;
  if (e->type->k == TK::Tuple) {
    single_value(e);
    return false;
  }
  if (is_untyped(e->type)) return convert_untyped(e, t, true, context);
  std::string why;
  if (assignable(e->type, t, e, &why)) return true;
  std::string tp = opaque_describe(e);
  if (!tp.empty() && t->k != TK::TypeParam && t->under()->k != TK::Interface &&
      (t->named() || is_numeric(t) || is_string(t) || is_boolean(t))) {
    // a generic body's opaque pass: a value of type T is never assignable to a named type
    opaque_error(e->pos, "cannot use " + expr_string(e) + " (" + tp + ") as " + type_string(t) + " value" +
                             (context.empty() ? "" : " in " + context));
    return false;
  }
  std::string m = "cannot use " + expr_string(e) + " (" + describe(e) + ") as " + type_string(t) + " value";
  if (!context.empty()) m += " in " + context;
  if (!why.empty()) m += ": " + why;
  err(e->pos, m);
  return false;
}

// rune_of() is the rune string(i) converts the integer constant i to: U+FFFD past Unicode.
static uint32_t rune_of(i128 i) { return i < 0 || i > 0x10FFFF ? 0xFFFD : static_cast<uint32_t>(i); }

bool CheckerImpl::convertible(Type* from, Type* to) {
  if (assignable(from, to, nullptr, nullptr)) return true;
  Type* fu = from->under();
  Type* tu = to->under();
  if (fu == tu) return true;
  if (fu->k == TK::Pointer && tu->k == TK::Pointer && fu->elem->under() == tu->elem->under()) return true;
  if (is_numeric(fu) && is_numeric(tu)) return is_complex(fu) == is_complex(tu);
  if (is_string(tu) && (is_integer(fu) || (fu->k == TK::Slice && (fu->elem->under()->k == TK::Uint8 ||
                                                                  fu->elem->under()->k == TK::Int32))))
    return true;
  if (is_string(fu) && tu->k == TK::Slice &&
      (tu->elem->under()->k == TK::Uint8 || tu->elem->under()->k == TK::Int32))
    return true;
  if (fu->k == TK::Slice && tu->k == TK::Array && identical(fu->elem, tu->elem)) return true;
  if (fu->k == TK::Slice && tu->k == TK::Pointer && tu->elem->under()->k == TK::Array &&
      identical(fu->elem, tu->elem->under()->elem))
    return true;
  return false;
}

void CheckerImpl::conversion(Expr* e, Type* t) {
  if (e->list.size() != 1) {
    err(e->list.empty() ? e->pos : e->list[1]->pos,
        e->list.empty() ? "missing argument in conversion to " + type_string(t)
                        : "too many arguments in conversion to " + type_string(t));
    e->type = t;
    return;
  }
  Expr* x = e->list[0];
  expr(x, false, t);
  e->type = t;
  if (x->type->k == TK::Invalid) return;
  if (x->cv.valid() && is_untyped(x->type)) {
    Type* tu = t->under();
    if (is_string(tu) && is_integer(x->type)) {
      std::string s;
      utf8_encode(s, rune_of(x->cv.i));
      e->cv = ConstVal::of_string(s);
      return;
    }
    if (is_numeric(tu) || is_string(tu) || is_boolean(tu)) {
      ConstVal cv = x->cv;
      std::string why;
      if (!representable(cv, t, &why)) {
        if (is_numeric(tu) && (x->cv.kind == ConstVal::Int || x->cv.kind == ConstVal::Float ||
                               x->cv.kind == ConstVal::Complex)) {
          if (why == "truncated")
            err(x->pos, "cannot convert " + expr_string(x) + " (" + describe(x) + ") to type " +
                            type_string(t) + " (truncated)");
          else
            err(x->pos, "cannot convert " + expr_string(x) + " (" + describe(x) + ") to type " +
                            type_string(t) + " (overflows)");
        } else {
          err(x->pos,
              "cannot convert " + expr_string(x) + " (" + describe(x) + ") to type " + type_string(t));
        }
        return;
      }
      x->type = t;
      x->cv = cv;
      e->cv = cv;
      return;
    }
    convert_untyped(x, t->under()->k == TK::Interface ? t : default_type(u, x->type), false);
    if (is_untyped(x->type)) x->type = default_type(u, x->type);
  }
  if (x->type->k == TK::UntypedNil && is_interface(t)) x->type = t;  // error(nil): the nil interface
  if (is_untyped(x->type)) convert_untyped(x, default_type(u, x->type), false);
  if (!convertible(x->type, t)) {
    err(x->pos, "cannot convert " + expr_string(x) + " (" + describe(x) + ") to type " + type_string(t));
    return;
  }
  // typed constant conversions stay constant
  if (x->cv.valid() && (is_numeric(t) || is_string(t) || is_boolean(t))) {
    ConstVal cv = x->cv;
    if (is_string(t->under()) && is_integer(x->type)) {
      std::string s;
      utf8_encode(s, rune_of(cv.i));
      e->cv = ConstVal::of_string(s);
    } else if (is_numeric(t->under()) && is_numeric(x->type)) {
      if (is_integer(t) && cv.kind == ConstVal::Float) cv = ConstVal::of_int(float_to_i128(cv.f));
      std::string why;
      if (representable(cv, t, &why))
        e->cv = cv;
      else
        err(x->pos, "cannot convert " + expr_string(x) + " (" + describe(x) + ") to type " + type_string(t) +
                        " (" + why + ")");
    } else if (cv.kind == ConstVal::String && is_string(t->under())) {
      e->cv = cv;
    } else if (cv.kind == ConstVal::Bool && is_boolean(t->under())) {
      e->cv = cv;
    }
  }
}

// check_arg() checks an argument whose parameter has type hint; a generic function passed
// where a function is wanted is instantiated from that type (Go 1.21).
void CheckerImpl::check_arg(Expr* a1, Type* hint, bool allow_tuple, bool assigned) {
  bool fn_wanted = hint && hint->under()->k == TK::Func;
  allow_generic_ = fn_wanted;
  expr(a1, allow_tuple, hint);
  allow_generic_ = false;
  Expr* f = a1;
  while (f->k == EK::Paren) f = f->x;
  bool partial = f->k == EK::Index && partial_targs_.count(f);  // Map[int], the rest inferred
  if (fn_wanted && (f->k == EK::Ident || f->k == EK::Selector || partial) && f->obj && is_generic(f->obj)) {
    if (f->obj->k == OK::Func)
      generic_value(a1, hint, assigned);
    else
      err(f->pos, "cannot use generic type " + generic_name(f->obj) + " without instantiation");
  }
}

// value_for() checks a value assigned to a variable of type t (or null: not known), in a
// declaration, an assignment or a return: a generic function is instantiated from a function
// type t as for an argument (Go 1.21: `var f func(int) int = Id`).
void CheckerImpl::value_for(Expr* v, Type* t) {
  if (t && t->under()->k == TK::Func)
    check_arg(v, t, false, true);
  else
    expr(v, false, t);
}

void CheckerImpl::args(Expr* call, Type* sig, size_t skip) {
  std::vector<Expr*>& as = call->list;
  std::vector<Type*> params(sig->params.begin() + static_cast<long>(skip), sig->params.end());
  std::string fname = expr_string(call->x);
  auto have_want = [&](std::vector<Type*> have) {
    std::string h = "\n\thave (";
    for (size_t i = 0; i < have.size(); i++) {
      Type* t = have[i];
      h += (i ? ", " : "");
      h += is_untyped(t) && t->k != TK::UntypedNil ? "number" : type_string(t);
    }
    h += ")\n\twant (";
    for (size_t i = 0; i < params.size(); i++) {
      h += (i ? ", " : "");
      if (sig->variadic && i + 1 == params.size())
        h += "..." + type_string(params[i]->elem);
      else
        h += type_string(params[i]);
    }
    return h + ")";
  };
  // f(g()) with a multi-value g
  if (as.size() == 1 && !call->ellipsis) {
    // (checked already when a generic call inferred from it)
    if (!as[0]->type)
      check_arg(as[0],
                params.empty()                        ? nullptr
                : sig->variadic && params.size() == 1 ? params[0]->elem
                                                      : params[0],
                true);
    if (as[0]->type->k == TK::Tuple && as[0]->type->results.size() != 1) {
      std::vector<Type*> have = as[0]->type->results;
      bool ok = sig->variadic ? have.size() + 1 >= params.size() : have.size() == params.size();
      if (!ok) {
        err(have.size() < params.size() ? call->rbrace : as[0]->pos,
            std::string(have.size() < params.size() ? "not enough" : "too many") + " arguments in call to " +
                fname + have_want(have));
        return;
      }
      for (size_t i = 0; i < have.size(); i++) {
        Type* want = sig->variadic && i + 1 >= params.size() ? params.back()->elem : params[i];
        std::string why;
        if (!assignable(have[i], want, nullptr, &why))
          err(as[0]->pos, "cannot use " + expr_string(as[0]) + " (value of type " + type_string(as[0]->type) +
                              ") as " + type_string(want) + " value in argument to " + fname);
      }
      return;
    }
  } else {
    for (size_t i = 0; i < as.size(); i++) {
      Type* hint = nullptr;
      if (i < params.size()) hint = params[i];
      if (sig->variadic && i + 1 >= params.size() && !call->ellipsis && !params.empty())
        hint = params.back()->elem;
      if (!as[i]->type) check_arg(as[i], hint, false);
    }
  }
  if (as.size() == 1) single_value(as[0]);
  if (call->ellipsis) {
    if (!sig->variadic) {
      err(as.back()->pos, "have (...) but function is not variadic: " + fname);  // approximate
      return;
    }
    if (as.size() != params.size()) {
      std::vector<Type*> have;
      for (Expr* x : as) have.push_back(x->type);
      err(as.size() < params.size() ? call->rbrace : as[params.size()]->pos,
          std::string(as.size() < params.size() ? "not enough" : "too many") + " arguments in call to " +
              fname + have_want(have));
      return;
    }
    for (size_t i = 0; i < as.size(); i++) assign(as[i], params[i], "argument to " + fname);
    return;
  }
  size_t fixed = sig->variadic ? params.size() - 1 : params.size();
  if (as.size() < fixed || (!sig->variadic && as.size() > fixed)) {
    std::vector<Type*> have;
    for (Expr* x : as) have.push_back(x->type);
    if (as.size() < fixed)
      err(as.empty() ? call->rbrace : as.back()->pos,
          "not enough arguments in call to " + fname + have_want(have));
    else
      err(as[fixed]->pos, "too many arguments in call to " + fname + have_want(have));
    return;
  }
  for (size_t i = 0; i < as.size(); i++) {
    Type* want = i < fixed ? params[i] : params.back()->elem;
    assign(as[i], want, "argument to " + fname);
  }
}

void CheckerImpl::call(Expr* e) {
  Expr* f = e->x;
  while (f->k == EK::Paren) f = f->x;
  if (f->k == EK::Ident) {
    Object* o = scope->lookup(f->name);
    if (o && o->k == OK::Builtin) {
      f->obj = o;
      builtin_call(e, o->builtin);
      return;
    }
  }
  if (!e->x->type) {  // (a range-over-func loop's call has its function checked already)
    allow_generic_ = true;
    expr(e->x, false);
    allow_generic_ = false;
  }
  if (Expr* g = e->x; true) {
    while (g->k == EK::Paren) g = g->x;
    if (g->obj && g->obj->k == OK::Func && is_generic(g->obj)) {
      generic_call(e, g, g->obj);
      return;
    }
    if (g->obj && g->obj->k == OK::TypeName && is_generic(g->obj) && g->k != EK::Index) {
      err(g->pos, "cannot use generic type " + expr_string(g) + " without instantiation");
      for (Expr* a2 : e->list) expr(a2, true);
      return;
    }
  }
  if (e->x->is_type) {
    conversion(e, e->x->type);
    return;
  }
  Type* t = e->x->type;
  if (t->k == TK::Invalid) {
    for (Expr* a2 : e->list) expr(a2, true);
    return;
  }
  Type* sig = t->under();
  if (sig->k != TK::Func) {
    err(e->pos,
        "invalid operation: cannot call non-function " + expr_string(e->x) + " (" + describe(e->x) + ")");
    for (Expr* a2 : e->list) expr(a2, true);
    return;
  }
  args(e, sig, 0);
  if (sig->results.size() == 1)
    e->type = sig->results[0];
  else
    e->type = u.tuple(sig->results);
}

void CheckerImpl::builtin_call(Expr* e, Builtin b) {
  auto& as = e->list;
  std::string name = e->x->name;
  auto nargs = [&](size_t lo, size_t hi) {
    if (as.size() < lo || as.size() > hi)
      for (Expr* x : as) expr(x, true);  // still uses them (no "declared and not used" after this)
    if (as.size() < lo) {
      err(e->pos, "invalid operation: not enough arguments for " + expr_string(e) + " (expected " +
                      std::to_string(lo) + ", found " + std::to_string(as.size()) + ")");
      return false;
    }
    if (as.size() > hi) {
      err(e->pos, "invalid operation: too many arguments for " + expr_string(e) + " (expected " +
                      std::to_string(hi) + ", found " + std::to_string(as.size()) + ")");
      return false;
    }
    return true;
  };
  Type* void_t = u.tuple({});
  e->type = u.basic(TK::Invalid);  // until the call checks out
  if (b == BClose || b == BDelete || b == BPanic || b == BPrint || b == BPrintln || b == BClear ||
      b == BRangePanic)
    e->type = void_t;
  switch (b) {
    case BLen:
    case BCap: {
      if (!nargs(1, 1)) return;
      expr(as[0]);
      Type* t = as[0]->type->under();
      if (t->k == TK::Pointer && t->elem->under()->k == TK::Array) t = t->elem->under();
      bool ok = t->k == TK::Slice || t->k == TK::Array || t->k == TK::Chan ||
                (b == BLen && (is_string(t) || t->k == TK::Map));
      if (!ok && t->k != TK::Invalid) {
        err(as[0]->pos,
            "invalid argument: " + expr_string(as[0]) + " (" + describe(as[0]) + ") for built-in " + name);
        return;
      }
      e->type = u.basic(TK::Int);
      if (as[0]->cv.kind == ConstVal::String) e->cv = ConstVal::of_int(static_cast<i128>(as[0]->cv.s.size()));
      // of an array (or a pointer to one): constant unless the operand calls or receives
      // (Go's spec, "Length and capacity"), and then the operand runs
      if (t->k == TK::Array && !calls_or_receives(as[0])) e->cv = ConstVal::of_int(t->len);
      if (is_untyped(as[0]->type)) convert_untyped(as[0], u.basic(TK::String), false);
      return;
    }
    case BAppend: {
      if (as.empty()) {
        err(e->rbrace, "not enough arguments for append() (expected 1, found 0)");
        return;
      }
      if (as.size() == 1 && !e->ellipsis) {  // append(f()): f's first result, then the others
        expr(as[0], true);
        Type* t = as[0]->type;
        if (t->k == TK::Tuple) {
          if (t->results.empty() || t->results[0]->under()->k != TK::Slice) {
            err(as[0]->pos, "invalid argument: " + expr_string(as[0]) + " (value of type " + type_string(t) +
                                ") is not a slice");
            return;
          }
          e->type = t->results[0];
          Type* el = e->type->under()->elem;
          for (size_t i = 1; i < t->results.size(); i++)
            if (!assignable(t->results[i], el, nullptr, nullptr)) {
              err(as[0]->pos, "cannot use " + expr_string(as[0]) + " (value of type " + type_string(t) +
                                  ") as " + type_string(el) + " value in argument to append");
              return;
            }
          return;
        }
      } else {
        expr(as[0], false);
      }
      Type* s = as[0]->type;
      if (s->k == TK::UntypedNil) {
        err(as[0]->pos, "first argument to append must be a typed slice; have untyped nil");
        return;
      }
      if (s->under()->k != TK::Slice) {
        if (s->k != TK::Invalid)
          err(as[0]->pos,
              "invalid argument: " + expr_string(as[0]) + " (" + describe(as[0]) + ") is not a slice");
        return;
      }
      e->type = s;
      if (e->ellipsis) {
        if (as.size() != 2) {
          err(e->pos, "can only use ... with final argument in list");
          return;
        }
        expr(as[1]);
        if (is_string(as[1]->type) && s->under()->elem->under()->k == TK::Uint8) {
          convert_untyped(as[1], u.basic(TK::String), false);
          return;
        }
        assign(as[1], s,
               "argument to append");  // gc: "cannot use x (...) as []T value in argument to append"
        return;
      }
      Type* el = s->under()->elem;
      for (size_t i = 1; i < as.size(); i++) {
        expr(as[i], false, el);
        assign(as[i], el, "argument to append");
      }
      return;
    }
    case BMake: {
      if (as.empty()) {
        err(e->rbrace, "not enough arguments for make() (expected 1, found 0)");
        return;
      }
      Type* t = resolve_type(as[0]);
      e->type = t;
      Type* tu = t->under();
      size_t max = tu->k == TK::Slice ? 3 : 2;
      if (tu->k != TK::Slice && tu->k != TK::Map && tu->k != TK::Chan) {
        if (tu->k != TK::Invalid)
          err(as[0]->pos, "invalid argument: cannot make " + expr_string(as[0]) +
                              "; type must be slice, map, or channel");
        return;
      }
      if (tu->k == TK::Slice && as.size() < 2) {
        err(e->pos, "invalid operation: " + expr_string(e) + " expects 2 or 3 arguments; found 1");
        return;
      }
      if (as.size() > max) {
        err(e->pos, "invalid operation: " + expr_string(e) + " expects " + std::to_string(max - 1) + " or " +
                        std::to_string(max) + " arguments; found " + std::to_string(as.size()));
        return;
      }
      for (size_t i = 1; i < as.size(); i++) {
        expr(as[i]);
        if (!is_integer(as[i]->type) && !(as[i]->cv.valid() && is_untyped(as[i]->type))) {
          err(as[i]->pos, "cannot convert " + expr_string(as[i]) + " (" + describe(as[i]) + ") to type int");
          continue;
        }
        if (is_untyped(as[i]->type)) convert_untyped(as[i], u.basic(TK::Int), true);
        if (as[i]->cv.valid() && as[i]->cv.i < 0)
          err(as[i]->pos, "invalid argument: index " + expr_string(as[i]) +
                              " (constant of type int) must not be negative");
      }
      if (as.size() == 3 && as[1]->cv.valid() && as[2]->cv.valid() && as[1]->cv.i > as[2]->cv.i)
        err(as[1]->pos, "invalid argument: length and capacity swapped");
      return;
    }
    case BNew: {
      if (!nargs(1, 1)) return;
      e->type = u.pointer(resolve_type(as[0]));
      return;
    }
    case BDelete: {
      if (as.size() == 1 && !e->ellipsis) {  // delete(f()) with a two-result f
        expr(as[0], true);
        Type* t = as[0]->type;
        if (t->k == TK::Tuple && t->results.size() == 2) {
          Type* m = t->results[0]->under();
          if (m->k != TK::Map) {
            err(as[0]->pos, "invalid argument: " + expr_string(as[0]) + " (first result of type " +
                                type_string(t->results[0]) + ") is not a map");
          } else if (!identical(t->results[1], m->key)) {
            unsupported(as[0]->pos, "delete(f()) whose key needs converting");
          }
          e->type = void_t;
          return;
        }
      }
      if (!nargs(2, 2)) return;
      expr(as[0]);
      expr(as[1]);
      Type* m = as[0]->type->under();
      if (m->k != TK::Map) {
        if (m->k != TK::Invalid)
          err(as[0]->pos,
              "invalid argument: " + expr_string(as[0]) + " (" + describe(as[0]) + ") is not a map");
        return;
      }
      assign(as[1], m->key, "argument to delete");
      return;
    }
    case BClose: {
      if (!nargs(1, 1)) return;
      expr(as[0]);
      Type* ch = as[0]->type->under();
      if (ch->k != TK::Chan) {
        if (ch->k != TK::Invalid)
          err(as[0]->pos,
              "invalid operation: non-chan argument " + expr_string(as[0]) + " (" + describe(as[0]) + ")");
        return;
      }
      if (ch->dir == 2)
        err(as[0]->pos, "invalid operation: cannot close receive-only channel " + expr_string(as[0]) + " (" +
                            describe(as[0]) + ")");
      return;
    }
    case BCopy: {
      if (as.size() == 1 && !e->ellipsis) {  // copy(f()) with a two-result f
        expr(as[0], true);
        Type* t = as[0]->type;
        if (t->k == TK::Tuple && t->results.size() == 2) {
          e->type = u.basic(TK::Int);
          Type* dst = t->results[0]->under();
          Type* src = t->results[1]->under();
          bool ok = dst->k == TK::Slice && ((src->k == TK::Slice && identical(dst->elem, src->elem)) ||
                                            (is_string(src) && dst->elem->under()->k == TK::Uint8));
          if (!ok)
            err(e->pos, "invalid argument: copy expects slice arguments; found " + expr_string(as[0]) +
                            " (value of type " + type_string(t) + ")");
          return;
        }
      }
      if (!nargs(2, 2)) return;
      expr(as[0]);
      expr(as[1]);
      e->type = u.basic(TK::Int);
      if (as[0]->type->under()->k != TK::Slice) {
        err(e->pos, "invalid argument: copy expects slice arguments; found " + expr_string(as[0]) + " (" +
                        describe(as[0]) + ") and " + expr_string(as[1]) + " (" + describe(as[1]) + ")");
        return;
      }
      if (is_untyped(as[1]->type)) convert_untyped(as[1], u.basic(TK::String), false);
      return;
    }
    case BClear: {
      if (!nargs(1, 1)) return;
      expr(as[0]);
      TK k = as[0]->type->under()->k;
      if (k != TK::Map && k != TK::Slice && k != TK::Invalid)
        err(as[0]->pos,
            "invalid argument: " + expr_string(as[0]) + " (" + describe(as[0]) + ") must be a map or slice");
      return;
    }
    case BPanic: {
      if (!nargs(1, 1)) return;
      expr(as[0]);
      assign(as[0], u.any_type(), "argument to panic");
      return;
    }
    case BRecover: {
      if (!nargs(0, 0)) return;
      e->type = u.any_type();
      return;
    }
    case BDeferFrame:
      e->type = u.basic(TK::Int);
      return;
    case BRangePanic:
      expr(as[0]);
      return;
    case BPrint:
    case BPrintln: {
      for (Expr* x : as) {
        expr(x, as.size() == 1);  // print(f()) prints each of f's results
        if (x->type->k == TK::Tuple) continue;
        if (is_untyped(x->type)) {
          if (x->type->k == TK::UntypedNil) {
            err(x->pos, "use of untyped nil in argument to built-in " + name);
            continue;
          }
          convert_untyped(x, default_type(u, x->type), true);
        }
      }
      return;
    }
    case BComplex:
    case BReal:
    case BImag:
      complex_builtin(e, b);
      return;
    case BMin:
    case BMax: {
      if (as.empty()) {
        err(e->rbrace, "not enough arguments for " + expr_string(e) + " (expected 1, found 0)");
        return;
      }
      Type* t = nullptr;
      bool all_const = true;
      for (Expr* x : as) {
        expr(x);
        if (!x->cv.valid()) all_const = false;
        if (!is_untyped(x->type)) {
          if (t && t != x->type) {
            err(x->pos, "invalid argument: mismatched types " + type_string(t) + " (previous argument) and " +
                            type_string(x->type) + " (type of " + expr_string(x) + ")");
            return;
          }
          t = x->type;
        }
      }
      if (!t) {
        // all untyped: the "largest" kind
        t = as[0]->type;
        for (Expr* x : as)
          if (x->type->k > t->k) t = x->type;
      }
      Type* tu = t->under();
      if ((!is_numeric(tu) || is_complex(tu)) && !is_string(tu)) {
        err(as[0]->pos,
            "invalid argument: " + expr_string(as[0]) + " (" + describe(as[0]) + ") cannot be ordered");
        return;
      }
      for (Expr* x : as) convert_untyped(x, t, true);
      e->type = t;
      if (all_const) {
        ConstVal best = as[0]->cv;
        for (Expr* x : as) {
          const ConstVal& v = x->cv;
          bool less;
          if (v.kind == ConstVal::String)
            less = v.s < best.s;
          else
            less = v.as_float() < best.as_float();
          if ((b == BMin) == less) best = v;
        }
        e->cv = best;
      }
      return;
    }
    default:
      return;
  }
}

ConstVal CheckerImpl::fold_binary(Tok op, const ConstVal& x, const ConstVal& y, Pos p, bool integer) {
  if (x.kind == ConstVal::Bool) {
    switch (op) {
      case Tok::LAnd:
        return ConstVal::of_bool(x.b && y.b);
      case Tok::LOr:
        return ConstVal::of_bool(x.b || y.b);
      case Tok::Eql:
        return ConstVal::of_bool(x.b == y.b);
      case Tok::Neq:
        return ConstVal::of_bool(x.b != y.b);
      default:
        return {};
    }
  }
  if (x.kind == ConstVal::String) {
    switch (op) {
      case Tok::Add:
        return ConstVal::of_string(x.s + y.s);
      case Tok::Eql:
        return ConstVal::of_bool(x.s == y.s);
      case Tok::Neq:
        return ConstVal::of_bool(x.s != y.s);
      case Tok::Lss:
        return ConstVal::of_bool(x.s < y.s);
      case Tok::Leq:
        return ConstVal::of_bool(x.s <= y.s);
      case Tok::Gtr:
        return ConstVal::of_bool(x.s > y.s);
      case Tok::Geq:
        return ConstVal::of_bool(x.s >= y.s);
      default:
        return {};
    }
  }
  if (x.kind == ConstVal::Int && y.kind == ConstVal::Int) {
    i128 a2 = x.i, b = y.i, r = 0;
    // constants are 128-bit here (gc's have 512 bits): past that, gc's words for overflow
    auto checked = [&](bool overflow, const char* what) -> ConstVal {
      if (!overflow) return ConstVal::of_int(r);
      err(p, std::string("constant ") + what + " overflow");
      return {};
    };
    switch (op) {
      case Tok::Add:
        return checked(__builtin_add_overflow(a2, b, &r), "addition");
      case Tok::Sub:
        return checked(__builtin_sub_overflow(a2, b, &r), "subtraction");
      case Tok::Mul:
        return checked(__builtin_mul_overflow(a2, b, &r), "multiplication");
      case Tok::Quo:
        if (b == 0) {
          err(p, "invalid operation: division by zero");
          return {};
        }
        if (!integer) return ConstVal::of_float(static_cast<double>(a2) / static_cast<double>(b));
        if (b == -1) return checked(__builtin_sub_overflow(i128{0}, a2, &r), "division");
        return ConstVal::of_int(a2 / b);
      case Tok::Rem:
        if (b == 0) {
          err(p, "invalid operation: division by zero");
          return {};
        }
        if (b == -1) return ConstVal::of_int(0);
        return ConstVal::of_int(a2 % b);
      case Tok::And:
        return ConstVal::of_int(a2 & b);
      case Tok::Or:
        return ConstVal::of_int(a2 | b);
      case Tok::Xor:
        return ConstVal::of_int(a2 ^ b);
      case Tok::AndNot:
        return ConstVal::of_int(a2 & ~b);
      case Tok::Eql:
        return ConstVal::of_bool(a2 == b);
      case Tok::Neq:
        return ConstVal::of_bool(a2 != b);
      case Tok::Lss:
        return ConstVal::of_bool(a2 < b);
      case Tok::Leq:
        return ConstVal::of_bool(a2 <= b);
      case Tok::Gtr:
        return ConstVal::of_bool(a2 > b);
      case Tok::Geq:
        return ConstVal::of_bool(a2 >= b);
      default:
        return {};
    }
  }
  if (x.kind == ConstVal::Complex || y.kind == ConstVal::Complex) return fold_complex(op, x, y, p);
  double a2 = x.as_float(), b = y.as_float();
  switch (op) {
    case Tok::Add:
      return ConstVal::of_float(a2 + b);
    case Tok::Sub:
      return ConstVal::of_float(a2 - b);
    case Tok::Mul:
      return ConstVal::of_float(a2 * b);
    case Tok::Quo:
      if (b == 0) {
        err(p, "invalid operation: division by zero");
        return {};
      }
      return ConstVal::of_float(a2 / b);
    case Tok::Eql:
      return ConstVal::of_bool(a2 == b);
    case Tok::Neq:
      return ConstVal::of_bool(a2 != b);
    case Tok::Lss:
      return ConstVal::of_bool(a2 < b);
    case Tok::Leq:
      return ConstVal::of_bool(a2 <= b);
    case Tok::Gtr:
      return ConstVal::of_bool(a2 > b);
    case Tok::Geq:
      return ConstVal::of_bool(a2 >= b);
    default:
      return {};
  }
}

// shift_constant() folds the untyped constant shift x << s or x >> s into e->cv. Integer
// constants are 128 bits here; a value past that (1 << 500, or 1e100 >> 10) is kept as a
// float constant of untyped int type, exact while its significant bits fit a double's 53, as
// gc keeps 512 bits: past those gc's "constant shift overflow".
bool CheckerImpl::shift_constant(Expr* e, const ConstVal& x, int64_t s) {
  auto bits = [](i128 v) {
    unsigned __int128 m = v < 0 ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    int n = 0;
    for (; m; m >>= 1) n++;
    return n;
  };
  if (e->op == Tok::Shr) {
    if (x.kind == ConstVal::Int) {
      e->cv = ConstVal::of_int(x.i >> std::min<int64_t>(s, 127));
      return true;
    }
    double r = std::floor(std::ldexp(x.as_float(), -static_cast<int>(std::min<int64_t>(s, 4096))));
    e->cv = std::fabs(r) < 0x1p126 ? ConstVal::of_int(static_cast<i128>(r)) : ConstVal::of_float(r);
    return true;
  }
  if (x.kind == ConstVal::Int && s <= 125 && bits(x.i) + s <= 125) {
    e->cv = ConstVal::of_int(x.i << s);
    return true;
  }
  double v = x.as_float();
  if (v == 0) {
    e->cv = ConstVal::of_int(0);
    return true;
  }
  if (s > 512 || std::ilogb(v) + 1 + s > 512) {
    err(e->pos, "constant shift overflow");
    return false;
  }
  e->cv = ConstVal::of_float(std::ldexp(v, static_cast<int>(s)));
  return true;
}

void CheckerImpl::shift(Expr* e) {
  expr(e->x);
  expr(e->y);
  Expr* x = e->x;
  Expr* y = e->y;
  if (x->type->k == TK::Invalid || y->type->k == TK::Invalid) return;
  if (is_untyped(y->type)) {
    if (y->cv.valid()) {
      ConstVal cv = y->cv;
      if (!representable(cv, u.basic(TK::Uint), nullptr)) {
        err(y->pos, "invalid shift count " + expr_string(y) + " (" + describe(y) + ")");
        return;
      }
      y->cv = cv;
    }
    convert_untyped(y, u.basic(TK::Uint), false);
  } else if (!is_integer(y->type)) {
    err(y->pos,
        "invalid operation: shift count " + expr_string(y) + " (" + describe(y) + ") must be integer");
    return;
  }
  if (x->cv.valid() && is_untyped(x->type)) {
    ConstVal cv = x->cv;
    if (!representable(cv, u.basic(TK::UntypedInt), nullptr)) {
      err(x->pos,
          "invalid operation: shifted operand " + expr_string(x) + " (" + describe(x) + ") must be integer");
      return;
    }
    x->cv = cv;
    if (y->cv.valid()) {
      if (!shift_constant(e, x->cv, static_cast<int64_t>(std::min<i128>(y->cv.i, 1 << 20)))) return;
      e->type = x->type->k == TK::UntypedFloat ? u.basic(TK::UntypedInt) : x->type;
      return;
    }
    // A non-constant shift of an untyped constant takes the type the constant would take in
    // its place (Go's spec): the shift stays untyped, and convert_untyped() gives both the type
    // its context asks for (int where there is none).
    e->type = x->type;
    return;
  }
  if (!is_integer(x->type)) {
    err(x->pos,
        "invalid operation: shifted operand " + expr_string(x) + " (" + describe(x) + ") must be integer");
    return;
  }
  e->type = x->type;
  if (x->cv.valid() && y->cv.valid()) {
    int64_t s = static_cast<int64_t>(y->cv.i);
    ConstVal cv = ConstVal::of_int(e->op == Tok::Shl ? (s > 120 ? 0 : x->cv.i << s)
                                                     : x->cv.i >> std::min<int64_t>(s, 127));
    std::string why;
    if (!representable(cv, e->type, &why)) {
      err(e->pos, "constant " + i128_string(cv.i) + " overflows " + type_string(e->type));
      return;
    }
    e->cv = cv;
  }
}

void CheckerImpl::binary(Expr* e) {
  if (e->op == Tok::Shl || e->op == Tok::Shr) {
    shift(e);
    return;
  }
  Expr* x = e->x;
  Expr* y = e->y;
  expr(x);
  expr(y);
  if (x->type->k == TK::Invalid || y->type->k == TK::Invalid) return;
  bool cmp = precedence(e->op) == 3;
  // x == nil: nil stays untyped nil (the compiler tests for nil)
  if (cmp && (x->type->k == TK::UntypedNil) != (y->type->k == TK::UntypedNil)) {
    Expr* other = x->type->k == TK::UntypedNil ? y : x;
    if (!has_nil(other->type) || is_untyped(other->type)) {
      err(e->pos, "invalid operation: " + expr_string(e) + " (mismatched types " + type_string(x->type) +
                      " and " + type_string(y->type) + ")");
      return;
    }
    if (e->op != Tok::Eql && e->op != Tok::Neq) {
      err(e->pos, "invalid operation: " + expr_string(e) + " (operator " + tok_string(e->op) +
                      " not defined on nil)");
      return;
    }
    e->type = u.basic(TK::UntypedBool);
    return;
  }
  // unify untyped operands with the other's type
  if (is_untyped(x->type) && !is_untyped(y->type)) {
    if (!convert_untyped(x, y->type, false)) {
      if (x->type->k == TK::UntypedNil || !has_nil(y->type) || true) {
        std::string m = "invalid operation: " + expr_string(e) + " (mismatched types " +
                        type_string(x->type) + " and " + type_string(y->type) + ")";
        if (x->cv.valid() && (is_numeric(y->type) && is_numeric(x->type)))
          m = "cannot use " + expr_string(x) + " (" + describe(x) + ") as " + type_string(y->type) +
              " value in " + (cmp ? "comparison" : "operation") + " (truncated)";
        else if (x->cv.valid())
          m = "cannot convert " + expr_string(x) + " (" + describe(x) + ") to type " + type_string(y->type);
        err(x->pos, m);
      }
      return;
    }
  } else if (is_untyped(y->type) && !is_untyped(x->type)) {
    if (!convert_untyped(y, x->type, false)) {
      std::string m = "invalid operation: " + expr_string(e) + " (mismatched types " + type_string(x->type) +
                      " and " + type_string(y->type) + ")";
      if (y->cv.valid() && is_numeric(x->type) && is_numeric(y->type)) {
        ConstVal cv = y->cv;
        std::string why;
        representable(cv, x->type, &why);
        m = "cannot use " + expr_string(y) + " (" + describe(y) + ") as " + type_string(x->type) +
            " value in " + (cmp ? "comparison" : "operation") + " (" + why + ")";
        if (why == "overflows")
          m = expr_string(y) + " (" + describe(y) + ") overflows " + type_string(x->type);
      } else if (y->cv.valid()) {
        m = "cannot convert " + expr_string(y) + " (" + describe(y) + ") to type " + type_string(x->type);
      }
      err(y->pos, m);
      return;
    }
  } else if (is_untyped(x->type) && is_untyped(y->type)) {
    // both untyped: the larger kind wins (int < rune < float); nil only with nil
    if (x->type->k == TK::UntypedNil || y->type->k == TK::UntypedNil) {
      if (x->type != y->type) {
        err(e->pos, "invalid operation: " + expr_string(e) + " (mismatched types " + type_string(x->type) +
                        " and " + type_string(y->type) + ")");
        return;
      }
      err(e->pos, "invalid operation: " + expr_string(e) + " (operator " + tok_string(e->op) +
                      " not defined on nil)");
      return;
    }
    bool xn = is_numeric(x->type), yn = is_numeric(y->type);
    if (xn && yn) {
      Type* t = x->type->k > y->type->k ? x->type : y->type;
      x->type = t;
      y->type = t;
    } else if (x->type != y->type) {
      err(e->pos, "invalid operation: " + expr_string(e) + " (mismatched types " + type_string(x->type) +
                      " and " + type_string(y->type) + ")");
      return;
    }
  }
  Type* t = x->type;
  if (cmp) {
    bool ok;
    if (x->type != y->type && !assignable(x->type, y->type, nullptr, nullptr) &&
        !assignable(y->type, x->type, nullptr, nullptr)) {
      err(e->pos, "invalid operation: " + expr_string(e) + " (mismatched types " + type_string(x->type) +
                      " and " + type_string(y->type) + ")");
      return;
    }
    if (e->op == Tok::Eql || e->op == Tok::Neq) {
      ok = is_comparable(t) || (x->type->k == TK::UntypedNil || y->type->k == TK::UntypedNil);
      if (!ok) {
        Type* bad = has_nil(x->type) && y->type->k != TK::UntypedNil ? x->type : y->type;
        const char* what = bad->under()->k == TK::Slice  ? "slice"
                           : bad->under()->k == TK::Map  ? "map"
                           : bad->under()->k == TK::Func ? "func"
                                                         : "struct containing uncomparable field";
        Expr* which = x->type->k != TK::UntypedNil ? x : y;
        err(e->pos, "invalid operation: " + expr_string(e) + " (" + what + " can only be compared to nil)");
        (void)which;
        return;
      }
    } else {
      ok = (is_numeric(t) && !is_complex(t)) || is_string(t);
      if (!ok) {
        if (is_complex(t)) {
          err(e->pos, "invalid operation: " + expr_string(e) + " (operator " + tok_string(e->op) +
                          " not defined on " + type_string(t) + ")");
          return;
        }
        err(e->pos, "invalid operation: " + expr_string(e) + " (operator " + tok_string(e->op) +
                        " not defined on " + expr_string(x) + " (" + describe(x) + "))");
        return;
      }
    }
    if (x->cv.valid() && y->cv.valid()) e->cv = fold_binary(e->op, x->cv, y->cv, e->pos, is_integer(t));
    e->type = u.basic(TK::UntypedBool);
    return;
  }
  if (!(x->type == y->type)) {
    err(e->pos, "invalid operation: " + expr_string(e) + " (mismatched types " + type_string(x->type) +
                    " and " + type_string(y->type) + ")");
    return;
  }
  bool ok;
  switch (e->op) {
    case Tok::Add:
      ok = is_numeric(t) || is_string(t);
      break;
    case Tok::Sub:
    case Tok::Mul:
    case Tok::Quo:
      ok = is_numeric(t);
      break;
    case Tok::Rem:
    case Tok::And:
    case Tok::Or:
    case Tok::Xor:
    case Tok::AndNot:
      ok = is_integer(t);
      break;
    case Tok::LAnd:
    case Tok::LOr:
      ok = is_boolean(t);
      break;
    default:
      ok = false;
  }
  if (!ok) {
    if (opaque_operator(e, x)) return;
    err(e->pos, "invalid operation: operator " + std::string(tok_string(e->op)) + " not defined on " +
                    expr_string(x) + " (" + describe(x) + ")");
    return;
  }
  e->type = t;
  if ((e->op == Tok::Quo || e->op == Tok::Rem) && y->cv.valid() && is_integer(t) &&
      ((y->cv.kind == ConstVal::Int && y->cv.i == 0) || (y->cv.kind == ConstVal::Float && y->cv.f == 0))) {
    err(y->pos, "invalid operation: division by zero");
    return;
  }
  if (x->cv.valid() && y->cv.valid()) {
    ConstVal cv = fold_binary(e->op, x->cv, y->cv, e->pos, is_integer(t));
    if (cv.valid() && !is_untyped(t)) {
      std::string why;
      ConstVal c2 = cv;
      if (!representable(c2, t, &why)) {
        err(e->pos, "constant " + (cv.kind == ConstVal::Int ? i128_string(cv.i) : cv_string(cv)) +
                        " overflows " + type_string(t));
        return;
      }
      cv = c2;
    }
    e->cv = cv;
  }
}

void CheckerImpl::unary(Expr* e) {
  Expr* x = e->x;
  if (e->op == Tok::And) {
    Expr* b = x;
    while (b->k == EK::Paren) b = b->x;
    if (b->k == EK::CompositeLit) {
      expr(b);
      e->type = u.pointer(b->type);
      x->type = b->type;
      return;
    }
    expr(x);
    if (x->type->k == TK::Invalid) return;
    if (!addressable(x)) {
      err(e->pos, "invalid operation: cannot take address of " + expr_string(x) + " (" + describe(x) + ")");
      return;
    }
    mark_addr(x);
    e->type = u.pointer(x->type);
    return;
  }
  if (e->op == Tok::Arrow) {
    expr(x);
    Type* t = x->type->under();
    if (t->k == TK::Invalid) return;
    if (t->k != TK::Chan) {
      err(e->pos,
          "invalid operation: cannot receive from non-channel " + expr_string(x) + " (" + describe(x) + ")");
      return;
    }
    if (t->dir == 1) {
      err(e->pos, "invalid operation: cannot receive from send-only channel " + expr_string(x) + " (" +
                      describe(x) + ")");
      return;
    }
    e->type = t->elem;
    return;
  }
  if (e->op == Tok::Tilde) {
    err(e->pos, "invalid operation: operator ~ not defined");
    return;
  }
  expr(x);
  Type* t = x->type;
  if (t->k == TK::Invalid) return;
  bool ok = e->op == Tok::Not ? is_boolean(t) : e->op == Tok::Xor ? is_integer(t) : is_numeric(t);
  if (!ok) {
    err(e->pos, "invalid operation: operator " + std::string(tok_string(e->op)) + " not defined on " +
                    expr_string(x) + " (" + describe(x) + ")");
    return;
  }
  e->type = t;
  if (x->cv.valid()) {
    ConstVal c2 = x->cv;
    switch (e->op) {
      case Tok::Not:
        c2.b = !c2.b;
        break;
      case Tok::Sub:
        if (c2.kind == ConstVal::Int) {
          if (__builtin_sub_overflow(i128{0}, c2.i, &c2.i)) {
            err(e->pos, "constant subtraction overflow");
            e->type = u.basic(TK::Invalid);
            return;
          }
        } else {
          c2.f = 0 - c2.f;  // (constants have no negative zero)
          c2.im = 0 - c2.im;
        }
        break;
      case Tok::Xor:
        if (is_unsigned(t)) {
          int bits = int_bits(t);
          i128 mask = bits == 64 ? static_cast<i128>(UINT64_MAX) : (static_cast<i128>(1) << bits) - 1;
          c2.i = c2.i ^ mask;
        } else {
          c2.i = ~c2.i;
        }
        break;
      default:
        break;
    }
    if (!is_untyped(t)) {
      std::string why;
      ConstVal c3 = c2;
      if (!representable(c3, t, &why)) {
        err(e->pos, "constant " + (c2.kind == ConstVal::Int ? i128_string(c2.i) : fmt_float(c2.f)) +
                        " overflows " + type_string(t));
        return;
      }
    }
    e->cv = c2;
  }
}

void CheckerImpl::index(Expr* e) {
  bool called = allow_now_;
  allow_generic_ = true;
  expr(e->x);
  allow_generic_ = false;
  if (e->x->obj && is_generic(e->x->obj) &&
      (e->x->k == EK::Ident || e->x->k == EK::Selector || e->x->k == EK::Paren)) {
    allow_now_ = called;
    generic_index(e);
    return;
  }
  if (e->x->type->k == TK::Invalid) {
    for (Expr* i : e->list) expr(i);
    return;
  }
  if (e->x->is_type) {
    err(e->x->pos, expr_string(e->x) + " is not a generic type");
    return;
  }
  if (e->list.size() != 1) {
    if (e->x->type->under()->k == TK::Func)
      err(e->x->pos, expr_string(e->x) + " is not a generic function");
    else
      err(e->pos, "unexpected comma; expecting ]");
    return;
  }
  Expr* i = e->list[0];
  Type* t = e->x->type->under();
  if (t->k == TK::Func) {
    err(e->x->pos, expr_string(e->x) + " is not a generic function");
    return;
  }
  expr(i);
  if (t->k == TK::Map) {
    assign(i, t->key, "map index");
    e->type = t->elem;
    return;
  }
  if (t->k == TK::Pointer && t->elem->under()->k == TK::Array) t = t->elem->under();
  int64_t length = -1;
  if (is_string(t)) {
    e->type = u.byte_t;
    if (e->x->cv.valid()) length = static_cast<int64_t>(e->x->cv.s.size());
    if (is_untyped(e->x->type)) convert_untyped(e->x, u.basic(TK::String), false);
  } else if (t->k == TK::Slice) {
    e->type = t->elem;
  } else if (t->k == TK::Array) {
    e->type = t->elem;
    length = t->len;
  } else {
    err(e->pos, "invalid operation: cannot index " + expr_string(e->x) + " (" + describe(e->x) + ")");
    return;
  }
  if (i->type->k == TK::Invalid) return;
  if (!is_integer(i->type) && !(i->cv.valid() && is_untyped(i->type) && is_numeric(i->type))) {
    err(i->pos, "invalid argument: index " + expr_string(i) + " (" + describe(i) + ") must be integer");
    return;
  }
  if (i->cv.valid()) {
    ConstVal cv = i->cv;
    if (!representable(cv, u.basic(TK::Int), nullptr)) {
      err(i->pos, expr_string(i) + " (" + describe(i) + ") truncated to int");
      return;
    }
    if (cv.i < 0) {
      err(i->pos,
          "invalid argument: index " + expr_string(i) + " (constant of type int) must not be negative");
      return;
    }
    if (length >= 0 && cv.i >= length) {
      err(i->pos, "invalid argument: index " + i128_string(cv.i) +
                      " out of bounds [0:" + std::to_string(length) + "]");
      return;
    }
    if (e->x->cv.valid() && is_string(t))
      e->cv = ConstVal::of_int(static_cast<unsigned char>(e->x->cv.s[static_cast<size_t>(cv.i)]));
  }
  if (is_untyped(i->type)) convert_untyped(i, u.basic(TK::Int), false);
}

void CheckerImpl::slice_expr(Expr* e) {
  expr(e->x);
  Expr* parts[3] = {e->list[0], e->y, e->z};
  for (Expr* p : parts)
    if (p) {
      expr(p);
      if (p->type->k != TK::Invalid && !is_integer(p->type) && !(p->cv.valid() && is_untyped(p->type)))
        err(p->pos, "invalid argument: index " + expr_string(p) + " (" + describe(p) + ") must be integer");
      else if (is_untyped(p->type))
        convert_untyped(p, u.basic(TK::Int), true);
      if (p->cv.valid() && p->cv.i < 0)
        err(p->pos,
            "invalid argument: index " + expr_string(p) + " (constant of type int) must not be negative");
    }
  Type* t = e->x->type;
  Type* tu = t->under();
  if (tu->k == TK::Invalid) return;
  // constant indices: within an array's length, and in order (gc reports the first pair only)
  i128 length = -1;
  if (tu->k == TK::Array) length = tu->len;
  if (tu->k == TK::Pointer && tu->elem->under()->k == TK::Array) length = tu->elem->under()->len;
  if (is_string(tu) && e->x->cv.valid() && e->x->cv.kind == ConstVal::String)
    length = static_cast<i128>(e->x->cv.s.size());
  i128 ind[3] = {-1, -1, -1};
  for (int i = 0; i < 3; i++) {
    Expr* p = parts[i];
    if (!p || !p->cv.valid() || p->cv.kind != ConstVal::Int || p->cv.i < 0) continue;
    ind[i] = p->cv.i;
    if (length >= 0 && p->cv.i > length) {
      err(p->pos, "invalid argument: index " + i128_string(p->cv.i) +
                      " out of bounds [0:" + i128_string(length + 1) + "]");
      ind[i] = -1;
    }
  }
  [&] {
    for (int i = 0; i < 2; i++)
      if (ind[i] > 0)
        for (int j = i + 1; j < 3; j++)
          if (ind[j] >= 0 && ind[j] < ind[i]) {
            err(parts[j]->pos, "invalid slice indices: " + i128_string(ind[j]) + " < " + i128_string(ind[i]));
            return;
          }
  }();
  if (is_string(tu)) {
    if (e->slice3) {
      err(e->pos, "invalid operation: 3-index slice of string");
      return;
    }
    e->type = is_untyped(t) ? u.basic(TK::String) : t;
    if (is_untyped(t)) convert_untyped(e->x, u.basic(TK::String), false);
    return;
  }
  if (tu->k == TK::Slice) {
    e->type = t;
    return;
  }
  if (tu->k == TK::Pointer && tu->elem->under()->k == TK::Array) {
    e->type = u.slice(tu->elem->under()->elem);
    return;
  }
  if (tu->k == TK::Array) {
    if (!addressable(e->x)) {
      err(e->pos, "invalid operation: " + expr_string(e->x) + " (slice of unaddressable value)");
      return;
    }
    mark_addr(e->x);
    e->type = u.slice(tu->elem);
    return;
  }
  err(e->pos, "cannot slice " + expr_string(e->x) + " (" + describe(e->x) + ")");
}

void CheckerImpl::composite(Expr* e, Type* hint) {
  Type* t;
  if (e->x) {
    if (e->x->k == EK::ArrayType && e->x->ellipsis) {
      Type* elem = resolve_type(e->x->x);
      int64_t n = 0, idx = 0;
      for (Expr* el : e->list) {
        if (el->k == EK::KeyValue) {
          int64_t k;
          if (literal_index(el->x, k)) idx = k;
        }
        if (idx >= kMaxLiteral) {
          unsupported(el->pos, "array literals of more than " + std::to_string(kMaxLiteral) + " elements");
          e->type = u.basic(TK::Invalid);
          return;
        }
        idx++;
        n = std::max(n, idx);
      }
      t = u.array(elem, n);
      e->x->type = t;
      e->x->is_type = true;
    } else {
      t = resolve_type(e->x);
    }
  } else if (hint) {
    t = hint;
  } else {
    err(e->pos, "invalid composite literal type: missing type");
    return;
  }
  e->type = t;
  Type* tu = t->under();
  Type* elem_hint = nullptr;
  auto elem_value = [&](Expr* v, Type* et, const std::string& ctx) {
    Type* h = et;
    if (v->k == EK::CompositeLit && !v->x) {
      if (et->under()->k == TK::Pointer) {
        h = et->under()->elem;
        composite(v, h);
        // &T{} elided: mark as address-of
        v->type = h;
        Expr* copy = a.make<Expr>();
        *copy = *v;
        v->k = EK::Unary;
        v->op = Tok::And;
        v->x = copy;
        v->list.clear();
        v->type = et;
        return;
      }
      composite(v, h);
      return;
    }
    expr(v, false, h);
    assign(v, et, ctx);
  };
  switch (tu->k) {
    case TK::Struct: {
      if (e->list.empty()) return;
      bool keyed = e->list[0]->k == EK::KeyValue;
      std::vector<bool> seen(tu->fields.size());
      if (keyed) {
        for (Expr* el : e->list) {
          if (el->k != EK::KeyValue) {
            err(el->pos, "mixture of field:value and value elements in struct literal");
            continue;
          }
          if (el->x->k != EK::Ident) {
            err(el->x->pos, "invalid field name " + expr_string(el->x) + " in struct literal");
            continue;
          }
          int fi = -1;
          for (size_t i = 0; i < tu->fields.size(); i++)
            if (tu->fields[i].name == el->x->name) fi = static_cast<int>(i);
          if (fi < 0) {
            err(el->x->pos, "unknown field " + el->x->name + " in struct literal of type " + type_string(t));
            expr(el->y, true);
            continue;
          }
          if (seen[fi]) err(el->x->pos, "duplicate field name " + el->x->name + " in struct literal");
          seen[fi] = true;
          el->path = {fi};
          elem_value(el->y, tu->fields[fi].type, "struct literal");
        }
      } else {
        for (size_t i = 0; i < e->list.size(); i++) {
          Expr* el = e->list[i];
          if (el->k == EK::KeyValue) {
            err(el->pos, "mixture of field:value and value elements in struct literal");
            continue;
          }
          if (i >= tu->fields.size()) {
            err(el->pos, "too many values in struct literal of type " + type_string(t));
            break;
          }
          elem_value(el, tu->fields[i].type, "struct literal");
        }
        if (e->list.size() < tu->fields.size())
          err(e->rbrace, "too few values in struct literal of type " + type_string(t));
      }
      return;
    }
    case TK::Array:
    case TK::Slice: {
      elem_hint = tu->elem;
      if (tu->k == TK::Array && tu->len > kMaxLiteral) {
        unsupported(e->pos, "array literals of more than " + std::to_string(kMaxLiteral) + " elements");
        return;
      }
      int64_t idx = 0;
      std::unordered_set<int64_t> seen;
      for (Expr* el : e->list) {
        Expr* v = el;
        Expr* at = el;
        if (el->k == EK::KeyValue) {
          int64_t k;
          if (literal_index(el->x, k)) idx = k;
          v = el->y;
          at = el->x;
        }
        if (tu->k == TK::Array && idx >= tu->len) {
          err(at->pos, "invalid argument: index " + std::to_string(idx) +
                           " out of bounds [0:" + std::to_string(tu->len) + "]");
        } else if (idx >= kMaxLiteral) {
          unsupported(at->pos, "slice literals of more than " + std::to_string(kMaxLiteral) + " elements");
          return;
        } else if (!seen.insert(idx).second) {
          err(at->pos, "duplicate index " + std::to_string(idx) + " in array or slice literal");
        }
        if (idx < kMaxLiteral) idx++;
        elem_value(v, elem_hint, "array or slice literal");
      }
      return;
    }
    case TK::Map: {
      for (Expr* el : e->list) {
        if (el->k != EK::KeyValue) {
          err(el->pos, "missing key in map literal");
          continue;
        }
        elem_value(el->x, tu->key, "map literal");
        elem_value(el->y, tu->elem, "map literal");
      }
      // duplicate constant keys (a set: a literal of many entries stays linear)
      std::unordered_set<std::string> keys;
      for (Expr* el : e->list) {
        Expr* k = el->k == EK::KeyValue ? el->x : nullptr;
        if (!k || !k->cv.valid() || (k->cv.kind != ConstVal::String && k->cv.kind != ConstVal::Int)) continue;
        std::string key = k->cv.kind == ConstVal::String ? "s" + k->cv.s : "i" + i128_string(k->cv.i);
        if (!keys.insert(key).second && !in_instance_)
          err(k->pos, "duplicate key " + expr_string(k) + " in map literal");
      }
      return;
    }
    case TK::Invalid:
      return;
    case TK::Native:  // sync.Mutex{}, &sync.WaitGroup{}: structs of unexported fields, in Go
      if (!e->list.empty())
        err(e->list[0]->pos,
            "implicit assignment to unexported field in struct literal of type " + type_string(t));
      return;
    default:
      err(e->pos, "invalid composite literal type " + type_string(t));
      return;
  }
}

bool CheckerImpl::literal_index(Expr* k, int64_t& out) {
  expr(k);
  if (!k->type || k->type->k == TK::Invalid) return false;
  const ConstVal& cv = k->cv;
  if (!cv.valid() ||
      !(cv.kind == ConstVal::Int || (cv.kind == ConstVal::Float && cv.f == std::floor(cv.f)))) {
    err(k->pos, "index " + expr_string(k) + " must be integer constant");
    return false;
  }
  if (cv.kind == ConstVal::Float && std::fabs(cv.f) >= 9.2e18) {
    err(k->pos, expr_string(k) + " (" + describe(k) + ") overflows int");
    return false;
  }
  i128 v = cv.kind == ConstVal::Int ? cv.i : float_to_i128(cv.f);
  if (v < 0) {
    err(k->pos, "invalid argument: index " + expr_string(k) + " (constant of type int) must not be negative");
    return false;
  }
  if (v > INT64_MAX) {
    err(k->pos, expr_string(k) + " (" + describe(k) + ") overflows int");
    return false;
  }
  out = static_cast<int64_t>(v);
  return true;
}

void CheckerImpl::func_lit(Expr* e) {
  Type* sig = func_type(e->x);
  std::string name;
  // gc's names: a range-over-func loop's body is named after the function the loop is in
  // (main.main-range1), and is transparent to the literals inside it (main.main.func1)
  FuncInfo* outer = fn && fn->range_parent ? fn->range_parent : fn;
  bool range_body = range_lits_.count(e) > 0;
  if (!outer) {
    name = pkg->path + ".init.func" + std::to_string(++global_lits_);
  } else if (range_body) {
    name = outer->name + "-range" + std::to_string(++outer->nranges);
  } else if (!outer->lit) {
    name = outer->name + ".func" + std::to_string(++outer->nlits);
  } else {
    name = outer->name + "." + std::to_string(++outer->nlits);
  }
  FuncInfo* f = new_func(name, sig);
  if (range_body) f->range_parent = outer;
  f->lit = e;
  f->body = e->body;
  f->short_name = name.substr(name.rfind('.', name.rfind('.') - 1) + 1);
  e->func = f;
  e->type = sig;
  FuncInfo* saved_fn = fn;
  Scope* saved_scope = scope;
  auto saved_breakables = breakables_;
  breakables_.clear();
  Scope* fs = a.make<Scope>();
  fs->parent = scope;
  scope = fs;
  fn = f;
  body(f, e->x, e->body);
  fn = saved_fn;
  scope = saved_scope;
  breakables_ = saved_breakables;
}

void CheckerImpl::type_assert(Expr* e) {
  expr(e->x);
  Type* xt = e->x->type;
  if (xt->k == TK::Invalid) return;
  if (!e->y) {
    err(e->pos, "invalid syntax tree: use of .(type) outside type switch");
    return;
  }
  if (!is_interface(xt)) {
    err(e->x->pos,
        "invalid operation: " + expr_string(e->x) + " (" + describe(e->x) + ") is not an interface");
    return;
  }
  Type* t = resolve_type(e->y);
  e->type = t;
  if (!is_interface(t) && !in_instance_) {
    std::string missing;
    if (!implements(t, xt, &missing))
      err(e->y->pos, "impossible type assertion: " + expr_string(e->x) + ".(" + expr_string(e->y) + ")\n\t" +
                         type_string(t) + " does not implement " + type_string(xt) + " (" + missing + ")");
  }
}

}  // namespace golang
