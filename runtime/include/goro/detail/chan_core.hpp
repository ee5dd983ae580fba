// goro/detail/chan_core.hpp: the type-erased channel behind goro::Chan<T> (Go's hchan).
//
// Invariants (as in Go's chan.go):
// - At least one of sendq and recvq is empty.
// - For buffered channels, qcount > 0 implies recvq is empty, and qcount < cap implies sendq is
//   empty.
// - Once closed, a channel never reopens; after close, sendq is empty.
// - Every field below `lock` is read and written with `lock` held (qcount is also readable
//   without it, for len()).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include "goro/detail/waitq.hpp"

namespace goro::detail {

class Race;
struct G;

// ElemOps is how a channel moves values of its element type without knowing it.
struct ElemOps {
  void (*move)(void* dst, void* src);           // *dst = std::move(*src)
  void* (*alloc)(size_t n);                     // new T[n]
  void (*free)(void* buf);                      // delete[] (T*)buf
  size_t size;                                  // sizeof(T)
  std::string (*format)(const void* v);         // the value as text, or null when not printable
  bool (*as_int)(const void* v, int64_t* out);  // integers: the value itself (null otherwise)
};

// RecvResult is what a receive did.
struct RecvResult {
  bool selected;  // the receive happened (false only for a non-blocking receive that would block)
  bool ok;        // a value was received (false: the channel is closed and drained)
};

// ChanCore is one channel. Objects are shared through std::shared_ptr by the Chan handles.
class ChanCore {
 public:
  ChanCore(size_t cap, std::string name, const ElemOps* ops);
  ~ChanCore();
  ChanCore(const ChanCore&) = delete;
  ChanCore& operator=(const ChanCore&) = delete;

  // send() moves *src into the channel; blocks unless !block. Returns false only when !block
  // and the send would have blocked. Panics on a closed channel.
  bool send(void* src, bool block);
  // recv() moves a value into *dst (left untouched when closed and drained).
  RecvResult recv(void* dst, bool block);
  // close() closes the channel and wakes every waiter. Panics if already closed.
  void close();

  size_t len() const noexcept { return qcount_.load(std::memory_order_relaxed); }
  size_t cap() const noexcept { return cap_; }
  const std::string& name() const noexcept { return name_; }
  uint64_t id() const noexcept { return id_; }
  const ElemOps* ops() const noexcept { return ops_; }

 private:
  friend struct SelectImpl;
  void* slot(size_t i) const noexcept { return static_cast<char*>(buf_) + i * ops_->size; }
  void buf_push(void* src) noexcept;
  void buf_pop(void* dst) noexcept;
  // race_handoff() and race_take() feed the race detector a send to a parked receiver and a
  // receive from a parked sender (lock held; before the buffer moves).
  void race_handoff(Race* r, G* receiver);
  void race_take(Race* r, G* sender);

  const size_t cap_;          // buffer size (0: unbuffered)
  const std::string name_;    // the Go variable's name, for the app and dumps
  const ElemOps* const ops_;  // how to move elements
  const uint64_t id_;         // unique per process
  void* buf_ = nullptr;       // cap_ elements (null when unbuffered)
  ObjTrace trace_;            // its id in a tapped run

  SpinLock lock_{true};            // guards everything below (sleepy: see SpinLock)
  std::atomic<size_t> qcount_{0};  // elements in buf_
  size_t sendx_ = 0;               // next slot to send into
  size_t recvx_ = 0;               // next slot to receive from
  bool closed_ = false;
  WaitQ recvq_;  // blocked receivers
  WaitQ sendq_;  // blocked senders
};

// nil-channel operations: block forever (or fail when !block).
bool nil_send(bool block);
RecvResult nil_recv(bool block);
[[noreturn]] void nil_close();

}  // namespace goro::detail
