// lang/types/check_stmt.cpp: the checker's statements: scopes, assignments and short variable
// declarations, control flow, labels, switch/type switch/select and "missing return".
#include <algorithm>
#include <set>

#include "types/checker_impl.hpp"

namespace golang {

void CheckerImpl::open_scope() {
  Scope* s = a.make<Scope>();
  s->parent = scope;
  scope = s;
}
void CheckerImpl::close_scope() { scope = scope->parent; }

Object* CheckerImpl::local_var(const std::string& name, Pos p, Type* t) {
  Object* o = new_obj(OK::Var, name, p);
  o->type = t;
  o->owner = fn;
  if (name != "_") locals_.push_back(o);
  return o;
}

void CheckerImpl::block_stmts(std::vector<Stmt*>& list) {
  open_lists_.push_back({&list, 0});
  for (size_t i = 0; i < list.size(); i++) {
    open_lists_.back().second = i;
    Stmt* s = list[i];
    if (s->k == SK::Branch && s->tok == Tok::Fallthrough) {
      err(s->pos, "fallthrough statement out of place");
      continue;
    }
    stmt(s);
  }
  open_lists_.pop_back();
}

// collect_labels() declares the labels of a function body: a label's scope is the whole body,
// blocks nested in it too (not the bodies of function literals, which have their own).
// block_start is where the block whose statements list holds begins.
void CheckerImpl::collect_labels(std::vector<Stmt*>& list, Pos block_start) {
  for (size_t i = 0; i < list.size(); i++) {
    Stmt* s = list[i];
    if (!s) continue;
    while (s && s->k == SK::Labeled) {  // L1: L2: stmt: both labels are at list[i]
      if (labels_.count(s->label))
        err(s->pos, "label " + s->label + " already defined");
      else
        labels_[s->label] = {s, false, &list, i, block_start};
      s = s->stmt;
    }
    if (!s) continue;
    if (s->body) collect_labels(s->body->list, s->body->lbrace);
    if (s->els) {
      std::vector<Stmt*> e{s->els};
      collect_labels(e);
    }
    if (s->k == SK::Case || s->k == SK::Comm) collect_labels(s->stmts, s->pos);
  }
}

void CheckerImpl::lhs_expr(Expr* e) {
  Expr* b = e;
  while (b->k == EK::Paren) b = b->x;
  if (b->k == EK::Ident && b->name == "_") {
    b->type = nullptr;
    return;
  }
  if (b->k == EK::Ident) {
    Object* o = scope->lookup(b->name);
    if (o && o->k == OK::Var) {
      // an assignment is not a use
      bool was = o->used;
      expr(b);
      o->used = was;
      e->type = b->type;
      return;
    }
  }
  expr(e);
  if (e->type->k == TK::Invalid) return;
  if (b->k == EK::Index && b->x->type->under()->k == TK::Map) return;
  if (!addressable(e)) {
    if (b->k == EK::Selector && b->x->k == EK::Index && b->x->x->type->under()->k == TK::Map)
      err(e->pos, "cannot assign to struct field " + expr_string(e) + " in map");
    else if (b->k == EK::Index && is_string(b->x->type))
      err(e->pos, "cannot assign to " + expr_string(e) + " (neither addressable nor a map index expression)");
    else if (b->cv.valid() || (b->obj && b->obj->k == OK::Const))
      err(e->pos, "cannot assign to " + expr_string(e) + " (neither addressable nor a map index expression)");
    else
      err(e->pos, "cannot assign to " + expr_string(e) + " (neither addressable nor a map index expression)");
  }
}

void CheckerImpl::assign_stmt(Stmt* s) {
  if (s->tok == Tok::Define) {
    define(s);
    return;
  }
  if (s->tok != Tok::Assign) {
    // x op= y
    if (s->lhs.size() != 1 || s->rhs.size() != 1) {
      err(s->pos,
          "assignment operation " + std::string(tok_string(s->tok)) + " requires single-valued expressions");
      return;
    }
    lhs_expr(s->lhs[0]);
    // mark the read
    Expr* b = s->lhs[0];
    while (b->k == EK::Paren) b = b->x;
    Expr* bin = a.make<Expr>();
    bin->k = EK::Binary;
    bin->pos = s->pos;
    static const std::pair<Tok, Tok> ops[] = {
        {Tok::AddAssign, Tok::Add}, {Tok::SubAssign, Tok::Sub},      {Tok::MulAssign, Tok::Mul},
        {Tok::QuoAssign, Tok::Quo}, {Tok::RemAssign, Tok::Rem},      {Tok::AndAssign, Tok::And},
        {Tok::OrAssign, Tok::Or},   {Tok::XorAssign, Tok::Xor},      {Tok::ShlAssign, Tok::Shl},
        {Tok::ShrAssign, Tok::Shr}, {Tok::AndNotAssign, Tok::AndNot}};
    for (auto [a1, b1] : ops)
      if (a1 == s->tok) bin->op = b1;
    bin->x = clone(s->lhs[0]);
    bin->y = s->rhs[0];
    expr(bin);  // x op= y reads x: a use, as gc counts it
    s->rhs[0] = bin;
    if (s->lhs[0]->type && bin->type->k != TK::Invalid) assign(bin, s->lhs[0]->type, "assignment");
    return;
  }
  size_t nl = s->lhs.size(), nr = s->rhs.size();
  for (Expr* l : s->lhs) lhs_expr(l);
  if (nr == 1 && (nl > 1 || s->rhs[0]->k == EK::Call)) {
    expr(s->rhs[0], true);
    std::vector<Type*> ts = tuple_of(s->rhs[0], nl);
    if (ts.size() != nl) {
      err(s->rhs[0]->pos, "assignment mismatch: " + std::to_string(nl) + " variable" + (nl > 1 ? "s" : "") +
                              " but " + value_count(s->rhs[0]));
      return;
    }
    if (nl == 1) {
      if (s->lhs[0]->type) assign(s->rhs[0], s->lhs[0]->type, "assignment");
      return;
    }
    for (size_t i = 0; i < nl; i++) {
      if (!s->lhs[i]->type) continue;
      std::string why;
      if (!assignable(ts[i], s->lhs[i]->type, nullptr, &why))
        err(s->rhs[0]->pos, "cannot use " + expr_string(s->rhs[0]) + " (value of type " + type_string(ts[i]) +
                                ") as " + type_string(s->lhs[i]->type) + " value in assignment");
    }
    return;
  }
  if (nl != nr) {
    for (Expr* r : s->rhs) expr(r, true);
    err(s->rhs[0]->pos, "assignment mismatch: " + std::to_string(nl) + " variable" + (nl > 1 ? "s" : "") +
                            " but " + (nr == 1 ? value_count(s->rhs[0]) : std::to_string(nr) + " values"));
    return;
  }
  for (size_t i = 0; i < nl; i++) {
    value_for(s->rhs[i], s->lhs[i]->type);
    if (s->lhs[i]->type)
      assign(s->rhs[i], s->lhs[i]->type, "assignment");
    else if (is_untyped(s->rhs[i]->type)) {
      if (s->rhs[i]->type->k == TK::UntypedNil)
        err(s->rhs[i]->pos, "use of untyped nil in assignment");
      else
        convert_untyped(s->rhs[i], default_type(u, s->rhs[i]->type), true);
    }
  }
}

void CheckerImpl::define(Stmt* s) {
  size_t nl = s->lhs.size(), nr = s->rhs.size();
  std::vector<Type*> ts;
  if (nr == 1) {
    expr(s->rhs[0], true);
    ts = tuple_of(s->rhs[0], nl);
    if (ts.size() != nl) {
      err(s->rhs[0]->pos, "assignment mismatch: " + std::to_string(nl) + " variable" + (nl > 1 ? "s" : "") +
                              " but " + value_count(s->rhs[0]));
      ts.assign(nl, u.basic(TK::Invalid));
      s->rhs[0]->type = u.basic(TK::Invalid);
    }
  } else {
    for (size_t i = 0; i < nr; i++) {
      expr(s->rhs[i]);
    }
    if (nl != nr) {
      err(s->rhs[0]->pos, "assignment mismatch: " + std::to_string(nl) + " variable" + (nl > 1 ? "s" : "") +
                              " but " + std::to_string(nr) + " value" + (nr > 1 ? "s" : ""));
      ts.assign(nl, u.basic(TK::Invalid));
    } else {
      for (Expr* r : s->rhs) ts.push_back(r->type);
    }
  }
  bool any_new = false;
  std::vector<Object*> fresh;
  std::set<std::string> names;
  for (size_t i = 0; i < nl; i++) {
    Expr* l = s->lhs[i];
    if (l->k != EK::Ident) {
      err(l->pos, "non-name " + expr_string(l) + " on left side of :=");
      fresh.push_back(nullptr);
      continue;
    }
    if (l->name != "_" && !names.insert(l->name).second) {
      err(l->pos, l->name + " repeated on left side of :=");
      fresh.push_back(nullptr);
      continue;
    }
    auto it = scope->names.find(l->name);
    if (it != scope->names.end() && l->name != "_") {
      // reuse: an assignment to the existing variable
      Object* o = it->second;
      l->obj = o;
      l->type = o->type;
      fresh.push_back(nullptr);
      if (o->k == OK::Var && nl == nr) {
        assign(s->rhs[i], o->type, "assignment");
      } else if (o->k == OK::Var) {
        std::string why;
        if (ts[i]->k != TK::Invalid && !assignable(ts[i], o->type, nullptr, &why))
          err(s->rhs[0]->pos, "cannot use " + expr_string(s->rhs[0]) + " (value of type " +
                                  type_string(ts[i]) + ") as " + type_string(o->type) +
                                  " value in assignment");
      }
      continue;
    }
    if (l->name != "_") any_new = true;
    Type* t = ts[i];
    if (nl == nr) {
      Expr* r = s->rhs[i];
      if (r->type->k == TK::UntypedNil) {
        err(r->pos, "use of untyped nil in assignment");
        t = u.basic(TK::Invalid);
      } else if (is_untyped(r->type)) {
        convert_untyped(r, default_type(u, r->type), true);
        t = r->type;
      } else if (r->type->k == TK::Tuple) {
        t = u.basic(TK::Invalid);
      }
    } else {
      t = default_type(u, t);
    }
    Object* o = local_var(l->name, l->pos, t);
    l->obj = o;
    l->type = t;
    fresh.push_back(o);
  }
  if (!any_new) err(s->pos, "no new variables on left side of :=");
  for (Object* o : fresh)
    if (o) declare(scope, o, o->pos);
  s->objs = fresh;
}

void CheckerImpl::return_stmt(Stmt* s) {
  Type* sig = fn->sig;
  std::vector<Type*>& want = sig->results;
  auto have_want = [&](std::vector<Expr*>& have) {
    std::string h = "\n\thave (";
    for (size_t i = 0; i < have.size(); i++) {
      Type* t = have[i]->type;
      h += (i ? ", " : "");
      h += t && is_untyped(t) && t->k != TK::UntypedNil ? "number" : type_string(t);
    }
    h += ")\n\twant (";
    for (size_t i = 0; i < want.size(); i++) h += (i ? ", " : "") + type_string(want[i]);
    return h + ")";
  };
  if (s->lhs.empty()) {
    if (!want.empty() && !fn->named_results) {
      std::vector<Expr*> none;
      err(s->pos, "not enough return values" + have_want(none));
    }
    if (fn->named_results)
      for (Object* r : fn->results)
        if (r->name != "_" && scope->lookup(r->name) != r) {  // _ is never declared, nor shadowed
          err(s->pos, "result parameter " + r->name + " not in scope at return");
          break;
        }
    return;
  }
  if (s->lhs.size() == 1 && want.size() > 1) {
    expr(s->lhs[0], true);
    Type* t = s->lhs[0]->type;
    if (t->k == TK::Tuple && t->results.size() == want.size()) {
      for (size_t i = 0; i < want.size(); i++)
        if (!assignable(t->results[i], want[i], nullptr, nullptr))
          err(s->lhs[0]->pos, "cannot use " + expr_string(s->lhs[0]) + " value as " + type_string(want[i]) +
                                  " value in return statement");
      return;
    }
    if (t->k != TK::Invalid) err(s->lhs[0]->pos, "not enough return values" + have_want(s->lhs));
    return;
  }
  for (size_t i = 0; i < s->lhs.size(); i++) value_for(s->lhs[i], i < want.size() ? want[i] : nullptr);
  if (s->lhs.size() != want.size()) {
    if (want.empty())
      err(s->lhs[0]->pos, "too many return values" + have_want(s->lhs));
    else if (s->lhs.size() > want.size())
      err(s->lhs[want.size()]->pos, "too many return values" + have_want(s->lhs));
    else
      err(s->lhs[0]->pos, "not enough return values" + have_want(s->lhs));
    return;
  }
  for (size_t i = 0; i < want.size(); i++) assign(s->lhs[i], want[i], "return statement");
}

void CheckerImpl::branch(Stmt* s) {
  if (s->tok == Tok::Goto) {
    check_goto(s);
    return;
  }
  if (s->tok == Tok::Fallthrough) return;  // placement checked by the switch
  const char* what = s->tok == Tok::Break ? "break" : "continue";
  if (!s->label.empty()) {
    auto it = labels_.find(s->label);
    if (it == labels_.end()) {
      err(s->pos, std::string(what) + " label not defined: " + s->label);
      return;
    }
    it->second.used = true;
    for (auto b = breakables_.rbegin(); b != breakables_.rend(); ++b)
      if (b->label == s->label) {
        if (s->tok == Tok::Continue && !b->is_loop) {
          err(s->pos, "invalid continue label " + s->label);
          return;
        }
        s->target = b->stmt;
        return;
      }
    err(s->pos, std::string("invalid ") + what + " label " + s->label);
    return;
  }
  for (auto b = breakables_.rbegin(); b != breakables_.rend(); ++b) {
    if (s->tok == Tok::Continue && !b->is_loop) continue;
    s->target = b->stmt;
    return;
  }
  if (s->tok == Tok::Break)
    err(s->pos, "break is not in a loop, switch, or select");
  else
    err(s->pos, "continue is not in a loop");
}

void CheckerImpl::stmt(Stmt* s) {
  switch (s->k) {
    case SK::Empty:
    case SK::Bad:
      return;
    case SK::Decl: {
      GenDecl* d = s->decl;
      for (Spec* sp : d->specs) {
        if (d->tok == Tok::Var) {
          std::vector<Object*> objs;
          for (Expr* n : sp->names) objs.push_back(local_var(n->name, n->pos, nullptr));
          var_decl(sp, objs);
          for (size_t i = 0; i < objs.size(); i++) {
            sp->names[i]->obj = objs[i];
            if (!objs[i]->type) objs[i]->type = u.basic(TK::Invalid);
            declare(scope, objs[i], objs[i]->pos);
          }
        } else if (d->tok == Tok::Const) {
          for (size_t i = 0; i < sp->names.size(); i++) {
            Object* o = new_obj(OK::Const, sp->names[i]->name, sp->names[i]->pos);
            o->spec = sp;
            o->spec_index = static_cast<int>(i);
            sp->names[i]->obj = o;
            resolve_const(o);
            o->used = true;
            declare(scope, o, o->pos);
          }
        } else if (d->tok == Tok::Type) {
          if (!sp->tparams.empty()) {
            unsupported(sp->pos, "generic types");
            continue;
          }
          Object* o = new_obj(OK::TypeName, sp->names[0]->name, sp->names[0]->pos);
          o->spec = sp;
          sp->names[0]->obj = o;
          declare(scope, o, o->pos);
          resolve_typename(o);
        }
      }
      return;
    }
    case SK::Labeled: {
      Stmt* inner = s->stmt;
      if (inner->k == SK::For || inner->k == SK::Range || inner->k == SK::Switch ||
          inner->k == SK::TypeSwitch || inner->k == SK::Select) {
        inner->label = s->label;
      }
      stmt(inner);
      return;
    }
    case SK::Expr: {
      Expr* x = s->x;
      expr(x, true);
      Expr* b = x;
      while (b->k == EK::Paren) b = b->x;
      if (b->k == EK::Call) {
        if (b->x->is_type) {
          err(s->pos, expr_string(x) + " (" + describe(x) + ") is not used");
          return;
        }
        Expr* f = b->x;
        if (f->k == EK::Ident && f->obj && f->obj->k == OK::Builtin) {
          Builtin bi = f->obj->builtin;
          if (bi == BAppend || bi == BLen || bi == BCap || bi == BMake || bi == BNew || bi == BMin ||
              bi == BComplex || bi == BReal || bi == BImag || bi == BMax)
            err(s->pos, expr_string(x) + " (" + describe(x) + ") is not used");
        }
        return;
      }
      if (b->k == EK::Unary && b->op == Tok::Arrow) return;
      if (x->type->k == TK::Invalid) return;
      err(s->pos, expr_string(x) + " (" + describe(x) + ") is not used");
      return;
    }
    case SK::Send: {
      expr(s->x);
      expr(s->y);
      Type* t = s->x->type->under();
      if (t->k == TK::Invalid) return;
      if (t->k != TK::Chan) {
        err(s->x->pos, "invalid operation: cannot send to non-channel " + expr_string(s->x) + " (" +
                           describe(s->x) + ")");
        return;
      }
      if (t->dir == 2) {
        err(s->x->pos, "invalid operation: cannot send to receive-only channel " + expr_string(s->x) + " (" +
                           describe(s->x) + ")");
        return;
      }
      assign(s->y, t->elem, "send");
      return;
    }
    case SK::IncDec: {
      Expr* b = s->x;
      while (b->k == EK::Paren) b = b->x;
      if (b->k == EK::Ident && b->name == "_") {  // x++ reads x, and _ has no value to read
        err(b->pos, "cannot use _ as value");
        return;
      }
      Object* o = b->k == EK::Ident ? scope->lookup(b->name) : nullptr;
      lhs_expr(s->x);
      if (o) o->used = true;  // x++ reads x: a use, as gc counts it
      Type* t = s->x->type;
      if (t && t->k != TK::Invalid && !is_numeric(t))
        err(s->pos, "invalid operation: " + expr_string(s->x) + std::string(tok_string(s->tok)) +
                        " (non-numeric type " + type_string(t) + ")");
      return;
    }
    case SK::Assign:
      assign_stmt(s);
      return;
    case SK::Go:
    case SK::Defer: {
      if (s->frame) expr(s->frame);  // a range-over-func loop's function's frame
      Expr* c2 = s->x;
      expr(c2, true);
      Expr* f = c2->x;
      if (c2->x->is_type) {
        err(s->pos, std::string(s->k == SK::Go ? "go" : "defer") + " requires function call, not conversion");
        return;
      }
      if (f->k == EK::Ident && f->obj && f->obj->k == OK::Builtin) {
        Builtin bi = f->obj->builtin;
        if (bi == BAppend || bi == BLen || bi == BCap || bi == BMake || bi == BNew || bi == BMin ||
            bi == BComplex || bi == BReal || bi == BImag || bi == BMax)
          err(s->pos,
              std::string(s->k == SK::Go ? "go" : "defer") + " discards result of " + expr_string(c2));
      }
      return;
    }
    case SK::Return:
      return_stmt(s);
      return;
    case SK::Branch:
      branch(s);
      return;
    case SK::Block:
      open_scope();
      block_stmts(s->body->list);
      close_scope();
      return;
    case SK::If: {
      open_scope();
      if (s->init) stmt(s->init);
      expr(s->x);
      if (s->x->type->k != TK::Invalid && !is_boolean(s->x->type))
        err(s->x->pos, "non-boolean condition in if statement");
      else
        convert_untyped(s->x, u.basic(TK::Bool), false);
      open_scope();
      block_stmts(s->body->list);
      close_scope();
      if (s->els) stmt(s->els);
      close_scope();
      return;
    }
    case SK::For: {
      open_scope();
      if (s->init) stmt(s->init);
      if (s->x) {
        expr(s->x);
        if (s->x->type->k != TK::Invalid && !is_boolean(s->x->type))
          err(s->x->pos, "non-boolean condition in for statement");
        else
          convert_untyped(s->x, u.basic(TK::Bool), false);
      }
      if (s->post) stmt(s->post);
      breakables_.push_back({s, s->label, true});
      open_scope();
      block_stmts(s->body->list);
      close_scope();
      breakables_.pop_back();
      close_scope();
      return;
    }
    case SK::Range:
      range_stmt(s);
      return;
    case SK::Switch:
      switch_stmt(s);
      return;
    case SK::TypeSwitch:
      type_switch(s);
      return;
    case SK::Select:
      select_stmt(s);
      return;
    default:
      err(s->pos, "unexpected statement");
      return;
  }
}

void CheckerImpl::range_stmt(Stmt* s) {
  open_scope();
  expr(s->x);
  Type* t = s->x->type;
  Type* tu = t->under();
  Type *kt = nullptr, *vt = nullptr;
  if (tu->k == TK::Pointer && tu->elem->under()->k == TK::Array) tu = tu->elem->under();
  switch (tu->k) {
    case TK::Slice:
    case TK::Array:
      kt = u.basic(TK::Int);
      vt = tu->elem;
      break;
    case TK::String:
    case TK::UntypedString:
      kt = u.basic(TK::Int);
      vt = u.rune_t;
      convert_untyped(s->x, u.basic(TK::String), false);
      break;
    case TK::Map:
      kt = tu->key;
      vt = tu->elem;
      break;
    case TK::Chan:
      kt = tu->elem;
      if (tu->dir == 1)
        err(s->x->pos, "invalid operation: range " + expr_string(s->x) + " receive from send-only channel " +
                           type_string(t));
      if (s->lhs.size() > 1)
        err(s->lhs[1]->pos, "range over " + expr_string(s->x) + " (" + describe(s->x) +
                                ") permits only one iteration variable");
      break;
    case TK::Func:
      close_scope();
      range_func(s);
      return;
    case TK::Invalid:
      break;
    default:
      if (is_integer(tu)) {
        if (is_untyped(t)) convert_untyped(s->x, u.basic(TK::Int), true);
        kt = s->x->type;
        if (s->lhs.size() > 1)
          err(s->lhs[1]->pos, "range over " + expr_string(s->x) + " (" + describe(s->x) +
                                  ") permits only one iteration variable");
        break;
      }
      err(s->x->pos, "cannot range over " + expr_string(s->x) + " (" + describe(s->x) + ")");
  }
  Type* ts[2] = {kt, vt};
  if (s->lhs.size() > 2) {
    err(s->lhs[2]->pos, "range clause permits at most two iteration variables");
    s->lhs.resize(2);
  }
  if (s->tok == Tok::Define) {
    std::vector<Object*> objs;
    for (size_t i = 0; i < s->lhs.size() && i < 2; i++) {
      Expr* l = s->lhs[i];
      if (l->k != EK::Ident) {
        err(l->pos, "non-name " + expr_string(l) + " on left side of :=");
        objs.push_back(nullptr);
        continue;
      }
      Object* o = local_var(l->name, l->pos, ts[i] ? ts[i] : u.basic(TK::Invalid));
      l->obj = o;
      l->type = o->type;
      objs.push_back(o);
    }
    for (Object* o : objs)
      if (o) declare(scope, o, o->pos);
    s->objs = objs;
  } else if (!s->lhs.empty()) {
    for (size_t i = 0; i < s->lhs.size() && i < 2; i++) {
      lhs_expr(s->lhs[i]);
      if (s->lhs[i]->type && ts[i]) {
        std::string why;
        if (!assignable(ts[i], s->lhs[i]->type, nullptr, &why))
          err(s->lhs[i]->pos, "cannot assign " + type_string(ts[i]) + " to " + expr_string(s->lhs[i]) + " (" +
                                  describe(s->lhs[i]) + ") in range");
      }
    }
  }
  breakables_.push_back({s, s->label, true});
  open_scope();
  block_stmts(s->body->list);
  close_scope();
  breakables_.pop_back();
  close_scope();
}

void CheckerImpl::switch_stmt(Stmt* s) {
  open_scope();
  if (s->init) stmt(s->init);
  Type* tag = u.basic(TK::Bool);
  if (s->x) {
    expr(s->x);
    if (is_untyped(s->x->type)) convert_untyped(s->x, default_type(u, s->x->type), true);
    tag = s->x->type;
  }
  breakables_.push_back({s, s->label, false});
  struct SeenCase {
    ConstVal cv;
    Type* type;  // constants of different types are different cases (switch on an interface)
    Pos pos;
  };
  std::vector<SeenCase> seen;
  bool has_default = false;
  auto& clauses = s->body->list;
  for (size_t ci = 0; ci < clauses.size(); ci++) {
    Stmt* c2 = clauses[ci];
    if (c2->is_default) {
      if (has_default) err(c2->pos, "multiple defaults in switch");
      has_default = true;
    }
    for (Expr* v : c2->lhs) {
      expr(v);
      if (v->type->k == TK::Invalid || tag->k == TK::Invalid) continue;
      if (!s->x) {  // the tag is `true`: a case is a bool, or an interface a bool is assignable to
        if (is_interface(v->type) && assignable(tag, v->type, nullptr, nullptr)) continue;
        if (!is_boolean(v->type)) {
          err(v->pos, "invalid case " + expr_string(v) + " in switch (mismatched types " +
                          type_string(v->type) + " and bool)");
          continue;
        }
        convert_untyped(v, tag, false);
        continue;
      }
      if (is_untyped(v->type)) {
        if (!convert_untyped(v, tag, false)) {
          err(v->pos,
              "cannot convert " + expr_string(v) + " (" + describe(v) + ") to type " + type_string(tag));
          continue;
        }
      } else if (!assignable(v->type, tag, nullptr, nullptr) && !assignable(tag, v->type, nullptr, nullptr)) {
        err(v->pos, "invalid case " + expr_string(v) + " in switch on " + expr_string(s->x) +
                        " (mismatched types " + type_string(v->type) + " and " + type_string(tag) + ")");
        continue;
      }
      if (v->cv.valid() && !in_instance_) {  // gc checks generic code once, with T(0) not constant
        for (auto& [cv, type, p] : seen)
          if (cv.kind == v->cv.kind && identical(type, v->type) &&
              ((cv.kind == ConstVal::Int && cv.i == v->cv.i) ||
               (cv.kind == ConstVal::String && cv.s == v->cv.s))) {
            err(v->pos, "duplicate case " + expr_string(v) + " in expression switch\n\t" + pkg->filename +
                            ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + ": previous case");
            break;
          }
        seen.push_back({v->cv, v->type, v->pos});
      }
    }
    open_scope();
    auto& body = c2->stmts;
    for (size_t i = 0; i < body.size(); i++) {
      Stmt* st = body[i];
      if (st->k == SK::Branch && st->tok == Tok::Fallthrough) {
        if (i + 1 != body.size())
          err(st->pos, "fallthrough statement out of place");
        else if (ci + 1 == clauses.size())
          err(st->pos, "cannot fallthrough final case in switch");
        continue;
      }
      stmt(st);
    }
    close_scope();
  }
  breakables_.pop_back();
  close_scope();
}

void CheckerImpl::type_switch(Stmt* s) {
  open_scope();
  if (s->init) stmt(s->init);
  Stmt* g = s->assign;
  Expr* ta = g->k == SK::Expr ? g->x : g->rhs[0];
  std::string vname;
  Pos vpos;
  if (g->k == SK::Assign) {
    vname = g->lhs[0]->name;
    vpos = g->lhs[0]->pos;
    if (vname == "_") err(vpos, "no new variable on left side of :=");
  }
  expr(ta->x);
  Type* xt = ta->x->type;
  if (xt->k != TK::Invalid && !is_interface(xt)) {
    err(ta->x->pos, expr_string(ta->x) + " (" + describe(ta->x) + ") is not an interface");
    xt = u.basic(TK::Invalid);
  }
  ta->type = xt;
  breakables_.push_back({s, s->label, false});
  std::vector<Object*> vars;
  bool has_default = false;
  for (Stmt* c2 : s->body->list) {
    Type* single = nullptr;
    if (c2->is_default) {
      if (has_default) err(c2->pos, "multiple defaults in switch");
      has_default = true;
    }
    for (Expr* te : c2->lhs) {
      if (te->k == EK::Ident && te->name == "nil" && scope->lookup("nil") &&
          scope->lookup("nil")->k == OK::Nil) {
        te->type = u.basic(TK::UntypedNil);
        single = c2->lhs.size() == 1 ? xt : nullptr;
        continue;
      }
      Type* t = resolve_type(te);
      if (c2->lhs.size() == 1) single = t;
      if (t->k != TK::Invalid && xt->k != TK::Invalid && !is_interface(t) && !in_instance_) {
        std::string missing;
        if (!implements(t, xt, &missing))
          err(te->pos, "impossible type switch case: " + expr_string(ta->x) + " (" + describe(ta->x) +
                           ") cannot have dynamic type " + type_string(t) + " (" + missing + ")");
      }
    }
    open_scope();
    if (!vname.empty() && vname != "_") {
      Object* o = new_obj(OK::Var, vname, vpos);
      o->type = single ? single : xt;
      o->owner = fn;
      declare(scope, o, vpos);
      c2->tsvar = o;
      vars.push_back(o);
    }
    block_stmts(c2->stmts);
    close_scope();
  }
  if (!vname.empty() && vname != "_") {
    bool used = false;
    for (Object* o : vars) used = used || o->used;
    if (!used) err(vpos, "declared and not used: " + vname);
  }
  breakables_.pop_back();
  close_scope();
}

void CheckerImpl::select_stmt(Stmt* s) {
  breakables_.push_back({s, s->label, false});
  bool has_default = false;
  for (Stmt* c2 : s->body->list) {
    open_scope();
    if (c2->is_default) {
      if (has_default) err(c2->pos, "multiple defaults in select");
      has_default = true;
    } else {
      Stmt* comm = c2->assign;
      bool ok = false;
      if (comm->k == SK::Send) {
        ok = true;
        stmt(comm);
      } else {
        Expr* rx = nullptr;
        if (comm->k == SK::Expr) rx = comm->x;
        if (comm->k == SK::Assign && comm->rhs.size() == 1 && comm->lhs.size() <= 2 &&
            (comm->tok == Tok::Assign || comm->tok == Tok::Define))
          rx = comm->rhs[0];
        Expr* b = rx;
        while (b && b->k == EK::Paren) b = b->x;
        if (b && b->k == EK::Unary && b->op == Tok::Arrow) {
          ok = true;
          stmt(comm);
          if (comm->k == SK::Assign && comm->lhs.size() == 2) b->comma_ok = 1;
        }
      }
      if (!ok) err(comm->pos, "select case must be receive, send or assign recv");
    }
    block_stmts(c2->stmts);
    close_scope();
  }
  breakables_.pop_back();
}

// ---------------------------------------------------------------------------------------------
// terminating statements (the spec's rules, for "missing return")

bool CheckerImpl::has_break(Stmt* s, Stmt* target, bool top) {
  if (!s) return false;
  switch (s->k) {
    case SK::Branch:
      return s->tok == Tok::Break && s->target == target;
    case SK::Block:
      for (Stmt* x : s->body->list)
        if (has_break(x, target, top)) return true;
      return false;
    case SK::If:
      for (Stmt* x : s->body->list)
        if (has_break(x, target, top)) return true;
      return has_break(s->els, target, top);
    case SK::Labeled:
      return has_break(s->stmt, target, top);
    case SK::For:
    case SK::Range:
    case SK::Switch:
    case SK::TypeSwitch:
    case SK::Select:
      for (Stmt* x : s->body->list)
        if (has_break(x, target, false)) return true;
      return false;
    case SK::Case:
    case SK::Comm:
      for (Stmt* x : s->stmts)
        if (has_break(x, target, top)) return true;
      return false;
    default:
      return false;
  }
}

bool CheckerImpl::terminating_list(std::vector<Stmt*>& list) {
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    if ((*it)->k == SK::Empty) continue;
    return terminating(*it);
  }
  return false;
}

