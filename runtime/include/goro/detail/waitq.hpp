// goro/detail/waitq.hpp: the pieces every blocking primitive shares: a spin lock, the Sudog
// (one goroutine waiting on one object) and the FIFO queue of Sudogs.
//
// Invariants:
// - A Sudog is in at most one WaitQ at a time; `queue` names that WaitQ, or is null.
// - A WaitQ is only touched with the lock of the object that owns it held.
// - A Sudog lives on the waiting goroutine's stack; it leaves its queue before that frame dies
//   (the destructor unlinks it, which is what happens when an abandoned goroutine is unwound).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace goro::detail {

struct G;

// SpinLock guards the short critical sections of channels and sync primitives; it never
// protects anything that parks. Taken with one CAS when free; a thread that finds it taken
// spins, backing off. A sleepy lock (channels') spins only briefly, then sleeps in the kernel
// (a futex) until woken, as Go's runtime lock does: when two threads hammer one channel (a
// worker pool), the one that sleeps stops pulling the lock's line away and the other runs at
// full speed. Unlock is a plain store (no locked instruction): it reads whether anyone sleeps,
// stores, then wakes one; a sleeper that marks itself between that read and that store is not
// woken, so sleepers look again every kSleepMicros.
class SpinLock {
 public:
  explicit SpinLock(bool sleepy = false) : sleepy_(sleepy) {}
  void lock() noexcept {
    uint32_t v = kUnlocked;
    if (!key_.compare_exchange_strong(v, kLocked, std::memory_order_acquire)) lock_slow();
  }
  // try_lock() takes the lock if it is free; returns whether it did.
  bool try_lock() noexcept {
    uint32_t v = kUnlocked;
    return key_.compare_exchange_strong(v, kLocked, std::memory_order_acquire);
  }
  void unlock() noexcept {
    uint32_t v = key_.load(std::memory_order_relaxed);
    key_.store(kUnlocked, std::memory_order_release);
    if (v == kSleeping) [[unlikely]]
      wake_one();
  }

 private:
  static constexpr uint32_t kUnlocked = 0, kLocked = 1, kSleeping = 2;  // kSleeping: locked, maybe sleepers
  static constexpr long kSleepMicros = 100;
  void lock_slow() noexcept;
  void wake_one() noexcept;
  std::atomic<uint32_t> key_{kUnlocked};
  const bool sleepy_;
};

struct WaitQ;

// ObjTrace is how a tapped run names a channel or sync object: a dense id, given the first
// time the object shows up in that run (its ObjMake event).
struct ObjTrace {
  std::atomic<uint64_t> run{0};  // the run that gave `id`
  uint64_t id = 0;
};

// Sudog is one goroutine waiting on one object (Go's sudog): for channels, `elem` points at the
// value to send or at the slot to receive into.
struct Sudog {
  G* g = nullptr;         // the waiting goroutine
  void* elem = nullptr;   // send: the value to take; receive: where to put the value
  Sudog* next = nullptr;  // links inside `queue`
  Sudog* prev = nullptr;
  WaitQ* queue = nullptr;    // the queue this Sudog is in, or null
  SpinLock* lock = nullptr;  // the lock that guards `queue`
  size_t case_index = 0;     // select: which case this Sudog stands for
  bool is_select = false;    // select: only one of the goroutine's Sudogs may fire
  bool success = false;      // channels: woken by a real transfer (false: by close)

  Sudog() = default;
  Sudog(const Sudog&) = delete;
  Sudog& operator=(const Sudog&) = delete;
  ~Sudog();  // unlinks itself if still queued (abandoned goroutines)
};

// WaitQ is a FIFO of waiting goroutines, in arrival order.
struct WaitQ {
  Sudog* first = nullptr;
  Sudog* last = nullptr;

  // enqueue() appends sg; `lock` is the lock that guards this queue.
  void enqueue(Sudog* sg, SpinLock* lock) noexcept;
  // push_front() puts sg first (a waiter that has waited before goes back to the front).
  void push_front(Sudog* sg, SpinLock* lock) noexcept;
  // dequeue() removes and returns the first Sudog that may still fire (a select whose other
  // case already fired is dropped on the way), or null.
  Sudog* dequeue() noexcept;
  // remove() unlinks sg if it is in this queue.
  void remove(Sudog* sg) noexcept;
  // empty() tells whether no goroutine waits.
  bool empty() const noexcept { return first == nullptr; }
};

}  // namespace goro::detail
