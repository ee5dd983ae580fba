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
  if (s.kind != SelMethod && s.kind != SelIface) {
    err(e->sel_pos.line ? e->sel_pos : e->pos,
        text + " undefined (type " + type_string(recv) + " has no method " + e->name + ")");
    return;
  }
  Type* sig = s.type;
  if (s.kind == SelMethod) {
    if (!s.method->type) func_signature(s.method);
    sig = s.method->type;
    bool recv_is_ptr = recv->under()->k == TK::Pointer || s.indirect;
    if (s.ptr_recv && !recv_is_ptr) {
      err(e->pos, "invalid method expression " + text + " (needs pointer receiver (*" + type_string(recv) + ")." +
                      e->name + ")");
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