bool CheckerImpl::terminating(Stmt* s) {
  switch (s->k) {
    case SK::Return:
      return true;
    case SK::Branch:
      return s->tok == Tok::Goto || s->tok == Tok::Fallthrough;
    case SK::Expr: {
      Expr* c2 = s->x;
      if (c2->k == EK::Call && c2->x->k == EK::Ident && c2->x->obj && c2->x->obj->k == OK::Builtin &&
          c2->x->obj->builtin == BPanic)
        return true;
      if (c2->k == EK::Call && c2->x->k == EK::Selector && c2->x->sel_kind == SelPkg && c2->x->obj &&
          c2->x->obj->pkgpath == "os" && c2->x->name == "Exit")
        return false;
      return false;
    }
    case SK::Block:
      return terminating_list(s->body->list);
    case SK::If:
      return s->els && terminating_list(s->body->list) && terminating(s->els);
    case SK::Labeled:
      return terminating(s->stmt);
    case SK::For:
      return !s->x && !has_break(s, s, true);
    case SK::Range:
      return false;
    case SK::Switch:
    case SK::TypeSwitch:
    case SK::Select: {
      bool has_default = s->k == SK::Select;
      for (Stmt* c2 : s->body->list) {
        if (c2->is_default) has_default = true;
        if (!terminating_list(c2->stmts)) return false;
        for (Stmt* x : c2->stmts)
          if (has_break(x, s, true)) return false;
      }
      return has_default;
    }
    default:
      return false;
  }
}

}  // namespace golang

