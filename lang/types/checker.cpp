// lang/types/checker.cpp: the type checker (see checker.hpp). Declarations and type
// expressions here; expressions in check_expr.cpp; statements in check_stmt.cpp.
#include <algorithm>
#include <cmath>
#include <set>

#include "types/checker_impl.hpp"
#include "types/go_api.hpp"

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
  add(OK::TypeName, "complex64", u.basic(TK::Complex64));
  add(OK::TypeName, "complex128", u.basic(TK::Complex128));
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
      {"append", BAppend},   {"cap", BCap},        {"clear", BClear},     {"close", BClose},
      {"copy", BCopy},       {"delete", BDelete},  {"len", BLen},         {"make", BMake},
      {"max", BMax},         {"min", BMin},        {"complex", BComplex}, {"real", BReal},
      {"imag", BImag},       {"new", BNew},        {"panic", BPanic},     {"print", BPrint},
      {"println", BPrintln}, {"recover", BRecover}};
  for (auto& [n, b] : builtins) add(OK::Builtin, n, nullptr)->builtin = b;
  // range-over-func loops' hidden builtins (check_stmt.cpp): no program can write their names
  add(OK::Builtin, "#deferframe", nullptr)->builtin = BDeferFrame;
  add(OK::Builtin, "#rangepanic", nullptr)->builtin = BRangePanic;
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
  if (opaque_) return;  // check_generic_body(): only opaque_operator() reports
  if (pkg && pkg->prelude) {
    c.errors_.push_back({p, "(in goroscope's " + pkg->path + ") " + m, pkg->filename});
    return;
  }
  // as gc: an error equal to the one before on the same line, or to any at the same
  // position, is shown once (a set keeps this linear in the number of errors)
  if (p.line == last_err_.pos.line && m == last_err_.msg) return;
  last_err_ = {p, m};
  if (!reported_.insert(std::to_string(p.line) + ":" + std::to_string(p.col) + ":" + m).second) return;
  c.errors_.push_back({p, m, pkg ? pkg->filename : ""});
}

void CheckerImpl::unsupported(Pos p, const std::string& what) {
  err(p, "goroscope does not support " + what + " yet");
}

