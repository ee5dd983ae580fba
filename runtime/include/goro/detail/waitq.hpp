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
// protects anything that parks.
class SpinLock {
 public:
  // lock() spins (pausing the CPU) until the lock is free, then takes it.
  void lock() noexcept {
    for (unsigned backoff = 1; flag_.exchange(true, std::memory_order_acquire);) {
      // Back off (exponentially, up to 64 pauses) so that two threads hammering one channel
      // do not pull its line back and forth on every try.
      while (flag_.load(std::memory_order_relaxed)) {
        for (unsigned i = 0; i < backoff; i++) __builtin_ia32_pause();
        if (backoff < 64) backoff *= 2;
      }
    }
  }
  // try_lock() takes the lock if it is free; returns whether it did.
  bool try_lock() noexcept { return !flag_.exchange(true, std::memory_order_acquire); }
  // unlock() releases the lock.
  void unlock() noexcept { flag_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> flag_{false};
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
  G* g = nullptr;            // the waiting goroutine
  void* elem = nullptr;      // send: the value to take; receive: where to put the value
  Sudog* next = nullptr;     // links inside `queue`
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
  // dequeue() removes and returns the first Sudog that may still fire (a select whose other
  // case already fired is dropped on the way), or null.
  Sudog* dequeue() noexcept;
  // remove() unlinks sg if it is in this queue.
  void remove(Sudog* sg) noexcept;
  // empty() tells whether no goroutine waits.
  bool empty() const noexcept { return first == nullptr; }
};

}  // namespace goro::detail
