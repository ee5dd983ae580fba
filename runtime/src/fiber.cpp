// runtime/src/fiber.cpp: the annotated context switch on Boost.Context's fcontext (the desktop's
// fiber back end; the stacks are stack.cpp's).
#include "fiber.hpp"

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
