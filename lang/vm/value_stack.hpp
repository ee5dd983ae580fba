// lang/vm/value_stack.hpp: a goroutine's value stack (its frames' locals and operands), with the
// buffers of goroutines that ended cleanly kept for the next ones on the same thread. A program
// that starts a million goroutines used to allocate, zero and destroy a million of them.
//
// Invariants: size() Values live at data(); resize() only grows, moves the old Values and
// zeroes the new; the destructor drops every reference the stack holds, wherever it is. A
// buffer goes back to its thread's pool only through recycle(), whose caller vouches that no
// slot holds a reference (a goroutine that returned from its function); a pooled buffer is
// kRecycledSize Values, each with a null reference (their scalar bits are stale: the VM zeroes
// what it reads before it writes).
#pragma once

#include <cstddef>

#include "vm/value.hpp"

namespace golang {

class ValueStack {
 public:
  static constexpr size_t kRecycledSize = 80;  // what most goroutines need, natives' room included

  ValueStack() = default;
  ~ValueStack();
  ValueStack(const ValueStack&) = delete;
  ValueStack& operator=(const ValueStack&) = delete;

  Value* data() { return v_; }
  const Value* data() const { return v_; }
  size_t size() const {
    return static_cast<size_t>(end_ - v_);
  }  // as std::vector: the hot
     // check is data() + size()
  Value& operator[](size_t i) { return v_[i]; }
  const Value& operator[](size_t i) const { return v_[i]; }

  void resize(size_t n);  // grows to n Values (never shrinks)
  // recycle() hands the buffer to this thread's pool (or frees it) and leaves the stack empty:
  // only when no slot holds a reference.
  void recycle();

 private:
  Value* v_ = nullptr;
  Value* end_ = nullptr;
};

}  // namespace golang