void CheckerImpl::undefined_in_package(Pos p, const std::string& local, const Package* pkg,
                                       const std::string& name) {
  if (in_go_api(pkg->path, name))
    unsupported(p, local + "." + name);
  else
    err(p, "undefined: " + local + "." + name);
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
      if (name == ".") {  // the package's exported names, declared in this file's scope
        Object* o = new_obj(OK::Package, name, s->alias->pos);
        o->pkg = ip;
        o->spec = s;
        imports.push_back(o);
        std::vector<std::string> names;
        for (auto& [n, member] : ip->scope->names)
          if (!n.empty() && n[0] >= 'A' && n[0] <= 'Z') names.push_back(n);
        std::sort(names.begin(), names.end());  // the same errors, whatever the map's order
        for (const std::string& n : names) {
          auto prev = file_scope->names.find(n);
          if (prev == file_scope->names.end()) {
            file_scope->names[n] = ip->scope->names[n];
            dot_imported_[ip->scope->names[n]] = o;
            continue;
          }
          auto from = dot_imported_.find(prev->second);  // sync.Map and strings.Map, both dot imported
          Package* other = from != dot_imported_.end() ? from->second->pkg : p;
          err(s->alias->pos, n + " redeclared in this block\n\t" + other->filename + ":" +
                                 std::to_string(prev->second->pos.line) + ":" +
                                 std::to_string(prev->second->pos.col) + ": other declaration of " + n);
        }
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
      if (fd->recv) continue;  // methods after types
      Object* o = new_obj(OK::Func, fd->name->name, fd->name->pos);
      o->decl = fd;
      if (!fd->tparams.empty()) {
        if (fd->name->name == "init" || (fd->name->name == "main" && !p->prelude)) {
          err(fd->name->pos, "func " + fd->name->name + " must have no type parameters");
          continue;
        }
        declare(p->scope, o, fd->name->pos);  // generic: its instances are checked, not it
        p->objects.push_back(o);
        continue;
      }
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
  // methods of generic types first: an instance made while types resolve clones them
  std::unordered_set<FuncDecl*> generic_methods;
  for (FuncDecl* fd : f->funcs) {
    if (!fd->recv) continue;
    Expr* rt = fd->recv->type->k == EK::Star ? fd->recv->type->x : fd->recv->type;
    Object* tn = rt->k == EK::Index && rt->x->k == EK::Ident ? p->scope->lookup(rt->x->name)
                 : rt->k == EK::Ident                        ? p->scope->lookup(rt->name)
                                                             : nullptr;
    if (rt->k == EK::Index || is_generic(tn)) {
      generic_methods.insert(fd);
      collect_generic_method(fd);
    }
  }
  for (FuncDecl* fd : f->funcs)
    if (!fd->tparams.empty() || generic_methods.count(fd)) mark_imports_used(fd);
  for (Object* o : p->objects)
    if (o->k == OK::TypeName && is_generic(o)) {
      mark_imports_used(o->spec->type);
      for (Field* tp : o->spec->tparams) mark_imports_used(tp->type);
    }
  for (Object* o : p->objects)
    if (o->k == OK::TypeName) resolve_typename(o);
  for (FuncDecl* fd : f->funcs)
    if (fd->recv && !generic_methods.count(fd)) collect_method(fd);
  for (Object* o : p->objects)
    if (o->k == OK::Const) resolve_const(o);
  for (Object* o : p->objects)
    if (o->k == OK::Func && !is_generic(o)) func_signature(o);
  for (Spec* s : p->var_specs) resolve_var_spec(s);
  for (FuncDecl* fd : f->funcs) {
    if (!fd->obj) continue;
    check_func_body(fd);
  }
  if (!p->prelude)
    for (FuncDecl* fd : f->funcs) {
      if (!fd->tparams.empty()) {
        Object* o = p->scope->lookup(fd->name->name);
        if (o && o->decl == fd) check_generic_body(fd, o);
      } else if (generic_methods.count(fd)) {
        Expr* rt = fd->recv->type->k == EK::Star ? fd->recv->type->x : fd->recv->type;
        Object* tn = rt->k == EK::Index && rt->x->k == EK::Ident ? p->scope->lookup(rt->x->name) : nullptr;
        if (tn && is_generic(tn)) check_generic_body(fd, tn);
      }
    }
  drain_instances();
  decl_ = nullptr;
  init_order(p);
  if (!p->prelude) {
    Object* m = p->scope->names.count("main") ? p->scope->names["main"] : nullptr;
    if (!m || m->k != OK::Func) err({0, 0}, "function main is undeclared in the main package");
  }
  for (Object* o : imports)
    if (!o->used) {
      if (o->spec->alias && o->name != ".")
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
    // (valid_type() rejects those that contain themselves); through an alias it is not
    if (o->spec && o->spec->assign && !o->type) {
      auto it = std::find(type_path_.begin(), type_path_.end(), o);
      // `type A = *B; type B struct{ x A }` is fine: between A and here lies a named type,
      // whose Type exists already, so A's right side can be resolved now (once: if that
      // comes back to A without passing a named type, A refers to itself)
      bool through_named = it != type_path_.end() &&
                           std::any_of(it + 1, type_path_.end(), [](Object* x) { return !x->spec->assign; });
      if (through_named && !realiasing_.count(o)) {
        realiasing_.insert(o);
        Type* t = resolve_type(o->spec->type);
        realiasing_.erase(o);
        if (!o->type) o->type = t;
        return;
      }
      cycle_error(std::vector<Object*>(it == type_path_.end() ? type_path_.begin() : it, type_path_.end()));
      o->type = u.basic(TK::Invalid);
    }
    return;
  }
  if (!enter_decl(o->pos)) {
    o->type = u.basic(TK::Invalid);
    return;
  }
  o->state = 1;
  type_path_.push_back(o);
  Spec* s = o->spec;
  if (!s->tparams.empty()) {  // generic: List[int] makes an instance (check_generic.cpp)
    o->type = u.basic(TK::Invalid);
    o->state = 2;
    type_path_.pop_back();
    leave_decl();
    return;
  }
  Package* saved = pkg;
  Scope* saved_scope = scope;
  if (s->assign) {
    Type* t = resolve_type(s->type);
    if (!o->type) o->type = t;  // else: a cycle made it invalid
  } else {
    Type* t = u.named(o->name, pkg->path);
    o->type = t;
    type_objects_[t] = o;
    if (s->type->k == EK::Ident && s->type->name == "__native" && pkg->prelude) {
      t->under_ = u.fresh(TK::Native);
      t->under_->name = pkg->path + "." + o->name;
    } else {
      Type* under = resolve_type(s->type);
      // `type T U` where U's own declaration is still in progress (T refers to U refers to T)
      Type* uu = under ? under->under() : nullptr;
      t->under_ = uu ? uu : u.basic(TK::Invalid);
      if (t->under_ == t) t->under_ = u.basic(TK::Invalid);
      // `type T4 T5; type T5 T3` reached from T3's own declaration: T5's underlying type is
      // T3's, known once T3's declaration is done
      if (!uu && under && under->named()) {  // `type A B; type B A`: no type but names, all the way
        auto it = std::find(type_path_.begin(), type_path_.end(), type_object(under));
        bool names_only = it != type_path_.end() && std::all_of(it, type_path_.end(), [](Object* x) {
                            return x->spec->type->k == EK::Ident || x->spec->type->k == EK::Selector;
                          });
        if (names_only) {
          cycle_error(std::vector<Object*>(it, type_path_.end()));
          under = nullptr;
        }
      }
      bool waits = under && under->named() && under != t &&
                   (!uu || std::any_of(unfinished_unders_.begin(), unfinished_unders_.end(),
                                       [under](auto& w) { return w.first == under; }));
      if (waits) unfinished_unders_.push_back({t, under});
    }
  }
  pkg = saved;
  scope = saved_scope;
  o->state = 2;
  type_path_.pop_back();
  leave_decl();
  if (type_path_.empty()) {
    // every declaration this one reached is complete: now look for types that contain
    // themselves, and check the map keys that waited for their types
    auto unders = std::move(unfinished_unders_);
    unfinished_unders_.clear();
    for (auto [t, named] : unders)
      if (Type* uu = named->under(); uu && uu != t && uu->k != TK::Invalid) t->under_ = uu;
    valid_type(o->type);
    auto keys = std::move(pending_keys_);
    pending_keys_.clear();
    for (auto [k, kt] : keys) map_key(k, kt);
  }
}

bool CheckerImpl::enter_decl(Pos p) {
  if (decl_depth_ >= kMaxDeclDepth) {
    if (!decl_depth_reported_) err(p, "exceeded max nesting depth");
    decl_depth_reported_ = true;
    return false;
  }
  decl_depth_++;
  return true;
}

void CheckerImpl::leave_decl() { decl_depth_--; }

void CheckerImpl::cycle_error(const std::vector<Object*>& cycle, const char* what) {
  if (cycle.empty()) return;
  // as go/types: a type cycle starts at the type declared first, an initialization cycle at
  // the variable; then follow the references around
  size_t start = 0;
  for (size_t i = 1; i < cycle.size() && cycle[0]->k == OK::TypeName; i++)
    if (cycle[i]->pos.line < cycle[start]->pos.line ||
        (cycle[i]->pos.line == cycle[start]->pos.line && cycle[i]->pos.col < cycle[start]->pos.col))
      start = i;
  auto at = [&](Object* x) {
    return "\n\t" + pkg->filename + ":" + std::to_string(x->pos.line) + ":" + std::to_string(x->pos.col) +
           ": ";
  };
  Object* first = cycle[start];
  std::string m = std::string(what) + " " + first->name;
  for (size_t i = 0; i < cycle.size(); i++) {
    Object* x = cycle[(start + i) % cycle.size()];
    m += at(x) + x->name + " refers to";
  }
  m += at(first) + first->name;
  err(first->pos, m);
}

// valid_type() finds the named types that contain themselves by value (through array elements
// and struct fields: `type T [2]T`, `type A struct{ b B }; type B struct{ a A }`), reports each
// cycle as gc does, and makes the types on it invalid so that nothing walks it again. A cycle
// through a pointer, slice, map, channel, function or interface is fine. Iterative: a chain of
// declarations may be long.
void CheckerImpl::valid_type(Type* root) {
  struct Frame {
    Type* t;
    size_t next;  // the next child to visit
  };
  auto children = [&](Type* t, std::vector<Type*>& out) {
    out.clear();
    Type* x = t->named() ? t->under_ : t;
    if (!x) return;
    if (x->k == TK::Array) out.push_back(x->elem);
    if (x->k == TK::Struct)
      for (auto& f : x->fields) out.push_back(f.type);
  };
  std::vector<Frame> stack;
  std::vector<std::vector<Type*>> kids;
  auto push = [&](Type* t) {
    stack.push_back({t, 0});
    kids.emplace_back();
    children(t, kids.back());
    if (t->named()) on_path_.insert(t);
  };
  if (!root || valid_.count(root)) return;
  push(root);
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == kids.back().size()) {
      if (f.t->named()) on_path_.erase(f.t);
      valid_.insert(f.t);
      stack.pop_back();
      kids.pop_back();
      continue;
    }
    Type* c = kids.back()[f.next++];
    if (!c || valid_.count(c)) continue;
    if (c->named() && on_path_.count(c)) {
      // the cycle: the named types on the stack from c's frame on
      std::vector<Object*> cycle;
      bool in = false;
      for (auto& g : stack) {
        if (g.t == c) in = true;
        if (in && g.t->named())
          if (Object* o = type_object(g.t)) cycle.push_back(o);
      }
      cycle_error(cycle);
      in = false;
      for (auto& g : stack) {
        if (g.t == c) in = true;
        if (in && g.t->named()) g.t->under_ = u.basic(TK::Invalid);
      }
      kids.back().clear();
      f.next = 0;
      continue;
    }
    if (c->named() && c->pkg != pkg->path) continue;  // another package's types are checked
    push(c);
  }
}

