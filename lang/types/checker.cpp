// lang/types/checker.cpp: the type checker (see checker.hpp). Declarations and type
// expressions here; expressions in check_expr.cpp; statements in check_stmt.cpp.
#include <algorithm>
#include <cmath>

#include "types/checker_impl.hpp"

namespace golang {

Checker::Checker(Universe& u, Arena& a, Importer importer) : u_(u), a_(a), importer_(std::move(importer)) {
  universe_ = a.make<Scope>();
  auto add = [&](OK k, const std::string& name, Type* t) {
    Object* o = a.make<Object>();
    o->k = k;
    o->name = name;
    o->type = t;
    o->used = true;
    universe_->names[name] = o;
    return o;
  };
  const std::pair<const char*, TK> basics[] = {
      {"bool", TK::Bool},       {"int", TK::Int},         {"int8", TK::Int8},     {"int16", TK::Int16},
      {"int32", TK::Int32},     {"int64", TK::Int64},     {"uint", TK::Uint},     {"uint8", TK::Uint8},
      {"uint16", TK::Uint16},   {"uint32", TK::Uint32},   {"uint64", TK::Uint64}, {"uintptr", TK::Uintptr},
      {"float32", TK::Float32}, {"float64", TK::Float64}, {"string", TK::String}, {"byte", TK::Uint8},
      {"rune", TK::Int32}};
  for (auto& [n, k] : basics) add(OK::TypeName, n, u.basic(k));
  add(OK::TypeName, "error", u.error_type());
  add(OK::TypeName, "any", u.any_type());
  Type* cmp = u.fresh(TK::Interface);
  cmp->comparable_constraint = true;
  add(OK::TypeName, "comparable", cmp);
  Object* t = add(OK::Const, "true", u.basic(TK::UntypedBool));
  t->cv = ConstVal::of_bool(true);
  Object* f = add(OK::Const, "false", u.basic(TK::UntypedBool));
  f->cv = ConstVal::of_bool(false);
  Object* iota = add(OK::Const, "iota", u.basic(TK::UntypedInt));
  iota->cv = ConstVal::of_int(0);
  add(OK::Nil, "nil", u.basic(TK::UntypedNil));
  const std::pair<const char*, Builtin> builtins[] = {
      {"append", BAppend}, {"cap", BCap},         {"clear", BClear},    {"close", BClose},
      {"copy", BCopy},     {"delete", BDelete},   {"len", BLen},        {"make", BMake},
      {"max", BMax},       {"min", BMin},         {"new", BNew},        {"panic", BPanic},
      {"print", BPrint},   {"println", BPrintln}, {"recover", BRecover}};
  for (auto& [n, b] : builtins) add(OK::Builtin, n, nullptr)->builtin = b;
  impl_ = nullptr;
}

Package* Checker::add_package(const std::string& path, File* f, const std::string& filename, bool prelude) {
  Package* p = a_.make<Package>();
  p->path = path;
  p->name = f->package;
  p->file = f;
  p->filename = filename;
  p->prelude = prelude;
  p->scope = a_.make<Scope>();
  p->scope->parent = universe_;
  packages_[path] = p;
  return p;
}

bool Checker::check(Package* main) {
  CheckerImpl impl(*this);
  impl_ = &impl;
  impl.check_package(main);
  impl_ = nullptr;
  std::stable_sort(errors_.begin(), errors_.end(), [](const Diag& a, const Diag& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  return errors_.empty();
}

// ---------------------------------------------------------------------------------------------
// CheckerImpl: packages and declarations

CheckerImpl::CheckerImpl(Checker& ch) : c(ch), u(ch.u_), a(ch.a_) {}

void CheckerImpl::err(Pos p, const std::string& m) {
  if (pkg && pkg->prelude) {
    c.errors_.push_back({p, "(in goroscope's " + pkg->path + ") " + m, pkg->filename});
    return;
  }
  for (auto& d : c.errors_)
    if (d.pos.line == p.line && d.msg == m) return;
  c.errors_.push_back({p, m, pkg ? pkg->filename : ""});
}

void CheckerImpl::unsupported(Pos p, const std::string& what) {
  err(p, "goroscope does not support " + what + " yet");
}

Object* CheckerImpl::new_obj(OK k, const std::string& name, Pos p) {
  Object* o = a.make<Object>();
  o->k = k;
  o->name = name;
  o->pos = p;
  o->pkgpath = pkg ? pkg->path : "";
  return o;
}

void CheckerImpl::declare(Scope* s, Object* o, Pos p) {
  if (o->name == "_") return;
  auto it = s->names.find(o->name);
  if (it != s->names.end()) {
    Object* prev = it->second;
    err(p, o->name + " redeclared in this block\n\t" + pkg->filename + ":" + std::to_string(prev->pos.line) +
               ":" + std::to_string(prev->pos.col) + ": other declaration of " + o->name);
    return;
  }
  s->names[o->name] = o;
}

Package* CheckerImpl::import_package(const std::string& path, Pos p) {
  Package* ip = c.package(path);
  if (ip) {
    if (!ip->scope->names.empty() || ip->file->decls.empty()) return ip;
    return ip;
  }
  std::string filename, src;
  if (!c.importer_ || !c.importer_(path, &filename, &src)) {
    err(p, "goroscope does not support package \"" + path + "\" yet");
    return nullptr;
  }
  size_t before = c.errors_.size();
  File* f = parse_file(src, a, c.errors_);
  for (size_t i = before; i < c.errors_.size(); i++) c.errors_[i].file = filename;
  if (!f) {
    err(p, "(internal) package " + path + " does not parse");
    return nullptr;
  }
  ip = c.add_package(path, f, filename, true);
  Package* saved_pkg = pkg;
  FuncInfo* saved_fn = fn;
  Scope* saved_scope = scope;
  fn = nullptr;
  check_package(ip);
  pkg = saved_pkg;
  fn = saved_fn;
  scope = saved_scope;
  return ip;
}

void CheckerImpl::check_package(Package* p) {
  pkg = p;
  scope = p->scope;
  File* f = p->file;
  if (!p->prelude && f->package != "main") {
    err(f->package_pos, "package " + f->package + " is not a main package");
  }
  // imports: a file scope of package names
  std::vector<Object*> imports;
  Scope* file_scope = a.make<Scope>();
  file_scope->parent = u_scope();
  p->scope->parent = file_scope;
  for (GenDecl* d : f->imports)
    for (Spec* s : d->specs) {
      Package* ip = import_package(s->path, s->pos);
      pkg = p;
      if (!ip) continue;
      std::string name = s->alias ? s->alias->name : ip->name;
      if (name == "_") continue;
      if (name == ".") {
        unsupported(s->pos, "dot imports");
        continue;
      }
      Object* o = new_obj(OK::Package, name, s->pos);
      o->pkg = ip;
      o->spec = s;
      s->import_obj = o;
      declare(file_scope, o, s->pos);
      imports.push_back(o);
    }
  pkg = p;
  scope = p->scope;
  // collect package-level objects
  for (auto [index, is_func] : f->order) {
    if (is_func) {
      FuncDecl* fd = f->funcs[index];
      if (!fd->tparams.empty()) {
        unsupported(fd->tparams[0]->pos, "generic functions");
        continue;
      }
      if (fd->recv) continue;  // methods after types
      Object* o = new_obj(OK::Func, fd->name->name, fd->name->pos);
      o->decl = fd;
      fd->obj = o;
      if (fd->name->name == "init") {
        if (!fd->type->fields.empty() || !fd->type->results.empty())
          err(fd->name->pos, "func init must have no arguments and no return values");
        init_funcs.push_back(o);
        continue;
      }
      if (fd->name->name == "main" && !p->prelude &&
          (!fd->type->fields.empty() || !fd->type->results.empty()))
        err(fd->name->pos, "func main must have no arguments and no return values");
      declare(p->scope, o, fd->name->pos);
      p->objects.push_back(o);
      continue;
    }
    GenDecl* d = f->decls[index];
    for (Spec* s : d->specs) {
      if (d->tok == Tok::Type) {
        if (!s->tparams.empty()) {
          unsupported(s->tparams[0]->pos, "generic types");
          continue;
        }
        Object* o = new_obj(OK::TypeName, s->names[0]->name, s->names[0]->pos);
        o->spec = s;
        s->names[0]->obj = o;
        declare(p->scope, o, o->pos);
        p->objects.push_back(o);
        continue;
      }
      if (d->tok == Tok::Var) p->var_specs.push_back(s);
      for (size_t i = 0; i < s->names.size(); i++) {
        Object* o = new_obj(d->tok == Tok::Const ? OK::Const : OK::Var, s->names[i]->name, s->names[i]->pos);
        o->spec = s;
        o->spec_index = static_cast<int>(i);
        o->is_global = true;
        o->used = true;
        s->names[i]->obj = o;
        declare(p->scope, o, o->pos);
        p->objects.push_back(o);
      }
    }
  }
  // resolve types, then methods, then constants and variables, then bodies
  for (Object* o : p->objects)
    if (o->k == OK::TypeName) resolve_typename(o);
  for (FuncDecl* fd : f->funcs)
    if (fd->recv && fd->tparams.empty()) collect_method(fd);
  for (Object* o : p->objects)
    if (o->k == OK::Const) resolve_const(o);
  for (Object* o : p->objects)
    if (o->k == OK::Func) func_signature(o);
  for (Spec* s : p->var_specs) resolve_var_spec(s);
  for (FuncDecl* fd : f->funcs) {
    if (!fd->obj) continue;
    check_func_body(fd);
  }
  if (!p->prelude) {
    Object* m = p->scope->names.count("main") ? p->scope->names["main"] : nullptr;
    if (!m || m->k != OK::Func) err({0, 0}, "function main is undeclared in the main package");
  }
  for (Object* o : imports)
    if (!o->used) {
      if (o->spec->alias)
        err(o->pos, "\"" + o->pkg->path + "\" imported as " + o->name + " and not used");
      else
        err(o->pos, "\"" + o->pkg->path + "\" imported and not used");
    }
  c.init_order.push_back(p);
}

Scope* CheckerImpl::u_scope() { return c.universe_; }

void CheckerImpl::resolve_typename(Object* o) {
  if (o->state == 2) return;
  if (o->state == 1) {
    // a recursive reference through a named type is fine: the Named type exists already
    return;
  }
  o->state = 1;
  Spec* s = o->spec;
  Package* saved = pkg;
  Scope* saved_scope = scope;
  if (s->assign) {
    o->type = resolve_type(s->type);
  } else {
    Type* t = u.named(o->name, pkg->path);
    o->type = t;
    if (s->type->k == EK::Ident && s->type->name == "__native" && pkg->prelude) {
      t->under_ = u.fresh(TK::Native);
      t->under_->name = pkg->path + "." + o->name;
    } else {
      Type* under = resolve_type(s->type);
      t->under_ = under ? under->under() : u.basic(TK::Invalid);
      if (t->under_ == t) t->under_ = u.basic(TK::Invalid);
    }
  }
  pkg = saved;
  scope = saved_scope;
  o->state = 2;
}

void CheckerImpl::collect_method(FuncDecl* fd) {
  Field* r = fd->recv;
  Expr* rt = r->type;
  bool ptr = false;
  if (rt->k == EK::Star) {
    ptr = true;
    rt = rt->x;
  }
  if (rt->k == EK::Index) {
    unsupported(rt->pos, "methods on generic types");
    return;
  }
  if (rt->k != EK::Ident) {
    err(rt->pos, "invalid receiver type");
    return;
  }
  Object* tn = pkg->scope->lookup(rt->name);
  if (!tn) {
    err(rt->pos, "undefined: " + rt->name);
    return;
  }
  if (tn->k != OK::TypeName || tn->pkgpath != pkg->path || !tn->type->named()) {
    err(rt->pos, "cannot define new methods on non-local type " + rt->name);
    return;
  }
  Type* base = tn->type;
  TK uk = base->under()->k;
  if (uk == TK::Pointer || uk == TK::Interface) {
    err(rt->pos, "invalid receiver type " + rt->name + " (pointer or interface type)");
    return;
  }
  Object* o = new_obj(OK::Func, fd->name->name, fd->name->pos);
  o->decl = fd;
  o->recv_base = base;
  o->ptr_recv = ptr;
  fd->obj = o;
  for (auto& m : base->methods)
    if (m.name == o->name) {
      err(fd->name->pos, "method " + base->name + "." + o->name + " already declared at " + pkg->filename +
                             ":" + std::to_string(m.obj->pos.line) + ":" + std::to_string(m.obj->pos.col));
      return;
    }
  for (auto& f : base->under()->fields)
    if (f.name == o->name) {
      err(fd->name->pos, "field and method with the same name " + o->name);
      return;
    }
  Type* sig = func_type(fd->type);
  o->type = sig;
  base->methods.push_back({o->name, sig, o, ptr});
}

void CheckerImpl::func_signature(Object* o) {
  if (o->type) return;
  o->type = func_type(o->decl->type);
}

Type* CheckerImpl::func_type(Expr* ft) {
  std::vector<Type*> params, results;
  bool variadic = false;
  for (size_t i = 0; i < ft->fields.size(); i++) {
    Field* f = ft->fields[i];
    Type* t = resolve_type(f->type);
    if (f->variadic) {
      if (i + 1 != ft->fields.size() || f->names.size() > 1)
        err(f->pos, "can only use ... with final parameter in list");
      variadic = true;
      t = u.slice(t);
    }
    size_t n = f->names.empty() ? 1 : f->names.size();
    for (size_t k = 0; k < n; k++) params.push_back(t);
  }
  for (Field* f : ft->results) {
    Type* t = resolve_type(f->type);
    size_t n = f->names.empty() ? 1 : f->names.size();
    for (size_t k = 0; k < n; k++) results.push_back(t);
  }
  Type* t = u.func(params, results, variadic);
  ft->type = t;
  ft->is_type = true;
  return t;
}

// eval_int_const() evaluates an array length or similar constant.
bool CheckerImpl::const_int(Expr* e, int64_t& out) {
  expr(e);
  if (!e->cv.valid() ||
      !(e->cv.kind == ConstVal::Int || (e->cv.kind == ConstVal::Float && e->cv.f == std::floor(e->cv.f)))) {
    return false;
  }
  out = e->cv.kind == ConstVal::Int ? static_cast<int64_t>(e->cv.i) : static_cast<int64_t>(e->cv.f);
  return true;
}

Type* CheckerImpl::resolve_type(Expr* e) {
  Type* t = resolve_type0(e);
  if (!t) t = u.basic(TK::Invalid);
  e->type = t;
  e->is_type = true;
  return t;
}

Type* CheckerImpl::resolve_type0(Expr* e) {
  switch (e->k) {
    case EK::Ident: {
      Object* o = scope->lookup(e->name);
      if (!o) {
        err(e->pos, "undefined: " + e->name);
        return nullptr;
      }
      o->used = true;
      e->obj = o;
      if (o->k != OK::TypeName) {
        err(e->pos, e->name + " is not a type");
        return nullptr;
      }
      if (o->state != 2 && o->spec) {
        resolve_typename(o);
      }
      return o->type;
    }
    case EK::Selector: {
      if (e->x->k != EK::Ident) break;
      Object* po = scope->lookup(e->x->name);
      if (!po || po->k != OK::Package) {
        err(e->x->pos, po ? e->x->name + "." + e->name + " is not a type" : "undefined: " + e->x->name);
        return nullptr;
      }
      po->used = true;
      Object* o = po->pkg->scope->names.count(e->name) ? po->pkg->scope->names[e->name] : nullptr;
      if (!o || !exported(e->name)) {
        err(e->pos, "undefined: " + e->x->name + "." + e->name);
        return nullptr;
      }
      if (o->k != OK::TypeName) {
        err(e->pos, e->x->name + "." + e->name + " is not a type");
        return nullptr;
      }
      e->obj = o;
      return o->type;
    }
    case EK::Paren:
      return resolve_type(e->x);
    case EK::Star:
      return u.pointer(resolve_type(e->x));
    case EK::ArrayType: {
      Type* elem = resolve_type(e->x);
      if (!e->y) return u.slice(elem);
      if (e->ellipsis) {
        err(e->pos, "invalid use of [...] array (outside a composite literal)");
        return nullptr;
      }
      int64_t n;
      if (!const_int(e->y, n)) {
        err(e->y->pos, "array length " + expr_string(e->y) + " (" + describe(e->y) + ") must be constant");
        return nullptr;
      }
      if (n < 0) {
        err(e->y->pos, "invalid array length " + expr_string(e->y));
        return nullptr;
      }
      return u.array(elem, n);
    }
    case EK::MapType: {
      Type* k = resolve_type(e->x);
      Type* v = resolve_type(e->y);
      if (k->k != TK::Invalid && !is_comparable(k) && k->under()->k != TK::Named) {
        err(e->x->pos, "invalid map key type " + type_string(k));
      }
      return u.map(k, v);
    }
    case EK::ChanType:
      return u.chan(resolve_type(e->x), e->chan_dir);
    case EK::FuncType:
      return func_type(e);
    case EK::StructType: {
      std::vector<FieldT> fields;
      for (Field* f : e->fields) {
        Type* t = resolve_type(f->type);
        if (f->names.empty()) {
          Expr* te = f->type->k == EK::Star ? f->type->x : f->type;
          std::string name = te->k == EK::Selector ? te->name : te->name;
          fields.push_back({name, t, true, pkg->path});
        } else {
          for (Expr* n : f->names) fields.push_back({n->name, t, false, pkg->path});
        }
      }
      for (size_t i = 0; i < fields.size(); i++)
        for (size_t j = 0; j < i; j++)
          if (fields[i].name == fields[j].name && fields[i].name != "_")
            err(e->pos, fields[i].name + " redeclared");
      return u.strukt(fields);
    }
    case EK::InterfaceType: {
      std::vector<MethodT> ms;
      std::vector<Type*> terms;
      bool comparable = false;
      for (Field* f : e->fields) {
        if (!f->names.empty()) {
          ms.push_back({f->names[0]->name, func_type(f->type), nullptr, false});
          continue;
        }
        if (f->type->k == EK::Binary || f->type->k == EK::Unary) {
          collect_terms(f->type, terms);
          continue;
        }
        Type* t = resolve_type(f->type);
        if (t->under()->k == TK::Interface) {
          for (auto& m : t->under()->methods) ms.push_back(m);
          for (Type* x : t->under()->union_terms) terms.push_back(x);
          if (t->under()->comparable_constraint) comparable = true;
        } else {
          terms.push_back(t);
        }
      }
      Type* it = u.iface(ms);
      if (terms.empty() && !comparable) return it;
      Type* c2 = u.fresh(TK::Interface);
      c2->methods = it->methods;
      c2->union_terms = terms;
      c2->comparable_constraint = comparable;
      return c2;
    }
    case EK::Index:
      unsupported(e->pos, "generic types");
      return nullptr;
    default:
      break;
  }
  err(e->pos, expr_string(e) + " is not a type");
  return nullptr;
}

void CheckerImpl::collect_terms(Expr* e, std::vector<Type*>& out) {
  if (e->k == EK::Binary && e->op == Tok::Or) {
    collect_terms(e->x, out);
    collect_terms(e->y, out);
  } else if (e->k == EK::Unary && e->op == Tok::Tilde) {
    out.push_back(resolve_type(e->x)->under());
  } else {
    out.push_back(resolve_type(e));
  }
}

void CheckerImpl::resolve_const(Object* o) {
  if (o->state == 2) return;
  if (o->state == 1) {
    err(o->pos, "initialization cycle or invalid recursive reference to " + o->name);
    o->type = u.basic(TK::Invalid);
    return;
  }
  o->state = 1;
  Spec* s = o->spec;
  Package* saved = pkg;
  int saved_iota = iota_;
  iota_ = s->iota;
  Type* t = s->type ? resolve_type(s->type) : nullptr;
  if (o->spec_index >= static_cast<int>(s->values.size())) {
    err(o->pos, s->values.empty() ? "missing init expr for const declaration"
                                  : "missing init expr for const declaration");
    o->type = u.basic(TK::Invalid);
  } else {
    // an implicitly repeated expression is re-checked with this spec's iota: clone by re-checking
    Expr* v = s->values[o->spec_index];
    Expr* e = clone(v);
    expr(e);
    if (e->type->k != TK::Invalid && !e->cv.valid()) {
      err(e->pos, expr_string(e) + " (" + describe(e) + ") is not constant");
      o->type = u.basic(TK::Invalid);
    } else {
      if (t) assign(e, t, "constant declaration");
      o->type = e->type;
      o->cv = e->cv;
    }
  }
  if (s->values.size() > s->names.size() && o->spec_index == 0)
    err(s->values[s->names.size()]->pos, "extra init expr");
  iota_ = saved_iota;
  pkg = saved;
  o->state = 2;
}

Expr* CheckerImpl::clone(Expr* e) {
  if (!e) return nullptr;
  Expr* c2 = a.make<Expr>();
  *c2 = *e;
  c2->x = clone(e->x);
  c2->y = clone(e->y);
  c2->z = clone(e->z);
  for (auto& x : c2->list) x = clone(x);
  c2->type = nullptr;
  c2->cv = ConstVal();
  c2->obj = nullptr;
  return c2;
}

void CheckerImpl::resolve_var_spec(Spec* s) {
  std::vector<Object*> objs;
  for (Expr* n : s->names) objs.push_back(n->obj);
  if (!objs.empty() && objs[0] && objs[0]->state == 2) return;
  for (Object* o : objs)
    if (o) o->state = 1;
  var_decl(s, objs);
  for (Object* o : objs)
    if (o) {
      o->state = 2;
      pkg->vars.push_back(o);
    }
}

// var_decl() checks `var a, b T = x, y` for package or local variables.
void CheckerImpl::var_decl(Spec* s, std::vector<Object*>& objs) {
  Type* t = s->type ? resolve_type(s->type) : nullptr;
  if (s->values.empty()) {
    for (Object* o : objs)
      if (o) o->type = t;
    return;
  }
  if (s->values.size() == 1 && (objs.size() > 1 || s->values[0]->k == EK::Call)) {
    Expr* v = s->values[0];
    expr(v, true);
    std::vector<Type*> ts = tuple_of(v, objs.size());
    if (ts.size() != objs.size()) {
      err(v->pos, "assignment mismatch: " + std::to_string(objs.size()) + " variable" +
                      (objs.size() > 1 ? "s" : "") + " but " + value_count(v));
      for (Object* o : objs)
        if (o) o->type = t ? t : u.basic(TK::Invalid);
      return;
    }
    if (objs.size() == 1 && objs[0]) {
      if (t) assign(v, t, "variable declaration");
      objs[0]->type = t ? t : default_type(u, v->type);
      return;
    }
    for (size_t i = 0; i < objs.size(); i++) {
      if (!objs[i]) continue;
      objs[i]->type = t ? t : default_type(u, ts[i]);
    }
    return;
  }
  if (s->values.size() != objs.size()) {
    Pos p = s->values.size() > objs.size() ? s->values[objs.size()]->pos : s->values[0]->pos;
    if (s->values.size() > objs.size())
      err(p, "assignment mismatch: " + std::to_string(objs.size()) + " variable" +
                 (objs.size() > 1 ? "s" : "") + " but " + std::to_string(s->values.size()) + " values");
    else
      err(p, "assignment mismatch: " + std::to_string(objs.size()) + " variables but " +
                 std::to_string(s->values.size()) + " value" + (s->values.size() > 1 ? "s" : ""));
    for (Object* o : objs)
      if (o) o->type = t ? t : u.basic(TK::Invalid);
    for (Expr* v : s->values) expr(v);
    return;
  }
  for (size_t i = 0; i < objs.size(); i++) {
    Expr* v = s->values[i];
    expr(v);
    single_value(v);
    if (t) {
      assign(v, t, "variable declaration");
    } else {
      if (v->type->k == TK::UntypedNil) {
        err(v->pos, "use of untyped nil in variable declaration");
        v->type = u.basic(TK::Invalid);
      }
      assign(v, default_type(u, v->type), "variable declaration");
    }
    if (objs[i]) objs[i]->type = t ? t : v->type;
  }
}

bool CheckerImpl::exported(const std::string& n) { return !n.empty() && n[0] >= 'A' && n[0] <= 'Z'; }

// ---------------------------------------------------------------------------------------------
// Functions

FuncInfo* CheckerImpl::new_func(const std::string& name, Type* sig) {
  FuncInfo* f = a.make<FuncInfo>();
  f->name = name;
  f->sig = sig;
  f->pkg = pkg;
  f->outer = fn;
  c.funcs.push_back(f);
  pkg->funcs.push_back(f);
  return f;
}

void CheckerImpl::check_func_body(FuncDecl* fd) {
  Object* o = fd->obj;
  if (!o->type) o->type = func_type(fd->type);
  std::string name;
  std::string prefix = pkg->path;
  if (o->recv_base)
    name =
        prefix + "." + (o->ptr_recv ? "(*" + o->recv_base->name + ")" : o->recv_base->name) + "." + o->name;
  else
    name = prefix + "." + o->name;
  fn = nullptr;
  FuncInfo* f = new_func(name, o->type);
  f->short_name = o->name;
  f->decl = fd;
  f->body = fd->body;
  fd->func = f;
  o->func = f;
  if (!fd->body) {
    if (!pkg->prelude) {
      err(fd->name->pos, "missing function body");
      return;
    }
    f->native = pkg->path + "." + (o->recv_base ? o->recv_base->name + "." : "") + o->name;
    return;
  }
  Scope* fs = a.make<Scope>();
  fs->parent = pkg->scope;
  fn = f;
  scope = fs;
  if (fd->recv) {
    Type* rt = o->recv_base;
    if (o->ptr_recv) rt = u.pointer(rt);
    std::string rn = fd->recv->names.empty() ? "_" : fd->recv->names[0]->name;
    Object* r = new_obj(OK::Var, rn, fd->recv->names.empty() ? fd->recv->pos : fd->recv->names[0]->pos);
    r->type = rt;
    r->is_param = true;
    r->owner = f;
    r->used = true;
    if (!fd->recv->names.empty()) fd->recv->names[0]->obj = r;
    declare(fs, r, r->pos);
    f->recv = r;
  }
  body(f, fd->type, fd->body);
  fn = nullptr;
  scope = pkg->scope;
}

void CheckerImpl::body(FuncInfo* f, Expr* ft, Block* b) {
  Type* sig = ft->type;
  size_t pi = 0;
  for (Field* fl : ft->fields) {
    size_t n = fl->names.empty() ? 1 : fl->names.size();
    for (size_t k = 0; k < n; k++, pi++) {
      std::string nm = fl->names.empty() ? "_" : fl->names[k]->name;
      Object* p = new_obj(OK::Var, nm, fl->names.empty() ? fl->pos : fl->names[k]->pos);
      p->type = sig->params[pi];
      p->is_param = true;
      p->used = true;
      p->owner = f;
      if (!fl->names.empty()) fl->names[k]->obj = p;
      declare(scope, p, p->pos);
      f->params.push_back(p);
    }
  }
  size_t ri = 0;
  for (Field* fl : ft->results) {
    size_t n = fl->names.empty() ? 1 : fl->names.size();
    for (size_t k = 0; k < n; k++, ri++) {
      std::string nm = fl->names.empty() ? "" : fl->names[k]->name;
      Object* r = new_obj(OK::Var, nm.empty() ? "~r" : nm, fl->names.empty() ? fl->pos : fl->names[k]->pos);
      r->type = sig->results[ri];
      r->is_param = true;
      r->used = true;
      r->owner = f;
      if (!fl->names.empty()) {
        f->named_results = true;
        fl->names[k]->obj = r;
        declare(scope, r, r->pos);
      }
      f->results.push_back(r);
    }
  }
  std::vector<Object*> saved_locals;
  saved_locals.swap(locals_);
  auto saved_labels = labels_;
  labels_.clear();
  collect_labels(b->list);
  block_stmts(b->list);
  if (!sig->results.empty() && !terminating_list(b->list)) err(b->rbrace, "missing return");
  for (auto& [name, l] : labels_)
    if (!l.used) err(l.stmt->pos, "label " + name + " defined and not used");
  labels_ = saved_labels;
  for (Object* o : locals_)
    if (!o->used && o->name != "_" && o->type && o->type->k != TK::Invalid)
      err(o->pos, "declared and not used: " + o->name);
  locals_.swap(saved_locals);
}

}  // namespace golang
