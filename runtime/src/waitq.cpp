// runtime/src/waitq.cpp: the FIFO of waiting goroutines shared by channels and sync objects.
#include "goro/detail/waitq.hpp"

#include <mutex>

#include "sched.hpp"

namespace goro::detail {

Sudog::~Sudog() {
  if (!queue) return;  // the usual case: a waker took it off its queue
  std::lock_guard<SpinLock> l(*lock);
  if (queue) queue->remove(this);
}

void WaitQ::enqueue(Sudog* sg, SpinLock* l) noexcept {
  sg->next = nullptr;
  sg->prev = last;
  sg->queue = this;
  sg->lock = l;
  if (last) last->next = sg;
  else first = sg;
  last = sg;
}

void WaitQ::remove(Sudog* sg) noexcept {
  if (sg->queue != this) return;
  if (sg->prev) sg->prev->next = sg->next;
  else first = sg->next;
  if (sg->next) sg->next->prev = sg->prev;
  else last = sg->prev;
  sg->next = sg->prev = nullptr;
  sg->queue = nullptr;
}

Sudog* WaitQ::dequeue() noexcept {
  while (Sudog* sg = first) {
    remove(sg);
    if (sg->is_select) {
      uint32_t expected = 0;
      // Another case of that select already fired: drop this one and look further.
      if (!sg->g->select_done.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) continue;
      sg->g->param = sg;
    }
    return sg;
  }
  return nullptr;
}

}  // namespace goro::detail