namespace golang {

namespace {
// RangeFuncBody rewrites a range-over-func loop's body into the body of its yield function,
// as Go 1.23's compiler does (cmd/compile/internal/rangefunc). Loop N keeps its state in #stN:
// 0 ready for the next call of yield, 1 done (the body returned false), 2 in the body (a panic
// leaves it so), 3 the loop is over; every way out of the body sets it. A continue of the loop
// becomes `{ #stN = 0; return true }`, a break `{ #stN = 1; return false }`. A return of the
// enclosing function, and a break, continue or goto to a label outside the body, become
// `{ #nextN = k; (#rN_0, ... = results); #stN = 1; return false }`, and after the call of the
// iterator `if #nextN == k { that statement }` does it where its label is in scope. A defer
// is made onto the enclosing function's frame (#dfN, which the DEFERAT instruction takes).
// In nested loops the outer loop is rewritten first: what leaves both loops has become a
// return from the outer yield function, which the inner loop's rewrite carries out in turn.
struct RangeFuncBody {
  CheckerImpl& ck;
  std::string n;                   // the loop's number, in its hidden names
  std::string label;               // the loop's own label, or ""
  std::vector<std::string> inner;  // labels declared inside the body
  std::vector<Object*>* results;   // the enclosing function's results, or null: none
  std::vector<Stmt*> exits;        // #nextN == k + 3 does exits[k]
  Stmt* bare = nullptr;            // the first return without values (#nextN == 2)
  bool returns = false;            // a return with values (#nextN == 1)
  bool defers = false;             // #dfN is used
  bool label_used = false;

