// lang/vm/value_stack.cpp: value stacks and the per-thread pool of recycled buffers
// (value_stack.hpp says what holds).
#include "vm/value_stack.hpp"

#include <new>
#include <utility>
#include <vector>

namespace golang {

namespace {

constexpr size_t kMaxPooled = 64;  // buffers kept per thread (64 x 1.25 KiB)

// Pool is a thread's recycled buffers; closed once the thread's thread-locals go, after which
// buffers are freed at once.
struct Pool {
  std::vector<Value*> free;
  ~Pool() {
    for (Value* v : free) ::operator delete(v);
    free.clear();
    closed = true;
  }
  static inline thread_local bool closed = false;
};
thread_local Pool t_pool;

Value* take_pooled() {
  if (Pool::closed || t_pool.free.empty()) return nullptr;
  Value* v = t_pool.free.back();
  t_pool.free.pop_back();
  return v;
}

}  // namespace

ValueStack::~ValueStack() {
  for (Value* v = v_; v < end_; v++) v->~Value();
  ::operator delete(v_);
}

void ValueStack::resize(size_t n) {
  const size_t had = size();
  if (n <= had) return;
  Value* to = nullptr;
  if (had == 0 && n <= kRecycledSize && (to = take_pooled())) {
    v_ = to;  // every slot's reference is null already
    end_ = to + kRecycledSize;
    return;
  }
  if (had == 0 && n <= kRecycledSize) n = kRecycledSize;  // a size the pool can take back
  to = static_cast<Value*>(::operator new(n * sizeof(Value)));
  for (size_t i = 0; i < had; i++) {
    new (to + i) Value(std::move(v_[i]));
    v_[i].~Value();
  }
  for (size_t i = had; i < n; i++) new (to + i) Value();
  ::operator delete(v_);
  v_ = to;
  end_ = to + n;
}

void ValueStack::recycle() {
  if (size() == kRecycledSize && !Pool::closed && t_pool.free.size() < kMaxPooled) {
    t_pool.free.push_back(v_);
  } else {
    for (Value* v = v_; v < end_; v++) v->~Value();  // null references: nothing to drop
    ::operator delete(v_);
  }
  v_ = end_ = nullptr;
}

}  // namespace golang
