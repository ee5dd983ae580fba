// lang/vm/rtype.cpp: helpers on run-time types (see rtype.hpp).
#include "vm/rtype.hpp"

namespace golang {

bool is_integer(const RType* t) {
  TK k = t->under()->k;
  return k >= TK::Int && k <= TK::Uintptr;
}
bool is_unsigned(const RType* t) {
  TK k = t->under()->k;
  return k >= TK::Uint && k <= TK::Uintptr;
}
bool is_float(const RType* t) {
  TK k = t->under()->k;
  return k == TK::Float32 || k == TK::Float64;
}
bool is_numeric(const RType* t) { return is_integer(t) || is_float(t); }
bool is_string(const RType* t) { return t->under()->k == TK::String; }
bool is_interface(const RType* t) { return t->under()->k == TK::Interface; }
bool is_aggregate(const RType* t) {
  TK k = t->under()->k;
  return k == TK::Struct || k == TK::Array || k == TK::Native;
}
bool is_comparable(const RType* t) {
  const RType* u = t->under();
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

}  // namespace golang
