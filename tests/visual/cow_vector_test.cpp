// tests/visual/cow_vector_test.cpp: copies share chunks until one writes; a write never shows in
// another copy; own_bytes() counts only what a copy holds alone.
#include "cow_vector.hpp"

#include <gtest/gtest.h>

using goro::visual::CowVector;

TEST(CowVector, AWriteAfterACopyStaysInTheCopyThatWrote) {
  CowVector<int, 4> a;
  a.grow(10);
  for (size_t i = 0; i < a.size(); i++) a.mut(i) = static_cast<int>(i);
  CowVector<int, 4> b = a;
  EXPECT_EQ(a.own_bytes(), 0u);  // all three chunks shared
  b.mut(5) = 50;
  EXPECT_EQ(a[5], 5);
  EXPECT_EQ(b[5], 50);
  EXPECT_EQ(b.own_bytes(), 4 * sizeof(int));  // the one chunk it cloned
  b.grow(13);                                 // the shared last chunk is cloned before it grows
  b.mut(12) = 12;
  EXPECT_EQ(a.size(), 10u);
  EXPECT_EQ(b.size(), 13u);
  EXPECT_EQ(a.back(), 9);
  int sum = 0;
  for (int x : a) sum += x;
  EXPECT_EQ(sum, 45);
}

TEST(CowVector, AStampChangesWithEveryWriteAndOnlyThere) {
  CowVector<int, 4> a;
  a.grow(10);  // three chunks
  ASSERT_EQ(a.chunks(), 3u);
  EXPECT_NE(a.stamp(0), a.stamp(1));
  CowVector<int, 4> b = a;  // a copy: the same stamps, the same contents
  for (size_t c = 0; c < 3; c++) EXPECT_EQ(a.stamp(c), b.stamp(c));
  const uint64_t before = b.stamp(1);
  b.mut(5) = 50;  // shared: cloned, then written
  EXPECT_NE(b.stamp(1), before);
  EXPECT_EQ(a.stamp(1), before);  // a's chunk did not change
  EXPECT_EQ(a.stamp(0), b.stamp(0));
  const uint64_t alone = b.stamp(1);
  b.mut(6) = 60;  // no longer shared: written where it lies, and stamped anew all the same
  EXPECT_NE(b.stamp(1), alone);
  const uint64_t last = b.stamp(2);
  b.grow(11);  // growing writes the last chunk
  EXPECT_NE(b.stamp(2), last);
  EXPECT_EQ(a.stamp(2), last);
}
