// lang/vm/rt.cpp: the VM's value helpers: zero values, copies, equality and hashing by Go
// type, maps, channel element ops, interface boxes and run-time method lookup.
#include <cmath>
#include <cstring>
#include <functional>
#include <sstream>

#include "vm/complex.hpp"
#include "vm/finalizer.hpp"
#include "vm/fmt.hpp"
#include "vm/objects.hpp"
#include "vm/small_alloc.hpp"
#include "vm/vm.hpp"
#include "vm/vm_race.hpp"

namespace golang {

std::atomic<int> g_parallel_runs{0};
SlotLock g_slot_locks[kSlotLocks];

namespace {
void free_obj(Obj* o) {
  // an object with a finalizer lives on until the finalizer has run
  if (o->finalizer.load(std::memory_order_relaxed) && finalizer_due(o)) [[unlikely]]
    return;
  if (o->raced.load(std::memory_order_relaxed)) race_forget(o);  // its memory may be reused
  delete o;
}
}  // namespace

// Freeing an object drops its references, which may free more: a long linked list would free
// itself recursively, one C frame a node, until the goroutine's C stack overflows. Past a small
// depth the objects wait on a list that the outermost destroy() works through.
void destroy(Obj* o) noexcept {
  constexpr int kMaxDepth = 32;
  thread_local int depth = 0;
  thread_local std::vector<Obj*> pending;
  if (depth >= kMaxDepth) {
    pending.push_back(o);
    return;
  }
  depth++;
  free_obj(o);
  if (depth == 1)
    while (!pending.empty()) {
      Obj* next = pending.back();
      pending.pop_back();
      free_obj(next);
    }
  depth--;
}

thread_local int64_t t_heap_tally = 0;

namespace {
// count_in_run() adds bytes (< 0: gives them back) to the calling goroutine's run's account and
// returns it, or null outside a run or without one; a gain past the ceiling is taken back and
// ends the program with Go's words.
HeapAccount* count_in_run(int64_t bytes) {
  auto* th = static_cast<const Thread*>(goro::source_context(&Thread::kSourceHooks));
  if (!th) return nullptr;  // outside a run (the compiler's constants, a finished run's leftovers)
  HeapAccount* h = const_cast<Thread*>(th)->run().heap;
  if (!h) return nullptr;
  int64_t now = h->bytes.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (bytes > 0 && h->limit > 0 && (now > h->limit || bytes > h->limit)) {
    h->bytes.fetch_sub(bytes, std::memory_order_relaxed);
    throw goro::Fatal("runtime: out of memory", "", th->traceback());
  }
  return h;
}
}  // namespace

void heap_tally_flush() {
  int64_t bytes = t_heap_tally;
  t_heap_tally = 0;
  count_in_run(bytes);
}

// Each object counts with malloc's header (kMallocHeader): millions of small objects hold it too.
constexpr int64_t kMallocHeader = 16;

// Never inlined: g++ 12 would see ::operator new inside and warn that Obj's delete frees it.
[[gnu::noinline]] void* Obj::operator new(size_t n) {
  heap_tally(static_cast<int64_t>(n) + kMallocHeader);
  return small_alloc(n);
}

[[gnu::noinline]] void Obj::operator delete(void* p, size_t n) noexcept {
  heap_tally(-static_cast<int64_t>(n) - kMallocHeader);
  small_free(p, n);
}

HeapAccount* heap_charge(int64_t bytes) {
  HeapAccount* h = count_in_run(bytes);
  if (h) h->refs.fetch_add(1, std::memory_order_relaxed);
  return h;
}

void heap_release(HeapAccount* h, int64_t bytes) {
  h->bytes.fetch_sub(bytes, std::memory_order_relaxed);
  if (h->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete h;
}

void heap_reserve(int64_t bytes) {
  if (bytes < static_cast<int64_t>(kLargeObject)) return;
  if (HeapAccount* h = heap_charge(bytes)) heap_release(h, bytes);
}

Value zero_value(const Program& prog, RType* t, const std::string& name) {
  RType* u = t->under();
  switch (u->k) {
    case TK::Struct: {
      auto* s = new StructObj(u->fields.size());
      for (size_t i = 0; i < u->fields.size(); i++) {
        RType* ft = u->fields[i].type;
        TK fk = ft->under()->k;
        if (fk == TK::Struct || fk == TK::Array || fk == TK::Native)
          s->f[i] = zero_value(prog, ft, name.empty() ? u->fields[i].name : name + "." + u->fields[i].name);
      }
      return Value::of_obj(s);
    }
    case TK::Array: {
      auto* a = new ArrObj(static_cast<size_t>(u->len));
      TK ek = u->elem->under()->k;
      if (ek == TK::Struct || ek == TK::Array || ek == TK::Native)
        for (auto& v : a->a) v = zero_value(prog, u->elem, name);
      return Value::of_obj(a);
    }
    case TK::Native:
      return Value::of_obj(make_native(u->name, name));
    default:
      return Value();
  }
  (void)prog;
}

// A struct or array held by value in another is copied field by field (its object never
// changes: vm/slot.hpp); every other field goes through slot_load/slot_store, since another
// goroutine may be storing it.
static bool by_value(const RType* t) {
  TK k = t->under()->k;
  return k == TK::Struct || k == TK::Array;
}

Value copy_value(RType* t, const Value& v) {
  RType* u = t->under();
  if (!v.o) return v;
  if (u->k == TK::Struct) {
    auto* src = static_cast<StructObj*>(v.o);
    auto* s = new StructObj(src->f.size());
    for (size_t i = 0; i < src->f.size(); i++) {
      RType* ft = u->fields[i].type;
      s->f[i] = by_value(ft) ? copy_value(ft, src->f[i]) : slot_load(src->f[i]);
    }
    return Value::of_obj(s);
  }
  if (u->k == TK::Array) {
    auto* src = static_cast<ArrObj*>(v.o);
    auto* a = new ArrObj(src->a.size());
    bool deep = by_value(u->elem);
    for (size_t i = 0; i < src->a.size(); i++)
      a->a[i] = deep ? copy_value(u->elem, src->a[i]) : slot_load(src->a[i]);
    return Value::of_obj(a);
  }
  return v;
}

void copy_into(RType* t, Value& dst, const Value& src) {
  RType* u = t->under();
  if (!dst.o || !src.o || dst.o == src.o) {
    if (dst.o != src.o) slot_store(dst, src);
    return;
  }
  if (u->k == TK::Struct) {
    auto* d = static_cast<StructObj*>(dst.o);
    auto* s = static_cast<StructObj*>(src.o);
    for (size_t i = 0; i < d->f.size(); i++) {
      RType* ft = u->fields[i].type;
      if (by_value(ft))
        copy_into(ft, d->f[i], s->f[i]);
      else
        slot_store(d->f[i], slot_load(s->f[i]));
    }
  } else if (u->k == TK::Array) {
    auto* d = static_cast<ArrObj*>(dst.o);
    auto* s = static_cast<ArrObj*>(src.o);
    bool deep = by_value(u->elem);
    const size_t n = d->a.size();
    // views of one array may overlap (*(*[4]T)(x[1:]) = *(*[4]T)(x)): copy as memmove does
    const bool back = d->a.data() > s->a.data() && d->a.data() < s->a.data() + n;
    for (size_t k = 0; k < n; k++) {
      size_t i = back ? n - 1 - k : k;
      if (deep)
        copy_into(u->elem, d->a[i], s->a[i]);
      else
        slot_store(d->a[i], slot_load(s->a[i]));
    }
  } else {
    slot_store(dst, src);
  }
}

Value box(RType* t, Value v) { return Value::of_obj(new IfaceObj(t, std::move(v))); }
RType* dyn_type(const Value& iface) { return iface.o ? static_cast<IfaceObj*>(iface.o)->t : nullptr; }

// zero_size() is true for a variable of a zero-size Go type as the VM holds it: [0]T (not a
// view: (*[0]T)(s) points into s's array, at s's offset, as in gc), struct{}.
static bool zero_size(const Obj* o) {
  return (o->kind == OKind::Arr && static_cast<const ArrObj*>(o)->a.empty() &&
          !static_cast<const ArrObj*>(o)->owner.o) ||
         (o->kind == OKind::Struct && static_cast<const StructObj*>(o)->f.empty());
}

// Two pointers are equal when they point at the same slot, or (array pointers, which may be
// views: value.hpp) at the same run of elements; all pointers to zero-size variables are
// equal, as gc's are (they all point at its zerobase).
static bool ptr_equal(const Value& a, const Value& b) {
  if (a.o == b.o) return true;
  if (!a.o || !b.o || a.o->kind != b.o->kind) return false;
  if (a.o->kind == OKind::Ptr)
    return &static_cast<PtrObj*>(a.o)->slot() == &static_cast<PtrObj*>(b.o)->slot();
  if (zero_size(a.o) && zero_size(b.o)) return true;
  if (a.o->kind == OKind::Arr) {
    auto* x = static_cast<ArrObj*>(a.o);
    auto* y = static_cast<ArrObj*>(b.o);
    return x->a.data() == y->a.data() && x->a.size() == y->a.size();
  }
  return false;
}

bool values_equal(Thread& th, RType* t, const Value& a, const Value& b) {
  RType* u = t->under();
  switch (u->k) {
    case TK::Bool:
    case TK::Int:
    case TK::Int8:
    case TK::Int16:
    case TK::Int32:
    case TK::Int64:
    case TK::Uint:
    case TK::Uint8:
    case TK::Uint16:
    case TK::Uint32:
    case TK::Uint64:
    case TK::Uintptr:
      return a.i == b.i;
    case TK::Float32:
    case TK::Float64:
      return a.f == b.f;
    case TK::Complex64:
    case TK::Complex128: {
      Cplx x = cplx_of(a), y = cplx_of(b);
      return x.re == y.re && x.im == y.im;
    }
    case TK::String:
      return str_of(a) == str_of(b);
    case TK::Pointer:
      return ptr_equal(a, b);
    case TK::Chan: {
      if (a.o == b.o) return true;
      if (!a.o || !b.o) return false;
      return static_cast<ChanObj*>(a.o)->core == static_cast<ChanObj*>(b.o)->core;
    }
    case TK::Struct: {
      auto* x = static_cast<StructObj*>(a.o);
      auto* y = static_cast<StructObj*>(b.o);
      for (size_t i = 0; i < u->fields.size(); i++)
        if (u->fields[i].name != "_" &&
            !values_equal(th, u->fields[i].type, slot_load(x->f[i]), slot_load(y->f[i])))
          return false;
      return true;
    }
    case TK::Array: {
      auto* x = static_cast<ArrObj*>(a.o);
      auto* y = static_cast<ArrObj*>(b.o);
      for (size_t i = 0; i < x->a.size(); i++)
        if (!values_equal(th, u->elem, slot_load(x->a[i]), slot_load(y->a[i]))) return false;
      return true;
    }
    case TK::Interface: {
      if (!a.o || !b.o) return a.o == b.o;
      auto* x = static_cast<IfaceObj*>(a.o);
      auto* y = static_cast<IfaceObj*>(b.o);
      if (x->t != y->t) return false;
      if (!is_comparable(x->t)) {
        th.runtime_error("runtime error: comparing uncomparable type " + x->t->str);
        return false;
      }
      return values_equal(th, x->t, x->v, y->v);
    }
    case TK::Native:
      return a.o == b.o;
    default:
      return a.o == b.o && a.i == b.i;
  }
}

static uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

uint64_t hash_value(Thread& th, RType* t, const Value& v) {
  RType* u = t->under();
  switch (u->k) {
    case TK::String:
      return std::hash<std::string_view>()(str_of(v));
    case TK::Float32:
    case TK::Float64: {
      double f = v.f == 0 ? 0.0 : v.f;
      uint64_t b;
      std::memcpy(&b, &f, 8);
      return mix(b);
    }
    case TK::Complex64:
    case TK::Complex128: {  // as two floats (-0 and +0 alike)
      Cplx c = cplx_of(v);
      double re = c.re == 0 ? 0.0 : c.re, im = c.im == 0 ? 0.0 : c.im;
      uint64_t b1, b2;
      std::memcpy(&b1, &re, 8);
      std::memcpy(&b2, &im, 8);
      return mix(b1) * 31 + mix(b2);
    }
    case TK::Pointer:
      if (v.o && v.o->kind == OKind::Ptr)  // as ptr_equal compares them
        return mix(reinterpret_cast<uintptr_t>(&static_cast<PtrObj*>(v.o)->slot()));
      if (v.o && zero_size(v.o)) return mix(1);
      if (v.o && v.o->kind == OKind::Arr)
        return mix(reinterpret_cast<uintptr_t>(static_cast<ArrObj*>(v.o)->a.data()));
      return mix(reinterpret_cast<uintptr_t>(v.o));
    case TK::Chan:
      return mix(v.o ? reinterpret_cast<uintptr_t>(static_cast<ChanObj*>(v.o)->core.get()) : 0);
    case TK::Struct: {
      uint64_t h = 17;
      auto* s = static_cast<StructObj*>(v.o);
      for (size_t i = 0; i < u->fields.size(); i++)
        h = h * 31 + hash_value(th, u->fields[i].type, slot_load(s->f[i]));
      return h;
    }
    case TK::Array: {
      uint64_t h = 19;
      auto* a = static_cast<ArrObj*>(v.o);
      for (auto& e : a->a) h = h * 31 + hash_value(th, u->elem, slot_load(e));
      return h;
    }
    case TK::Interface: {
      if (!v.o) return 0;
      auto* x = static_cast<IfaceObj*>(v.o);
      if (!is_comparable(x->t)) {
        th.runtime_error("runtime error: hash of unhashable type " + x->t->str);
        return 0;
      }
      return mix(static_cast<uint64_t>(x->t->id)) ^ hash_value(th, x->t, x->v);
    }
    case TK::Native:
      return mix(reinterpret_cast<uintptr_t>(v.o));
    default:
      return mix(static_cast<uint64_t>(v.i));
  }
}

// ---------------------------------------------------------------------------------------------
// maps

int64_t MapObj::find(Thread& th, const Value& k, uint64_t h) {
  if (table.empty()) return -1;
  size_t mask = table.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    int32_t e = table[i];
    if (e < 0) return -1;
    Entry& en = entries[static_cast<size_t>(e)];
    if (en.live && en.h == h && values_equal(th, key_t, en.k, k)) return e;
  }
}

void MapObj::recount() {
  int64_t now = static_cast<int64_t>(entries.capacity() * sizeof(Entry) + table.capacity() * sizeof(int32_t));
  int64_t delta = now - counted;
  counted = now;
  heap_tally(delta);  // may end the program: the map is whole by now
}

MapObj::~MapObj() { heap_tally(-counted); }

void MapObj::rehash(size_t cap) {
  table.assign(cap, -1);
  size_t mask = cap - 1;
  for (size_t e = 0; e < entries.size(); e++) {
    if (!entries[e].live) continue;
    size_t i = entries[e].h & mask;
    while (table[i] >= 0) i = (i + 1) & mask;
    table[i] = static_cast<int32_t>(e);
  }
}

MapObj::MapObj(RType* k, RType* v) : Obj(OKind::Map), key_t(k), val_t(v) {
  const RType* u = k ? k->under() : nullptr;
  last_cacheable = u && (u->k == TK::String || u->k == TK::Bool || (u->k >= TK::Int && u->k <= TK::Uintptr));
}

void MapObj::forget_last() {
  last_e = -1;
  last_k.reset();
}

void MapObj::compact() {
  forget_last();
  std::vector<Entry> kept;
  kept.reserve(live);
  for (auto& e : entries)
    if (e.live) kept.push_back(std::move(e));
  entries = std::move(kept);
}

void MapObj::set(Thread& th, const Value& k, const Value& v) {
  if (last_cacheable) {
    std::lock_guard<SpinLock> g(mu);
    if (last_e >= 0 && last_k.o == k.o && last_k.i == k.i) {
      entries[static_cast<size_t>(last_e)].v = v;
      return;
    }
  }
  uint64_t h = hash_value(th, key_t, k);
  if (th.panicking()) return;
  std::lock_guard<SpinLock> g(mu);
  int64_t e = find(th, k, h);
  if (e >= 0) {
    entries[static_cast<size_t>(e)].v = v;
    return;
  }
  if (!iterating && entries.size() > 16 && entries.size() > 2 * live) {
    compact();
    rehash(table.size());
  }
  entries.push_back({k, v, h, true});
  live++;
  if ((entries.size()) * 2 >= table.size()) {
    rehash(std::max<size_t>(16, table.size() * 2));
  } else {
    size_t mask = table.size() - 1;
    size_t i = h & mask;
    while (table[i] >= 0) i = (i + 1) & mask;
    table[i] = static_cast<int32_t>(entries.size() - 1);
  }
  recount();
}

bool MapObj::get(Thread& th, const Value& k, Value& out) {
  uint64_t h = hash_value(th, key_t, k);
  if (th.panicking()) return false;
  std::lock_guard<SpinLock> g(mu);
  int64_t e = find(th, k, h);
  if (e < 0) return false;
  out = entries[static_cast<size_t>(e)].v;
  if (last_cacheable) {
    last_k = k;
    last_e = e;
  }
  return true;
}

void MapObj::erase(Thread& th, const Value& k) {
  uint64_t h = hash_value(th, key_t, k);
  if (th.panicking()) return;
  std::lock_guard<SpinLock> g(mu);
  int64_t e = find(th, k, h);
  if (e < 0) return;
  if (e == last_e) forget_last();
  Entry& en = entries[static_cast<size_t>(e)];
  en.live = false;
  en.k.reset();
  en.v.reset();
  live--;
  // the table keeps pointing at the dead entry (a tombstone) until the next rehash
}

void MapObj::clear() {
  std::lock_guard<SpinLock> g(mu);
  forget_last();
  for (auto& e : entries) {
    e.live = false;
    e.k.reset();
    e.v.reset();
  }
  live = 0;
  if (!iterating) {
    entries.clear();
    table.clear();
  }
}

MapIterObj::~MapIterObj() {
  if (map.o) {
    auto* m = static_cast<MapObj*>(map.o);
    std::lock_guard<SpinLock> g(m->mu);
    m->iterating--;
  }
}

// ---------------------------------------------------------------------------------------------
// channel elements

const goro::detail::ElemOps* cval_ops() {
  static const goro::detail::ElemOps ops{
      [](void* dst, void* src) { *static_cast<CVal*>(dst) = std::move(*static_cast<CVal*>(src)); },
      [](size_t n) -> void* { return new CVal[n]; },
      [](void* buf) { delete[] static_cast<CVal*>(buf); },
      sizeof(CVal),
      [](const void* v) -> std::string {
        auto* c = static_cast<const CVal*>(v);
        return c->t ? format_for_tap(c->t, c->v) : std::string();
      },
      [](const void* v, int64_t* out) {
        auto* c = static_cast<const CVal*>(v);
        if (!c->t || !is_integer(c->t)) return false;
        *out = c->v.i;
        return true;
      },
  };
  return &ops;
}

// ---------------------------------------------------------------------------------------------
// methods at run time

bool implements(const Program& prog, const RType* t, const RType* iface, std::string* missing) {
  const RType* u = iface->under();
  for (size_t i = 0; i < u->imethods.size(); i++) {
    const int id = u->imethods[i];
    if (t == prog.runtime_error && id == prog.error_method) continue;  // runtime.Error's Error is built in
    // A method of the name with another signature does not count (Unwrap() error is not
    // Unwrap() []error), as Go's assertion has it.
    const RMethod* m = t->entry(id);
    if (!m || (i < u->isigs.size() && m->sig != u->isigs[i])) {
      if (missing) *missing = prog.method_names[static_cast<size_t>(id)];
      return false;
    }
  }
  return true;
}

Value receiver_for(Thread& th, const MethodRef*& mp, const Value& v) {
  auto nil = [&th] {
    th.runtime_error("runtime error: invalid memory address or nil pointer dereference");
    return Value();
  };
  Value r = v;
  // Walk the embedded fields; a method promoted from an embedded interface goes on to that
  // interface's dynamic value and its method (a value that holds itself through such
  // interfaces is Go's endless recursion).
  for (int hops = 0;; hops++) {
    // A pointer method of an embedded field that is neither a pointer nor an aggregate (its own
    // address) gets the field's address.
    const size_t n = mp->path.size();
    const bool addr_last = !mp->via_iface && mp->ptr_recv && !mp->recv_is_ptr && n > 0 && mp->recv_type &&
                           !is_aggregate(mp->recv_type);
    for (size_t i = 0; i < n; i++) {
      if (!r.o) return nil();
      const int p = mp->path[i];
      if (addr_last && i + 1 == n) {
        auto* ptr = new PtrObj();
        ptr->base = r;
        ptr->idx = p;
        r = Value::of_obj(ptr);
      } else {
        r = slot_load(static_cast<StructObj*>(r.o)->f[static_cast<size_t>(p)]);
      }
    }
    if (!mp->via_iface) break;
    if (!r.o) return nil();
    if (hops == 1 << 20) th.fatal("stack overflow");
    auto* x = static_cast<IfaceObj*>(r.o);
    const MethodRef* next = find_method(x->t, mp->iface_method);
    if (!next) {
      th.runtime_error("method " + th.prog().method_names[static_cast<size_t>(mp->iface_method)] +
                       " not found for " + x->t->str);
      return Value();
    }
    mp = next;
    r = x->v;
  }
  const MethodRef& m = *mp;
  if (m.ptr_recv) return r;
  if (m.recv_is_ptr) {
    if (!r.o && m.path.empty() && m.proto &&
        m.recv_type) {                    // Go's panicwrap: a value method through a nil *T
      std::string ts = m.recv_type->str;  // "main.T", "main.G[int]": Go writes "T", "G[...]"
      if (size_t br = ts.find('['); br != std::string::npos) ts = ts.substr(0, br) + "[...]";
      if (size_t dot = ts.rfind('.', ts.find('[')); dot != std::string::npos) ts = ts.substr(dot + 1);
      th.runtime_error("value method " + m.proto->name + " called using nil *" + ts + " pointer");
      return Value();
    }
    if (!r.o) return nil();
    if (is_aggregate(m.recv_type)) return copy_value(m.recv_type, r);
    return slot_load(static_cast<PtrObj*>(r.o)->slot());
  }
  if (is_aggregate(m.recv_type)) return copy_value(m.recv_type, r);
  return r;
}

bool call_string_method(Thread& th, RType* t, const Value& v, int method, std::string& out) {
  const MethodRef* m = find_method(t, method);
  if (!m || !m->returns_string) return false;
  // a nil pointer receiver with a value method: Go prints <nil>
  if (t->k == TK::Pointer && !v.o && !m->ptr_recv) {
    out = "<nil>";
    return true;
  }
  Value recv = receiver_for(th, m, v);
  if (th.panicking()) return true;
  auto* fn = new FuncObj(m->proto);
  Value f = Value::of_obj(fn);
  std::vector<Value> res;
  if (!th.call(f, {recv}, &res)) return true;
  out = res.empty() ? "" : str_of(res[0]);
  return true;
}

}  // namespace golang
