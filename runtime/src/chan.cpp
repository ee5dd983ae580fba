// runtime/src/chan.cpp: channel send, receive and close (after Go's chansend / chanrecv /
// closechan). The invariants are at the top of goro/detail/chan_core.hpp.
#include <mutex>

#include "goro/chan.hpp"
#include "goro/goroutine.hpp"
#include "sched.hpp"

namespace goro::detail {

ChanCore::ChanCore(size_t cap, std::string name, const ElemOps* ops)
    : cap_(cap), name_(std::move(name)), ops_(ops), id_(next_object_id()) {
  if (cap_ > 0) buf_ = ops_->alloc(cap_);
}

ChanCore::~ChanCore() {
  if (buf_) ops_->free(buf_);
}

void ChanCore::buf_push(void* src) noexcept {
  ops_->move(slot(sendx_), src);
  if (++sendx_ == cap_) sendx_ = 0;
  qcount_.store(qcount_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

void ChanCore::buf_pop(void* dst) noexcept {
  ops_->move(dst, slot(recvx_));
  if (++recvx_ == cap_) recvx_ = 0;
  qcount_.store(qcount_.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
}

bool ChanCore::send(void* src, bool block) {
  lock_.lock();
  if (closed_) {
    lock_.unlock();
    throw goro::Panic("send on closed channel");
  }
  if (Sudog* sg = recvq_.dequeue()) {
    // A receiver is waiting: hand the value straight to it.
    ops_->move(sg->elem, src);
    sg->success = true;
    G* g = sg->g;
    lock_.unlock();
    goready(g);
    return true;
  }
  if (qcount_.load(std::memory_order_relaxed) < cap_) {
    buf_push(src);
    lock_.unlock();
    return true;
  }
  if (!block) {
    lock_.unlock();
    return false;
  }
  Sudog sg;
  sg.g = current_g();
  sg.elem = src;
  sendq_.enqueue(&sg, &lock_);
  current_sched().park(WaitReason::ChanSend, this, &unlock_spin, &lock_);
  if (!sg.success) throw goro::Panic("send on closed channel");  // closed while we waited
  return true;
}

RecvResult ChanCore::recv(void* dst, bool block) {
  lock_.lock();
  if (closed_ && qcount_.load(std::memory_order_relaxed) == 0) {
    lock_.unlock();
    return {true, false};
  }
  if (Sudog* sg = sendq_.dequeue()) {
    // A sender is waiting. Unbuffered: take its value. Buffered (so the buffer is full): take
    // the head of the buffer and put the sender's value at the tail.
    if (cap_ == 0) {
      ops_->move(dst, sg->elem);
    } else {
      buf_pop(dst);
      buf_push(sg->elem);
    }
    sg->success = true;
    G* g = sg->g;
    lock_.unlock();
    goready(g);
    return {true, true};
  }
  if (qcount_.load(std::memory_order_relaxed) > 0) {
    buf_pop(dst);
    lock_.unlock();
    return {true, true};
  }
  if (!block) {
    lock_.unlock();
    return {false, false};
  }
  Sudog sg;
  sg.g = current_g();
  sg.elem = dst;
  recvq_.enqueue(&sg, &lock_);
  current_sched().park(WaitReason::ChanReceive, this, &unlock_spin, &lock_);
  return {true, sg.success};
}

void ChanCore::close() {
  lock_.lock();
  if (closed_) {
    lock_.unlock();
    throw goro::Panic("close of closed channel");
  }
  closed_ = true;
  // Release every waiter: receivers get (zero, false), senders will panic.
  G* woken = nullptr;  // in arrival order, linked by schedlink (unused while parked)
  G** tail = &woken;
  for (WaitQ* q : {&recvq_, &sendq_}) {
    while (Sudog* sg = q->dequeue()) {
      sg->success = false;
      *tail = sg->g;
      tail = &sg->g->schedlink;
    }
  }
  *tail = nullptr;
  lock_.unlock();
  while (woken) {
    G* next = woken->schedlink;
    goready(woken);
    woken = next;
  }
}

bool nil_send(bool block) {
  if (!block) return false;
  current_sched().park(WaitReason::ChanSendNilChan, nullptr, nullptr, nullptr);
  return false;  // never woken
}

RecvResult nil_recv(bool block) {
  if (!block) return {false, false};
  current_sched().park(WaitReason::ChanReceiveNilChan, nullptr, nullptr, nullptr);
  return {false, false};  // never woken
}

void nil_close() { throw goro::Panic("close of nil channel"); }

}  // namespace goro::detail
