// lang/types/check_method_expr.cpp: method expressions, `T.m` and `(*T).m`. The checker rewrites
// one in place into the function literal it stands for, `func(recv T, a0 P0, ...) R { return
// recv.m(a0, ...) }`, so the compiler and the VM see only a closure that captures nothing.
//
// Invariants: the literal's parameter names cannot be written in Go (they hold '·'), so they
// shadow nothing the receiver type or arguments could name; its type expressions are
// preset_type() nodes, resolved already; a variadic method's literal is variadic and passes
// its last parameter on with `...`.
#include "types/checker_impl.hpp"

namespace golang {

// preset_type() is a type expression the checker has resolved already (resolve_type0 returns
// its type): an Ident with no name.
static Expr* preset_type(Arena& a, Type* t, Pos p) {
  Expr* e = a.make<Expr>();
  e->k = EK::Ident;
  e->pos = p;
  e->type = t;
  e->is_type = true;
  return e;
}

static Expr* ident_named(Arena& a, const std::string& name, Pos p) {
  Expr* e = a.make<Expr>();
  e->k = EK::Ident;
  e->pos = p;
  e->name = name;
  return e;
}

static Field* param(Arena& a, const std::string& name, Expr* type, Pos p) {
  Field* f = a.make<Field>();
  f->pos = p;
  if (!name.empty()) f->names.push_back(ident_named(a, name, p));
  f->type = type;
  return f;
}

void CheckerImpl::method_expr(Expr* e) {
  Type* recv = e->x->type;
  std::string text = expr_string(e);
  Checker::Selection s = c.lookup(recv, e->name);
  if (s.kind == -1) {
    err(e->pos, "ambiguous selector " + text);
    return;
  }
  Pos at = e->sel_pos.line ? e->sel_pos : e->pos;
  if (s.kind != SelMethod && s.kind != SelIface) {
    // gc's words: "no method" where a field has the name, else "no field or method" and
    // a method spelt with the other case as a hint
    std::string what = s.kind == SelField ? "method " : "field or method ";
    std::string hint;
    if (s.kind != SelField && !e->name.empty()) {
      std::string alt = e->name;
      alt[0] = exported(alt) ? static_cast<char>(alt[0] - 'A' + 'a') : static_cast<char>(alt[0] - 'a' + 'A');
      Checker::Selection s2 = c.lookup(recv, alt);
      if (s2.kind == SelMethod || s2.kind == SelIface) hint = ", but does have " + alt;
    }
    err(at, text + " undefined (type " + type_string(recv) + " has no " + what + e->name + hint + ")");
    return;
  }
  Type* sig = s.type;
  if (s.kind == SelMethod) {
    if (!s.method->type) func_signature(s.method);
    sig = s.method->type;
    bool recv_is_ptr = recv->under()->k == TK::Pointer || s.indirect;
    if (s.ptr_recv && !recv_is_ptr) {
      err(at, "cannot call pointer method " + e->name + " on " + type_string(recv));
      return;
    }
  }
  Pos p = e->pos;
  // the signature: the receiver first, then the method's own parameters
  Expr* ft = a.make<Expr>();
  ft->k = EK::FuncType;
  ft->pos = p;
  const std::string recv_name = "recv·";
  ft->fields.push_back(param(a, recv_name, preset_type(a, recv, p), p));
  Expr* call = a.make<Expr>();
  call->k = EK::Call;
  call->pos = p;
  Expr* sel = a.make<Expr>();
  sel->k = EK::Selector;
  sel->pos = p;
  sel->sel_pos = e->sel_pos;
  sel->x = ident_named(a, recv_name, p);
  sel->name = e->name;
  call->x = sel;
  for (size_t i = 0; i < sig->params.size(); i++) {
    std::string name = "a·" + std::to_string(i);
    bool last_variadic = sig->variadic && i + 1 == sig->params.size();
    Type* pt = last_variadic ? sig->params[i]->elem : sig->params[i];
    Field* f = param(a, name, preset_type(a, pt, p), p);
    f->variadic = last_variadic;
    ft->fields.push_back(f);
    call->list.push_back(ident_named(a, name, p));
  }
  call->ellipsis = sig->variadic;
  for (Type* r : sig->results) ft->results.push_back(param(a, "", preset_type(a, r, p), p));
  Stmt* st = a.make<Stmt>();
  st->pos = p;
  if (sig->results.empty()) {
    st->k = SK::Expr;
    st->x = call;
  } else {
    st->k = SK::Return;
    st->lhs.push_back(call);
  }
  Block* b = a.make<Block>();
  b->lbrace = p;
  b->rbrace = p;
  b->list.push_back(st);
  // e becomes the literal
  e->k = EK::FuncLit;
  e->x = ft;
  e->body = b;
  e->rbrace = p;
  e->name.clear();
  e->sel_kind = 0;
  func_lit(e);
}

}  // namespace golang