Object* CheckerImpl::type_object(Type* t) {
  auto it = type_objects_.find(t);
  return it == type_objects_.end() ? nullptr : it->second;
}

void CheckerImpl::map_key(Expr* k, Type* kt) {
  if (kt->named() && !kt->under_) {  // its declaration is in progress: check once it is done
    pending_keys_.push_back({k, kt});
    return;
  }
  if (kt->k != TK::Invalid && kt->under()->k != TK::Invalid && !is_comparable(kt))
    err(k->pos, "invalid map key type " + type_string(kt));
}

int64_t CheckerImpl::type_size(Type* t) {
  if (!t) return 0;
  auto it = sizes_.find(t);
  if (it != sizes_.end()) return it->second;
  sizes_[t] = 0;  // a type that contains itself (reported elsewhere) has no size
  int64_t n = 0;
  switch (t->k) {
    case TK::Bool:
    case TK::Int8:
    case TK::Uint8:
      n = 1;
      break;
    case TK::Int16:
    case TK::Uint16:
      n = 2;
      break;
    case TK::Int32:
    case TK::Uint32:
    case TK::Float32:
      n = 4;
      break;
    case TK::String:
    case TK::Interface:
    case TK::Complex128:
      n = 16;
      break;
    case TK::Slice:
      n = 24;
      break;
    case TK::Named:
      n = type_size(t->under_);
      break;
    case TK::Array: {
      int64_t e = type_size(t->elem);
      n = e > 0 && t->len > kMaxWidth / e ? kMaxWidth : t->len * e;
      break;
    }
    case TK::Struct:
      for (auto& f : t->fields) n = std::min(kMaxWidth, n + type_size(f.type));
      break;
    case TK::Invalid:
      n = 0;
      break;
    default:
      n = 8;
      break;
  }
  sizes_[t] = n;
  return n;
}

