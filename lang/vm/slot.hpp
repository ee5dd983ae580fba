// lang/vm/slot.hpp: loads and stores of the Values that live in heap objects (a cell's value,
// a struct's fields, an array's elements, the globals), safe when a Go program races on them.
//
// A Go program with a data race may load a variable on one P while another P stores it. A
// Value holds a counted reference, so an unguarded load could count a reference to an object
// the store has just freed. slot_load() and slot_store() take one of kSlotLocks striped spin
// locks, picked by the slot's address, around the copy (load) or the exchange (store); the old
// value's reference is dropped after the lock is released. So a race gives a stale or fresh
// value, as Go allows, never a freed one.
//
// Invariants: a slot lock is a leaf: nothing else is locked, no Go code runs and no goroutine
// switches while one is held (a map's lock may be held while a slot lock is taken, never the
// reverse). While no run in the process has more than one P (g_parallel_runs == 0), only one
// thread touches a run's Values and the locks are skipped. The Obj that holds an aggregate
// (a struct or array field, by value) never changes once made, so reading that slot's pointer
// needs no lock; only its scalar and reference contents do.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include "vm/value.hpp"

namespace golang {

// SpinLock is a tiny lock for maps' tables and heap slots (held for a few instructions).
class SpinLock {
 public:
  void lock() {
    for (int spins = 0; f_.test_and_set(std::memory_order_acquire); spins++) {
      if (spins > 64) std::this_thread::yield();  // the holder may have been descheduled
    }
  }
  void unlock() { f_.clear(std::memory_order_release); }

 private:
  std::atomic_flag f_ = ATOMIC_FLAG_INIT;
};

constexpr size_t kSlotLocks = 1024;
struct alignas(64) SlotLock {
  SpinLock mu;
};
extern SlotLock g_slot_locks[kSlotLocks];  // defined in rt.cpp

[[gnu::always_inline]] inline bool slots_shared() {
  return g_parallel_runs.load(std::memory_order_relaxed) != 0;
}
inline SpinLock& slot_lock(const void* slot) {
  auto a = reinterpret_cast<uintptr_t>(slot);
  return g_slot_locks[((a >> 4) ^ (a >> 14)) % kSlotLocks].mu;
}

// slot_load() is a copy of the Value in a heap slot.
[[gnu::always_inline]] inline Value slot_load(const Value& slot) {
  if (!slots_shared()) [[likely]]
    return slot;
  SpinLock& l = slot_lock(&slot);
  l.lock();
  Value v = slot;
  l.unlock();
  return v;
}

// slot_store() puts v into a heap slot (the slot's old reference is dropped outside the lock).
[[gnu::always_inline]] inline void slot_store(Value& slot, Value v) {
  if (!slots_shared()) [[likely]] {
    slot = std::move(v);
    return;
  }
  SpinLock& l = slot_lock(&slot);
  l.lock();
  int64_t i = slot.i;
  Obj* o = slot.o;
  slot.i = v.i;
  slot.o = v.o;
  v.i = i;
  v.o = o;
  l.unlock();
}

// SlotGuard holds a slot's lock for a read-modify-write of its scalar (sync/atomic).
class SlotGuard {
 public:
  explicit SlotGuard(const Value& slot) : l_(slots_shared() ? &slot_lock(&slot) : nullptr) {
    if (l_) l_->lock();
  }
  ~SlotGuard() {
    if (l_) l_->unlock();
  }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  SpinLock* l_;
};

}  // namespace golang
