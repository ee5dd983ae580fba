// lang/vm/vm_inspect.cpp: the inspector's view of a goroutine (see vm_inspect.hpp): the named
// locals the compiler tabled for each frame (Proto::locals, in scope at the frame's
// instruction), a closure's captured variables, and package main's variables, formatted by a
// bounded formatter that only reads.
#include "vm/vm_inspect.hpp"

#include "vm/fmt.hpp"
#include "vm/objects.hpp"
#include "vm/vm.hpp"

namespace golang {

namespace {

constexpr int kMaxDepth = 3;          // nesting shown; deeper values are "…"
constexpr size_t kMaxElems = 8;       // elements or fields shown, then "…"
constexpr size_t kMaxString = 60;     // bytes of a string shown, then "…"
constexpr size_t kMaxMapEntries = 4;  // map entries shown, then "…"
constexpr size_t kMaxMapScan = 4096;  // map slots looked at for them
const char* const kMore = "…";

// quoted() is s in Go's double quotes (strconv.Quote), cut at kMaxString bytes (never inside a
// UTF-8 sequence).
std::string quoted(const std::string& s) {
  if (s.size() <= kMaxString) return quote_go(s, false);
  size_t n = kMaxString;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) n--;
  return quote_go(s.substr(0, n), false) + kMore;
}

bool scalar(RType* u) { return u->k == TK::Bool || is_integer(u) || is_float(u); }

// Inspector formats values; shared_ok false: only scalars are read behind a reference.
struct Inspector {
  bool shared_ok = true;

  std::string value(RType* t, const Value& v, int depth, bool owned) {
    if (!t) return "<nil>";
    RType* u = t->under();
    if (scalar(u)) {
      if (u->k == TK::Bool) return v.i ? "true" : "false";
      if (is_float(u)) return format_float(v.f, 'g', -1, u->k == TK::Float32);  // as %v
      if (is_unsigned(u)) return std::to_string(static_cast<uint64_t>(v.i));
      return std::to_string(v.i);
    }
    if (!owned && !shared_ok) return kMore;  // another goroutine may replace it as we read
    if (depth > kMaxDepth) return kMore;
    switch (u->k) {
      case TK::String:
        return quoted(str_of(v));
      case TK::Complex64:
      case TK::Complex128:
        return format_for_tap(t, v);  // (1+2i), as %v
      case TK::Interface: {
        if (!v.o) return "<nil>";
        auto* b = static_cast<IfaceObj*>(v.o);
        return value(b->t, b->v, depth, owned);
      }
      case TK::Pointer: {
        if (!v.o) return "<nil>";
        if (depth > 0) return "&" + std::string(kMore);  // one level of pointers
        if (is_aggregate(u->elem)) return "&" + value(u->elem, v, depth + 1, false);
        if (v.o->kind != OKind::Ptr) return "&" + std::string(kMore);
        return "&" + value(u->elem, slot_load(static_cast<PtrObj*>(v.o)->slot()), depth + 1, false);
      }
      case TK::Struct: {
        auto* s = v.o && v.o->kind == OKind::Struct ? static_cast<StructObj*>(v.o) : nullptr;
        std::string out = "{";
        for (size_t i = 0; i < u->fields.size(); i++) {
          if (i) out += " ";
          if (i == kMaxElems) {
            out += kMore;
            break;
          }
          out += u->fields[i].name + ":";
          out += s && i < s->f.size() ? value(u->fields[i].type, slot_load(s->f[i]), depth + 1, false)
                                      : value(u->fields[i].type, Value(), depth + 1, true);
        }
        return out + "}";
      }
      case TK::Array: {
        auto* a = v.o && v.o->kind == OKind::Arr ? static_cast<ArrObj*>(v.o) : nullptr;
        size_t n = static_cast<size_t>(u->len);
        std::string out = "[";
        for (size_t i = 0; i < n; i++) {
          if (i) out += " ";
          if (i == kMaxElems) {
            out += kMore;
            break;
          }
          out += a && i < a->a.size() ? value(u->elem, slot_load(a->a[i]), depth + 1, false)
                                      : value(u->elem, Value(), depth + 1, true);
        }
        return out + "]";
      }
      case TK::Slice: {
        if (!v.o || v.o->kind != OKind::Slice) return "[]";
        auto* sl = static_cast<SliceObj*>(v.o);
        ArrObj* a = sl->array();
        std::string out = "[";
        for (int64_t i = 0; i < sl->len; i++) {
          if (i) out += " ";
          if (static_cast<size_t>(i) == kMaxElems) {
            out += kMore;
            break;
          }
          size_t at = static_cast<size_t>(sl->off + i);
          out += a && at < a->a.size() ? value(u->elem, slot_load(a->a[at]), depth + 1, false) : "?";
        }
        return out + "]";
      }
      case TK::Map: {
        if (!v.o || v.o->kind != OKind::Map) return "map[]";
        auto* m = static_cast<MapObj*>(v.o);
        std::string out = "map[";
        size_t shown = 0, looked = 0;
        for (const MapObj::Entry& e : m->entries) {
          if (++looked > kMaxMapScan) {  // deleted entries wait for a compaction: look so far
            out += shown ? " " + std::string(kMore) : kMore;
            break;
          }
          if (!e.live) continue;
          if (shown) out += " ";
          if (shown == kMaxMapEntries) {
            out += kMore;
            break;
          }
          out += value(u->key, e.k, depth + 1, false) + ":" + value(u->elem, e.v, depth + 1, false);
          shown++;
        }
        return out + "]";
      }
      case TK::Chan: {
        if (!v.o || v.o->kind != OKind::Chan) return "<nil>";
        auto* c = static_cast<ChanObj*>(v.o);
        std::string out = t->text;
        if (c->core)
          out += " (" + std::to_string(c->core->len()) + "/" + std::to_string(c->core->cap()) + ")";
        return out;
      }
      case TK::Func:
        return v.o ? "func" : "<nil>";
      default:  // sync.Mutex & co: the runtime's own objects
        return "{" + std::string(kMore) + "}";
    }
  }
};

// in_scope() tells whether local l is in scope at instruction pc.
bool in_scope(const LocalVar& l, int pc) { return l.from_pc <= pc && pc < l.to_pc; }

}  // namespace