void CheckerImpl::collect_method(FuncDecl* fd) {
  Field* r = fd->recv;
  Expr* rt = r->type;
  bool ptr = false;
  if (rt->k == EK::Star) {
    ptr = true;
    rt = rt->x;
  }
  if (rt->k == EK::Selector && rt->x->k == EK::Ident) {  // func (d time.Duration) M()
    if (Object* po = pkg->scope->lookup(rt->x->name); po && po->k == OK::Package) {
      po->used = true;
      err(r->names.empty() ? rt->pos : r->names[0]->pos,  // gc: at the receiver
          "cannot define new methods on non-local type " + rt->x->name + "." + rt->name);
      return;
    }
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
    err(r->names.empty() ? rt->pos : r->names[0]->pos,
        "cannot define new methods on non-local type " + rt->name);
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
  if (!e->type) expr(e);
  if (!e->cv.valid() ||
      !(e->cv.kind == ConstVal::Int || (e->cv.kind == ConstVal::Float && e->cv.f == std::floor(e->cv.f)))) {
    return false;
  }
  // out of int64's range: not a length any array can have (and no undefined conversion)
  if (e->cv.kind == ConstVal::Int ? (e->cv.i > INT64_MAX || e->cv.i < INT64_MIN)
                                  : std::fabs(e->cv.f) >= 9.2e18)
    return false;
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
      if (e->name.empty() && e->type) return e->type;  // resolved already (check_method_expr.cpp)
      Object* o = scope->lookup(e->name);
      if (!o) {
        err(e->pos, "undefined: " + e->name);
        return nullptr;
      }
      o->used = true;
      used_dot_import(o);
      e->obj = o;
      if (o->k != OK::TypeName) {
        err(e->pos, e->name + " is not a type");
        return nullptr;
      }
      if (is_generic(o)) {
        err(e->pos, "cannot use generic type " + generic_name(o) + " without instantiation");
        return nullptr;
      }
      if (o->state != 2 && o->spec) {
        if (o->state == 1 && array_len_depth_ > 0) {
          err(e->pos, "illegal cycle in type declaration");
          return nullptr;
        }
        resolve_typename(o);
      }
      return o->type;  // for a declaration in progress: a Named type whose underlying is to come
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
        undefined_in_package(e->pos, e->x->name, po->pkg, e->name);
        return nullptr;
      }
      if (o->k != OK::TypeName) {
        err(e->pos, e->x->name + "." + e->name + " is not a type");
        return nullptr;
      }
      if (is_generic(o)) {
        err(e->pos,
            "cannot use generic type " + e->x->name + "." + generic_name(o) + " without instantiation");
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
      array_len_depth_++;  // a type declared in progress may not be used in here
      size_t errors = c.errors_.size();
      expr(e->y);
      array_len_depth_--;
      if (c.errors_.size() != errors || (e->y->type && e->y->type->k == TK::Invalid)) return nullptr;
      if (e->y->cv.valid() && e->y->cv.kind == ConstVal::Int &&
          (e->y->cv.i > INT64_MAX || e->y->cv.i < INT64_MIN)) {
        err(e->y->pos, "array length " + expr_string(e->y) + " (" + describe(e->y) + ") must be integer");
        return nullptr;
      }
      if (e->y->cv.kind == ConstVal::Complex) {  // [2 + 0i]T is [2]T; [2i]T is no array
        if (e->y->cv.im != 0) {
          err(e->y->pos, "array length " + expr_string(e->y) + " (" + describe(e->y) + ") must be integer");
          return nullptr;
        }
        e->y->cv = ConstVal::of_float(e->y->cv.f);
      }
      if (!const_int(e->y, n)) {
        err(e->y->pos, "array length " + expr_string(e->y) + " (" + describe(e->y) + ") must be constant");
        return nullptr;
      }
      if (n < 0) {
        err(e->y->pos, "invalid array length " + expr_string(e->y));
        return nullptr;
      }
      Type* at = u.array(elem, n);
      if (int64_t es = type_size(elem); es > 0 && n > (kMaxWidth - 1) / es) {
        err(e->pos, "type " + type_string(at) + " larger than address space");
        return nullptr;
      }
      return at;
    }
    case EK::MapType: {
      Type* k = resolve_type(e->x);
      Type* v = resolve_type(e->y);
      map_key(e->x, k);
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
          if (te->k == EK::Index) te = te->x;  // an embedded instance: List[int] is named List
          std::string name = te->k == EK::Selector ? te->name : te->name;
          fields.push_back({name, t, true, pkg->path, f->tag});
        } else {
          for (Expr* n : f->names) fields.push_back({n->name, t, false, pkg->path, f->tag});
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
      std::vector<bool> tilde;
      bool comparable = false;
      for (Field* f : e->fields) {
        if (!f->names.empty()) {
          ms.push_back({f->names[0]->name, func_type(f->type), nullptr, false});
          continue;
        }
        if (f->type->k == EK::Binary || f->type->k == EK::Unary) {
          collect_terms(f->type, terms, tilde);
          continue;
        }
        Type* t = resolve_type(f->type);
        if (t->named() && !t->under_) {  // embeds itself, or an interface that embeds it
          Object* o = type_object(t);
          auto it = std::find(type_path_.begin(), type_path_.end(), o);
          if (it != type_path_.end()) cycle_error(std::vector<Object*>(it, type_path_.end()));
          continue;
        }
        if (t->under()->k == TK::Interface) {
          for (auto& m : t->under()->methods) ms.push_back(m);
          for (Type* x : t->under()->union_terms) terms.push_back(x);
          for (bool x : t->under()->union_tilde) tilde.push_back(x);
          if (t->under()->comparable_constraint) comparable = true;
        } else {
          terms.push_back(t);
          tilde.push_back(false);
        }
      }
      Type* it = u.iface(ms);
      if (terms.empty() && !comparable) return it;
      Type* c2 = u.fresh(TK::Interface);
      c2->methods = it->methods;
      c2->union_terms = terms;
      c2->union_tilde = tilde;
      c2->comparable_constraint = comparable;
      return c2;
    }
    case EK::Index:
      return generic_type_expr(e);
    default:
      break;
  }
  err(e->pos, expr_string(e) + " is not a type");
  return nullptr;
}

