// tests/lang/small_alloc_test.cpp: the VM objects' allocator (lang/vm/small_alloc.hpp): a freed
// block is the next one its size class hands out on the same thread, a block freed on another
// thread joins that thread's lists.
// Under AddressSanitizer and ThreadSanitizer the lists are off by design; the tests say so.
#include "vm/small_alloc.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <thread>

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kLists = false;
#else
constexpr bool kLists = true;
#endif

using golang::small_alloc;
using golang::small_free;

TEST(SmallAlloc, AFreedBlockIsReusedByItsSizeClassOnTheSameThread) {
  if (!kLists) GTEST_SKIP() << "no free lists under a sanitizer (every block is malloc's)";
  void* a = small_alloc(40);
  std::memset(a, 0xab, 40);
  small_free(a, 40);
  void* b = small_alloc(48);  // 40 and 48 bytes share the 33-48 class
  EXPECT_EQ(a, b);
  void* c = small_alloc(16);  // another class: not that block
  EXPECT_NE(b, c);
  small_free(b, 48);
  small_free(c, 16);
}

TEST(SmallAlloc, ABlockFreedOnAnotherThreadJoinsThatThreadsList) {
  if (!kLists) GTEST_SKIP() << "no free lists under a sanitizer (every block is malloc's)";
  void* made = small_alloc(40);
  void* reused = nullptr;
  std::thread other([&] {
    void* first = small_alloc(40);  // opens this thread's lists (arms their release)
    small_free(made, 40);
    reused = small_alloc(48);  // malloc's own cache would not give a 40-byte block for 48
    small_free(reused, 48);
    small_free(first, 40);
  });
  other.join();
  EXPECT_EQ(made, reused);
}

}  // namespace
