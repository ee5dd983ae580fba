// runtime/src/fiber.cpp: stack slabs with guard pages, and the annotated context switch.
#include "fiber.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace goro::detail {

namespace bc = boost::context::detail;

namespace {

constexpr size_t kStacksPerSlab = 256;
#ifndef MADV_GUARD_INSTALL
constexpr int MADV_GUARD_INSTALL = 102;  // Linux 6.13: guard pages without a mapping of their own
#endif
std::atomic<bool> g_guard_madvise_works{true};

// Message is what travels with a switch: who switched, and the payload.
struct Message {
  Fiber* from;
  void* data;
};

void* receive(Transfer t) {
  auto* m = static_cast<Message*>(t.data);
  m->from->ctx = t.fctx;
  return m->data;
}

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

void make_fiber(Fiber& f, Stack s, void (*entry)(Transfer)) {
#if defined(__SANITIZE_ADDRESS__)
  // A reused stack still carries the poison of the frames its last goroutine never returned from.
  ASAN_UNPOISON_MEMORY_REGION(s.base, s.size);
#endif
  f.ctx = bc::make_fcontext(s.base + s.size, s.size, entry);
  f.stack_bottom = s.base;
  f.stack_size = s.size;
#if defined(__SANITIZE_THREAD__)
  if (!f.tsan) f.tsan = __tsan_create_fiber(0);
#endif
}

void thread_fiber(Fiber& f) {
  f.ctx = nullptr;
#if defined(__SANITIZE_THREAD__)
  f.tsan = __tsan_get_current_fiber();
#endif
}

Transfer switch_fiber(Fiber& from, Fiber& to, void* data, bool from_dies) {
  Message m{&from, data};
  bc::fcontext_t target = to.ctx;
  to.ctx = nullptr;
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_start_switch_fiber(from_dies ? nullptr : &from.asan_fake, to.stack_bottom, to.stack_size);
#else
  (void)from_dies;
#endif
#if defined(__SANITIZE_THREAD__)
  __tsan_switch_to_fiber(to.tsan, 0);
#endif
  Transfer t = bc::jump_fcontext(target, &m);
  // Resumed: t comes from whoever switched back to us.
  auto* back = static_cast<Message*>(t.data);
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_finish_switch_fiber(from.asan_fake, &back->from->stack_bottom, &back->from->stack_size);
#endif
  t.data = receive(t);
  (void)back;
  return t;
}

void* fiber_started(Transfer t) {
#if defined(__SANITIZE_ADDRESS__)
  auto* m = static_cast<Message*>(t.data);
  __sanitizer_finish_switch_fiber(nullptr, &m->from->stack_bottom, &m->from->stack_size);
#endif
  return receive(t);
}

void destroy_fiber(Fiber& f) {
#if defined(__SANITIZE_THREAD__)
  if (f.tsan) __tsan_destroy_fiber(f.tsan);
  f.tsan = nullptr;
#endif
  f.ctx = nullptr;
}

}  // namespace goro::detail
