// lang/vm/natives.cpp: the native half of the standard library: functions the preludes
// declare without a body ("fmt.Println", "sync.Mutex.Lock", ...), on goro's primitives.
//
// Invariants: a native reads its arguments from args[0..), writes its results to args[0..)
// (the VM moves them into place); after a nested Thread::call, args is re-read (th.args()).
#include <algorithm>
#include <cinttypes>
#include <climits>
#include <cmath>
#include <cstring>
#include <map>
#include <span>

#include "base/utf8.hpp"
#include "goro/cond.hpp"
#include "goro/goro.hpp"
#include "vm/fmt.hpp"
#include "vm/natives_os.hpp"
#include "vm/natives_runtime.hpp"
#include "vm/objects.hpp"
#include "vm/program.hpp"
#include "vm/vm.hpp"

namespace golang {

namespace {

// Items is a copy of a slice's elements (fmt may run String methods, and another goroutine
// store into the slice, while it reads them): up to kInline of them in place, more in a vector,
// so a fmt call's few arguments cost no allocation.
class Items {
 public:
  explicit Items(const Value& slice) {
    auto* s = static_cast<SliceObj*>(slice.o);
    const size_t n = s ? static_cast<size_t>(s->len) : 0;
    Value* out;
    if (n > kInline) {
      more_.reserve(n);
      for (size_t i = 0; i < n; i++) more_.push_back(slot_load(s->at(static_cast<int64_t>(i))));
      out = more_.data();
    } else {
      out = reinterpret_cast<Value*>(inline_);
      for (size_t i = 0; i < n; i++) new (out + i) Value(slot_load(s->at(static_cast<int64_t>(i))));
      n_inline_ = n;
    }
    view_ = {out, n};
  }
  ~Items() { std::destroy_n(reinterpret_cast<Value*>(inline_), n_inline_); }
  Items(const Items&) = delete;
  Items& operator=(const Items&) = delete;
  operator std::span<const Value>() const { return view_; }
  size_t size() const { return view_.size(); }
  const Value& operator[](size_t i) const { return view_[i]; }

