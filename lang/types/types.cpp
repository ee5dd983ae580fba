// lang/types/types.cpp: type helpers, type strings and the interning Universe (see types.hpp).
#include "types/types.hpp"

#include <algorithm>

namespace golang {

bool is_integer(Type* t) {
  TK k = t->under()->k;
  return (k >= TK::Int && k <= TK::Uintptr) || k == TK::UntypedInt || k == TK::UntypedRune;
}
bool is_unsigned(Type* t) {
  TK k = t->under()->k;
  return k >= TK::Uint && k <= TK::Uintptr;
}
bool is_float(Type* t) {
  TK k = t->under()->k;
  return k == TK::Float32 || k == TK::Float64 || k == TK::UntypedFloat;
}
bool is_complex(Type* t) {
  TK k = t->under()->k;
  return k == TK::Complex64 || k == TK::Complex128 || k == TK::UntypedComplex;
}
bool is_numeric(Type* t) { return is_integer(t) || is_float(t) || is_complex(t); }
bool is_string(Type* t) {
  TK k = t->under()->k;
  return k == TK::String || k == TK::UntypedString;
}
bool is_boolean(Type* t) {
  TK k = t->under()->k;
  return k == TK::Bool || k == TK::UntypedBool;
}
bool is_untyped(Type* t) { return t->k >= TK::UntypedBool && t->k <= TK::UntypedNil; }
bool is_interface(Type* t) { return t->under()->k == TK::Interface; }
bool is_aggregate(Type* t) {
  TK k = t->under()->k;
  return k == TK::Struct || k == TK::Array || k == TK::Native;
}
bool is_comparable(Type* t) {
  Type* u = t->under();
  switch (u->k) {
    case TK::Slice:
    case TK::Map:
    case TK::Func:
      return false;
    case TK::Struct:
      for (auto& f : u->fields)
        if (!is_comparable(f.type)) return false;
      return true;
    case TK::Array:
      return is_comparable(u->elem);
    default:
      return true;
  }
}
bool has_nil(Type* t) {
  TK k = t->under()->k;
  return k == TK::Pointer || k == TK::Slice || k == TK::Map || k == TK::Chan || k == TK::Func ||
         k == TK::Interface || k == TK::UnsafePointer || k == TK::UntypedNil;
}
int int_bits(Type* t) {
  switch (t->under()->k) {
    case TK::Int8:
    case TK::Uint8:
      return 8;
    case TK::Int16:
    case TK::Uint16:
      return 16;
    case TK::Int32:
    case TK::Uint32:
      return 32;
    default:
      return 64;
  }
}
bool identical(Type* a, Type* b) { return a == b; }

static const char* kBasicNames[] = {
    "invalid type",   "bool",         "int",         "int8",         "int16",         "int32",
    "int64",          "uint",         "uint8",       "uint16",       "uint32",        "uint64",
    "uintptr",        "float32",      "float64",     "complex64",    "complex128",    "string",
    "unsafe.Pointer", "untyped bool", "untyped int", "untyped rune", "untyped float", "untyped complex",
    "untyped string", "untyped nil"};

std::string type_string(Type* t, bool q) {
  if (!t) return "<nil>";
  switch (t->k) {
    case TK::Named: {
      if (t->pkg.empty()) return t->name;
      if (t->pkg == "main" && !q) return t->name;
      std::string p = t->pkg;
      size_t s = p.rfind('/');
      if (s != std::string::npos) p = p.substr(s + 1);
      return p + "." + t->name;
    }
    case TK::TypeParam:
      return t->name;
    case TK::Pointer:
      return "*" + type_string(t->elem, q);
    case TK::Slice:
      return "[]" + type_string(t->elem, q);
    case TK::Array:
      return "[" + std::to_string(t->len) + "]" + type_string(t->elem, q);
    case TK::Map:
      return "map[" + type_string(t->key, q) + "]" + type_string(t->elem, q);
    case TK::Chan:
      return std::string(t->dir == 2   ? "<-chan "
                         : t->dir == 1 ? "chan<- "
                                       : "chan ") +
             type_string(t->elem, q);
    case TK::Func: {
      std::string s = "func(";
      for (size_t i = 0; i < t->params.size(); i++) {
        if (i) s += ", ";
        if (t->variadic && i + 1 == t->params.size())
          s += "..." + type_string(t->params[i]->elem, q);
        else
          s += type_string(t->params[i], q);
      }
      s += ")";
      if (t->results.size() == 1) s += " " + type_string(t->results[0], q);
      if (t->results.size() > 1) {
        s += " (";
        for (size_t i = 0; i < t->results.size(); i++) s += (i ? ", " : "") + type_string(t->results[i], q);
        s += ")";
      }
      return s;
    }
    case TK::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < t->results.size(); i++) s += (i ? ", " : "") + type_string(t->results[i], q);
      return s + ")";
    }
    case TK::Struct: {
      std::string s = "struct{";
      for (size_t i = 0; i < t->fields.size(); i++) {
        if (i) s += "; ";
        if (!t->fields[i].embedded) s += t->fields[i].name + " ";
        s += type_string(t->fields[i].type, q);
        if (!t->fields[i].tag.empty()) s += " \"" + t->fields[i].tag + "\"";
      }
      return s + "}";
    }
    case TK::Interface: {
      if (t->methods.empty() && t->union_terms.empty())
        return t->comparable_constraint ? "comparable" : q ? "interface {}" : "interface{}";
      std::string s = "interface {";
      for (size_t i = 0; i < t->methods.size(); i++) {
        s += (i ? "; " : " ") + t->methods[i].name + type_string(t->methods[i].sig, q).substr(4);
      }
      return s + " }";
    }
    case TK::Native:
      return "native";
    default:
      return kBasicNames[static_cast<int>(t->k)];
  }
}