void CheckerImpl::collect_terms(Expr* e, std::vector<Type*>& out, std::vector<bool>& tilde) {
  if (e->k == EK::Binary && e->op == Tok::Or) {
    collect_terms(e->x, out, tilde);
    collect_terms(e->y, out, tilde);
  } else if (e->k == EK::Unary && e->op == Tok::Tilde) {
    out.push_back(resolve_type(e->x)->under());
    tilde.push_back(true);
  } else {
    out.push_back(resolve_type(e));
    tilde.push_back(false);
  }
}

void CheckerImpl::resolve_const(Object* o) {
  if (o->state == 2) return;
  if (o->state == 1) {
    err(o->pos, "initialization cycle or invalid recursive reference to " + o->name);
    o->type = u.basic(TK::Invalid);
    return;
  }
  if (!enter_decl(o->pos)) {
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
    size_t errors = c.errors_.size();
    expr(e);
    if (c.errors_.size() != errors && !e->cv.valid()) {  // said already (an overflow, a division by 0)
      o->type = u.basic(TK::Invalid);
    } else if (e->type->k != TK::Invalid && !e->cv.valid()) {
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
  leave_decl();
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
  if (!enter_decl(s->pos)) {
    for (Object* o : objs)
      if (o) o->type = u.basic(TK::Invalid);
    return;
  }
  for (Object* o : objs)
    if (o) o->state = 1;
  Object* saved = decl_;
  decl_ = var_node(objs.empty() ? nullptr : objs[0]);
  var_decl(s, objs);
  decl_ = saved;
  for (Object* o : objs)
    if (o) {
      o->state = 2;
      pkg->vars.push_back(o);
    }
  leave_decl();
}

Object* CheckerImpl::var_node(Object* o) {
  if (o && o->spec && !o->spec->names.empty() && o->spec->names[0]->obj) return o->spec->names[0]->obj;
  return o;
}

void CheckerImpl::depend_on(Object* o) {
  if (!decl_ || !o || o->pkgpath != pkg->path) return;
  if (o->k == OK::Var && o->is_global)
    deps_[decl_].push_back(var_node(o));
  else if (o->k == OK::Func && o->decl)
    deps_[decl_].push_back(o);
}

// init_order() does what go/types' initorder.go does for package p: it reports the cycles in
// which a variable's initialiser refers, directly or through functions, to the variable itself
// ("initialization cycle for a"), and orders p's variable declarations as Go's spec does: next
// is always the earliest declaration in source order whose initialiser refers (directly or
// through functions) only to variables already initialised. Iterative: dependency chains may be
// long.
void CheckerImpl::init_order(Package* p) {
  std::unordered_map<Object*, Spec*> spec_of;
  std::vector<Object*> vars;
  for (Spec* s : p->var_specs)
    if (!s->names.empty() && s->names[0]->obj) {
      vars.push_back(s->names[0]->obj);
      spec_of[s->names[0]->obj] = s;
    }
  auto deps = [&](Object* o) -> const std::vector<Object*>& {
    static const std::vector<Object*> none;
    auto it = deps_.find(o);
    return it == deps_.end() ? none : it->second;
  };
  // cycles: the strongly connected components of the graph (Tarjan's algorithm, iterative)
  // that hold a variable and a cycle; each is reported once, from its first variable around
  // a shortest way back to it
  std::unordered_map<Object*, int> index, low;
  std::unordered_set<Object*> on_stack;
  std::vector<Object*> stack;
  std::vector<std::vector<Object*>> components;
  int counter = 0;
  struct Visit {
    Object* n;
    size_t next;
  };
  for (Object* root : vars) {
    if (index.count(root)) continue;
    std::vector<Visit> work{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack.insert(root);
    while (!work.empty()) {
      Visit& w = work.back();
      const auto& ds = deps(w.n);
      if (w.next < ds.size()) {
        Object* d = ds[w.next++];
        if (!index.count(d)) {
          index[d] = low[d] = counter++;
          stack.push_back(d);
          on_stack.insert(d);
          work.push_back({d, 0});
        } else if (on_stack.count(d)) {
          low[w.n] = std::min(low[w.n], index[d]);
        }
        continue;
      }
      Object* n = w.n;
      work.pop_back();
      if (!work.empty()) low[work.back().n] = std::min(low[work.back().n], low[n]);
      if (low[n] != index[n]) continue;
      std::vector<Object*> comp;
      Object* x;
      do {
        x = stack.back();
        stack.pop_back();
        on_stack.erase(x);
        comp.push_back(x);
      } while (x != n);
      components.push_back(std::move(comp));
    }
  }
  std::unordered_map<Object*, size_t> order_in_source;
  for (size_t k = 0; k < vars.size(); k++) order_in_source[vars[k]] = k;
  for (auto& comp : components) {
    Object* v = nullptr;  // the component's first variable in source order
    for (Object* x : comp)
      if (order_in_source.count(x) && (!v || order_in_source[x] < order_in_source[v])) v = x;
    if (!v) continue;
    const auto& vd = deps(v);
    if (comp.size() == 1 && std::find(vd.begin(), vd.end(), v) == vd.end()) continue;
    // a shortest path from v back to v inside the component
    std::unordered_set<Object*> in(comp.begin(), comp.end());
    std::unordered_map<Object*, Object*> parent{{v, nullptr}};
    std::vector<Object*> queue{v};
    Object* last = nullptr;
    for (size_t q = 0; q < queue.size() && !last; q++)
      for (Object* d : deps(queue[q])) {
        if (d == v) {
          last = queue[q];
          break;
        }
        if (!in.count(d) || parent.count(d)) continue;
        parent[d] = queue[q];
        queue.push_back(d);
      }
    if (!last) continue;
    std::vector<Object*> cycle;
    for (Object* n = last; n; n = parent[n]) cycle.push_back(n);
    std::reverse(cycle.begin(), cycle.end());
    Package* saved = pkg;
    pkg = p;
    cycle_error(cycle, "initialization cycle for");
    pkg = saved;
  }
  // order: as Go's spec says, repeatedly the earliest declaration in source order that is ready
  // (every variable its initialiser reaches, directly or through functions, is initialised);
  // where none is ready (a cycle, reported above), the earliest left
  std::unordered_map<Object*, std::vector<Object*>> waits_on;  // var -> vars it reaches
  for (Object* v : vars) {
    std::unordered_set<Object*> seen{v};
    std::vector<Object*> work(deps(v).begin(), deps(v).end());
    while (!work.empty()) {
      Object* d = work.back();
      work.pop_back();
      if (!seen.insert(d).second) continue;
      if (spec_of.count(d)) {
        waits_on[v].push_back(d);
        continue;
      }
      for (Object* dd : deps(d)) work.push_back(dd);
    }
  }
  std::unordered_map<Object*, size_t> at;  // a variable's place in source order
  for (size_t k = 0; k < vars.size(); k++) at[vars[k]] = k;
  std::vector<size_t> unmet(vars.size(), 0);
  std::vector<std::vector<size_t>> waited_by(vars.size());
  for (size_t k = 0; k < vars.size(); k++)
    for (Object* d : waits_on[vars[k]]) {
      unmet[k]++;
      waited_by[at[d]].push_back(k);
    }
  std::set<size_t> ready, waiting;  // by place in source order
  for (size_t k = 0; k < vars.size(); k++) (unmet[k] == 0 ? ready : waiting).insert(k);
  std::vector<Spec*> order;
  while (!ready.empty() || !waiting.empty()) {
    std::set<size_t>& from = ready.empty() ? waiting : ready;
    size_t k = *from.begin();
    from.erase(from.begin());
    order.push_back(spec_of[vars[k]]);
    for (size_t w : waited_by[k])
      if (waiting.count(w) && --unmet[w] == 0) {
        waiting.erase(w);
        ready.insert(w);
      }
  }
  if (order.size() == p->var_specs.size()) p->var_specs = order;
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
    if (t && t->under()->k == TK::Func)
      value_for(v, t);  // a generic function is instantiated from t
    else
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

void CheckerImpl::check_func_body(FuncDecl* fd, Scope* outer) {
  Object* o = fd->obj;
  decl_ = o;  // what the body refers to, for init_order()
  if (!o->type) o->type = func_type(fd->type);
  std::string name;
  std::string prefix = pkg->path;
  if (o->recv_base) {
    std::string rn = o->recv_base->name;
    if (size_t br = rn.find('['); br != std::string::npos) rn = rn.substr(0, br) + "[...]";  // as gc
    name = prefix + "." + (o->ptr_recv ? "(*" + rn + ")" : rn) + "." + o->name;
  } else {
    name = prefix + "." + o->name + (o->targs.empty() ? "" : "[...]");
  }
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
  fs->parent = outer ? outer : pkg->scope;
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
  decl_ = nullptr;
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
  auto saved_lists = std::move(open_lists_);
  open_lists_.clear();
  collect_labels(b->list);
  block_stmts(b->list);
  if (!sig->results.empty() && !terminating_list(b->list)) err(b->rbrace, "missing return");
  for (auto& [name, l] : labels_)
    if (!l.used) err(l.stmt->pos, "label " + name + " defined and not used");
  labels_ = saved_labels;
  open_lists_ = std::move(saved_lists);
  for (Object* o : locals_)
    if (!o->used && o->name != "_" && o->type && o->type->k != TK::Invalid)
      err(o->pos, "declared and not used: " + o->name);
  locals_.swap(saved_locals);
}

}  // namespace golang
