// runtime/src/futex.hpp: sleeping on a 32-bit word until another thread wakes it (Linux's futex),
// for the idle M's Note and the runtime lock's slow path.
//
// Like the system call, futex_wait() may return early for no reason: callers look again. The
// WebAssembly build has one thread, so nobody could wake a sleeper there: its futex_wait()
// returns at once (the runtime never waits on a word there: goro::Slices yields instead).
#pragma once

#include <atomic>
#include <cstdint>
#include <ctime>
#ifndef __EMSCRIPTEN__
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace goro::detail {

// futex_wait() sleeps while *word == expected, until futex_wake() or `timeout` (null: none).
inline void futex_wait(std::atomic<uint32_t>& word, uint32_t expected, const timespec* timeout) {
#ifdef __EMSCRIPTEN__
  (void)word, (void)expected, (void)timeout;
#else
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT_PRIVATE, expected, timeout, nullptr, 0);
#endif
}

// futex_wake() wakes one thread asleep on word.
inline void futex_wake(std::atomic<uint32_t>& word) {
#ifdef __EMSCRIPTEN__
  (void)word;
#else
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
#endif
}

}  // namespace goro::detail
