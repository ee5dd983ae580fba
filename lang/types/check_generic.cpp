// lang/types/check_generic.cpp: type parameters, by instantiation per type-argument tuple.
//
// A generic function or type is not checked as it is written: each distinct instantiation
// (Sum[int], List[string]) is a deep clone of its declaration, checked as an ordinary
// function or named type in a scope that binds each type parameter's name to its type
// argument. The compiler then sees only ordinary functions and types, so a generic function
// over ints runs the code a hand-written one would.
//
// For inference and constraint checks a generic declaration also has an opaque view
// (Generic): its signature and constraints with each type parameter a TypeParam type.
//
// Invariants: the generic declaration's own syntax is never annotated (every use works on a
// clone); an instance is made once per generic object and type-argument tuple; an instance
// whose type arguments contain a TypeParam (part of an opaque view) has a signature but no
// body and is never compiled; every concrete instance's body is checked by drain_instances()
// before its package's initialization order is computed.
#include <algorithm>

#include "types/checker_impl.hpp"

namespace golang {

namespace {
std::string tparams_text(CheckerImpl& ck, const std::vector<Field*>& tps);
// kMaxInstances: instances one program may make (`func F[T any]() { F[[]T]() }` makes
// instances without end: gc reports an instantiation cycle).
constexpr int kMaxInstances = 20000;

std::string join_types(const std::vector<Type*>& ts, bool qualify, const char* sep) {
  std::string s;
  for (size_t i = 0; i < ts.size(); i++) s += (i ? sep : "") + type_string(ts[i], qualify);
  return s;
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// Deep clones of syntax, without the checker's annotations

Expr* CheckerImpl::deep(Expr* e) {
  if (!e) return nullptr;
  Expr* c2 = a.make<Expr>();
  *c2 = *e;
  c2->x = deep(e->x);
  c2->y = deep(e->y);
  c2->z = deep(e->z);
  for (auto& x : c2->list) x = deep(x);
  for (auto& f : c2->fields) f = deep(f);
  for (auto& f : c2->results) f = deep(f);
  c2->body = deep(e->body);
  c2->type = nullptr;
  c2->is_type = false;
  c2->cv = ConstVal();
  c2->obj = nullptr;
  c2->sel_kind = 0;
  c2->path.clear();
  c2->implicit_addr = false;
  c2->implicit_deref = false;
  c2->func = nullptr;
  c2->comma_ok = 0;
  return c2;
}

Field* CheckerImpl::deep(Field* f) {
  if (!f) return nullptr;
  Field* c2 = a.make<Field>();
  *c2 = *f;
  for (auto& n : c2->names) n = deep(n);
  c2->type = deep(f->type);
  return c2;
}

Block* CheckerImpl::deep(Block* b) {
  if (!b) return nullptr;
  Block* c2 = a.make<Block>();
  *c2 = *b;
  for (auto& s : c2->list) s = deep(s);
  return c2;
}

Stmt* CheckerImpl::deep(Stmt* s) {
  if (!s) return nullptr;
  Stmt* c2 = a.make<Stmt>();
  *c2 = *s;
  for (auto& x : c2->lhs) x = deep(x);
  for (auto& x : c2->rhs) x = deep(x);
  c2->x = deep(s->x);
  c2->y = deep(s->y);
  c2->init = deep(s->init);
  c2->post = deep(s->post);
  c2->assign = deep(s->assign);
  c2->body = deep(s->body);
  c2->els = deep(s->els);
  for (auto& x : c2->stmts) x = deep(x);
  c2->stmt = deep(s->stmt);
  c2->frame = deep(s->frame);
  if (s->decl) {
    GenDecl* d = a.make<GenDecl>();
    *d = *s->decl;
    for (auto& sp : d->specs) {
      Spec* n = a.make<Spec>();
      *n = *sp;
      for (auto& x : n->names) x = deep(x);
      n->type = deep(sp->type);
      for (auto& x : n->values) x = deep(x);
      n->alias = deep(sp->alias);
      for (auto& f : n->tparams) f = deep(f);
      n->import_obj = nullptr;
      sp = n;
    }
    c2->decl = d;
  }
  c2->objs.clear();
  c2->tsvar = nullptr;
  c2->target = nullptr;
  return c2;
}

FuncDecl* CheckerImpl::clone_func(FuncDecl* fd) {
  FuncDecl* c2 = a.make<FuncDecl>();
  *c2 = *fd;
  c2->recv = deep(fd->recv);
  c2->name = deep(fd->name);
  c2->type = deep(fd->type);
  c2->body = deep(fd->body);
  c2->tparams.clear();
  c2->obj = nullptr;
  c2->func = nullptr;
  return c2;
}

// mark_imports_used() marks the packages that generic code names (`math.Abs(x)`) as used:
// a generic body is checked only as instances, and one never instantiated still uses them.
void CheckerImpl::mark_imports_used(Expr* e) {
  if (!e) return;
  if (e->k == EK::Selector && e->x && e->x->k == EK::Ident)
    if (Object* o = pkg->scope->lookup(e->x->name); o && o->k == OK::Package) o->used = true;
  mark_imports_used(e->x);
  mark_imports_used(e->y);
  mark_imports_used(e->z);
  for (Expr* x : e->list) mark_imports_used(x);
  for (Field* f : e->fields) mark_imports_used(f->type);
  for (Field* f : e->results) mark_imports_used(f->type);
  if (e->body)
    for (Stmt* s : e->body->list) mark_imports_used(s);
}

void CheckerImpl::mark_imports_used(Stmt* s) {
  if (!s) return;
  for (Expr* x : s->lhs) mark_imports_used(x);
  for (Expr* x : s->rhs) mark_imports_used(x);
  mark_imports_used(s->x);
  mark_imports_used(s->y);
  mark_imports_used(s->init);
  mark_imports_used(s->post);
  mark_imports_used(s->assign);
  if (s->body)
    for (Stmt* x : s->body->list) mark_imports_used(x);
  mark_imports_used(s->els);
  for (Stmt* x : s->stmts) mark_imports_used(x);
  mark_imports_used(s->stmt);
  if (s->decl)
    for (Spec* sp : s->decl->specs) {
      mark_imports_used(sp->type);
      for (Expr* v : sp->values) mark_imports_used(v);
    }
}

void CheckerImpl::mark_imports_used(FuncDecl* fd) {
  if (fd->recv) mark_imports_used(fd->recv->type);
  mark_imports_used(fd->type);
  for (Field* f : fd->tparams) mark_imports_used(f->type);
  if (fd->body)
    for (Stmt* s : fd->body->list) mark_imports_used(s);
}

// ---------------------------------------------------------------------------------------------
// Generic declarations and their opaque view

bool CheckerImpl::is_generic(Object* o) {
  if (!o) return false;
  if (o->k == OK::Func) return o->decl && !o->decl->tparams.empty();
  if (o->k == OK::TypeName) return o->spec && !o->spec->tparams.empty();
  return false;
}

std::string CheckerImpl::generic_name(Object* o) {
  return o->name + tparams_text(*this, o->k == OK::Func ? o->decl->tparams : o->spec->tparams);
}

namespace {
std::string tparams_text(CheckerImpl& ck, const std::vector<Field*>& tps) {
  std::string s = "[";
  for (size_t i = 0; i < tps.size(); i++) {
    if (i) s += ", ";
    for (size_t k = 0; k < tps[i]->names.size(); k++) s += (k ? ", " : "") + tps[i]->names[k]->name;
    s += " " + ck.expr_string(tps[i]->type);
  }
  return s + "]";
}
}  // namespace

// bound_type() resolves a type parameter's constraint: an interface, or a union or a single
// type written in place (`[T ~int | ~string]`, `[T int]`), which stand for interface{T}.
static Type* bound_type(CheckerImpl& ck, Expr* e) {
  if ((e->k == EK::Binary && e->op == Tok::Or) || (e->k == EK::Unary && e->op == Tok::Tilde)) {
    Type* t = ck.u.fresh(TK::Interface);
    ck.collect_terms(e, t->union_terms, t->union_tilde);
    return t;
  }
  Type* t = ck.resolve_type(e);
  if (t->k == TK::Invalid || t->under()->k == TK::Interface) return t;
  Type* it = ck.u.fresh(TK::Interface);
  it->union_terms.push_back(t);
  it->union_tilde.push_back(false);
  return it;
}

CheckerImpl::Generic& CheckerImpl::generic(Object* o) {
  Generic& g = generics_[o];
  if (g.ready) return g;
  g.ready = true;
  g.obj = o;
  g.pkg = c.package(o->pkgpath);
  g.tparams = o->k == OK::Func ? o->decl->tparams : o->spec->tparams;
  Package* saved_pkg = pkg;
  Scope* saved_scope = scope;
  pkg = g.pkg;
  Scope* s = a.make<Scope>();
  s->parent = g.pkg->scope;
  for (Field* f : g.tparams)
    for (Expr* n : f->names) {
      Type* tp = u.fresh(TK::TypeParam);
      tp->name = n->name;
      tp->len = static_cast<int64_t>(g.params.size());
      g.params.push_back(tp);
      Object* to = new_obj(OK::TypeName, n->name, n->pos);
      to->type = tp;
      to->state = 2;
      to->used = true;
      declare(s, to, n->pos);
    }
  scope = s;
  for (Field* f : g.tparams) {
    Type* b = bound_type(*this, deep(f->type));
    for (size_t k = 0; k < f->names.size(); k++) g.bounds.push_back(b);
  }
  if (o->k == OK::Func) g.sig = func_type(deep(o->decl->type));
  pkg = saved_pkg;
  scope = saved_scope;
  return g;
}

// collect_generic_method() records a method of a generic type (`func (s *Stack[T]) Push(x T)`)
// for its instances to clone.
void CheckerImpl::collect_generic_method(FuncDecl* fd) {
  Expr* rt = fd->recv->type;
  if (rt->k == EK::Star) rt = rt->x;
  Expr* base = rt->k == EK::Index ? rt->x : rt;
  Object* tn = base->k == EK::Ident ? pkg->scope->lookup(base->name) : nullptr;
  if (!tn || tn->k != OK::TypeName || !is_generic(tn)) {
    err(base->pos, tn ? base->name + " is not a generic type" : "undefined: " + base->name);
    return;
  }
  if (rt->k != EK::Index) {
    err(base->pos, "cannot use generic type " + tn->name + tparams_text(*this, tn->spec->tparams) +
                       " without instantiation");
    return;
  }
  generics_[tn].methods.push_back(fd);
}

Scope* CheckerImpl::bind_tparams(Generic& g, const std::vector<Field*>& tparams,
                                 const std::vector<Type*>& targs) {
  Scope* s = a.make<Scope>();
  s->parent = g.pkg->scope;
  size_t i = 0;
  auto bind = [&](Expr* n) {
    if (i >= targs.size()) return;
    Object* to = new_obj(OK::TypeName, n->name, n->pos);
    to->type = targs[i++];
    to->state = 2;
    to->used = true;
    declare(s, to, n->pos);
  };
  for (Field* f : tparams) {
    if (f->names.empty()) bind(f->type);  // a receiver's type parameters: Stack[T] lists names
    for (Expr* n : f->names) bind(n);
  }
  return s;
}

bool CheckerImpl::contains_tparam(Type* t) {
  if (!t) return false;
  switch (t->k) {
    case TK::TypeParam:
      return true;
    case TK::Named:
      for (Type* x : t->targs)
        if (contains_tparam(x)) return true;
      return false;
    case TK::Pointer:
    case TK::Slice:
    case TK::Array:
    case TK::Chan:
      return contains_tparam(t->elem);
    case TK::Map:
      return contains_tparam(t->key) || contains_tparam(t->elem);
    case TK::Func:
    case TK::Tuple:
      for (Type* x : t->params)
        if (contains_tparam(x)) return true;
      for (Type* x : t->results)
        if (contains_tparam(x)) return true;
      return false;
    case TK::Struct:
      for (auto& f : t->fields)
        if (contains_tparam(f.type)) return true;
      return false;
    default:
      return false;
  }
}

// satisfies() says whether t is in bound's type set and has its methods (Go's "satisfies":
// an interface type argument satisfies comparable too).
bool CheckerImpl::satisfies(Type* t, Type* bound, std::string* why) {
  if (t->k == TK::Invalid || bound->k == TK::Invalid || contains_tparam(t)) return true;
  Type* b = bound->under();
  if (b->k != TK::Interface) return identical(t, b);
  if (b->comparable_constraint && !is_comparable(t)) {
    why->clear();
    return false;
  }
  if (!b->union_terms.empty()) {
    bool in = false;
    std::string terms;
    for (size_t i = 0; i < b->union_terms.size() && !in; i++) {
      Type* term = b->union_terms[i];
      bool tilde = i < b->union_tilde.size() && b->union_tilde[i];
      if (term->under()->k == TK::Interface) {
        std::string w;
        in = satisfies(t, term, &w);
      } else {
        in = tilde ? identical(t->under(), term->under()) : identical(t, term);
      }
    }
    if (!in) {
      for (size_t i = 0; i < b->union_terms.size(); i++)
        terms += (i ? " | " : "") + std::string(i < b->union_tilde.size() && b->union_tilde[i] ? "~" : "") +
                 type_string(b->union_terms[i]);
      *why = type_string(t) + " missing in " + terms;
      return false;
    }
  }
  if (!b->methods.empty()) {
    std::string missing;
    if (!implements(t, u.iface(b->methods), &missing)) {
      *why = missing;
      return false;
    }
  }
  return true;
}

// check_targs() checks type arguments against their constraints, resolved in s (the
// instance's scope: a constraint may name other type parameters, `S ~[]E`). Errors at p.
bool CheckerImpl::check_targs(Generic& g, const std::vector<Type*>& targs, Pos p, Scope* s) {
  std::vector<std::string> msgs;
  Package* saved_pkg = pkg;
  Scope* saved_scope = scope;
  pkg = g.pkg;
  scope = s;
  size_t i = 0;
  for (Field* f : g.tparams) {
    Type* b = bound_type(*this, deep(f->type));
    for (size_t k = 0; k < f->names.size() && i < targs.size(); k++, i++) {
      std::string why;
      if (satisfies(targs[i], b, &why)) continue;
      std::string bname =
          f->type->k == EK::Ident || f->type->k == EK::Selector ? expr_string(f->type) : type_string(b);
      if (f->type->k == EK::Binary || f->type->k == EK::Unary) bname = expr_string(f->type);
      msgs.push_back(type_string(targs[i]) + " does not satisfy " + bname +
                     (why.empty() ? "" : " (" + why + ")"));
    }
  }
  pkg = saved_pkg;
  scope = saved_scope;
  for (auto& m : msgs) err(p, m);
  return msgs.empty();
}

// ---------------------------------------------------------------------------------------------
// Instances

Object* CheckerImpl::instantiate_func(Object* o, const std::vector<Type*>& targs, Pos p) {
  Generic& g = generic(o);
  auto it = g.funcs.find(targs);
  if (it != g.funcs.end()) return it->second;
  if (++instances_ > kMaxInstances) {
    err(p, "instantiation cycle");
    return nullptr;
  }
  Scope* s = bind_tparams(g, g.tparams, targs);
  bool satisfied = check_targs(g, targs, p, s);
  Package* saved_pkg = pkg;
  Scope* saved_scope = scope;
  pkg = g.pkg;
  scope = s;
  FuncDecl* cd = clone_func(o->decl);
  Object* inst = new_obj(OK::Func, o->name, o->pos);
  inst->decl = cd;
  inst->targs = targs;
  inst->used = true;
  cd->obj = inst;
  g.funcs[targs] = inst;
  inst->type = func_type(cd->type);
  bool concrete = std::none_of(targs.begin(), targs.end(), [&](Type* t) { return contains_tparam(t); });
  if (concrete && satisfied) pending_bodies_.push_back({cd, g.pkg, s});  // else said already
  pkg = saved_pkg;
  scope = saved_scope;
  return inst;
}

Type* CheckerImpl::instantiate_type(Object* o, const std::vector<Type*>& targs, Pos p) {
  Generic& g = generic(o);
  if (targs.size() != g.params.size()) {
    err(p, std::string(targs.size() < g.params.size() ? "not enough" : "too many") +
               " type arguments for type " + o->name + ": have " + std::to_string(targs.size()) + ", want " +
               std::to_string(g.params.size()));
    return u.basic(TK::Invalid);
  }
  auto it = g.types.find(targs);
  if (it != g.types.end()) return it->second;
  if (++instances_ > kMaxInstances) {
    err(p, "instantiation cycle");
    return u.basic(TK::Invalid);
  }
  Type* t = u.named(o->name + "[" + join_types(targs, true, ",") + "]", g.pkg->path);
  t->origin = o;
  t->targs = targs;
  g.types[targs] = t;
  type_objects_[t] = o;
  Scope* s = bind_tparams(g, g.tparams, targs);
  Package* saved_pkg = pkg;
  Scope* saved_scope = scope;
  FuncInfo* saved_fn = fn;
  pkg = g.pkg;
  scope = s;
  fn = nullptr;
  Type* under = resolve_type(deep(o->spec->type));
  Type* uu = under ? under->under() : nullptr;
  t->under_ = uu && uu != t ? uu : u.basic(TK::Invalid);
  bool concrete = std::none_of(targs.begin(), targs.end(), [&](Type* x) { return contains_tparam(x); });
  for (FuncDecl* md : g.methods) {
    Expr* rt = md->recv->type;
    bool ptr = rt->k == EK::Star;
    if (ptr) rt = rt->x;
    std::vector<Field*> names;
    for (Expr* n : rt->list) {
      Field* f = a.make<Field>();
      f->names.push_back(n);
      names.push_back(f);
    }
    if (names.size() != targs.size()) {
      err(rt->pos, "receiver declares " + std::to_string(names.size()) +
                       " type parameters, but receiver base type declares " + std::to_string(targs.size()));
      continue;
    }
    Scope* ms = bind_tparams(g, names, targs);
    scope = ms;
    FuncDecl* cd = clone_func(md);
    Object* mo = new_obj(OK::Func, md->name->name, md->name->pos);
    mo->decl = cd;
    mo->recv_base = t;
    mo->ptr_recv = ptr;
    mo->targs = targs;
    cd->obj = mo;
    mo->type = func_type(cd->type);
    bool dup = false;
    for (auto& m : t->methods) dup = dup || m.name == mo->name;
    if (!dup) t->methods.push_back({mo->name, mo->type, mo, ptr});
    if (concrete && !dup) pending_bodies_.push_back({cd, g.pkg, ms});
  }
  pkg = saved_pkg;
  scope = saved_scope;
  fn = saved_fn;
  check_targs(g, targs, p, s);
  return t;
}

// generic_type_expr() resolves List[int] (or pkg.List[int]) as a type.
Type* CheckerImpl::generic_type_expr(Expr* e) {
  Expr* b = e->x;
  Object* o = nullptr;
  if (b->k == EK::Ident) {
    o = scope->lookup(b->name);
  } else if (b->k == EK::Selector && b->x->k == EK::Ident) {
    Object* po = scope->lookup(b->x->name);
    if (po && po->k == OK::Package) {
      po->used = true;
      auto it = po->pkg->scope->names.find(b->name);
      if (it != po->pkg->scope->names.end() && exported(b->name)) o = it->second;
    }
  }
  if (!o) {
    resolve_type(b);  // says what is wrong
    return nullptr;
  }
  o->used = true;
  b->obj = o;
  if (!is_generic(o)) {
    if (o->k == OK::TypeName)
      err(b->pos, expr_string(b) + " is not a generic type");
    else
      err(b->pos, expr_string(b) + " is not a type");
    return nullptr;
  }
  if (o->k != OK::TypeName) {
    err(e->pos, expr_string(e) + " is not a type");
    return nullptr;
  }
  std::vector<Type*> targs;
  for (Expr* x : e->list) targs.push_back(resolve_type(x));
  for (Type* t : targs)
    if (t->k == TK::Invalid) return nullptr;
  return instantiate_type(o, targs, e->pos);
}

// generic_index() checks F[int] or List[int] where e->x (checked) names a generic function or
// type; a function instantiated in full becomes an identifier (or package selector) naming
// the instance, so that the compiler sees an ordinary function.
bool CheckerImpl::generic_index(Expr* e) {
  Object* o = e->x->obj;
  if (o->k == OK::TypeName) {
    Type* t = generic_type_expr(e);
    e->type = t ? t : u.basic(TK::Invalid);
    e->is_type = true;
    return true;
  }
  Generic& g = generic(o);
  std::vector<Type*> targs;
  for (Expr* x : e->list) targs.push_back(resolve_type(x));
  for (Type* t : targs)
    if (t->k == TK::Invalid) {
      e->type = u.basic(TK::Invalid);
      return true;
    }
  if (targs.size() > g.params.size()) {
    err(e->list[g.params.size()]->pos, "got " + std::to_string(targs.size()) + " type arguments but " +
                                           o->name + tparams_text(*this, g.tparams) + " has " +
                                           std::to_string(g.params.size()) + " type parameters");
    e->type = u.basic(TK::Invalid);
    return true;
  }
  if (targs.size() < g.params.size()) {
    if (!allow_now_) {
      err(e->pos, "in call to " + expr_string(e->x) + ", cannot infer " +
                      g.params[targs.size()]->name);  // not called: nothing to infer from
      e->type = u.basic(TK::Invalid);
      return true;
    }
    partial_targs_[e] = targs;
    e->obj = o;
    e->type = g.sig;
    return true;
  }
  Object* inst = instantiate_func(o, targs, e->pos);
  if (!inst) {
    e->type = u.basic(TK::Invalid);
    return true;
  }
  Expr* x = e->x;
  while (x->k == EK::Paren) x = x->x;
  *e = *x;
  e->obj = inst;
  e->type = inst->type;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Inference

namespace {
struct Unifier {
  CheckerImpl& ck;
  CheckerImpl::Generic& g;
  std::vector<Type*>& targs;
  int index(Type* t) {
    for (size_t i = 0; i < g.params.size(); i++)
      if (g.params[i] == t) return static_cast<int>(i);
    return -1;
  }
  void unify(Type* p, Type* a, int depth = 0) {
    if (!p || !a || depth > 64 || a->k == TK::Invalid) return;
    if (p->k == TK::TypeParam) {
      int i = index(p);
      if (i >= 0 && !targs[static_cast<size_t>(i)] && !is_untyped(a)) targs[static_cast<size_t>(i)] = a;
      return;
    }
    if (!ck.contains_tparam(p)) return;
    if (p->k == TK::Named) {
      if (a->k == TK::Named && a->origin == p->origin)
        for (size_t i = 0; i < p->targs.size() && i < a->targs.size(); i++)
          unify(p->targs[i], a->targs[i], depth + 1);
      else if (a->k != TK::Named && p->under_)
        unify(p->under_, a, depth + 1);  // inexact: Func2[A1, A2, R] from a func literal
      return;
    }
    Type* x = a->k == TK::Named ? a->under() : a;
    if (x->k != p->k) return;
    switch (p->k) {
      case TK::Pointer:
      case TK::Slice:
      case TK::Array:
      case TK::Chan:
        unify(p->elem, x->elem, depth + 1);
        return;
      case TK::Map:
        unify(p->key, x->key, depth + 1);
        unify(p->elem, x->elem, depth + 1);
        return;
      case TK::Func:
        if (p->params.size() == x->params.size())
          for (size_t i = 0; i < p->params.size(); i++) unify(p->params[i], x->params[i], depth + 1);
        if (p->results.size() == x->results.size())
          for (size_t i = 0; i < p->results.size(); i++) unify(p->results[i], x->results[i], depth + 1);
        return;
      case TK::Struct:
        if (p->fields.size() == x->fields.size())
          for (size_t i = 0; i < p->fields.size(); i++)
            unify(p->fields[i].type, x->fields[i].type, depth + 1);
        return;
      default:
        return;
    }
  }
  // subst() is t with the type parameters bound so far replaced; null where one is not.
  Type* subst(Type* t, Pos p, int depth = 0) {
    if (!t || depth > 64) return nullptr;
    if (!ck.contains_tparam(t)) return t;
    Universe& u = ck.u;
    switch (t->k) {
      case TK::TypeParam: {
        int i = index(t);
        return i >= 0 ? targs[static_cast<size_t>(i)] : t;
      }
      case TK::Named: {
        std::vector<Type*> as;
        for (Type* x : t->targs) {
          Type* s = subst(x, p, depth + 1);
          if (!s) return nullptr;
          as.push_back(s);
        }
        return ck.instantiate_type(t->origin, as, p);
      }
      case TK::Pointer:
      case TK::Slice:
      case TK::Array:
      case TK::Chan: {
        Type* e = subst(t->elem, p, depth + 1);
        if (!e) return nullptr;
        return t->k == TK::Pointer ? u.pointer(e)
               : t->k == TK::Slice ? u.slice(e)
               : t->k == TK::Array ? u.array(e, t->len)
                                   : u.chan(e, t->dir);
      }
      case TK::Map: {
        Type* k = subst(t->key, p, depth + 1);
        Type* e = subst(t->elem, p, depth + 1);
        return k && e ? u.map(k, e) : nullptr;
      }
      case TK::Func: {
        std::vector<Type*> ps, rs;
        for (Type* x : t->params) {
          Type* s = subst(x, p, depth + 1);
          if (!s) return nullptr;
          ps.push_back(s);
        }
        for (Type* x : t->results) {
          Type* s = subst(x, p, depth + 1);
          if (!s) return nullptr;
          rs.push_back(s);
        }
        return u.func(ps, rs, t->variadic);
      }
      case TK::Struct: {
        std::vector<FieldT> fs = t->fields;
        for (auto& f : fs) {
          f.type = subst(f.type, p, depth + 1);
          if (!f.type) return nullptr;
        }
        return u.strukt(fs);
      }
      default:
        return nullptr;
    }
  }
  // core() is a constraint's single type term (`~[]E`), or null.
  static Type* core(Type* b, bool* tilde) {
    if (b) b = b->under();
    if (!b || b->k != TK::Interface || b->union_terms.size() != 1) return nullptr;
    Type* t = b->union_terms[0];
    if (t->under()->k == TK::Interface) return nullptr;
    *tilde = !b->union_tilde.empty() && b->union_tilde[0];
    return t;
  }
  // constraints() infers from core types until nothing changes.
  void constraints(Pos p) {
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 0; i < g.params.size(); i++) {
        bool tilde = false;
        Type* c = core(g.bounds[i], &tilde);
        if (!c) continue;
        if (targs[i]) {
          std::vector<Type*> before = targs;
          unify(c, tilde ? targs[i]->under() : targs[i]);
          changed = changed || before != targs;
        } else if (Type* s = subst(c, p); s && !ck.contains_tparam(s)) {
          targs[i] = s;
          changed = true;
        }
      }
    }
  }
};
}  // namespace

bool CheckerImpl::infer(Generic& g, Expr* call, std::vector<Type*>& targs) {
  Type* sig = g.sig;
  std::vector<Expr*>& as = call->list;
  // the arguments, checked once (args() does not check them again)
  std::vector<std::pair<Type*, Expr*>> have;  // argument types, with their expression if single
  if (as.size() == 1 && !call->ellipsis) {
    if (!as[0]->type) expr(as[0], true);
    if (as[0]->type->k == TK::Tuple) {
      for (Type* t : as[0]->type->results) have.push_back({t, nullptr});
    } else {
      have.push_back({as[0]->type, as[0]});
    }
  } else {
    for (Expr* x : as) {
      if (!x->type) expr(x);
      have.push_back({x->type, x});
    }
  }
  Unifier un{*this, g, targs};
  size_t np = sig->params.size();
  auto param = [&](size_t i) -> Type* {
    if (sig->variadic && i + 1 >= np) return call->ellipsis ? sig->params.back() : sig->params.back()->elem;
    return i < np ? sig->params[i] : nullptr;
  };
  for (size_t i = 0; i < have.size(); i++)
    if (Type* p = param(i)) un.unify(p, have[i].first);
  un.constraints(call->pos);
  // untyped constants: each type parameter still unbound that an untyped argument stands for
  // takes the default type of the "largest" of them (int < rune < float)
  for (size_t j = 0; j < g.params.size(); j++) {
    if (targs[j]) continue;
    Type* best = nullptr;
    for (size_t i = 0; i < have.size(); i++) {
      Type* p = param(i);
      Type* t = have[i].first;
      if (p != g.params[j] || !is_untyped(t) || t->k == TK::UntypedNil) continue;
      if (!best || (is_numeric(t) && is_numeric(best) && t->k > best->k)) best = t;
    }
    if (best) targs[j] = default_type(u, best);
  }
  un.constraints(call->pos);
  for (size_t j = 0; j < g.params.size(); j++)
    if (!targs[j]) {
      std::string fname = expr_string(call->x);
      size_t br = fname.find('[');
      if (br != std::string::npos) fname = fname.substr(0, br);
      Expr* at = call->x;
      while (at->k == EK::Paren) at = at->x;
      Expr* decl = nullptr;  // the type parameter's name in its declaration
      size_t k = 0;
      for (Field* f : g.tparams)
        for (Expr* n : f->names)
          if (k++ == j) decl = n;
      err(at->pos, "in call to " + fname + ", cannot infer " + g.params[j]->name + " (declared at " +
                       g.pkg->filename + ":" + std::to_string(decl->pos.line) + ":" +
                       std::to_string(decl->pos.col) + ")");
      return false;
    }
  return true;
}

void CheckerImpl::generic_call(Expr* e, Expr* f, Object* o) {
  Generic& g = generic(o);
  std::vector<Type*> targs(g.params.size(), nullptr);
  if (f->k == EK::Index) {
    auto it = partial_targs_.find(f);
    if (it != partial_targs_.end())
      for (size_t i = 0; i < it->second.size() && i < targs.size(); i++) targs[i] = it->second[i];
  }
  if (!infer(g, e, targs)) {
    for (Expr* x : e->list)
      if (!x->type) expr(x, true);
    e->type = u.basic(TK::Invalid);
    return;
  }
  Object* inst = instantiate_func(o, targs, f->pos);
  if (!inst) {
    e->type = u.basic(TK::Invalid);
    return;
  }
  if (f->k == EK::Index) {
    Expr* x = f->x;
    while (x->k == EK::Paren) x = x->x;
    *f = *x;
  }
  f->obj = inst;
  f->type = inst->type;
  for (Expr* x = e->x; x != f && x->k == EK::Paren; x = x->x) x->type = inst->type;
  Type* sig = inst->type;
  args(e, sig, 0);
  e->type = sig->results.size() == 1 ? sig->results[0] : u.tuple(sig->results);
}

void CheckerImpl::drain_instances() {
  while (!pending_bodies_.empty()) {
    PendingBody pb = pending_bodies_.front();
    pending_bodies_.erase(pending_bodies_.begin());
    Package* saved_pkg = pkg;
    Scope* saved_scope = scope;
    FuncInfo* saved_fn = fn;
    Object* saved_decl = decl_;
    pkg = pb.pkg;
    in_instance_ = true;
    check_func_body(pb.fd, pb.scope);
    in_instance_ = false;
    pkg = saved_pkg;
    scope = saved_scope;
    fn = saved_fn;
    decl_ = saved_decl;
  }
}

}  // namespace golang

namespace golang {

// check_generic_body() checks a generic function's (or a generic type's method's) body once
// with its type parameters opaque, as gc does, for the errors no instance can show: an
// operator a constraint without a type set does not allow (`s += x` with T any). Every other
// error of this pass is dropped (the instances are checked in full), and it leaves nothing
// behind for the compiler.
void CheckerImpl::check_generic_body(FuncDecl* fd, Object* o) {
  if (!fd->body) return;
  Generic& g = generic(o);
  std::vector<Field*> names = g.tparams;
  Type* recv = nullptr;
  bool ptr = false;
  if (fd->recv) {
    Expr* rt = fd->recv->type;
    ptr = rt->k == EK::Star;
    if (ptr) rt = rt->x;
    if (rt->k != EK::Index || rt->list.size() != g.params.size()) return;
    names.clear();
    for (Expr* n : rt->list) {
      Field* f = a.make<Field>();
      f->names.push_back(n);
      names.push_back(f);
    }
    recv = instantiate_type(o, g.params, fd->pos);
  }
  for (size_t i = 0; i < g.params.size(); i++) {
    size_t k = 0;
    for (Field* f : g.tparams)
      for (size_t j = 0; j < f->names.size(); j++)
        if (k++ == i) opaque_bounds_[g.params[i]] = {g.bounds[i], expr_string(f->type)};
  }
  Scope* sc = bind_tparams(g, names, g.params);
  Package* saved_pkg = pkg;
  Scope* saved_scope = scope;
  Object* saved_decl = decl_;
  size_t nfuncs = c.funcs.size(), npfuncs = pkg->funcs.size();
  FuncDecl* cd = clone_func(fd);
  Object* co = new_obj(OK::Func, fd->name->name, fd->name->pos);
  co->decl = cd;
  co->recv_base = recv;
  co->ptr_recv = ptr;
  co->targs = g.params;
  cd->obj = co;
  scope = sc;
  opaque_ = true;
  check_func_body(cd, sc);
  opaque_ = false;
  c.funcs.resize(nfuncs);
  pkg->funcs.resize(npfuncs);
  pkg = saved_pkg;
  scope = saved_scope;
  decl_ = saved_decl;
  fn = nullptr;
}

// opaque_error() reports an error of the opaque pass that no type argument could avoid.
void CheckerImpl::opaque_error(Pos p, const std::string& m) {
  opaque_ = false;
  err(p, m);
  opaque_ = true;
}

// opaque_describe() is describe(x) with x's constraint, as gc words it: "variable of type T
// constrained by any"; "" when x's type is not an opaque type parameter.
std::string CheckerImpl::opaque_describe(Expr* x) {
  if (!opaque_ || !x->type || x->type->k != TK::TypeParam) return "";
  auto it = opaque_bounds_.find(x->type);
  if (it == opaque_bounds_.end()) return "";
  return describe(x) + " constrained by " + it->second.second;
}

// opaque_selector() reports x.m on a value of an opaque type parameter T whose constraint has
// no method m (gc: `x.m undefined (type T has no field or method m)`; a type parameter's
// fields are never selectable). The method calls the constraint allows are not reported.
void CheckerImpl::opaque_selector(Expr* e) {
  Type* t = e->x->type;
  auto it = opaque_bounds_.find(t);
  if (it == opaque_bounds_.end()) return;
  Type* b = it->second.first;
  if (b->under()->k != TK::Interface || c.lookup(b, e->name).kind != 0) return;
  opaque_error(e->sel_pos.line ? e->sel_pos : e->pos, expr_string(e) + " undefined (type " + type_string(t) +
                                                          " has no field or method " + e->name + ")");
}

// opaque_operator() reports `x op y` on a type parameter whose constraint has no type set
// (any, comparable, methods only), in gc's words; true when it did.
bool CheckerImpl::opaque_operator(Expr* e, Expr* x) {
  if (!opaque_ || !x->type || x->type->k != TK::TypeParam) return false;
  auto it = opaque_bounds_.find(x->type);
  if (it == opaque_bounds_.end()) return false;
  Type* b = it->second.first->under();
  if (b->k != TK::Interface || !b->union_terms.empty()) return false;
  opaque_ = false;
  err(x->pos, "invalid operation: operator " + std::string(tok_string(e->op)) + " not defined on " +
                  expr_string(x) + " (" + describe(x) + " constrained by " + it->second.second + ")");
  opaque_ = true;
  return true;
}

}  // namespace golang

namespace golang {

// generic_value() instantiates a generic function used as a value where a function type is
// wanted (an argument: `apply(xs, Double)`, an assignment, a return), its type arguments (those
// that `Map[int]` does not give) inferred from that type (Go 1.21); false after saying what is
// wrong.
bool CheckerImpl::generic_value(Expr* e, Type* target, bool assigned) {
  Expr* f = e;
  while (f->k == EK::Paren) f = f->x;
  Object* o = f->obj;
  Generic& g = generic(o);
  std::vector<Type*> targs(g.params.size(), nullptr);
  auto given = partial_targs_.find(f);  // Map[int]: T given, U inferred
  if (given != partial_targs_.end())
    for (size_t i = 0; i < given->second.size() && i < targs.size(); i++) targs[i] = given->second[i];
  Unifier un{*this, g, targs};
  if (target && target->under()->k == TK::Func) un.unify(g.sig, target->under());
  for (size_t j = 0; j < targs.size(); j++)
    if (!targs[j]) {
      if (assigned) {  // gc: what the variable's type does not tell (`var f func(int) = Zero`)
        Expr* decl = nullptr;
        size_t k = 0;
        for (Field* fl : g.tparams)
          for (Expr* n : fl->names)
            if (k++ == j) decl = n;
        err(f->pos, "cannot infer " + g.params[j]->name + " (declared at " + g.pkg->filename + ":" +
                        std::to_string(decl->pos.line) + ":" + std::to_string(decl->pos.col) + ")");
      } else {
        err(f->pos, "cannot use generic function " + expr_string(f) + " without instantiation");
      }
      e->type = u.basic(TK::Invalid);
      return false;
    }
  Object* inst = instantiate_func(o, targs, f->pos);
  if (!inst) {
    e->type = u.basic(TK::Invalid);
    return false;
  }
  if (f->k == EK::Index) {  // as generic_index() does for a full instantiation: F[int] is F
    Expr* x = f->x;
    while (x->k == EK::Paren) x = x->x;
    *f = *x;
  }
  f->obj = inst;
  for (Expr* x = e;; x = x->x) {
    x->type = inst->type;
    if (x == f) break;
  }
  return true;
}

}  // namespace golang
