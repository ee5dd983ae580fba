# goroscope_target(): every target of ours gets the same warnings and sanitizers. Kept beside
# the runtime, which builds on its own (cmake -S runtime) as well as inside Goroscope.
#
#   GOROSCOPE_SANITIZE  '' (none), 'address' (ASan+UBSan) or 'thread' (TSan)
#   GOROSCOPE_WERROR    warnings are errors (CI turns it on; off by default, so that a newer
#                       compiler's new warning never stops someone's build)
include_guard(GLOBAL)

set(GOROSCOPE_SANITIZE "" CACHE STRING "Sanitizer build: '', 'address' (ASan+UBSan) or 'thread' (TSan)")
option(GOROSCOPE_WERROR "Treat compiler warnings as errors" OFF)

function(goroscope_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(GOROSCOPE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(GOROSCOPE_SANITIZE STREQUAL "address")
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  elseif(GOROSCOPE_SANITIZE STREQUAL "thread")
    # -Wno-tsan: TSan does not model std::atomic_thread_fence, and g++ says so at each one;
    # the scheduler's fences (wakep() against an M going idle) are what the stress tests try.
    target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer -Wno-tsan)
    target_link_options(${target} PRIVATE -fsanitize=thread)
  elseif(NOT GOROSCOPE_SANITIZE STREQUAL "")
    message(FATAL_ERROR "GOROSCOPE_SANITIZE must be '', 'address' or 'thread'")
  endif()
endfunction()