  Expr* ident(const std::string& name, Pos p) {
    Expr* e = ck.a.make<Expr>();
    e->k = EK::Ident;
    e->name = name;
    e->pos = p;
    return e;
  }
  Expr* hidden(const std::string& what, Pos p) { return ident("#" + what + n, p); }
  Expr* int_lit(int v, Pos p) {
    Expr* e = ck.a.make<Expr>();
    e->k = EK::BasicLit;
    e->op = Tok::Int;
    e->name = std::to_string(v);
    e->pos = p;
    return e;
  }
  Stmt* set(Expr* lhs, Expr* rhs, Pos p) {
    Stmt* as = ck.a.make<Stmt>();
    as->k = SK::Assign;
    as->tok = Tok::Assign;
    as->pos = p;
    as->lhs.push_back(lhs);
    as->rhs.push_back(rhs);
    return as;
  }
  Stmt* set_state(int v, Pos p) { return set(hidden("st", p), int_lit(v, p), p); }
  Stmt* ret(bool v, Pos p) {
    Stmt* r = ck.a.make<Stmt>();
    r->k = SK::Return;
    r->pos = p;
    r->lhs.push_back(ident(v ? "true" : "false", p));
    return r;
  }
  Stmt* block(std::vector<Stmt*> list, Pos p) {
    Stmt* blk = ck.a.make<Stmt>();
    blk->k = SK::Block;
    blk->pos = p;
    blk->body = ck.a.make<Block>();
    blk->body->lbrace = blk->body->rbrace = p;
    blk->body->list = std::move(list);
    return blk;
  }
  // leave() is `{ #nextN = code; pre...; #stN = 1; return false }`
  Stmt* leave(int code, std::vector<Stmt*> pre, Pos p) {
    std::vector<Stmt*> l{set(hidden("next", p), int_lit(code, p), p)};
    for (Stmt* x : pre) l.push_back(x);
    l.push_back(set_state(1, p));
    l.push_back(ret(false, p));
    return block(std::move(l), p);
  }
  // exit() sends a branch out of the body to the statements after the iterator's call
  void exit(Stmt*& s) {
    exits.push_back(s);
    s = leave(static_cast<int>(exits.size()) + 2, {}, s->pos);
  }
  void collect(Stmt* s) {
    if (!s) return;
    if (s->k == SK::Labeled) inner.push_back(s->label);
    collect(s->stmt);
    collect(s->els);
    if (s->body)
      for (Stmt* x : s->body->list) collect(x);
    for (Stmt* x : s->stmts) collect(x);
  }
  bool is_inner(const std::string& l) { return std::find(inner.begin(), inner.end(), l) != inner.end(); }
  void list(std::vector<Stmt*>& l, bool in_loop, bool in_break) {
    for (Stmt*& s : l) stmt(s, in_loop, in_break);
  }
  void stmt(Stmt*& s, bool in_loop, bool in_break) {
    if (!s) return;
    switch (s->k) {
      case SK::Branch:
        if (s->tok == Tok::Goto) {
          if (!is_inner(s->label)) exit(s);
          return;
        }
        if (s->tok == Tok::Break || s->tok == Tok::Continue) {
          bool mine = s->label.empty() ? !(s->tok == Tok::Break ? in_break : in_loop) : s->label == label;
          if (mine) {
            if (!s->label.empty()) label_used = true;
            bool cont = s->tok == Tok::Continue;
            s = block({set_state(cont ? 0 : 1, s->pos), ret(cont, s->pos)}, s->pos);
          } else if (!s->label.empty() && !is_inner(s->label)) {
            exit(s);
          }
        }
        return;
      case SK::Return: {
        if (s->lhs.empty() || !results || results->empty()) {
          if (!bare) bare = s;
          s = leave(2, {}, s->pos);
          return;
        }
        returns = true;
        Stmt* vals = ck.a.make<Stmt>();
        vals->k = SK::Assign;
        vals->tok = Tok::Assign;
        vals->pos = s->pos;
        for (size_t i = 0; i < results->size(); i++)
          vals->lhs.push_back(hidden("r" + std::to_string(i) + "_", s->pos));
        vals->rhs = s->lhs;
        s = leave(1, {vals}, s->pos);
        return;
      }
      case SK::Defer:
        if (!s->frame) {  // (an outer loop's rewrite gave it its function's frame already)
          s->frame = hidden("df", s->pos);
          defers = true;
        }
        return;
      case SK::For:
      case SK::Range:
        if (s->body) list(s->body->list, true, true);
        return;
      case SK::Switch:
      case SK::TypeSwitch:
      case SK::Select:
        if (s->body)
          for (Stmt* c : s->body->list) list(c->stmts, in_loop, true);
        return;
      case SK::Block:
        if (s->body) list(s->body->list, in_loop, in_break);
        return;
      case SK::If:
        if (s->body) list(s->body->list, in_loop, in_break);
        stmt(s->els, in_loop, in_break);
        return;
      case SK::Labeled:
        stmt(s->stmt, in_loop, in_break);
        return;
      default:
        return;
    }
  }
};
}  // namespace

// range_func() checks `for k, v := range f` over a function (Go 1.23) by rewriting the loop
// into a call of f with a yield function made of the body (see RangeFuncBody), and checking
// that; the compiler sees an ordinary call and closure:
//
//   { var #stN int; var #nextN int; var #rN_0 R0 ...; var #dfN = #deferframe()
//     f(func(k K, v V) bool {
//       if #stN != 0 { #rangepanic(#stN) }  // yield called after the loop ended
//       #stN = 2; body; #stN = 0; return true })
//     if #stN == 2 { #rangepanic(4) }  // the iterator recovered a panic of the body
//     #stN = 3
//     if #nextN == 1 { return #rN_0, ... }; if #nextN == 2 { return }; if #nextN == 3 { goto L } ... }
void CheckerImpl::range_func(Stmt* s) {
  Type* ft = s->x->type->under();
  Type* yt = ft->params.size() == 1 && !ft->variadic ? ft->params[0]->under() : nullptr;
  if (!ft->results.empty() || !yt || yt->k != TK::Func || yt->variadic || yt->results.size() != 1 ||
      !is_boolean(yt->results[0]) || yt->params.size() > 2) {
    err(s->x->pos, "cannot range over " + expr_string(s->x) + " (" + describe(s->x) + ")");
    return;
  }
  if (s->lhs.size() > yt->params.size()) {
    err(s->lhs[yt->params.size()]->pos,
        "range over " + expr_string(s->x) + " (" + describe(s->x) + ") permits only " +
            (yt->params.size() == 1 ? "one iteration variable" : "two iteration variables"));
    return;
  }
  Pos p = s->pos;
  RangeFuncBody rw{*this, std::to_string(++range_loops_), "", {}, fn ? &fn->results : nullptr, {}};
  for (auto& [name, l] : labels_)
    if (l.stmt && l.stmt->stmt == s) rw.label = name;
  for (Stmt* x : s->body->list) rw.collect(x);
  rw.list(s->body->list, false, false);
  if (rw.label_used) labels_[rw.label].used = true;
  auto typed = [&](Type* t) {  // a type expression that is already resolved
    Expr* e = a.make<Expr>();
    e->k = EK::Ident;
    e->pos = p;
    e->type = t;
    return e;
  };
  auto call_of = [&](const std::string& builtin, Expr* arg) {
    Expr* c = a.make<Expr>();
    c->k = EK::Call;
    c->pos = p;
    c->x = rw.ident(builtin, p);
    if (arg) c->list.push_back(arg);
    c->rbrace = p;
    return c;
  };
  auto expr_stmt = [&](Expr* x) {
    Stmt* st = a.make<Stmt>();
    st->k = SK::Expr;
    st->pos = p;
    st->x = x;
    return st;
  };
  auto if_stmt = [&](Expr* lhs, Tok op, int v, std::vector<Stmt*> then) {
    Expr* cond = a.make<Expr>();
    cond->k = EK::Binary;
    cond->op = op;
    cond->pos = p;
    cond->x = lhs;
    cond->y = rw.int_lit(v, p);
    Stmt* ifs = a.make<Stmt>();
    ifs->k = SK::If;
    ifs->pos = p;
    ifs->x = cond;
    ifs->body = a.make<Block>();
    ifs->body->lbrace = ifs->body->rbrace = p;
    ifs->body->list = std::move(then);
    return ifs;
  };
  // the yield function: func(k K, v V) bool { check; #stN = 2; k2 = k (for `=`); body; ... }
  Expr* ftype = a.make<Expr>();
  ftype->k = EK::FuncType;
  ftype->pos = p;
  Block* b = a.make<Block>();
  b->lbrace = s->body->lbrace;
  b->rbrace = s->body->rbrace;
  b->list.push_back(
      if_stmt(rw.hidden("st", p), Tok::Neq, 0, {expr_stmt(call_of("#rangepanic", rw.hidden("st", p)))}));
  b->list.push_back(rw.set_state(2, p));
  for (size_t i = 0; i < yt->params.size(); i++) {
    Field* f = a.make<Field>();
    f->pos = p;
    std::string name = "_";
    if (i < s->lhs.size()) {
      Expr* l = s->lhs[i];
      if (s->tok == Tok::Define && l->k == EK::Ident) {
        name = l->name;
      } else if (s->tok == Tok::Define) {
        err(l->pos, "non-name " + expr_string(l) + " on left side of :=");
      } else if (!(l->k == EK::Ident && l->name == "_")) {
        name = "#k" + std::to_string(i);
        b->list.push_back(rw.set(l, rw.ident(name, l->pos), l->pos));
      }
    }
    Expr* n = rw.ident(name, i < s->lhs.size() ? s->lhs[i]->pos : p);
    f->names.push_back(n);
    f->type = typed(yt->params[i]);
    ftype->fields.push_back(f);
  }
  Field* r = a.make<Field>();
  r->pos = p;
  r->type = typed(yt->results[0]);
  ftype->results.push_back(r);
  for (Stmt* x : s->body->list) b->list.push_back(x);
  b->list.push_back(rw.set_state(0, b->rbrace));
  b->list.push_back(rw.ret(true, b->rbrace));
  Expr* lit = a.make<Expr>();
  lit->k = EK::FuncLit;
  lit->pos = p;
  lit->x = ftype;
  lit->body = b;
  lit->rbrace = b->rbrace;
  range_lits_.insert(lit);
  Expr* call = a.make<Expr>();
  call->k = EK::Call;
  call->pos = s->x->pos;
  call->x = s->x;  // checked already: call() does not check it again
  call->list.push_back(lit);
  call->rbrace = b->rbrace;
  std::vector<Stmt*> list;
  auto var = [&](Expr* name, Type* t, Expr* value) {
    Stmt* d = a.make<Stmt>();
    d->k = SK::Decl;
    d->pos = p;
    d->decl = a.make<GenDecl>();
    d->decl->tok = Tok::Var;
    d->decl->pos = p;
    Spec* sp = a.make<Spec>();
    sp->pos = p;
    sp->names.push_back(name);
    sp->type = typed(t);
    if (value) sp->values.push_back(value);
    d->decl->specs.push_back(sp);
    list.push_back(d);
  };
  Type* int_t = u.basic(TK::Int);
  var(rw.hidden("st", p), int_t, nullptr);
  bool next = rw.returns || rw.bare || !rw.exits.empty();
  if (next) var(rw.hidden("next", p), int_t, nullptr);
  if (rw.returns)
    for (size_t i = 0; i < fn->results.size(); i++)
      var(rw.hidden("r" + std::to_string(i) + "_", p), fn->results[i]->type, nullptr);
  if (rw.defers) var(rw.hidden("df", p), int_t, call_of("#deferframe", nullptr));
  list.push_back(expr_stmt(call));
  list.push_back(
      if_stmt(rw.hidden("st", p), Tok::Eql, 2, {expr_stmt(call_of("#rangepanic", rw.int_lit(4, p)))}));
  list.push_back(rw.set_state(3, p));
  if (rw.returns) {
    Stmt* ret = a.make<Stmt>();
    ret->k = SK::Return;
    ret->pos = p;
    for (size_t i = 0; i < fn->results.size(); i++)
      ret->lhs.push_back(rw.hidden("r" + std::to_string(i) + "_", p));
    list.push_back(if_stmt(rw.hidden("next", p), Tok::Eql, 1, {ret}));
  }
  if (rw.bare) {
    Stmt* ret = a.make<Stmt>();
    ret->k = SK::Return;
    ret->pos = rw.bare->pos;
    list.push_back(if_stmt(rw.hidden("next", p), Tok::Eql, 2, {ret}));
  }
  for (size_t k = 0; k < rw.exits.size(); k++)
    list.push_back(if_stmt(rw.hidden("next", p), Tok::Eql, static_cast<int>(k) + 3, {rw.exits[k]}));
  s->k = SK::Block;
  s->body = a.make<Block>();
  s->body->lbrace = s->body->rbrace = p;
  s->body->list = list;
  s->x = nullptr;
  s->lhs.clear();
  stmt(s);
}

}  // namespace golang
