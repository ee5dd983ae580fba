// runtime/src/sema.cpp: the goroutine semaphore (see goro/detail/sema.hpp).
#include "goro/detail/sema.hpp"

#include "sched.hpp"
#include "tracer.hpp"
#include "wake_list.hpp"

namespace goro::detail {

void Sema::acquire(WaitReason reason, const void* object, uint64_t oid, bool lifo, const Event* contended) {
  lock_.lock();
  if (count_ > 0) {  // released before we could park
    count_--;
    lock_.unlock();
    return;
  }
  Sudog sg;
  sg.g = current_g();
  if (lifo)
    waiters_.push_front(&sg, &lock_);
  else
    waiters_.enqueue(&sg, &lock_);
  Event proto{};
  proto.obj = oid;
  if (contended) Tracer().locked(*contended);
  current_sched().park(reason, object, &unlock_spin, &lock_, &proto);
}

void Sema::release(uint32_t n) {
  WakeList wake;
  lock_.lock();
  for (; n > 0; n--) {
    Sudog* sg = waiters_.dequeue();
    if (!sg) break;
    wake.add(sg->g);
  }
  count_ += n;
  lock_.unlock();
  wake.ready_all();
}

}  // namespace goro::detail
