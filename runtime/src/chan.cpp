// runtime/src/chan.cpp: channel send, receive and close (after Go's chansend / chanrecv /
// closechan). The invariants are at the top of goro/detail/chan_core.hpp.
#include "goro/chan.hpp"

#include <mutex>

#include "goro/goroutine.hpp"
#include "sched.hpp"
#include "tracer.hpp"

namespace goro::detail {

ChanCore::ChanCore(size_t cap, std::string name, const ElemOps* ops)
    : cap_(cap), name_(std::move(name)), ops_(ops), id_(next_object_id()) {
  if (cap_ > 0) buf_ = ops_->alloc(cap_);
  Tracer::introduce(trace_, ObjKind::Chan, name_, &cap_);  // made now
}

ChanCore::~ChanCore() {
  if (buf_) ops_->free(buf_);
}

void ChanCore::race_handoff(Race* r, G* receiver) {
  if (cap_ == 0) return r->chan_meet(receiver->id);
  r->chan_buffer(this, recvx_);  // as if through the (empty) buffer: our send, then its receive
  r->chan_buffer(this, recvx_, receiver->id);
}

void ChanCore::race_take(Race* r, G* sender) {
  if (cap_ == 0) return r->chan_meet(sender->id);
  r->chan_buffer(this, recvx_);  // our receive from the full buffer's head, then its send there
  r->chan_buffer(this, recvx_, sender->id);
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
  sync_point();
  Tracer tr(trace_, ObjKind::Chan, name_, &cap_);
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
    if (Race* r = tr.race()) race_handoff(r, g);
    if (tr) {
      Event e = tr.event(EventKind::ChanHandoff, static_cast<int64_t>(g->id));
      tr.value(e, ops_, sg->elem);
      tr.locked(e);
    }
    lock_.unlock();
    tr.flush();
    goready(g);
    return true;
  }
  if (qcount_.load(std::memory_order_relaxed) < cap_) {
    if (Race* r = tr.race()) r->chan_buffer(this, sendx_);
    if (tr) {
      Event e = tr.event(EventKind::ChanSend, static_cast<int64_t>(qcount_.load() + 1));
      tr.value(e, ops_, src);
      tr.locked(e);
    }
    buf_push(src);
    lock_.unlock();
    tr.flush();
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
  Event proto = tr.proto();
  if (tr) tr.value(proto, ops_, src);  // the value it waits to send
  current_sched().park(WaitReason::ChanSend, this, &unlock_spin, &lock_, &proto);
  if (!sg.success) throw goro::Panic("send on closed channel");  // closed while we waited
  return true;
}

RecvResult ChanCore::recv(void* dst, bool block) {
  sync_point();
  Tracer tr(trace_, ObjKind::Chan, name_, &cap_);
  lock_.lock();
  if (closed_ && qcount_.load(std::memory_order_relaxed) == 0) {
    if (Race* r = tr.race()) r->acquire(&closed_);
    lock_.unlock();
    return {true, false};
  }
  if (Sudog* sg = sendq_.dequeue()) {
    // A sender is waiting. Unbuffered: take its value. Buffered (so the buffer is full): take
    // the head of the buffer and put the sender's value at the tail.
    G* g = sg->g;
    if (Race* r = tr.race()) race_take(r, g);
    if (cap_ == 0) {
      ops_->move(dst, sg->elem);
      if (tr) {
        Event e = tr.event(EventKind::ChanHandoff, static_cast<int64_t>(current_g()->id));
        e.g = g->id;  // the parked sender handed the value to us
        e.line = line_of(g);
        tr.value(e, ops_, dst);
        tr.locked(e);
      }
    } else {
      buf_pop(dst);
      if (tr) {
        Event e = tr.event(EventKind::ChanRecv, static_cast<int64_t>(qcount_.load()));
        tr.value(e, ops_, dst);
        tr.locked(e);
        Event f = tr.event(EventKind::ChanSend, static_cast<int64_t>(qcount_.load() + 1));
        f.g = g->id;  // the parked sender's value moves into the buffer
        f.line = line_of(g);
        tr.value(f, ops_, sg->elem);
        tr.locked(f);
      }
      buf_push(sg->elem);
    }
    sg->success = true;
    lock_.unlock();
    tr.flush();
    goready(g);
    return {true, true};
  }
  if (qcount_.load(std::memory_order_relaxed) > 0) {
    if (Race* r = tr.race()) r->chan_buffer(this, recvx_);
    buf_pop(dst);
    if (tr) {
      Event e = tr.event(EventKind::ChanRecv, static_cast<int64_t>(qcount_.load()));
      tr.value(e, ops_, dst);
      tr.locked(e);
    }
    lock_.unlock();
    tr.flush();
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
  Event proto = tr.proto();
  current_sched().park(WaitReason::ChanReceive, this, &unlock_spin, &lock_, &proto);
  if (!sg.success)
    if (Race* r = tr.race()) r->acquire(&closed_);  // woken by close: the close happened before
  return {true, sg.success};
}

void ChanCore::close() {
  sync_point();
  Tracer tr(trace_, ObjKind::Chan, name_, &cap_);
  lock_.lock();
  if (closed_) {
    lock_.unlock();
    throw goro::Panic("close of closed channel");
  }
  closed_ = true;
  if (Race* r = tr.race()) r->release(&closed_);
  if (tr) tr.locked(tr.event(EventKind::ChanClose));
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
  tr.flush();
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
