// tests/lang/value_stack_test.cpp: a goroutine's value stack (lang/vm/value_stack.hpp): growing
// keeps the Values and zeroes the rest, destroying drops every reference, and a recycled buffer
// is the next first stack on the same thread, with no reference in it.
#include "vm/value_stack.hpp"

#include <gtest/gtest.h>

namespace {

using golang::StrObj;
using golang::Value;
using golang::ValueStack;

TEST(ValueStack, GrowingKeepsTheValuesAndZeroesTheNewSlots) {
  ValueStack s;
  s.resize(3);
  ASSERT_GE(s.size(), 3u);
  s[0] = Value::of_int(7);
  s[1] = golang::make_str("kept");
  const size_t first = s.size();
  s.resize(first * 2 + 5);
  EXPECT_EQ(s.size(), first * 2 + 5);
  EXPECT_EQ(s[0].i, 7);
  EXPECT_EQ(golang::str_of(s[1]), "kept");
  for (size_t i = first; i < s.size(); i++) EXPECT_EQ(s[i].o, nullptr) << i;
}

TEST(ValueStack, DestroyingDropsEveryReference) {
  Value str = golang::make_str("shared string");
  const int32_t before = str.o->rc.load();
  {
    ValueStack s;
    s.resize(200);
    s[0] = str;
    s[199] = str;
    EXPECT_EQ(str.o->rc.load(), before + 2);
  }
  EXPECT_EQ(str.o->rc.load(), before);
}

TEST(ValueStack, ARecycledBufferIsTheNextFirstStackOnThisThread) {
  ValueStack a;
  a.resize(10);
  Value* buffer = a.data();
  a[3] = Value::of_int(99);  // a stale scalar is allowed; references are not
  a.recycle();
  EXPECT_EQ(a.size(), 0u);
  ValueStack b;
  b.resize(20);
  EXPECT_EQ(b.data(), buffer);
  EXPECT_EQ(b.size(), ValueStack::kRecycledSize);
  EXPECT_EQ(b[3].i, 99);  // taken as it was: no slot was touched on the way
  for (size_t i = 0; i < b.size(); i++) EXPECT_EQ(b[i].o, nullptr) << i;
  ValueStack big;
  big.resize(ValueStack::kRecycledSize + 1);  // past the pool's size: a buffer of its own
  EXPECT_NE(big.data(), buffer);
}

}  // namespace