Universe::Universe() {
  for (int k = 0; k <= static_cast<int>(TK::UntypedNil); k++) {
    auto t = std::make_unique<Type>();
    t->k = static_cast<TK>(k);
    basics_[k] = add(std::move(t));
  }
  byte_t = basics_[static_cast<int>(TK::Uint8)];
  rune_t = basics_[static_cast<int>(TK::Int32)];
  any_ = iface({});
  error_ = named("error", "");
  error_->under_ = iface({{"Error", func({}, {basic(TK::String)}, false), nullptr, false}});
}

Type* Universe::add(std::unique_ptr<Type> t) {
  t->id = static_cast<int>(all_.size());
  Type* p = t.get();
  owned_.push_back(std::move(t));
  all_.push_back(p);
  return p;
}

Type* Universe::interned(const std::string& key, std::unique_ptr<Type> t) {
  auto it = interned_.find(key);
  if (it != interned_.end()) return it->second;
  Type* p = add(std::move(t));
  interned_[key] = p;
  return p;
}

static std::string id_of(Type* t) { return std::to_string(t->id); }

Type* Universe::pointer(Type* e) {
  auto t = std::make_unique<Type>();
  t->k = TK::Pointer;
  t->elem = e;
  return interned("*" + id_of(e), std::move(t));
}
Type* Universe::slice(Type* e) {
  auto t = std::make_unique<Type>();
  t->k = TK::Slice;
  t->elem = e;
  return interned("[]" + id_of(e), std::move(t));
}
Type* Universe::array(Type* e, int64_t n) {
  auto t = std::make_unique<Type>();
  t->k = TK::Array;
  t->elem = e;
  t->len = n;
  return interned("[" + std::to_string(n) + "]" + id_of(e), std::move(t));
}
Type* Universe::map(Type* k, Type* v) {
  auto t = std::make_unique<Type>();
  t->k = TK::Map;
  t->key = k;
  t->elem = v;
  return interned("map" + id_of(k) + "," + id_of(v), std::move(t));
}
Type* Universe::chan(Type* e, int dir) {
  auto t = std::make_unique<Type>();
  t->k = TK::Chan;
  t->elem = e;
  t->dir = dir;
  return interned("chan" + std::to_string(dir) + "," + id_of(e), std::move(t));
}
Type* Universe::func(std::vector<Type*> params, std::vector<Type*> results, bool variadic) {
  std::string key = "func(";
  for (Type* p : params) key += id_of(p) + ",";
  key += variadic ? "...)" : ")";
  for (Type* r : results) key += id_of(r) + ",";
  auto t = std::make_unique<Type>();
  t->k = TK::Func;
  t->params = std::move(params);
  t->results = std::move(results);
  t->variadic = variadic;
  return interned(key, std::move(t));
}
Type* Universe::tuple(std::vector<Type*> ts) {
  std::string key = "tuple(";
  for (Type* p : ts) key += id_of(p) + ",";
  auto t = std::make_unique<Type>();
  t->k = TK::Tuple;
  t->results = std::move(ts);
  return interned(key, std::move(t));
}
Type* Universe::strukt(std::vector<FieldT> fields) {
  std::string key = "struct{";
  for (auto& f : fields) key += f.name + (f.embedded ? "!" : " ") + id_of(f.type) + " " + f.tag + ";";
  auto t = std::make_unique<Type>();
  t->k = TK::Struct;
  t->fields = std::move(fields);
  return interned(key, std::move(t));
}
Type* Universe::iface(std::vector<MethodT> methods) {
  std::sort(methods.begin(), methods.end(),
            [](const MethodT& a, const MethodT& b) { return a.name < b.name; });
  std::string key = "iface{";
  for (auto& m : methods) key += m.name + " " + id_of(m.sig) + ";";
  auto t = std::make_unique<Type>();
  t->k = TK::Interface;
  t->methods = std::move(methods);
  return interned(key, std::move(t));
}
Type* Universe::named(std::string name, std::string pkg) {
  auto t = std::make_unique<Type>();
  t->k = TK::Named;
  t->name = std::move(name);
  t->pkg = std::move(pkg);
  return add(std::move(t));
}
Type* Universe::fresh(TK k) {
  auto t = std::make_unique<Type>();
  t->k = k;
  return add(std::move(t));
}

Type* default_type(Universe& u, Type* t) {
  switch (t->k) {
    case TK::UntypedBool:
      return u.basic(TK::Bool);
    case TK::UntypedInt:
      return u.basic(TK::Int);
    case TK::UntypedRune:
      return u.basic(TK::Int32);
    case TK::UntypedFloat:
      return u.basic(TK::Float64);
    case TK::UntypedComplex:
      return u.basic(TK::Complex128);
    case TK::UntypedString:
      return u.basic(TK::String);
    default:
      return t;
  }
}

}  // namespace golang
