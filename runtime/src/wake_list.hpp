// runtime/src/wake_list.hpp: collecting waiters under a lock and waking them after it is
// released, in arrival order. Links through G::schedlink, which a parked G does not use.
#pragma once

#include "goro/detail/waitq.hpp"
#include "sched.hpp"

namespace goro::detail {

// WakeList gathers goroutines to ready once the object's lock is released.
class WakeList {
 public:
  // take_all() moves every waiter of q into the list (q's lock held).
  void take_all(WaitQ& q) {
    while (Sudog* sg = q.dequeue()) add(sg->g);
  }
  void add(G* g) {
    g->schedlink = nullptr;
    *tail_ = g;
    tail_ = &g->schedlink;
  }
  // ready_all() readies them (lock released).
  void ready_all() {
    while (head_) {
      G* next = head_->schedlink;
      goready(head_);
      head_ = next;
    }
    tail_ = &head_;
  }

 private:
  G* head_ = nullptr;
  G** tail_ = &head_;
};

}  // namespace goro::detail
