// runtime/src/stack.cpp: goroutine stacks carved from slabs, each with a guard page below it
// (see fiber.hpp). Used by both fiber back ends.
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <new>

#include "fiber.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

namespace goro::detail {

namespace {

constexpr size_t kStacksPerSlab = 256;
#ifndef MADV_GUARD_INSTALL
constexpr int MADV_GUARD_INSTALL = 102;  // Linux 6.13: guard pages without a mapping of their own
#endif
std::atomic<bool> g_guard_madvise_works{true};

}  // namespace

StackPool::StackPool(size_t stack_size)
    : stack_size_((stack_size + sysconf(_SC_PAGESIZE) - 1) / sysconf(_SC_PAGESIZE) * sysconf(_SC_PAGESIZE)),
      page_(sysconf(_SC_PAGESIZE)) {}

StackPool::~StackPool() {
  for (auto [p, n] : slabs_) {
#if defined(__SANITIZE_ADDRESS__)
    // The frames goroutines never returned from leave their poison in the shadow; memory mapped
    // here later (a recording read in place) would inherit it.
    ASAN_UNPOISON_MEMORY_REGION(p, n);
#endif
    munmap(p, n);
  }
}

void StackPool::add_slab() {
  const size_t stride = stack_size_ + page_;
  const size_t bytes = stride * kStacksPerSlab;
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  char* slab = static_cast<char*>(p);
  slabs_.emplace_back(slab, bytes);
  // Hand out the lowest stack last, so stacks are used in address order.
  for (size_t i = kStacksPerSlab; i-- > 0;) {
    char* guard = slab + i * stride;
    bool guarded = false;
    if (g_guard_madvise_works.load(std::memory_order_relaxed)) {
      if (madvise(guard, page_, MADV_GUARD_INSTALL) == 0)
        guarded = true;
      else if (errno == EINVAL)
        g_guard_madvise_works = false;
    }
    // mprotect fails past the kernel's limit on mappings: that stack goes without a guard page.
    if (!guarded) mprotect(guard, page_, PROT_NONE);
    free_.push_back(guard + page_);
  }
}

Stack StackPool::get() {
  std::lock_guard<std::mutex> l(mu_);
  if (free_.empty()) add_slab();
  char* base = free_.back();
  free_.pop_back();
  return Stack{base, stack_size_};
}

void StackPool::put(Stack s) {
  std::lock_guard<std::mutex> l(mu_);
  free_.push_back(s.base);
}

}  // namespace goro::detail