 private:
  static constexpr size_t kInline = 8;
  alignas(Value) unsigned char inline_[kInline * sizeof(Value)];  // n_inline_ Values made here
  size_t n_inline_ = 0;
  std::vector<Value> more_;
  std::span<const Value> view_;
};
Items items(const Value& slice) { return Items(slice); }

Value string_slice(const std::vector<std::string>& v) {
  auto* a = new ArrObj(v.size());
  for (size_t i = 0; i < v.size(); i++) a->a[i] = make_str(v[i]);
  auto* s = new SliceObj();
  s->arr = Value::of_obj(a);
  s->len = s->cap = static_cast<int64_t>(v.size());
  return Value::of_obj(s);
}

Value b(bool x) { return Value::of_int(x ? 1 : 0); }

// --- native objects

struct MutexObj : NativeObj {
  goro::Mutex m;
  explicit MutexObj(const std::string& n) : NativeObj("sync.Mutex"), m(n) {}
};
struct RWMutexObj : NativeObj {
  goro::RWMutex m;
  explicit RWMutexObj(const std::string& n) : NativeObj("sync.RWMutex"), m(n) {}
};
struct WaitGroupObj : NativeObj {
  goro::WaitGroup wg;
  explicit WaitGroupObj(const std::string& n) : NativeObj("sync.WaitGroup"), wg(n) {}
};
struct OnceObj : NativeObj {
  goro::Once once;
  explicit OnceObj(const std::string& n) : NativeObj("sync.Once"), once(n) {}
};
struct CondObj : NativeObj {
  goro::Cond cond;
  explicit CondObj(const std::string& n) : NativeObj("sync.condImpl"), cond(n) {}
};
struct ContextObj : NativeObj {
  goro::Context ctx;
  Value parent;  // the Go Context it derives from (for Value lookups)
  ContextObj(goro::Context c) : NativeObj("context.impl"), ctx(std::move(c)) {}
};
struct CancelObj : NativeObj {
  goro::CancelFunc cancel;
  explicit CancelObj(goro::CancelFunc f) : NativeObj("context.cancel"), cancel(std::move(f)) {}
};

template <class T>
T* self(Value* a) {
  return static_cast<T*>(a[0].o);
}

void nil_check(Thread& th, Value* a) {
  if (!a[0].o) th.runtime_error("runtime error: invalid memory address or nil pointer dereference");
}

// --- fmt

void fmt_println(Thread& th, Value* a) {
  std::string s = sprint(th, items(a[0]), true);
  if (th.panicking()) return;
  goro::print(s);
  a = th.args();
  a[0] = Value::of_int(static_cast<int64_t>(s.size()));
  a[1] = Value();
}
void fmt_print(Thread& th, Value* a) {
  std::string s = sprint(th, items(a[0]), false);
  if (th.panicking()) return;
  goro::print(s);
  a = th.args();
  a[0] = Value::of_int(static_cast<int64_t>(s.size()));
  a[1] = Value();
}
void fmt_printf(Thread& th, Value* a) {
  const Value format = a[0];  // a reference, not a copy of the text: a[] may move under sprintf
  const std::string& f = str_of(format);
  std::string s = sprintf(th, f, items(a[1]));
  if (th.panicking()) return;
  goro::print(s);
  a = th.args();
  a[0] = Value::of_int(static_cast<int64_t>(s.size()));
  a[1] = Value();
}
void fmt_sprintf(Thread& th, Value* a) {
  const Value format = a[0];  // a reference, not a copy of the text: a[] may move under sprintf
  const std::string& f = str_of(format);
  std::string s = sprintf(th, f, items(a[1]));
  th.args()[0] = make_str(std::move(s));
}
void fmt_sprint(Thread& th, Value* a) {
  std::string s = sprint(th, items(a[0]), false);
  th.args()[0] = make_str(std::move(s));
}
void fmt_sprintln(Thread& th, Value* a) {
  std::string s = sprint(th, items(a[0]), true);
  th.args()[0] = make_str(std::move(s));
}
// sync/atomic.sameType(x, y any) bool: x and y hold values of one dynamic type (atomic.Value's
// rule for what it stores)
void atomic_same_type(Thread&, Value* a) { a[0] = b(dyn_type(a[0]) == dyn_type(a[1])); }

// --- errors

void errors_is_comparable(Thread&, Value* a) {
  RType* t = dyn_type(a[0]);
  a[0] = b(t && is_comparable(t));
}
void errors_set_as(Thread& th, Value* a) {
  Value err = a[0], target = a[1];
  RType* tt = dyn_type(target);
  if (!tt || tt->under()->k != TK::Pointer || !static_cast<IfaceObj*>(target.o)->v.o) {
    th.runtime_error("errors: target must be a non-nil pointer");
    return;
  }
  RType* want = tt->under()->elem;
  RType* et = dyn_type(err);
  Value ptr = static_cast<IfaceObj*>(target.o)->v;
  bool ok;
  Value store;
  if (is_interface(want)) {
    ok = implements(th.prog(), et, want);
    store = err;
  } else {
    ok = et == want;
    if (ok) store = static_cast<IfaceObj*>(err.o)->v;
  }
  if (ok) {
    if (is_aggregate(want))
      copy_into(want, ptr, store);
    else
      slot_store(static_cast<PtrObj*>(ptr.o)->slot(), store);
  }
  th.args()[0] = b(ok);
}

// --- time

std::string duration_string(int64_t d) {
  // Go's time.Duration.String
  if (d == 0) return "0s";
  bool neg = d < 0;
  uint64_t u = neg ? 0 - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
  char buf[64];
  std::string out;
  auto frac = [](uint64_t v, int prec, std::string& digits) {
    // v / 10^prec with trailing zeros dropped
    std::string f;
    bool print = false;
    for (int i = 0; i < prec; i++) {
      int dgt = static_cast<int>(v % 10);
      print = print || dgt != 0;
      if (print) f.insert(f.begin(), static_cast<char>('0' + dgt));
      v /= 10;
    }
    if (!f.empty()) f.insert(f.begin(), '.');
    digits = f;
    return v;
  };
  if (u < 1000000000ULL) {
    int prec;
    const char* unit;
    if (u < 1000) {
      std::snprintf(buf, sizeof buf, "%" PRIu64 "ns", u);
      return (neg ? "-" : "") + std::string(buf);
    } else if (u < 1000000) {
      prec = 3;
      unit = "µs";
    } else {
      prec = 6;
      unit = "ms";
    }
    std::string f;
    uint64_t w = frac(u, prec, f);
    return (neg ? "-" : "") + std::to_string(w) + f + unit;
  }
  std::string f;
  uint64_t w = frac(u, 9, f);  // whole seconds
  out = std::to_string(w % 60) + f + "s";
  w /= 60;
  if (w > 0) {
    out = std::to_string(w % 60) + "m" + out;
    w /= 60;
    if (w > 0) out = std::to_string(w) + "h" + out;
  }
  return (neg ? "-" : "") + out;
}

void time_sleep(Thread&, Value* a) {
  if (a[0].i > 0)
    goro::sleep(std::chrono::nanoseconds(a[0].i));
  else
    goro::yield();
}
void time_now(Thread&, Value* a) { a[0] = Value::of_int(goro::now()); }
void time_duration_string(Thread&, Value* a) { a[0] = make_str(duration_string(a[0].i)); }
// --- sync

void mutex_lock(Thread& th, Value* a) {
  nil_check(th, a);
  if (a[0].o) self<MutexObj>(a)->m.lock();
}
void mutex_unlock(Thread& th, Value* a) {
  nil_check(th, a);
  if (a[0].o) self<MutexObj>(a)->m.unlock();
}
void mutex_trylock(Thread&, Value* a) { a[0] = b(self<MutexObj>(a)->m.try_lock()); }
void rw_lock(Thread&, Value* a) { self<RWMutexObj>(a)->m.lock(); }
void rw_unlock(Thread&, Value* a) { self<RWMutexObj>(a)->m.unlock(); }
void rw_rlock(Thread&, Value* a) { self<RWMutexObj>(a)->m.lock_shared(); }
void rw_runlock(Thread&, Value* a) { self<RWMutexObj>(a)->m.unlock_shared(); }
void rw_trylock(Thread&, Value* a) { a[0] = b(self<RWMutexObj>(a)->m.try_lock()); }
void rw_tryrlock(Thread&, Value* a) { a[0] = b(self<RWMutexObj>(a)->m.try_lock_shared()); }
void wg_add(Thread& th, Value* a) {
  nil_check(th, a);
  if (a[0].o) self<WaitGroupObj>(a)->wg.add(a[1].i);
}
void wg_done(Thread& th, Value* a) {
  nil_check(th, a);
  if (a[0].o) self<WaitGroupObj>(a)->wg.done();
}
void wg_wait(Thread& th, Value* a) {
  nil_check(th, a);
  if (a[0].o) self<WaitGroupObj>(a)->wg.wait();
}
void once_do(Thread& th, Value* a) {
  Value keep = a[0];
  Value f = a[1];
  self<OnceObj>(a)->once.call([&th, &f] { th.call(f, {}, nullptr); });
}

bool call_iface_method(Thread& th, const Value& iv, const std::string& name) {
  RType* t = dyn_type(iv);
  if (!t) {
    th.runtime_error("runtime error: invalid memory address or nil pointer dereference");
    return false;
  }
  const MethodRef* m = find_method(t, th.prog().method_id(name));
  if (!m) return false;
  Value recv = receiver_for(th, m, static_cast<IfaceObj*>(iv.o)->v);
  if (th.panicking()) return false;
  Value f = Value::of_obj(new FuncObj(m->proto));
  return th.call(f, {recv}, nullptr);
}

void cond_wait(Thread& th, Value* a) {
  Value keep = a[0];
  Value locker = a[1];
  bool ok = true;
  self<CondObj>(&keep)->cond.wait([&] { ok = ok && call_iface_method(th, locker, "Unlock"); },
                                  [&] { ok = ok && call_iface_method(th, locker, "Lock"); });
}
void cond_signal(Thread&, Value* a) { self<CondObj>(a)->cond.signal(); }
void cond_broadcast(Thread&, Value* a) { self<CondObj>(a)->cond.broadcast(); }

// --- sync/atomic: pointers to int slots, read and written under the slot's lock (vm/slot.hpp),
// the same lock every load and store of that variable takes, so an atomic operation is whole;
// under --race each is a happens-before edge on the slot (goro::race::atomic_load & co).

Value* slot_of(Thread& th, const Value& p) {
  if (!p.o) {
    th.runtime_error("runtime error: invalid memory address or nil pointer dereference");
    return nullptr;
  }
  return &static_cast<PtrObj*>(p.o)->slot();
}
int64_t wrap32(int64_t v, bool uns) {
  return uns ? static_cast<int64_t>(static_cast<uint32_t>(v)) : static_cast<int64_t>(static_cast<int32_t>(v));
}
// Under --race, an operation's release comes before its write is seen and its acquire after
// its read, both outside the slot's lock: whoever reads a value also gets the clock of the
// goroutine that wrote it.
template <int Bits, bool Uns>
void atomic_add(Thread& th, Value* a) {
  Value* p = slot_of(th, a[0]);
  if (!p) return;
  goro::race::atomic_store(p);
  {
    SlotGuard g(*p);
    int64_t sum = static_cast<int64_t>(static_cast<uint64_t>(p->i) + static_cast<uint64_t>(a[1].i));
    p->i = Bits == 32 ? wrap32(sum, Uns) : sum;
    a[0] = Value::of_int(p->i);
  }
  goro::race::atomic_load(p);
}
void atomic_load(Thread& th, Value* a) {
  Value* p = slot_of(th, a[0]);
  if (!p) return;
  {
    SlotGuard g(*p);
    a[0] = Value::of_int(p->i);
  }
  goro::race::atomic_load(p);
}
void atomic_store(Thread& th, Value* a) {
  Value* p = slot_of(th, a[0]);
  if (!p) return;
  goro::race::atomic_store(p);
  SlotGuard g(*p);
  p->i = a[1].i;
}
void atomic_swap(Thread& th, Value* a) {
  Value* p = slot_of(th, a[0]);
  if (!p) return;
  goro::race::atomic_store(p);
  {
    SlotGuard g(*p);
    int64_t old = p->i;
    p->i = a[1].i;
    a[0] = Value::of_int(old);
  }
  goro::race::atomic_load(p);
}
void atomic_cas(Thread& th, Value* a) {
  Value* p = slot_of(th, a[0]);
  if (!p) return;
  goro::race::atomic_store(p);  // a failed swap orders as a successful one (no harm: fewer reports)
  bool swapped;
  {
    SlotGuard g(*p);
    swapped = p->i == a[1].i;
    if (swapped) p->i = a[2].i;
  }
  goro::race::atomic_load(p);
  a[0] = b(swapped);
}

// --- context

Proto* cancel_proto();

Value ctx_value(goro::Context c, const Value& parent) {
  auto* o = new ContextObj(std::move(c));
  o->parent = parent;
  return Value::of_obj(o);
}

void cancel_call(Thread& th, Value*) {
  FuncObj* f = th.native_fn();
  if (f && f->data.o) static_cast<CancelObj*>(f->data.o)->cancel();
}

Proto* cancel_proto() {
  static Proto* p = [] {  // one for the process, reachable from here
    auto* q = new Proto();
    q->name = "context.CancelFunc";
    q->short_name = "cancel";
    q->native = cancel_call;
    return q;
  }();
  return p;
}

Value cancel_value(goro::CancelFunc f) {
  auto* fo = new FuncObj(cancel_proto());
  fo->data = Value::of_obj(new CancelObj(std::move(f)));
  return Value::of_obj(fo);
}

void ctx_background(Thread&, Value* a) { a[0] = ctx_value(goro::background(), Value()); }
void ctx_with_cancel(Thread&, Value* a) {
  auto [c, f] = goro::with_cancel(self<ContextObj>(a)->ctx);
  Value parent = a[1];
  a[0] = ctx_value(c, parent);
  a[1] = cancel_value(f);
}
void ctx_with_deadline(Thread&, Value* a) {
  auto [c, f] = goro::with_deadline(self<ContextObj>(a)->ctx, a[2].i);
  Value parent = a[1];
  a[0] = ctx_value(c, parent);
  a[1] = cancel_value(f);
}
void ctx_done(Thread& th, Value* a) {
  auto* c = self<ContextObj>(a);
  auto keep = std::make_shared<goro::RecvChan<goro::Empty>>(c->ctx.done());
  auto* ch = new ChanObj();
  ch->core = std::shared_ptr<goro::detail::ChanCore>(keep, keep->core());
  ch->empty_elem = true;
  ch->elem = th.prog().empty_struct;
  if (!keep->core()) ch->core.reset();
  a[0] = ch->core ? Value::of_obj(ch) : Value();
  if (!ch->core) delete ch;
}
void ctx_err_text(Thread&, Value* a) { a[0] = make_str(self<ContextObj>(a)->ctx.err()); }
void ctx_deadline_ns(Thread&, Value* a) { a[0] = Value::of_int(self<ContextObj>(a)->ctx.deadline()); }
void ctx_parent(Thread&, Value* a) {
  Value p = self<ContextObj>(a)->parent;
  a[0] = p;
}

// --- strings

const std::string& S(const Value& v) { return str_of(v); }

void s_contains(Thread&, Value* a) { a[0] = b(S(a[0]).find(S(a[1])) != std::string::npos); }
void s_contains_rune(Thread&, Value* a) {
  std::string r;
  utf8_encode(r, static_cast<uint32_t>(a[1].i));
  a[0] = b(S(a[0]).find(r) != std::string::npos);
}
void s_contains_any(Thread&, Value* a) {
  a[0] = b(!S(a[1]).empty() && S(a[0]).find_first_of(S(a[1])) != std::string::npos);
}
void s_has_prefix(Thread&, Value* a) { a[0] = b(S(a[0]).rfind(S(a[1]), 0) == 0); }
void s_has_suffix(Thread&, Value* a) {
  const std::string &s = S(a[0]), &x = S(a[1]);
  a[0] = b(s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0);
}
void s_index(Thread&, Value* a) {
  size_t i = S(a[0]).find(S(a[1]));
  a[0] = Value::of_int(i == std::string::npos ? -1 : static_cast<int64_t>(i));
}
void s_index_byte(Thread&, Value* a) {
  size_t i = S(a[0]).find(static_cast<char>(a[1].i));
  a[0] = Value::of_int(i == std::string::npos ? -1 : static_cast<int64_t>(i));
}
void s_index_rune(Thread&, Value* a) {
  std::string r;
  utf8_encode(r, static_cast<uint32_t>(a[1].i));
  size_t i = S(a[0]).find(r);
  a[0] = Value::of_int(i == std::string::npos ? -1 : static_cast<int64_t>(i));
}
void s_index_any(Thread&, Value* a) {
  size_t i = S(a[1]).empty() ? std::string::npos : S(a[0]).find_first_of(S(a[1]));
  a[0] = Value::of_int(i == std::string::npos ? -1 : static_cast<int64_t>(i));
}
void s_last_index(Thread&, Value* a) {
  size_t i = S(a[0]).rfind(S(a[1]));
  a[0] = Value::of_int(i == std::string::npos ? -1 : static_cast<int64_t>(i));
}
std::vector<std::string> split(const std::string& s, const std::string& sep, int64_t n) {
  std::vector<std::string> out;
  if (n == 0) return out;
  if (sep.empty()) {
    for (size_t i = 0; i < s.size();) {
      int len;
      utf8_decode(s, i, len);
      if (n > 0 && static_cast<int64_t>(out.size()) == n - 1) {
        out.push_back(s.substr(i));
        return out;
      }
      out.push_back(s.substr(i, static_cast<size_t>(len)));
      i += static_cast<size_t>(len);
    }
    return out;
  }
  size_t start = 0;
  for (;;) {
    if (n > 0 && static_cast<int64_t>(out.size()) == n - 1) break;
    size_t i = s.find(sep, start);
    if (i == std::string::npos) break;
    out.push_back(s.substr(start, i - start));
    start = i + sep.size();
  }
  out.push_back(s.substr(start));
  return out;
}
void s_split(Thread&, Value* a) { a[0] = string_slice(split(S(a[0]), S(a[1]), -1)); }
void s_splitn(Thread&, Value* a) { a[0] = string_slice(split(S(a[0]), S(a[1]), a[2].i)); }
// is_space() is unicode.IsSpace: White_Space in Latin-1, and the Z categories' spaces above it.
bool is_space(uint32_t r) {
  if (r < 0x100)
    return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 ||
           r == 0xA0;
  return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F ||
         r == 0x205F || r == 0x3000;
}
// s_fields: each word is copied once, straight into the result's strings.
void s_fields(Thread&, Value* a) {
  const std::string& s = S(a[0]);
  auto space_at = [&s](size_t at, int& len) {
    const auto c = static_cast<unsigned char>(s[at]);
    if (c < 0x80) {
      len = 1;
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    return is_space(utf8_decode(s, at, len));
  };
  // next_word() finds the word at or after i: [start, i), start == i at the end
  auto next_word = [&](size_t& i, size_t& start) {
    int len;
    while (i < s.size() && space_at(i, len)) i += static_cast<size_t>(len);
    start = i;
    while (i < s.size() && !space_at(i, len)) i += static_cast<size_t>(len);
  };
  // The first kKept words' places are kept on the stack while counting; a longer string's
  // words are found again. No list of the words is built and grown.
  constexpr size_t kKept = 32;
  std::pair<size_t, size_t> kept[kKept];  // start, end
  size_t n = 0;
  for (size_t i = 0, start = 0; next_word(i, start), i > start; n++)
    if (n < kKept) kept[n] = {start, i};
  auto* arr = new ArrObj(n);
  if (n <= kKept) {
    for (size_t k = 0; k < n; k++)
      arr->a[k] = make_str(s.substr(kept[k].first, kept[k].second - kept[k].first));
  } else {
    size_t k = 0;
    for (size_t i = 0, start = 0; next_word(i, start), i > start;)
      arr->a[k++] = make_str(s.substr(start, i - start));
  }
  auto* sl = new SliceObj();
  sl->arr = Value::of_obj(arr);
  sl->len = sl->cap = static_cast<int64_t>(n);
  a[0] = Value::of_obj(sl);
}
void s_join(Thread&, Value* a) {
  std::string out;
  auto v = items(a[0]);
  for (size_t i = 0; i < v.size(); i++) out += (i ? S(a[1]) : "") + S(v[i]);
  a[0] = make_str(std::move(out));
}
void s_repeat(Thread& th, Value* a) {
  if (a[1].i < 0) {
    th.runtime_error("strings: negative Repeat count");
    return;
  }
  const std::string& unit = S(a[0]);
  int64_t total = 0;
  if (__builtin_mul_overflow(static_cast<int64_t>(unit.size()), a[1].i, &total)) {
    th.runtime_error("strings: Repeat count causes overflow");
    return;
  }
  heap_reserve(total);  // past the memory ceiling: out of memory before building it
  std::string out;
  out.reserve(static_cast<size_t>(total));
  for (int64_t i = 0; i < a[1].i; i++) out += unit;
  a[0] = make_str(std::move(out));
}
std::string replace(const std::string& s, const std::string& old, const std::string& nw, int64_t n) {
  if (old.empty()) {
    // Go: insert at the start and after each rune
    std::string out;
    int64_t done = 0;
    size_t i = 0;
    if (n != 0) {
      out += nw;
      done++;
    }
    while (i < s.size()) {
      int len;
      utf8_decode(s, i, len);
      out += s.substr(i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
      if (n < 0 || done < n) {
        out += nw;
        done++;
      }
    }
    return out;
  }
  std::string out;
  size_t start = 0;
  int64_t done = 0;
  while (n < 0 || done < n) {
    size_t i = s.find(old, start);
    if (i == std::string::npos) break;
    out += s.substr(start, i - start) + nw;
    start = i + old.size();
    done++;
  }
  return out + s.substr(start);
}
void s_replace(Thread&, Value* a) { a[0] = make_str(replace(S(a[0]), S(a[1]), S(a[2]), a[3].i)); }
void s_replace_all(Thread&, Value* a) { a[0] = make_str(replace(S(a[0]), S(a[1]), S(a[2]), -1)); }
uint32_t rune_upper(uint32_t r) {
  if (r >= 'a' && r <= 'z') return r - 32;
  if ((r >= 0xE0 && r <= 0xFE && r != 0xF7)) return r - 32;
  if (r >= 0x3B1 && r <= 0x3C9 && r != 0x3C2) return r - 32;
  if (r >= 0x430 && r <= 0x44F) return r - 32;
  return r;
}
uint32_t rune_lower(uint32_t r) {
  if (r >= 'A' && r <= 'Z') return r + 32;
  if ((r >= 0xC0 && r <= 0xDE && r != 0xD7)) return r + 32;
  if (r >= 0x391 && r <= 0x3A9) return r + 32;
  if (r >= 0x410 && r <= 0x42F) return r + 32;
  return r;
}
std::string map_runes(const std::string& s, uint32_t (*f)(uint32_t)) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    int len;
    uint32_t r = utf8_decode(s, i, len);
    utf8_encode(out, f(r));
    i += static_cast<size_t>(len);
  }
  return out;
}
void s_upper(Thread&, Value* a) { a[0] = make_str(map_runes(S(a[0]), rune_upper)); }
void s_lower(Thread&, Value* a) { a[0] = make_str(map_runes(S(a[0]), rune_lower)); }
void s_title(Thread&, Value* a) {
  std::string s = S(a[0]), out;
  bool start = true;
  for (size_t i = 0; i < s.size();) {
    int len;
    uint32_t r = utf8_decode(s, i, len);
    utf8_encode(out, start ? rune_upper(r) : r);
    start = is_space(r) || r == '-' || r == '_';
    i += static_cast<size_t>(len);
  }
  a[0] = make_str(std::move(out));
}
void s_trim_space(Thread&, Value* a) {
  const std::string& s = S(a[0]);
  size_t b0 = s.size(), e = 0;  // the first non-space rune's start, the last one's end
  for (size_t i = 0; i < s.size();) {
    int len;
    const bool space = is_space(utf8_decode(s, i, len));
    if (!space) {
      b0 = std::min(b0, i);
      e = i + static_cast<size_t>(len);
    }
    i += static_cast<size_t>(len);
  }
  a[0] = b0 < e ? make_str(s.substr(b0, e - b0)) : Value();
}
bool in_cutset(uint32_t r, const std::string& cut) {
  for (size_t i = 0; i < cut.size();) {
    int len;
    if (utf8_decode(cut, i, len) == r) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}
std::string trim(const std::string& s, const std::string& cut, bool left, bool right) {
  std::vector<std::pair<size_t, int>> runes;
  for (size_t i = 0; i < s.size();) {
    int len;
    utf8_decode(s, i, len);
    runes.push_back({i, len});
    i += static_cast<size_t>(len);
  }
  size_t lo = 0, hi = runes.size();
  int dummy;
  while (left && lo < hi && in_cutset(utf8_decode(s, runes[lo].first, dummy), cut)) lo++;
  while (right && hi > lo && in_cutset(utf8_decode(s, runes[hi - 1].first, dummy), cut)) hi--;
  if (lo >= hi) return "";
  size_t from = runes[lo].first, to = runes[hi - 1].first + static_cast<size_t>(runes[hi - 1].second);
  return s.substr(from, to - from);
}
void s_trim(Thread&, Value* a) { a[0] = make_str(trim(S(a[0]), S(a[1]), true, true)); }
void s_trim_left(Thread&, Value* a) { a[0] = make_str(trim(S(a[0]), S(a[1]), true, false)); }
void s_trim_right(Thread&, Value* a) { a[0] = make_str(trim(S(a[0]), S(a[1]), false, true)); }
void s_trim_prefix(Thread&, Value* a) {
  const std::string &s = S(a[0]), &p = S(a[1]);
  a[0] = make_str(s.rfind(p, 0) == 0 ? s.substr(p.size()) : s);
}
void s_trim_suffix(Thread&, Value* a) {
  const std::string &s = S(a[0]), &x = S(a[1]);
  bool has = s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
  a[0] = make_str(has ? s.substr(0, s.size() - x.size()) : s);
}
void s_count(Thread&, Value* a) {
  const std::string &s = S(a[0]), &x = S(a[1]);
  int64_t n = 0;
  if (x.empty()) {
    for (size_t i = 0; i < s.size();) {
      int len;
      utf8_decode(s, i, len);
      i += static_cast<size_t>(len);
      n++;
    }
    a[0] = Value::of_int(n + 1);
    return;
  }
  for (size_t i = s.find(x); i != std::string::npos; i = s.find(x, i + x.size())) n++;
  a[0] = Value::of_int(n);
}
void s_equal_fold(Thread&, Value* a) {
  a[0] = b(map_runes(S(a[0]), rune_lower) == map_runes(S(a[1]), rune_lower));
}
void s_compare(Thread&, Value* a) {
  int c = S(a[0]).compare(S(a[1]));
  a[0] = Value::of_int(c < 0 ? -1 : c > 0 ? 1 : 0);
}

// --- strconv

void sc_parse_int(Thread&, Value* a) {
  std::string s = S(a[0]);
  int64_t base = a[1].i, bits = a[2].i == 0 ? 64 : a[2].i;
  bool uns = a[3].i;
  size_t i = 0;
  bool neg = false;
  auto fail = [&](int code, int64_t v) {
    a[0] = Value::of_int(v);
    a[1] = Value::of_int(code);
  };
  if (!uns && i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (base == 0) {
    base = 10;
    if (s.size() > i + 1 && s[i] == '0') {
      char c = static_cast<char>(s[i + 1] | 0x20);
      if (c == 'x')
        base = 16, i += 2;
      else if (c == 'b')
        base = 2, i += 2;
      else if (c == 'o')
        base = 8, i += 2;
      else
        base = 8, i += 1;
    }
  }
  if (i >= s.size()) return fail(1, 0);
  unsigned __int128 v = 0;
  bool range = false;
  for (; i < s.size(); i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9'                     ? c - '0'
            : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10
                                                     : 99;
    if (c == '_' && a[1].i == 0) continue;
    if (d >= base) return fail(1, 0);
    v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    if (v > (static_cast<unsigned __int128>(1) << 65)) range = true;
  }
  if (uns) {
    unsigned __int128 max = bits == 64 ? UINT64_MAX : (static_cast<unsigned __int128>(1) << bits) - 1;
    if (range || v > max) return fail(2, static_cast<int64_t>(static_cast<uint64_t>(max)));
    a[0] = Value::of_int(static_cast<int64_t>(static_cast<uint64_t>(v)));
    a[1] = Value::of_int(0);
    return;
  }
  __int128 max = (static_cast<__int128>(1) << (bits - 1)) - 1;
  __int128 sv = neg ? -static_cast<__int128>(v) : static_cast<__int128>(v);
  if (range || sv > max) return fail(2, static_cast<int64_t>(max));
  if (sv < -max - 1) return fail(2, static_cast<int64_t>(-max - 1));
  a[0] = Value::of_int(static_cast<int64_t>(sv));
  a[1] = Value::of_int(0);
}
void sc_parse_float(Thread&, Value* a) {
  std::string s = S(a[0]);
  std::string t;
  for (char c : s)
    if (c != '_') t += c;
  char* end = nullptr;
  errno = 0;
  double f = t.empty() ? 0 : std::strtod(t.c_str(), &end);
  if (t.empty() || *end || t == "nan" || t == "inf" || t.find("0x") != std::string::npos) {
    std::string l = t;
    for (auto& c : l) c = static_cast<char>(std::tolower(c));
    if (l == "nan") return void((a[0] = Value::of_float(NAN), a[1] = Value::of_int(0)));
    if (l == "inf" || l == "+inf" || l == "infinity")
      return void((a[0] = Value::of_float(INFINITY), a[1] = Value::of_int(0)));
    if (l == "-inf" || l == "-infinity")
      return void((a[0] = Value::of_float(-INFINITY), a[1] = Value::of_int(0)));
    if (t.empty() || *end) {
      a[0] = Value::of_float(0);
      a[1] = Value::of_int(1);
      return;
    }
  }
  a[0] = Value::of_float(f);
  a[1] = Value::of_int(errno == ERANGE && std::isinf(f) ? 2 : 0);
}
std::string to_base(uint64_t u, int64_t base) {
  if (u == 0) return "0";
  std::string s;
  while (u) {
    s.insert(s.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[u % static_cast<uint64_t>(base)]);
    u /= static_cast<uint64_t>(base);
  }
  return s;
}
void sc_itoa(Thread&, Value* a) { a[0] = make_str(std::to_string(a[0].i)); }
void sc_format_int(Thread& th, Value* a) {
  if (a[1].i < 2 || a[1].i > 36) {
    th.runtime_error("strconv: illegal AppendInt/FormatInt base");
    return;
  }
  int64_t v = a[0].i;
  std::string s = to_base(v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v), a[1].i);
  a[0] = make_str(v < 0 ? "-" + s : s);
}
void sc_format_uint(Thread& th, Value* a) {
  if (a[1].i < 2 || a[1].i > 36) {
    th.runtime_error("strconv: illegal AppendInt/FormatInt base");
    return;
  }
  a[0] = make_str(to_base(static_cast<uint64_t>(a[0].i), a[1].i));
}
void sc_format_float(Thread&, Value* a) {
  a[0] = make_str(format_float(a[0].f, static_cast<char>(a[1].i), static_cast<int>(a[2].i), a[3].i == 32));
}
void sc_quote(Thread&, Value* a) { a[0] = make_str(quote_go(S(a[0]), false)); }
void sc_quote_rune(Thread&, Value* a) { a[0] = make_str(quote_rune(a[0].i)); }

// --- math

#define M1(name, fn) \
  void name(Thread&, Value* a) { a[0] = Value::of_float(fn(a[0].f)); }
#define M2(name, fn) \
  void name(Thread&, Value* a) { a[0] = Value::of_float(fn(a[0].f, a[1].f)); }
M1(m_sqrt, std::sqrt)
M2(m_pow, std::pow)
M1(m_abs, std::fabs)
M1(m_floor, std::floor)
M1(m_ceil, std::ceil)
M1(m_round, std::round)
M1(m_trunc, std::trunc)
M1(m_exp, std::exp)
M1(m_log, std::log)
M1(m_log2, std::log2)
M1(m_log10, std::log10)
M1(m_sin, std::sin)
M1(m_cos, std::cos)
M1(m_tan, std::tan)
M1(m_atan, std::atan)
M2(m_atan2, std::atan2)
M2(m_hypot, std::hypot)
M2(m_mod, std::fmod)
// cbrt() is std::cbrt, exact for perfect cubes as Go's Cbrt is (glibc's is 1 ulp off for some)
double cbrt(double x) {
  double r = std::cbrt(x), n = std::nearbyint(r);
  return n * n * n == x ? n : r;
}
M1(m_cbrt, cbrt)
M1(m_asin, std::asin)
M1(m_acos, std::acos)
M1(m_sinh, std::sinh)
M1(m_cosh, std::cosh)
M1(m_tanh, std::tanh)
M1(m_asinh, std::asinh)
M1(m_acosh, std::acosh)
M1(m_atanh, std::atanh)
M1(m_exp2, std::exp2)
M1(m_expm1, std::expm1)
M1(m_log1p, std::log1p)
M1(m_logb, std::logb)
M1(m_gamma, std::tgamma)
M1(m_erf, std::erf)
M1(m_erfc, std::erfc)
M1(m_round_even, std::nearbyint)  // the default rounding mode: to nearest, ties to even
M2(m_remainder, std::remainder)
M2(m_nextafter, std::nextafter)
void m_fma(Thread&, Value* a) { a[0] = Value::of_float(std::fma(a[0].f, a[1].f, a[2].f)); }
void m_ldexp(Thread&, Value* a) {
  int64_t e = a[1].i;
  a[0] = Value::of_float(std::ldexp(a[0].f, static_cast<int>(std::clamp<int64_t>(e, -100000, 100000))));
}
void m_frexp_frac(Thread&, Value* a) {
  int e;
  a[0] = Value::of_float(std::frexp(a[0].f, &e));
}
double gomax(double x, double y) {
  if (std::isinf(x) && x > 0) return x;
  if (std::isinf(y) && y > 0) return y;
  if (std::isnan(x) || std::isnan(y)) return NAN;
  if (x == 0 && x == y) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}
double gomin(double x, double y) {
  if (std::isinf(x) && x < 0) return x;
  if (std::isinf(y) && y < 0) return y;
  if (std::isnan(x) || std::isnan(y)) return NAN;
  if (x == 0 && x == y) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}
M2(m_max, gomax)
M2(m_min, gomin)
void m_inf(Thread&, Value* a) { a[0] = Value::of_float(a[0].i >= 0 ? INFINITY : -INFINITY); }
void m_nan(Thread&, Value* a) { a[0] = Value::of_float(NAN); }
void m_isnan(Thread&, Value* a) { a[0] = b(std::isnan(a[0].f)); }
void m_isinf(Thread&, Value* a) {
  double f = a[0].f;
  int64_t s = a[1].i;
  a[0] = b((s >= 0 && f == INFINITY) || (s <= 0 && f == -INFINITY));
}
void m_signbit(Thread&, Value* a) { a[0] = b(std::signbit(a[0].f)); }
// bits_as() is std::bit_cast, which the page's standard library (emscripten 3.1.6) lacks.
template <class To, class From>
To bits_as(const From& from) {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

// IEEE 754 bits, as Go's math.Float64bits & co (a uint32 or uint64 is the int64's bits)
void m_float64bits(Thread&, Value* a) { a[0] = Value::of_int(bits_as<int64_t>(a[0].f)); }
void m_float64frombits(Thread&, Value* a) { a[0] = Value::of_float(bits_as<double>(a[0].i)); }
void m_float32bits(Thread&, Value* a) { a[0] = Value::of_int(bits_as<uint32_t>(static_cast<float>(a[0].f))); }
void m_float32frombits(Thread&, Value* a) {
  a[0] = Value::of_float(bits_as<float>(static_cast<uint32_t>(a[0].i)));
}

// --- math/rand (the run's seeded source)

int64_t rand63() {
  int64_t hi = goro::rand_intn(1 << 30), mid = goro::rand_intn(1 << 30), lo = goro::rand_intn(1 << 3);
  return (hi << 33) | (mid << 3) | lo;
}
void r_intn(Thread& th, Value* a) {
  int64_t n = a[0].i;
  if (n <= 0) {
    th.runtime_error("invalid argument to Intn");
    return;
  }
  if (n <= INT_MAX)
    a[0] = Value::of_int(goro::rand_intn(static_cast<int>(n)));
  else
    a[0] = Value::of_int(rand63() % n);
}
void r_int63(Thread&, Value* a) { a[0] = Value::of_int(rand63()); }
void r_float64(Thread&, Value* a) {
  a[0] = Value::of_float(static_cast<double>(rand63() >> 10) / static_cast<double>(1LL << 53));
}

// --- sort

void merge_sort(Thread& th, std::vector<int64_t>& idx, const std::function<bool(int64_t, int64_t)>& less) {
  // stable merge sort of an index permutation; safe with any comparator
  std::vector<int64_t> tmp(idx.size());
  for (size_t width = 1; width < idx.size(); width *= 2) {
    for (size_t lo = 0; lo < idx.size(); lo += 2 * width) {
      size_t mid = std::min(lo + width, idx.size()), hi = std::min(lo + 2 * width, idx.size());
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (th.panicking()) return;
        tmp[k++] = less(idx[j], idx[i]) ? idx[j++] : idx[i++];
      }
      while (i < mid) tmp[k++] = idx[i++];
      while (j < hi) tmp[k++] = idx[j++];
    }
    idx.swap(tmp);
  }
}
void sort_values(Thread& th, const Value& slice,
                 const std::function<bool(const Value&, const Value&)>& less) {
  if (!slice.o) return;
  auto* s = static_cast<SliceObj*>(slice.o);
  std::vector<Value> v;
  for (int64_t i = 0; i < s->len; i++) v.push_back(slot_load(s->at(i)));
  std::stable_sort(v.begin(), v.end(), less);
  for (int64_t i = 0; i < s->len; i++) slot_store(s->at(i), v[static_cast<size_t>(i)]);
  (void)th;
}
void sort_ints(Thread& th, Value* a) {
  sort_values(th, a[0], [](const Value& x, const Value& y) { return x.i < y.i; });
}
void sort_strings(Thread& th, Value* a) {
  sort_values(th, a[0], [](const Value& x, const Value& y) { return str_of(x) < str_of(y); });
}
void sort_float64s(Thread& th, Value* a) {
  sort_values(th, a[0], [](const Value& x, const Value& y) {
    return x.f < y.f || (std::isnan(x.f) && !std::isnan(y.f));
  });
}
void sort_slice(Thread& th, Value* a) {
  Value x = a[0], less = a[1];
  if (!x.o) return;
  Value sv = static_cast<IfaceObj*>(x.o)->v;
  if (!sv.o) return;
  auto* s = static_cast<SliceObj*>(sv.o);
  std::vector<int64_t> idx(static_cast<size_t>(s->len));
  for (size_t i = 0; i < idx.size(); i++) idx[i] = static_cast<int64_t>(i);
  // less(i, j) looks at the slice as it is, so sort indices, then permute once
  std::vector<Value> res;
  merge_sort(th, idx, [&](int64_t i, int64_t j) {
    if (!th.call(less, {Value::of_int(i), Value::of_int(j)}, &res)) return false;
    return res[0].i != 0;
  });
  if (th.panicking()) return;
  std::vector<Value> v;
  for (int64_t i : idx) v.push_back(slot_load(s->at(i)));
  for (size_t i = 0; i < v.size(); i++) slot_store(s->at(static_cast<int64_t>(i)), v[i]);
}
void sort_len_of(Thread&, Value* a) {
  Value x = a[0];
  int64_t n = 0;
  if (x.o) {
    Value sv = static_cast<IfaceObj*>(x.o)->v;
    if (sv.o && sv.o->kind == OKind::Slice) n = static_cast<SliceObj*>(sv.o)->len;
  }
  a[0] = Value::of_int(n);
}

// --- os, runtime

void os_exit(Thread& th, Value* a) {
  th.run().exit_code.store(static_cast<int>(a[0].i));
  if (th.run().exit_out) *th.run().exit_out = static_cast<int>(a[0].i);
  throw ExitProgram{static_cast<int>(a[0].i)};
}
void rt_gosched(Thread&, Value*) { goro::yield(); }
void rt_num_goroutine(Thread& th, Value* a) { a[0] = Value::of_int(th.run().live.load() + 1); }
void rt_gomaxprocs(Thread& th, Value* a) { a[0] = Value::of_int(th.run().procs); }
void rt_numcpu(Thread&, Value* a) { a[0] = Value::of_int(8); }

// --- unicode

bool is_letter(uint32_t r) {
  return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
         (r >= 0xC0 && r != 0xD7 && r != 0xF7 && r < 0x2000) || (r >= 0x3040 && r < 0xA000);
}
void u_is_letter(Thread&, Value* a) { a[0] = b(is_letter(static_cast<uint32_t>(a[0].i))); }
void u_is_digit(Thread&, Value* a) { a[0] = b(a[0].i >= '0' && a[0].i <= '9'); }
void u_is_space(Thread&, Value* a) { a[0] = b(is_space(static_cast<uint32_t>(a[0].i))); }
void u_is_upper(Thread&, Value* a) {
  uint32_t r = static_cast<uint32_t>(a[0].i);
  a[0] = b(rune_lower(r) != r);
}
void u_is_lower(Thread&, Value* a) {
  uint32_t r = static_cast<uint32_t>(a[0].i);
  a[0] = b(rune_upper(r) != r);
}
void u_is_punct(Thread&, Value* a) {
  int64_t r = a[0].i;
  a[0] = b(r < 128 && std::strchr("!\"#%&'()*,-./:;?@[\\]_{}", static_cast<int>(r)) && r != 0);
}
void u_to_upper(Thread&, Value* a) { a[0] = Value::of_int(rune_upper(static_cast<uint32_t>(a[0].i))); }
void u_to_lower(Thread&, Value* a) { a[0] = Value::of_int(rune_lower(static_cast<uint32_t>(a[0].i))); }
void utf8_rune_count(Thread&, Value* a) {
  const std::string& s = S(a[0]);
  int64_t n = 0;
  for (size_t i = 0; i < s.size(); n++) {
    int len;
    utf8_decode(s, i, len);
    i += static_cast<size_t>(len);
  }
  a[0] = Value::of_int(n);
}
void utf8_rune_len(Thread&, Value* a) {
  int64_t r = a[0].i;
  a[0] = Value::of_int(r < 0                          ? -1
                       : r < 0x80                     ? 1
                       : r < 0x800                    ? 2
                       : (r >= 0xD800 && r <= 0xDFFF) ? -1
                       : r < 0x10000                  ? 3
                       : r <= 0x10FFFF                ? 4
                                                      : -1);
}
void utf8_valid(Thread&, Value* a) {
  const std::string& s = S(a[0]);
  bool ok = true;
  for (size_t i = 0; i < s.size();) {
    int len;
    uint32_t r = utf8_decode(s, i, len);
    if (r == 0xFFFD && len == 1) ok = false;
    i += static_cast<size_t>(len);
  }
  a[0] = b(ok);
}
void utf8_decode_rune(Thread&, Value* a) {
  const std::string& s = S(a[0]);
  if (s.empty()) {
    a[0] = Value::of_int(0xFFFD);
    a[1] = Value::of_int(0);
    return;
  }
  int len;
  uint32_t r = utf8_decode(s, 0, len);
  a[0] = Value::of_int(r);
  a[1] = Value::of_int(len);
}
void utf8_decode_last(Thread&, Value* a) {
  const std::string& s = S(a[0]);
  if (s.empty()) {
    a[0] = Value::of_int(0xFFFD);
    a[1] = Value::of_int(0);
    return;
  }
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && s.size() - i < 4) i--;
  int len;
  uint32_t r = utf8_decode(s, i, len);
  if (i + static_cast<size_t>(len) != s.size()) r = 0xFFFD, len = 1;
  a[0] = Value::of_int(r);
  a[1] = Value::of_int(len);
}

const std::map<std::string, NativeFn>& table() {
  static const std::map<std::string, NativeFn> t = {
      {"fmt.Println", fmt_println},
      {"fmt.Printf", fmt_printf},
      {"fmt.Print", fmt_print},
      {"fmt.Sprintf", fmt_sprintf},
      {"fmt.Sprint", fmt_sprint},
      {"fmt.Sprintln", fmt_sprintln},
      {"errors.isComparable", errors_is_comparable},
      {"sync/atomic.sameType", atomic_same_type},
      {"errors.setAs", errors_set_as},
      {"time.Sleep", time_sleep},
      {"time.now", time_now},
      {"time.Duration.String", time_duration_string},
      {"sync.Mutex.Lock", mutex_lock},
      {"sync.Mutex.Unlock", mutex_unlock},
      {"sync.Mutex.TryLock", mutex_trylock},
      {"sync.RWMutex.Lock", rw_lock},
      {"sync.RWMutex.Unlock", rw_unlock},
      {"sync.RWMutex.RLock", rw_rlock},
      {"sync.RWMutex.RUnlock", rw_runlock},
      {"sync.RWMutex.TryLock", rw_trylock},
      {"sync.RWMutex.TryRLock", rw_tryrlock},
      {"sync.WaitGroup.Add", wg_add},
      {"sync.WaitGroup.Done", wg_done},
      {"sync.WaitGroup.Wait", wg_wait},
      {"sync.Once.Do", once_do},
      {"sync.condImpl.wait", cond_wait},
      {"sync.condImpl.signal", cond_signal},
      {"sync.condImpl.broadcast", cond_broadcast},
      {"sync/atomic.AddInt32", atomic_add<32, false>},
      {"sync/atomic.AddUint32", atomic_add<32, true>},
      {"sync/atomic.AddInt64", atomic_add<64, false>},
      {"sync/atomic.AddUint64", atomic_add<64, true>},
      {"sync/atomic.LoadInt32", atomic_load},
      {"sync/atomic.LoadInt64", atomic_load},
      {"sync/atomic.LoadUint32", atomic_load},
      {"sync/atomic.LoadUint64", atomic_load},
      {"sync/atomic.StoreInt32", atomic_store},
      {"sync/atomic.StoreInt64", atomic_store},
      {"sync/atomic.StoreUint32", atomic_store},
      {"sync/atomic.StoreUint64", atomic_store},
      {"sync/atomic.SwapInt32", atomic_swap},
      {"sync/atomic.SwapInt64", atomic_swap},
      {"sync/atomic.CompareAndSwapInt32", atomic_cas},
      {"sync/atomic.CompareAndSwapInt64", atomic_cas},
      {"sync/atomic.CompareAndSwapUint32", atomic_cas},
      {"sync/atomic.CompareAndSwapUint64", atomic_cas},
      {"sync/atomic.SwapUint32", atomic_swap},
      {"sync/atomic.SwapUint64", atomic_swap},
      {"context.background", ctx_background},
      {"context.withCancel", ctx_with_cancel},
      {"context.withDeadline", ctx_with_deadline},
      {"context.impl.Done", ctx_done},
      {"context.impl.errText", ctx_err_text},
      {"context.impl.deadlineNs", ctx_deadline_ns},
      {"context.impl.parent", ctx_parent},
      {"strings.Contains", s_contains},
      {"strings.ContainsRune", s_contains_rune},
      {"strings.ContainsAny", s_contains_any},
      {"strings.HasPrefix", s_has_prefix},
      {"strings.HasSuffix", s_has_suffix},
      {"strings.Index", s_index},
      {"strings.IndexByte", s_index_byte},
      {"strings.IndexRune", s_index_rune},
      {"strings.IndexAny", s_index_any},
      {"strings.LastIndex", s_last_index},
      {"strings.Split", s_split},
      {"strings.SplitN", s_splitn},
      {"strings.Fields", s_fields},
      {"strings.Join", s_join},
      {"strings.Repeat", s_repeat},
      {"strings.Replace", s_replace},
      {"strings.ReplaceAll", s_replace_all},
      {"strings.ToUpper", s_upper},
      {"strings.ToLower", s_lower},
      {"strings.Title", s_title},
      {"strings.TrimSpace", s_trim_space},
      {"strings.Trim", s_trim},
      {"strings.TrimLeft", s_trim_left},
      {"strings.TrimRight", s_trim_right},
      {"strings.TrimPrefix", s_trim_prefix},
      {"strings.TrimSuffix", s_trim_suffix},
      {"strings.Count", s_count},
      {"strings.EqualFold", s_equal_fold},
      {"strings.Compare", s_compare},
      {"strconv.parseInt", sc_parse_int},
      {"strconv.parseFloat", sc_parse_float},
      {"strconv.Itoa", sc_itoa},
      {"strconv.FormatInt", sc_format_int},
      {"strconv.FormatUint", sc_format_uint},
      {"strconv.FormatFloat", sc_format_float},
      {"strconv.Quote", sc_quote},
      {"strconv.QuoteRune", sc_quote_rune},
      {"math.Sqrt", m_sqrt},
      {"math.Pow", m_pow},
      {"math.Abs", m_abs},
      {"math.Floor", m_floor},
      {"math.Ceil", m_ceil},
      {"math.Round", m_round},
      {"math.Trunc", m_trunc},
      {"math.Exp", m_exp},
      {"math.Log", m_log},
      {"math.Log2", m_log2},
      {"math.Log10", m_log10},
      {"math.Sin", m_sin},
      {"math.Cos", m_cos},
      {"math.Tan", m_tan},
      {"math.Atan", m_atan},
      {"math.Atan2", m_atan2},
      {"math.Hypot", m_hypot},
      {"math.Mod", m_mod},
      {"math.Cbrt", m_cbrt},
      {"math.Asin", m_asin},
      {"math.Acos", m_acos},
      {"math.Sinh", m_sinh},
      {"math.Cosh", m_cosh},
      {"math.Tanh", m_tanh},
      {"math.Asinh", m_asinh},
      {"math.Acosh", m_acosh},
      {"math.Atanh", m_atanh},
      {"math.Exp2", m_exp2},
      {"math.Expm1", m_expm1},
      {"math.Log1p", m_log1p},
      {"math.Logb", m_logb},
      {"math.Gamma", m_gamma},
      {"math.Erf", m_erf},
      {"math.Erfc", m_erfc},
      {"math.RoundToEven", m_round_even},
      {"math.Remainder", m_remainder},
      {"math.Nextafter", m_nextafter},
      {"math.FMA", m_fma},
      {"math.Ldexp", m_ldexp},
      {"math.frexpFrac", m_frexp_frac},
      {"math.Max", m_max},
      {"math.Min", m_min},
      {"math.Inf", m_inf},
      {"math.NaN", m_nan},
      {"math.IsNaN", m_isnan},
      {"math.IsInf", m_isinf},
      {"math.Signbit", m_signbit},
      {"math.Float64bits", m_float64bits},
      {"math.Float64frombits", m_float64frombits},
      {"math.Float32bits", m_float32bits},
      {"math.Float32frombits", m_float32frombits},
      {"math/rand.Intn", r_intn},
      {"math/rand.Int63", r_int63},
      {"math/rand.Float64", r_float64},
      {"sort.Ints", sort_ints},
      {"sort.Strings", sort_strings},
      {"sort.Float64s", sort_float64s},
      {"sort.Slice", sort_slice},
      {"sort.SliceStable", sort_slice},
      {"sort.lenOf", sort_len_of},
      {"os.Exit", os_exit},
      {"runtime.Gosched", rt_gosched},
      {"runtime.NumGoroutine", rt_num_goroutine},
      {"runtime.GOMAXPROCS", rt_gomaxprocs},
      {"runtime.NumCPU", rt_numcpu},
      {"unicode.IsLetter", u_is_letter},
      {"unicode.IsDigit", u_is_digit},
      {"unicode.IsNumber", u_is_digit},
      {"unicode.IsSpace", u_is_space},
      {"unicode.IsUpper", u_is_upper},
      {"unicode.IsLower", u_is_lower},
      {"unicode.IsPunct", u_is_punct},
      {"unicode.ToUpper", u_to_upper},
      {"unicode.ToLower", u_to_lower},
      {"unicode/utf8.RuneCountInString", utf8_rune_count},
      {"unicode/utf8.RuneLen", utf8_rune_len},
      {"unicode/utf8.ValidString", utf8_valid},
      {"unicode/utf8.DecodeRuneInString", utf8_decode_rune},
      {"unicode/utf8.DecodeLastRuneInString", utf8_decode_last},
  };
  return t;
}

}  // namespace

NativeFn native_lookup(const std::string& name) {
  auto it = table().find(name);
  if (it != table().end()) return it->second;
  if (NativeFn f = runtime_native(name)) return f;
  return os_native(name);
}

Obj* make_native(const std::string& type_name, const std::string& var_name) {
  if (type_name == "sync.Mutex") return new MutexObj(var_name);
  if (type_name == "sync.RWMutex") return new RWMutexObj(var_name);
  if (type_name == "sync.WaitGroup") return new WaitGroupObj(var_name);
  if (type_name == "sync.Once") return new OnceObj(var_name);
  if (type_name == "sync.condImpl") return new CondObj(var_name);
  if (type_name == "context.impl") return new ContextObj(goro::background());
  return new NativeObj(type_name);
}

}  // namespace golang
