// runtime/src/fiber.hpp: goroutine stacks and the context switch; nothing about scheduling.
//
// A Stack is `size` usable bytes with a guard page right below it (a stack overflow faults
// instead of corrupting a neighbour). Stacks are carved from large slabs so that a million of
// them do not need a million mappings; where the kernel has MADV_GUARD_INSTALL the guard costs
// no mapping at all, else it is an mprotect'ed page.
//
// A Fiber is one side of a switch: its saved context plus what the sanitizers need to know
// about its stack. switch_fiber() is the only place control moves between stacks.
//
// Two back ends, chosen at build time (runtime/CMakeLists.txt): Boost.Context's fcontext
// (fiber.cpp) and, in the WebAssembly build, emscripten's Asyncify fibers (fiber_emscripten.cpp).
// The stack pool is the same for both (stack.cpp).
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>
#ifdef __EMSCRIPTEN__
#include <emscripten/fiber.h>

#include <memory>
#else
#include <boost/context/detail/fcontext.hpp>
#endif

namespace goro::detail {

#ifdef __EMSCRIPTEN__
// Transfer is what a switch hands the fiber it resumes, as Boost.Context's transfer_t.
struct Transfer {
  void* fctx;
  void* data;
};
#else
using Transfer = boost::context::detail::transfer_t;
#endif

// Stack is a goroutine stack: [base, base + size), guard page below base.
struct Stack {
  char* base = nullptr;
  size_t size = 0;
  explicit operator bool() const { return base != nullptr; }
};

// StackPool hands out stacks of one size and takes them back for reuse; thread-safe.
// Every slab is unmapped when the pool is destroyed.
class StackPool {
 public:
  explicit StackPool(size_t stack_size);
  ~StackPool();
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;

  Stack get();
  void put(Stack s);
  size_t stack_size() const { return stack_size_; }

 private:
  void add_slab();  // with mu_ held

  const size_t stack_size_;  // usable bytes, page multiple
  const size_t page_;
  std::mutex mu_;  // guards the fields below
  std::vector<std::pair<char*, size_t>> slabs_;
  std::vector<char*> free_;
};

// Fiber is a context that control can switch to: a goroutine, or a worker thread's scheduler.
struct Fiber {
#ifdef __EMSCRIPTEN__
  std::unique_ptr<emscripten_fiber_t> ctx;  // the C stack and Asyncify's saved call stack
  std::unique_ptr<char[]> asyncify;         // where Asyncify unwinds this fiber's wasm stack
#else
  boost::context::detail::fcontext_t ctx = nullptr;  // where to resume; null while running
#endif
  const void* stack_bottom = nullptr;  // lowest address (sanitizers)
  size_t stack_size = 0;
  void* tsan = nullptr;       // TSan's fiber handle
  void* asan_fake = nullptr;  // ASan's fake-stack handle while away
};

// make_fiber() prepares f to start running entry() on stack s at its first switch.
void make_fiber(Fiber& f, Stack s, void (*entry)(Transfer));
// thread_fiber() describes the calling thread's own stack as a Fiber.
void thread_fiber(Fiber& f);
// switch_fiber() saves the current context into `from` and resumes `to`, passing data; returns
// when something switches back, with what it passed. `from_dies` marks a final switch.
Transfer switch_fiber(Fiber& from, Fiber& to, void* data, bool from_dies = false);
// fiber_started() must be the first call in a new fiber's entry: it completes the switch,
// records the context that switched in, and returns the data passed to switch_fiber().
void* fiber_started(Transfer t);
// destroy_fiber() releases what the sanitizers kept for f.
void destroy_fiber(Fiber& f);

}  // namespace goro::detail
