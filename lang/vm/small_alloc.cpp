// lang/vm/small_alloc.cpp: per-thread free lists by size class (small_alloc.hpp says why and
// what holds).
#include "vm/small_alloc.hpp"

#include <cstdint>
#include <new>

namespace golang {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)

void* small_alloc(size_t n) { return ::operator new(n); }
void small_free(void* p, size_t n) noexcept { ::operator delete(p, n); }

#else

namespace {

constexpr size_t kGrain = 16;
constexpr size_t kClasses = 16;            // blocks up to 256 bytes
constexpr uint32_t kMaxFreeBlocks = 8192;  // a loop of go statements frees 4,096 closures at a time

// FreeLists is trivially destructible, so it stays usable while the thread's other
// thread-locals are destroyed; Flush gives its blocks back and marks it closed.
struct FreeLists {
  void* head[kClasses + 1];
  uint32_t count[kClasses + 1];
  bool open;    // Flush is armed: blocks may be kept
  bool closed;  // the thread is ending: nothing is kept any more
};
thread_local FreeLists t_lists;

void give_back(FreeLists& f) {
  for (size_t c = 1; c <= kClasses; c++) {
    while (void* p = f.head[c]) {
      f.head[c] = *static_cast<void**>(p);
      ::operator delete(p);
    }
    f.count[c] = 0;
  }
}

struct Flush {
  bool armed = false;
  ~Flush() {
    t_lists.closed = true;
    give_back(t_lists);
  }
};
thread_local Flush t_flush;

size_t size_class(size_t n) { return (n + kGrain - 1) / kGrain; }

}  // namespace

void* small_alloc(size_t n) {
  const size_t c = size_class(n);
  if (c > kClasses) return ::operator new(n);
  FreeLists& f = t_lists;
  if (void* p = f.head[c]) {
    f.head[c] = *static_cast<void**>(p);
    f.count[c]--;
    return p;
  }
  if (!f.open && !f.closed) {
    t_flush.armed = true;  // constructs the thread's Flush, so the lists go back when it ends
    f.open = true;
  }
  return ::operator new(c* kGrain);
}

void small_free(void* p, size_t n) noexcept {
  const size_t c = size_class(n);
  if (c > kClasses) {
    ::operator delete(p, n);
    return;
  }
  FreeLists& f = t_lists;
  if (!f.open || f.closed || f.count[c] >= kMaxFreeBlocks) {
    ::operator delete(p);  // its size was the class's, not n
    return;
  }
  *static_cast<void**>(p) = f.head[c];
  f.head[c] = p;
  f.count[c]++;
}

#endif

}  // namespace golang
