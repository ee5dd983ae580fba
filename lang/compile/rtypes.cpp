// lang/compile/rtypes.cpp: the checker's types made into run-time types (see rtypes.hpp).
#include "compile/rtypes.hpp"

#include <algorithm>
#include <set>

namespace golang {

RType* RTypes::of(Type* t) {
  if (!t) return nullptr;
  auto id = static_cast<size_t>(t->id);
  if (prog_.types.size() <= id) prog_.types.resize(u_.all().size() > id ? u_.all().size() : id + 1);
  auto& slot = prog_.types[id];
  if (!slot) {
    slot = std::make_unique<RType>();
    slot->id = t->id;
  }
  return slot.get();
}

int RTypes::method_id(const std::string& name) {
  auto [it, added] = method_ids_.try_emplace(name, static_cast<int>(prog_.method_names.size()));
  if (added) prog_.method_names.push_back(name);
  return it->second;
}

void RTypes::finish(const FuncIndex& index) {
  const std::vector<Type*> all = u_.all();  // a copy: of() may not add types, but be safe
  for (Type* t : all) of(t);
  for (Type* t : all) fill(t, of(t));
  for (Type* t : all) fill_methods(t, of(t), index);
  auto find = [&](const char* name) {
    auto it = method_ids_.find(name);
    return it == method_ids_.end() ? -1 : it->second;
  };
  prog_.error_method = find("Error");
  prog_.string_method = find("String");
  prog_.gostring_method = find("GoString");
  prog_.format_method = find("Format");
  prog_.empty_struct = of(u_.empty_struct());
}

void RTypes::fill(Type* t, RType* r) {
  r->k = t->k;
  r->id = t->id;
  r->len = t->len;
  r->dir = t->dir;
  r->name = t->name;
  r->pkg = t->pkg;
  if (t->k == TK::Named) {
    r->under_ = of(t->under_);
    if (!r->under_) r->under_ = of(u_.basic(TK::Invalid));
  }
  r->elem = of(t->elem);
  r->key = of(t->key);
  r->fields.reserve(t->fields.size());
  for (const FieldT& f : t->fields) r->fields.push_back({f.name, of(f.type), f.embedded});
  if (t->k == TK::Func)
    for (Type* p : t->params) r->params.push_back(of(p));
  if (t->k == TK::Interface)
    for (const MethodT& m : t->methods) {
      r->imethods.push_back(method_id(m.name));
      r->isigs.push_back(m.sig ? m.sig->id : -1);
    }
  r->str = type_string(t, true);
  r->text = type_string(t);
}

// The method set of a concrete type: each method name declared on the named types it reaches
// through embedding, resolved by the checker's lookup as a selector would be.
void RTypes::fill_methods(Type* t, RType* r, const FuncIndex& index) {
  if (t->k != TK::Named && t->k != TK::Pointer && t->k != TK::Struct) return;
  if (t->under() && t->under()->k == TK::Interface) return;
  std::set<std::string> names;
  std::vector<Type*> todo{t->k == TK::Pointer ? t->elem : t};
  std::vector<Type*> seen;
  while (!todo.empty() && seen.size() < 64) {
    Type* x = todo.back();
    todo.pop_back();
    if (!x || std::find(seen.begin(), seen.end(), x) != seen.end()) continue;
    seen.push_back(x);
    if (x->k == TK::Named)
      for (const MethodT& m : x->methods) names.insert(m.name);
    Type* u = x->under();
    if (u && u->k == TK::Struct)
      for (const FieldT& f : u->fields) {
        if (!f.embedded) continue;
        Type* e = f.type && f.type->k == TK::Pointer ? f.type->elem : f.type;
        if (e && e->under() && e->under()->k == TK::Interface)  // its methods are promoted too
          for (const MethodT& m : e->under()->methods) names.insert(m.name);
        else
          todo.push_back(e);
      }
  }
  for (const std::string& name : names) {
    Checker::Selection s = checker_.lookup(t, name);
    if (s.kind == SelIface) {  // through the embedded interface's dynamic value
      RMethod m;
      m.id = method_id(name);
      m.sig = s.type ? s.type->id : -1;
      m.ref.path = s.path;
      m.ref.via_iface = true;
      m.ref.iface_method = m.id;
      m.ref.iface_results = s.type ? static_cast<int>(s.type->results.size()) : 0;
      m.ref.returns_string = s.type && s.type->params.empty() && s.type->results.size() == 1 &&
                             s.type->results[0]->under()->k == TK::String;
      r->methods.push_back(std::move(m));
      continue;
    }
    if (s.kind != SelMethod || !s.method || !s.method->func) continue;
    bool via_ptr = t->k == TK::Pointer || s.indirect;
    if (s.ptr_recv && !via_ptr) continue;  // not in a value's method set
    RMethod m;
    m.id = method_id(name);
    m.sig = s.type ? s.type->id : -1;  // types are interned: identical signatures, one id
    m.ref.proto = prog_.protos[static_cast<size_t>(index.at(s.method->func))].get();
    m.ref.path = s.path;
    m.ref.ptr_recv = s.ptr_recv;
    Type* cur = t;  // is the value after the path a pointer?
    for (int p : s.path) {
      Type* st = cur->under()->k == TK::Pointer ? cur->under()->elem : cur;
      cur = st->under()->fields[static_cast<size_t>(p)].type;
    }
    m.ref.recv_is_ptr = cur->under()->k == TK::Pointer;
    m.ref.recv_type = of(m.ref.recv_is_ptr ? cur->under()->elem : cur);
    if (s.path.empty() && s.ptr_recv == m.ref.recv_is_ptr)
      m.ref.recv_fast =
          s.ptr_recv || !is_aggregate(m.ref.recv_type) ? MethodRef::kRecvAsIs : MethodRef::kRecvCopy;
    Type* sig = s.method->func->sig;
    m.ref.returns_string =
        sig && sig->params.empty() && sig->results.size() == 1 && sig->results[0]->under()->k == TK::String;
    r->methods.push_back(std::move(m));
  }
  std::sort(r->methods.begin(), r->methods.end(),
            [](const RMethod& a, const RMethod& b) { return a.id < b.id; });
}

}  // namespace golang
