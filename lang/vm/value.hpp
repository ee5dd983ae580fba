// lang/vm/value.hpp: the VM's values and heap objects. A Value is 16 bytes: a scalar (int64
// bits, float64, bool as 0/1) and an optional counted reference to an Obj. Strings, slices,
// maps, structs, pointers, closures, interfaces and channels are Objs.
//
// Representation (static types decide which part is meaningful):
//   ints, bools, floats         i / f, o == null
//   string                      StrObj ("" may be null)
//   struct, array               StructObj / ArrObj, never null; value semantics by COPY
//   pointer to struct/array     the StructObj/ArrObj itself (so p.f and s.f are the same op);
//                               (*[N]T)(s) of part of s's array is an ArrObj view of it
//   pointer to anything else    PtrObj{base, idx}: a slot in a CellObj, StructObj or ArrObj
//   slice                       SliceObj{arr, off, len, cap} (immutable header) or null
//   map, chan, func             MapObj, ChanObj, FuncObj or null
//   interface                   IfaceObj{dynamic type, value} or null (nil interface)
//   sync.Mutex & co             NativeObj (a pointer to one is the NativeObj itself)
//   complex64, complex128       CplxObj{re, im} (immutable, shared) or null for 0+0i (complex.hpp)
//
// Invariants: reference counts are atomic (goroutines may run on several threads); cycles
// are not collected (programs here are short-lived); an Obj never changes kind.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "vm/small_alloc.hpp"

