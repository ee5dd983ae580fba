// goro/chan.hpp: typed channels. Chan<T> is a shared handle (copying it shares the channel, as
// Go's chan does); a default-constructed Chan is nil. SendChan<T> and RecvChan<T> are the
// directional views (Go's chan<- T and <-chan T), checked at compile time.
//
// T must be default-constructible (its default is Go's zero value) and move-assignable.
//
// Example:
//   auto jobs = goro::make_chan<int>(5, "jobs");
//   goro::go([jobs] { for (int j : jobs) goro::println("got", j); });
//   jobs.send(1); jobs.close();
#pragma once

#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

#include "goro/detail/chan_core.hpp"

namespace goro {

template <class T>
class RecvIterator;

// Empty is Go's struct{}: a value that carries no data (signals, ctx.done()).
struct Empty {
  friend bool operator==(Empty, Empty) { return true; }
  friend std::ostream& operator<<(std::ostream& os, Empty) { return os << "{}"; }
};

namespace detail {

template <class T>
concept Printable = requires(std::ostream& os, const T& v) {
  os << v;
};

template <class T>
const ElemOps* elem_ops() {
  static const ElemOps ops{
      [](void* dst, void* src) { *static_cast<T*>(dst) = std::move(*static_cast<T*>(src)); },
      [](size_t n) -> void* { return new T[n]; },
      [](void* buf) { delete[] static_cast<T*>(buf); },
      sizeof(T),
      Printable<T> ? +[](const void* v) -> std::string {
        if constexpr (Printable<T>) {
          std::ostringstream os;
          os << std::boolalpha << *static_cast<const T*>(v);
          return os.str();
        } else {
          return {};
        }
      }
                   : nullptr,
      std::is_integral_v<T> && !std::is_same_v<T, bool>
          ? +[](const void* v, int64_t* out) {
              if constexpr (std::is_integral_v<T>) *out = static_cast<int64_t>(*static_cast<const T*>(v));
              return true;
            }
          : nullptr,
  };
  return &ops;
}

// ChanHandle is what the three channel types share: the pointer and the operations.
template <class T>
class ChanHandle {
 public:
  ChanHandle() = default;
  explicit ChanHandle(std::shared_ptr<ChanCore> core) : core_(std::move(core)) {}

  // len() is the number of buffered values; cap() the buffer size (0 for nil or unbuffered).
  size_t len() const { return core_ ? core_->len() : 0; }
  size_t cap() const { return core_ ? core_->cap() : 0; }
  // name() is the name given at make_chan ("" for nil).
  std::string name() const { return core_ ? core_->name() : std::string(); }
  // nil() tells whether this is a nil channel.
  bool nil() const { return core_ == nullptr; }
  ChanCore* core() const { return core_.get(); }
  friend class RecvIterator<T>;
  friend bool operator==(const ChanHandle& a, const ChanHandle& b) { return a.core_ == b.core_; }

 protected:
  void do_send(T v) const {
    if (core_)
      core_->send(&v, true);
    else
      nil_send(true);
  }
  bool do_try_send(T& v) const { return core_ ? core_->send(&v, false) : nil_send(false); }
  std::pair<T, bool> do_recv2() const {
    T v{};
    RecvResult r = core_ ? core_->recv(&v, true) : nil_recv(true);
    return {std::move(v), r.ok};
  }
  void do_close() const {
    if (core_)
      core_->close();
    else
      nil_close();
  }
  std::shared_ptr<ChanCore> core_;
};

}  // namespace detail

template <class T>
class SendChan;
template <class T>
class RecvChan;

// RecvIterator walks a channel until it is closed and drained (Go's `for v := range ch`).
template <class T>
class RecvIterator {
 public:
  RecvIterator() = default;
  explicit RecvIterator(const detail::ChanHandle<T>* ch, std::pair<T, bool> first)
      : ch_(ch), cur_(std::move(first)) {}
  T& operator*() { return cur_.first; }
  RecvIterator& operator++();
  bool operator==(std::default_sentinel_t) const { return !cur_.second; }

 private:
  const detail::ChanHandle<T>* ch_ = nullptr;
  std::pair<T, bool> cur_{T{}, false};
};

// Chan<T> is a bidirectional channel handle (Go's chan T).
template <class T>
class Chan : public detail::ChanHandle<T> {
 public:
  Chan() = default;  // nil
  explicit Chan(std::shared_ptr<detail::ChanCore> core) : detail::ChanHandle<T>(std::move(core)) {}

  // send() blocks until v is delivered or buffered. Panics if the channel is closed.
  void send(T v) const { this->do_send(std::move(v)); }
  // try_send() sends only if that would not block; returns whether it sent.
  bool try_send(T v) const { return this->do_try_send(v); }
  // recv() blocks for a value; returns T{} once the channel is closed and drained.
  T recv() const { return this->do_recv2().first; }
  // recv2() is Go's `v, ok := <-ch`: ok is false once closed and drained.
  std::pair<T, bool> recv2() const { return this->do_recv2(); }
  // close() closes the channel. Panics if it is nil or already closed.
  void close() const { this->do_close(); }

  RecvIterator<T> begin() const { return RecvIterator<T>(this, this->do_recv2()); }
  std::default_sentinel_t end() const { return {}; }

  template <class>
  friend class SendChan;
  template <class>
  friend class RecvChan;
};

// SendChan<T> is a send-only view (Go's chan<- T).
template <class T>
class SendChan : public detail::ChanHandle<T> {
 public:
  SendChan() = default;
  SendChan(const Chan<T>& c) : detail::ChanHandle<T>(c.core_) {}  // NOLINT: implicit, as in Go
  void send(T v) const { this->do_send(std::move(v)); }
  bool try_send(T v) const { return this->do_try_send(v); }
  void close() const { this->do_close(); }
};

// RecvChan<T> is a receive-only view (Go's <-chan T).
template <class T>
class RecvChan : public detail::ChanHandle<T> {
 public:
  RecvChan() = default;
  RecvChan(const Chan<T>& c) : detail::ChanHandle<T>(c.core_) {}  // NOLINT: implicit, as in Go
  T recv() const { return this->do_recv2().first; }
  std::pair<T, bool> recv2() const { return this->do_recv2(); }
  RecvIterator<T> begin() const { return RecvIterator<T>(this, this->do_recv2()); }
  std::default_sentinel_t end() const { return {}; }
};

template <class T>
RecvIterator<T>& RecvIterator<T>::operator++() {
  cur_ = ch_->do_recv2();
  return *this;
}

// make_chan() makes a channel with buffer capacity `cap` (0: unbuffered). The name is the Go
// variable's name, which the app shows.
template <class T>
Chan<T> make_chan(size_t cap = 0, std::string name = {}) {
  return Chan<T>(std::make_shared<detail::ChanCore>(cap, std::move(name), detail::elem_ops<T>()));
}

}  // namespace goro
