// runtime/src/timer.cpp: a binary min-heap of timers on (when, seq).
#include "timer.hpp"

#include <utility>

namespace goro::detail {

bool Timers::less(size_t a, size_t b) const {
  const Timer* x = heap_[a];
  const Timer* y = heap_[b];
  return x->when != y->when ? x->when < y->when : x->seq < y->seq;
}

void Timers::swap_at(size_t a, size_t b) {
  std::swap(heap_[a], heap_[b]);
  heap_[a]->index = static_cast<ptrdiff_t>(a);
  heap_[b]->index = static_cast<ptrdiff_t>(b);
}

void Timers::up(size_t i) {
  while (i > 0) {
    size_t parent = (i - 1) / 2;
    if (!less(i, parent)) break;
    swap_at(i, parent);
    i = parent;
  }
}

void Timers::down(size_t i) {
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < heap_.size() && less(l, m)) m = l;
    if (r < heap_.size() && less(r, m)) m = r;
    if (m == i) break;
    swap_at(i, m);
    i = m;
  }
}

bool Timers::add_locked(Timer* t) {
  t->seq = seq_++;
  t->index = static_cast<ptrdiff_t>(heap_.size());
  heap_.push_back(t);
  up(heap_.size() - 1);
  next_when_.store(heap_[0]->when, std::memory_order_release);
  return heap_[0] == t;
}

bool Timers::remove(Timer* t) {
  std::lock_guard<SpinLock> l(mu_);
  if (t->index < 0) return false;
  size_t i = static_cast<size_t>(t->index);
  size_t last = heap_.size() - 1;
  if (i != last) swap_at(i, last);
  heap_.pop_back();
  t->index = -1;
  if (i < heap_.size()) {
    up(i);
    down(i);
  }
  next_when_.store(heap_.empty() ? kNever : heap_[0]->when, std::memory_order_release);
  return true;
}

void Timers::pop_root() {
  heap_[0]->index = -1;
  size_t last = heap_.size() - 1;
  if (last > 0) {
    heap_[0] = heap_[last];
    heap_[0]->index = 0;
  }
  heap_.pop_back();
  if (!heap_.empty()) down(0);
}

size_t Timers::fire_due(int64_t now) {
  size_t fired = 0;
  for (;;) {
    Timer* t = nullptr;
    {
      std::lock_guard<SpinLock> l(mu_);
      if (!heap_.empty() && heap_[0]->when <= now) {
        t = heap_[0];
        pop_root();
      }
      next_when_.store(heap_.empty() ? kNever : heap_[0]->when, std::memory_order_release);
    }
    if (!t) return fired;
    t->f(t->arg);  // may free t: read nothing from it afterwards
    ++fired;
  }
}

void Timers::clear() {
  std::vector<Timer*> dropped;
  {
    std::lock_guard<SpinLock> l(mu_);
    for (Timer* t : heap_) t->index = -1;
    dropped.swap(heap_);
    next_when_.store(kNever, std::memory_order_release);
  }
  for (Timer* t : dropped)
    if (t->drop) t->drop(t->arg);  // may free t
}

}  // namespace goro::detail