namespace golang {

struct RType;
struct Proto;

enum class OKind : uint8_t { Str, Cell, Struct, Arr, Slice, Map, Ptr, Func, Iface, Chan, Native, Cplx };

// heap_tally() counts `bytes` of a small allocation (> 0) or of its freeing (< 0) against the
// memory ceiling of the run whose goroutine runs on this thread. The count gathers per thread
// and reaches the run's account in batches of kTallyBatch (heap_tally_flush, rt.cpp), so the
// allocation path stays a thread-local add; past the ceiling an allocation ends the program with
// Go's "fatal error: runtime: out of memory" (a goro::Fatal). Freeing never throws. What one
// run frees on a thread where another's goroutine runs is given back to that other run: the
// ceiling is a guard against a program eating the machine, not an exact count.
constexpr int64_t kTallyBatch = 256 * 1024;
extern thread_local int64_t t_heap_tally;
void heap_tally_flush();
[[gnu::always_inline]] inline void heap_tally(int64_t bytes) {
  t_heap_tally += bytes;
  if (t_heap_tally > kTallyBatch || t_heap_tally < -kTallyBatch) [[unlikely]]
    heap_tally_flush();
}

// Obj is the header of every heap object. Each one's own size counts against the ceiling
// (its class-specific new and delete); what it holds outside itself (a string's or vector's
// buffer) is counted by its class.
struct Obj {
  std::atomic<int32_t> rc{0};
  OKind kind;
  std::atomic<bool> raced{false};  // the race detector has seen its memory (forgotten when freed)
  // runtime.SetFinalizer gave it a finalizer (vm/finalizer.hpp)
  std::atomic<bool> finalizer{false};
  explicit Obj(OKind k) : kind(k) {}
  virtual ~Obj() = default;
  static void* operator new(size_t n);  // rt.cpp
  static void operator delete(void* p, size_t n) noexcept;
};

// g_parallel_runs counts the runs in this process with more than one P. While it is zero, every
// Value is only ever touched by one thread at a time (one P runs all goroutines), so counts
// change without locked instructions. Objects that several runs share (a Program's
// constants) are immortal, so a race on their counts cannot free them.
extern std::atomic<int> g_parallel_runs;
constexpr int32_t kImmortal = 1 << 30;
// destroy() deletes o, out of line (keeps the inlined decref small); it never throws, so the
// VM calls it without an exception landing pad (in the page one costs a JavaScript call).
void destroy(Obj* o) noexcept;

// HeapAccount is a run's memory ceiling: the bytes its large objects (arrays and strings of
// kLargeObject bytes or more) hold, counted when one is made and when it is freed. Each such
// object holds a reference to the account (it may outlive the run), as does the run.
struct HeapAccount {
  std::atomic<int64_t> bytes{0};
  std::atomic<int32_t> refs{1};
  int64_t limit = 0;  // bytes; 0 is none
};
constexpr size_t kLargeObject = 64 * 1024;
// heap_charge() counts bytes against the calling goroutine's run and returns the account to
// give them back to (heap_release), or null outside a run; past the ceiling it ends the program
// with Go's "fatal error: runtime: out of memory" (a goro::Fatal). Defined in rt.cpp.
HeapAccount* heap_charge(int64_t bytes);
void heap_release(HeapAccount* h, int64_t bytes);  // bytes given back; drops h's reference
// heap_reserve() ends the program as heap_charge() would unless `bytes` more fit now (before
// building something that large).
void heap_reserve(int64_t bytes);

[[gnu::always_inline]] inline void incref(Obj* o) {
  if (!o) return;
  if (g_parallel_runs.load(std::memory_order_relaxed) == 0)
    o->rc.store(o->rc.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  else
    o->rc.fetch_add(1, std::memory_order_relaxed);
}
[[gnu::always_inline]] inline void decref(Obj* o) {
  if (!o) return;
  int32_t left;
  if (g_parallel_runs.load(std::memory_order_relaxed) == 0) {
    left = o->rc.load(std::memory_order_relaxed) - 1;
    o->rc.store(left, std::memory_order_relaxed);
  } else {
    left = o->rc.fetch_sub(1, std::memory_order_acq_rel) - 1;
  }
  if (left == 0) [[unlikely]]
    destroy(o);
}

struct Value {
  union {
    int64_t i;
    double f;
  };
  Obj* o;

  Value() : i(0), o(nullptr) {}
  static Value of_int(int64_t v) {
    Value x;
    x.i = v;
    return x;
  }
  static Value of_float(double v) {
    Value x;
    x.f = v;
    return x;
  }
  static Value of_obj(Obj* p) {  // takes a new reference
    Value x;
    x.o = p;
    incref(p);
    return x;
  }
  [[gnu::always_inline]] Value(const Value& v) : i(v.i), o(v.o) { incref(o); }
  [[gnu::always_inline]] Value(Value&& v) noexcept : i(v.i), o(v.o) { v.o = nullptr; }
  [[gnu::always_inline]] Value& operator=(const Value& v) {
    incref(v.o);
    Obj* old = o;
    i = v.i;
    o = v.o;
    decref(old);
    return *this;
  }
  [[gnu::always_inline]] Value& operator=(Value&& v) noexcept {
    if (this != &v) {
      Obj* old = o;
      i = v.i;
      o = v.o;
      v.o = nullptr;
      decref(old);
    }
    return *this;
  }
  [[gnu::always_inline]] ~Value() { decref(o); }
  [[gnu::always_inline]] void reset() {
    decref(o);
    o = nullptr;
    i = 0;
  }
};

struct StrObj : Obj {
  std::string s;
  HeapAccount* heap = nullptr;  // a large string's run (its bytes count against the ceiling)
  explicit StrObj(std::string v) : Obj(OKind::Str), s(std::move(v)) {
    if (s.size() >= kLargeObject) [[unlikely]]
      heap = heap_charge(static_cast<int64_t>(s.capacity()));
    else
      heap_tally(static_cast<int64_t>(s.capacity()));
  }
  ~StrObj() override {
    if (heap)
      heap_release(heap, static_cast<int64_t>(s.capacity()));
    else
      heap_tally(-static_cast<int64_t>(s.capacity()));
  }
};

struct CellObj : Obj {
  Value v;
  CellObj() : Obj(OKind::Cell) {}
};

struct StructObj : Obj {
  std::vector<Value> f;
  explicit StructObj(size_t n) : Obj(OKind::Struct), f(n) {
    heap_tally(static_cast<int64_t>(n * sizeof(Value)));
  }
  ~StructObj() override { heap_tally(-static_cast<int64_t>(f.size() * sizeof(Value))); }
};

// ArrElems is an array's elements: a fixed run of Values, never resized. An array owns its
// run; a view (an array pointer made from part of a slice: (*[N]T)(s[i:])) borrows a run of
// another array's and keeps that array alive.
class ArrElems {
 public:
  Value& operator[](size_t i) const { return p_[i]; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  Value* data() const { return p_; }
  Value* begin() const { return p_; }
  Value* end() const { return p_ + n_; }

 private:
  friend struct ArrObj;
  Value* p_ = nullptr;
  size_t n_ = 0;
};

struct ArrObj : Obj {
  HeapAccount* heap;  // a large array's run (charged before the elements are allocated)
  ArrElems a;
  Value owner;  // a view's: the array whose elements it borrows (itself never a view); else null
  explicit ArrObj(size_t n)
      : Obj(OKind::Arr),
        heap(n >= kLargeObject / sizeof(Value) ? heap_charge(static_cast<int64_t>(bytes(n))) : nullptr) {
    a.p_ = alloc_elems(n);
    a.n_ = n;
    if (!heap) heap_tally(static_cast<int64_t>(bytes(n)));
  }
  // A view of n elements of arr from off (off + n <= arr's length): its elements are arr's.
  ArrObj(ArrObj* arr, size_t off, size_t n)
      : Obj(OKind::Arr), heap(nullptr), owner(arr->owner.o ? arr->owner : Value::of_obj(arr)) {
    a.p_ = arr->a.p_ + off;
    a.n_ = n;
  }
  ArrObj(const ArrObj&) = delete;
  ArrObj& operator=(const ArrObj&) = delete;
  ~ArrObj() override {
    if (owner.o) return;  // a view: its elements are its owner's
    free_elems(a.p_, a.size());
    if (heap)
      heap_release(heap, static_cast<int64_t>(bytes(a.size())));
    else
      heap_tally(-static_cast<int64_t>(bytes(a.size())));
  }
  // base() is the array that owns these elements (this one, unless it is a view)
  ArrObj* base() { return owner.o ? static_cast<ArrObj*>(owner.o) : this; }
  // bytes() is what n elements take (saturating: a count past memory's size is over any ceiling)
  static uint64_t bytes(size_t n) { return n > (uint64_t{1} << 58) ? uint64_t{1} << 62 : n * sizeof(Value); }

 private:
  // A run of up to kSmallElems elements (256 bytes) comes from the VM's small-block lists
  // (small_alloc.hpp), as the objects do: a variadic call's arguments and strings.Fields'
  // words are short arrays made and dropped by the million.
  static constexpr size_t kSmallElems = 16;
  static Value* alloc_elems(size_t n) {
    if (n == 0) return nullptr;
    if (n > kSmallElems) return new Value[n];
    auto* p = static_cast<Value*>(small_alloc(n * sizeof(Value)));
    for (size_t i = 0; i < n; i++) new (p + i) Value();
    return p;
  }
  static void free_elems(Value* p, size_t n) {
    if (n > kSmallElems) {
      delete[] p;
      return;
    }
    if (!p) return;
    std::destroy_n(p, n);
    small_free(p, n * sizeof(Value));
  }
};

struct SliceObj : Obj {
  Value arr;  // ArrObj
  int64_t off = 0, len = 0, cap = 0;
  SliceObj() : Obj(OKind::Slice) {}
  ArrObj* array() const { return static_cast<ArrObj*>(arr.o); }
  Value& at(int64_t i) const { return array()->a[static_cast<size_t>(off + i)]; }
};

struct PtrObj : Obj {
  Value base;  // CellObj, StructObj or ArrObj
  int64_t idx = 0;
  PtrObj() : Obj(OKind::Ptr) {}
  Value& slot() const {
    Obj* b = base.o;
    switch (b->kind) {
      case OKind::Cell:
        return static_cast<CellObj*>(b)->v;
      case OKind::Struct:
        return static_cast<StructObj*>(b)->f[static_cast<size_t>(idx)];
      default:
        return static_cast<ArrObj*>(b)->a[static_cast<size_t>(idx)];
    }
  }
};

struct IfaceObj : Obj {
  RType* t;
  Value v;
  IfaceObj(RType* ty, Value val) : Obj(OKind::Iface), t(ty), v(std::move(val)) {}
};

class Thread;
using NativeFn = void (*)(Thread& th, Value* args);  // args[0..n); results written from args[0]

struct FuncObj : Obj {
  Proto* proto;
  std::vector<Value> up;  // captured cells (closures); bound receiver (method values)
  bool bound = false;     // up[0] is a receiver to pass first
  Value data;             // natives' bound data (a CancelFunc's context, ...)
  explicit FuncObj(Proto* p) : Obj(OKind::Func), proto(p) {}
};

inline const std::string& str_of(const Value& v) {
  static const std::string empty;
  return v.o ? static_cast<StrObj*>(v.o)->s : empty;
}
// make_immortal() keeps an object alive for ever (constants shared by concurrent runs).
inline void make_immortal(const Value& v) {
  if (v.o) v.o->rc.store(kImmortal, std::memory_order_relaxed);
}

inline Value make_str(std::string s) {
  if (s.empty()) return Value();
  return Value::of_obj(new StrObj(std::move(s)));
}

}  // namespace golang
