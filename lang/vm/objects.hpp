// lang/vm/objects.hpp: the VM's heap objects that wrap runtime machinery: maps (insertion
// ordered, iterated from a seeded random start as Go randomises map order), channels (a goro
// channel core carrying Values with their Go type, so the tap can show integers), and native
// objects (sync.Mutex & co: goro's own primitives).
//
// Invariants: MapObj's table holds indices into entries; dead entries stay until a compaction
// (never while an iterator is open); every ChanObj element is a CVal.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "goro/chan.hpp"
#include "vm/slot.hpp"
#include "vm/value.hpp"

namespace golang {

class Thread;
struct RType;

struct MapObj : Obj {
  struct Entry {
    Value k, v;
    uint64_t h;
    bool live;
  };
  RType* key_t;
  RType* val_t;
  std::vector<Entry> entries;
  std::vector<int32_t> table;  // -1 empty; else an index into entries
  size_t live = 0;
  int iterating = 0;
  SpinLock mu;
  int64_t counted = 0;  // the bytes of entries' and table's buffers told to heap_tally
  // The entry the latest get or set found, for `m[k]++` and `m[k] += v` (a get, then a set of
  // the same key): for string, integer and bool keys, a set of the very key Value (the same
  // string object, the same integer) goes there without hashing. last_k holds a reference, so
  // its string cannot be freed and its address reused; -1 when none (after a compaction,
  // clear, or the entry's deletion).
  Value last_k;
  int64_t last_e = -1;
  bool last_cacheable = false;
  MapObj(RType* k, RType* v);
  ~MapObj() override;

  // find() returns the entry index of k, or -1.
  int64_t find(Thread& th, const Value& k, uint64_t h);
  void set(Thread& th, const Value& k, const Value& v);
  bool get(Thread& th, const Value& k, Value& out);
  void erase(Thread& th, const Value& k);
  void clear();

 private:
  void rehash(size_t cap);
  void compact();
  void forget_last();
  void recount();  // tells heap_tally how the buffers grew (after a rehash)
};

uint64_t hash_value(Thread& th, RType* t, const Value& v);

// CVal is what a channel carries: the value and its Go type (for the tap's text).
struct CVal {
  Value v;
  RType* t = nullptr;
};
const goro::detail::ElemOps* cval_ops();

struct ChanObj : Obj {
  std::shared_ptr<goro::detail::ChanCore> core;
  bool empty_elem = false;  // a goro channel of goro::Empty (context's Done)
  RType* elem = nullptr;
  ChanObj() : Obj(OKind::Chan) {}
};

// NativeObj is a Go value implemented by the runtime (sync.Mutex, a context, ...).
struct NativeObj : Obj {
  std::string type_name;  // "sync.Mutex"
  explicit NativeObj(std::string t) : Obj(OKind::Native), type_name(std::move(t)) {}
};

// make_native() builds the zero value of a native type (sync.Mutex, ...), named for the app.
Obj* make_native(const std::string& type_name, const std::string& var_name);

// MapIter is the state of a `for k, v := range m` (kept in a hidden local).
struct MapIterObj : Obj {
  Value map;
  size_t start = 0, k = 0, n = 0;
  MapIterObj() : Obj(OKind::Native) {}
  ~MapIterObj() override;
};

}  // namespace golang
