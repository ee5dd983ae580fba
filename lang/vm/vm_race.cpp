// lang/vm/vm_race.cpp: the RACE instruction's check and the forgetting of freed objects (see
// vm_race.hpp).
#include "vm/vm_race.hpp"

#include "goro/race.hpp"
#include "vm/fmt.hpp"
#include "vm/objects.hpp"

namespace golang {

namespace {

std::atomic<uint64_t> g_freed{0};  // race_forget() calls: memory the memos name may be reused

Value* cell_value(const Value& c, Obj** owner) {
  *owner = c.o;
  return c.o ? &static_cast<CellObj*>(c.o)->v : nullptr;
}

// element() is &x[i] for a slice or array object (*owner: the array), or null when the access
// will panic.
Value* element(Obj* o, int64_t i, Obj** owner) {
  if (!o) return nullptr;
  if (o->kind == OKind::Slice) {
    auto* s = static_cast<SliceObj*>(o);
    *owner = s->arr.o;
    return i >= 0 && i < s->len ? &s->at(i) : nullptr;
  }
  if (o->kind != OKind::Arr) return nullptr;
  auto* a = static_cast<ArrObj*>(o);
  *owner = a->base();  // (a view's memory is its owner's)
  return i >= 0 && static_cast<size_t>(i) < a->a.size() ? &a->a[static_cast<size_t>(i)] : nullptr;
}

// elements() is the range of o's top-level slots when o is a struct or an array.
bool elements(Obj* o, Value** first, size_t* n) {
  if (!o) return false;
  if (o->kind == OKind::Struct) {
    auto* s = static_cast<StructObj*>(o);
    *first = s->f.data();
    *n = s->f.size();
    return true;
  }
  if (o->kind == OKind::Arr) {
    auto* a = static_cast<ArrObj*>(o);
    *first = a->a.data();
    *n = a->a.size();
    return true;
  }
  return false;
}

// mark() notes that the detector knows o's memory, so that freeing o forgets it.
void mark(Obj* o) {
  if (o && !o->raced.load(std::memory_order_relaxed)) o->raced.store(true, std::memory_order_relaxed);
}

void access(const void* addr, bool write, const goro::race::Site& site, const char* name,
            const goro::race::Seen* seen = nullptr) {
  if (write)
    goro::race::write(addr, sizeof(Value), site, name, seen);
  else
    goro::race::read(addr, sizeof(Value), site, name, seen);
}

constexpr size_t kMaxShownValue = 64;  // bytes of a string value the app is told

// seen_value() fills what the app is told of a variable's access (RACE's c operand, see
// vm_race.hpp): v is the value read or written.
void seen_value(const Proto* p, int operand, const Value& v, goro::race::Seen* seen) {
  const size_t type = static_cast<size_t>(operand >> 2) - 1;
  seen->declared = static_cast<goro::race::Seen::Declared>(operand & 3);
  if (type >= p->race_types.size() || !p->race_types[type]) return;
  RType* t = p->race_types[type];
  if (is_integer(t) && !is_unsigned(t)) {
    seen->has_value = seen->is_int = true;
    seen->i = v.i;
    return;
  }
  seen->text = format_for_tap(t, v);
  seen->has_value = !seen->text.empty() || is_string(t);
  if (is_string(t)) seen->text = quote_go(seen->text.substr(0, kMaxShownValue));
}

}  // namespace

void race_check(RaceMemo& memo, const Ins& race, const Ins* next, const Proto* p, int pc, const Value* S,
                int sp, const Value* L, const FuncObj* fn, Obj* globals) {
  goro::race::scheduling_point();  // the explorer may switch here (between a read and its write)
  Value* at = nullptr;             // the variable's slot
  Obj* owner = nullptr;            // the object that holds it
  Obj* whole = nullptr;            // or an aggregate whose every field or element is accessed
  Obj* map = nullptr;              // or a map
  const Value* top = S + sp - 1;
  switch (static_cast<Op>(next->op)) {
    case LOADC:
    case STOREC:
      at = cell_value(L[next->a], &owner);
      if (next->op == STOREC && next->b && at) whole = at->o;  // copied into, field by field
      break;
    case LOADU:
    case STOREU:
      at = cell_value(fn->up[static_cast<size_t>(next->a)], &owner);
      if (next->op == STOREU && next->b && at) whole = at->o;
      break;
    case LOADG:
    case STOREG:
      owner = globals;
      at = &static_cast<ArrObj*>(globals)->a[static_cast<size_t>(next->a)];
      if (next->op == STOREG && next->b) whole = at->o;
      break;
    case FIELD:
      owner = top->o;
      if (owner) at = &static_cast<StructObj*>(owner)->f[static_cast<size_t>(next->a)];
      break;
    case SETFIELD:
      owner = top[-1].o;
      if (owner) at = &static_cast<StructObj*>(owner)->f[static_cast<size_t>(next->a)];
      if (next->b && at) whole = at->o;
      break;
    case DEREF:  // a: 1 a pointer to a struct or array (the object itself): read whole if copied
      if (!top->o) break;
      if (next->a == 0) {
        owner = static_cast<PtrObj*>(top->o)->base.o;
        at = &static_cast<PtrObj*>(top->o)->slot();
      } else if (next[1].op == COPY)
        whole = top->o;
      break;
    case STORE_PTR:
      if (!top[-1].o) break;
      if (next->b)
        whole = top[-1].o;
      else {
        owner = static_cast<PtrObj*>(top[-1].o)->base.o;
        at = &static_cast<PtrObj*>(top[-1].o)->slot();
      }
      break;
    case INDEX:
      at = element(top[-1].o, top->i, &owner);
      break;
    case SETINDEX:
      at = element(top[-2].o, top[-1].i, &owner);
      if (next->b && at) whole = at->o;
      break;
    case INDEXL:
      at = element(L[next->a].o, top->i, &owner);
      break;
    case SETINDEXL:
      at = element(L[next->a].o, top[-1].i, &owner);
      if (next->b && at) whole = at->o;
      break;
    case MAPINDEX:
    case MAPDELETE:
      map = top[-1].o;
      break;
    case MAPSET:
      map = top[-2].o;
      break;
    case RANGE_MAP_INIT:
    case CLEAR:
      map = top->o;
      break;
    default:
      return;
  }
  // a load that is copied reads the whole value
  if (at && !whole && next[1].op == COPY) whole = at->o;
  const bool write = race.a & 1;
  // the detector is told where, and of what name, only when it is asked
  auto tell = [&](const void* addr) {
    const goro::race::Site site(p->race_name.c_str(), p->file.c_str(), p->lines[static_cast<size_t>(pc)]);
    const char* name = race.b >= 0 ? str_of(p->consts[static_cast<size_t>(race.b)]).c_str() : nullptr;
    access(addr, write, site, name);
  };
  Value* first;
  size_t n;
  if (whole && elements(whole, &first, &n)) {
    mark(whole);
    for (size_t i = 0; i < n; i++) tell(first + i);
    return;
  }
  if (map) {
    mark(map);
    tell(map);
    return;
  }
  if (!at) return;
  mark(owner);
  if (!memo.looked) {
    memo.looked = true;
    memo.tick = goro::race::own_tick();
  }
  const bool variable = next->op == LOADC || next->op == STOREC || next->op == LOADU || next->op == STOREU ||
                        next->op == LOADG || next->op == STOREG;
  if (race.c > 0 && variable &&
      goro::race::values_wanted()) {  // the app is told the value: every such access is told
    goro::race::Seen seen;
    seen_value(p, race.c, write ? *top : slot_load(*at), &seen);  // *at: a heap slot (vm/slot.hpp)
    const goro::race::Site site(p->race_name.c_str(), p->file.c_str(), p->lines[static_cast<size_t>(pc)]);
    const char* name = race.b >= 0 ? str_of(p->consts[static_cast<size_t>(race.b)]).c_str() : nullptr;
    access(at, write, site, name, &seen);
    memo.addr = nullptr;  // what the memo knew may be out of date now
    return;
  }
  if (!memo.tick) {
    tell(at);
    return;
  }
  const uint32_t t = memo.tick->load(std::memory_order_relaxed);
  const uint64_t freed = g_freed.load(std::memory_order_relaxed);
  if (memo.addr == at && memo.t == t && memo.freed == freed && (memo.write || !write)) return;
  tell(at);
  if (memo.addr != at || memo.t != t || memo.freed != freed || write)
    memo = {true, memo.tick, at, write, t, freed};
}

void race_forget(Obj* o) {
  if (!o->raced.load(std::memory_order_relaxed)) return;
  g_freed.fetch_add(1, std::memory_order_relaxed);
  Value* first;
  size_t n;
  if (o->kind == OKind::Cell)
    goro::race::free(&static_cast<CellObj*>(o)->v, sizeof(Value));
  else if (elements(o, &first, &n))
    goro::race::free(first, n * sizeof(Value));
  else
    goro::race::free(o, 1);
}

}  // namespace golang
