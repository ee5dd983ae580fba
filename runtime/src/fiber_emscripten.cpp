// runtime/src/fiber_emscripten.cpp: the context switch on emscripten's fibers (the WebAssembly
// build's fiber back end; link with -sASYNCIFY). A switch unwinds the wasm call stack into the
// fiber's Asyncify buffer and rewinds the other's; the C stack (address-taken locals) is the
// goroutine's Stack, of which the lowest quarter is the Asyncify buffer.
//
// Invariant: g_message holds what the last switch passed, until the resumed side has read it
// (at once, before anything else can switch).
#include "fiber.hpp"

namespace goro::detail {

namespace {

// Message is what travels with a switch: who switched, and the payload.
struct Message {
  Fiber* from;
  void* data;
};
Message g_message{};

constexpr size_t kThreadAsyncifyBytes = 64 * 1024;  // a thread's own stack (the page's, g0)

void start(void* entry) {
  // An entry is a plain function; emscripten hands its fibers a void*.
  reinterpret_cast<void (*)(Transfer)>(entry)(Transfer{nullptr, &g_message});
}

}  // namespace

void make_fiber(Fiber& f, Stack s, void (*entry)(Transfer)) {
  if (!f.ctx) f.ctx = std::make_unique<emscripten_fiber_t>();
  const size_t asyncify = s.size / 4;
  emscripten_fiber_init(f.ctx.get(), &start, reinterpret_cast<void*>(entry), s.base + asyncify,
                        s.size - asyncify, s.base, asyncify);
  f.stack_bottom = s.base;
  f.stack_size = s.size;
}

void thread_fiber(Fiber& f) {
  if (!f.ctx) f.ctx = std::make_unique<emscripten_fiber_t>();
  if (!f.asyncify) f.asyncify = std::make_unique<char[]>(kThreadAsyncifyBytes);
  emscripten_fiber_init_from_current_context(f.ctx.get(), f.asyncify.get(), kThreadAsyncifyBytes);
}

Transfer switch_fiber(Fiber& from, Fiber& to, void* data, bool from_dies) {
  (void)from_dies;
  g_message = Message{&from, data};
  emscripten_fiber_swap(from.ctx.get(), to.ctx.get());
  // Resumed: g_message comes from whoever switched back to us.
  return Transfer{nullptr, g_message.data};
}

void* fiber_started(Transfer t) { return static_cast<Message*>(t.data)->data; }

void destroy_fiber(Fiber& f) { (void)f; }

}  // namespace goro::detail