std::string inspect_value(RType* t, const Value& v, bool shared_ok) {
  Inspector in{shared_ok};
  return in.value(t, v, 0, true);
}

Variables Thread::variables() const {
  Variables out;
  const Program& prog = *run_.prog;
  Inspector in{!run_.parallel};
  for (size_t k = frames_.size(); k-- > 0;) {
    const Frame& f = frames_[k];
    if (f.p == prog.entry) continue;
    FrameVars fv;
    fv.function = f.p->name;
    int pc = f.pc > 0 ? f.pc - 1 : 0;
    for (const LocalVar& l : f.p->locals) {
      if (!in_scope(l, pc)) continue;
      size_t at = static_cast<size_t>(f.base + l.slot);
      if (at >= stack_.size()) continue;
      const Value& slot = stack_[at];
      std::string text;
      if (l.celled) {
        // a cell other goroutines may share (captured, or its address taken)
        if (slot.o && slot.o->kind == OKind::Cell)
          text = in.value(l.type, slot_load(static_cast<CellObj*>(slot.o)->v), 0, false);
        else
          text = in.value(l.type, Value(), 0, true);  // not made yet: the zero value
      } else {
        text = in.value(l.type, slot, 0, true);
      }
      fv.vars.push_back({l.name, l.type_text, std::move(text)});
    }
    if (f.fn)
      for (const UpvalVar& u : f.p->upval_vars) {
        if (u.index < 0 || static_cast<size_t>(u.index) >= f.fn->up.size()) continue;
        const Value& cell = f.fn->up[static_cast<size_t>(u.index)];
        std::string text = cell.o && cell.o->kind == OKind::Cell
                               ? in.value(u.type, slot_load(static_cast<CellObj*>(cell.o)->v), 0, false)
                               : in.value(u.type, Value(), 0, true);
        fv.vars.push_back({u.name, u.type_text, std::move(text)});
      }
    out.frames.push_back(std::move(fv));
  }
  auto* globals = static_cast<ArrObj*>(run_.globals.o);
  for (const GlobalVar& g : prog.package_vars) {
    if (!globals || static_cast<size_t>(g.slot) >= globals->a.size()) break;
    Value v = slot_load(globals->a[static_cast<size_t>(g.slot)]);  // &global points into the array
    out.package.push_back({g.name, g.type->text, in.value(g.type, v, 0, false)});
  }
  return out;
}

}  // namespace golang
