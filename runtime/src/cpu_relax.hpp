// runtime/src/cpu_relax.hpp: the pause a spin loop takes between two looks at a shared word.
#pragma once

namespace goro::detail {

// cpu_relax() tells the core a spin loop is waiting (x86's PAUSE); nothing where there is none
// (WebAssembly: one thread, nobody to wait for).
inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

}  // namespace goro::detail
