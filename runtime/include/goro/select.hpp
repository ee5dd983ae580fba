// goro/select.hpp: Go's select statement.
//
//   size_t i = goro::select(goro::on_recv(ch, [](int v, bool ok) {}),
//                           goro::on_send(ch2, 7, [] {}),
//                           goro::on_default([] {}));
//
// select() blocks until one case can proceed, chooses uniformly at random among the ready ones,
// runs that case's function and returns its index (its position in the argument list). With
// on_default, it never blocks. A nil channel's case is never chosen; select() with no cases
// blocks forever. A receive callback may take (T v, bool ok), (T v) or nothing.
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "goro/chan.hpp"

namespace goro {

namespace detail {

// SelectCase is one channel case handed to the type-erased select.
struct SelectCase {
  ChanCore* c;  // null: nil channel, never chosen
  void* elem;   // send: the value; receive: the slot
  bool is_send;
};

// SelectResult names the case that fired: index < n, or n for default.
struct SelectResult {
  size_t index;
  bool recv_ok;
};

// selectgo() runs the three passes of Go's select over cases[0..n).
SelectResult selectgo(SelectCase* cases, size_t n, bool has_default);

template <class T, class F>
struct RecvCase {
  ChanCore* c;
  F f;
  T value{};
  static constexpr bool is_default = false;
  SelectCase erase() { return {c, &value, false}; }
  void fire(bool ok) {
    if constexpr (std::is_invocable_v<F&, T, bool>)
      f(std::move(value), ok);
    else if constexpr (std::is_invocable_v<F&, T>)
      f(std::move(value));
    else
      f();
  }
};

template <class T, class F>
struct SendCase {
  ChanCore* c;
  T value;
  F f;
  static constexpr bool is_default = false;
  SelectCase erase() { return {c, &value, true}; }
  void fire(bool) { f(); }
};

template <class F>
struct DefaultCase {
  F f;
  static constexpr bool is_default = true;
  void fire(bool) { f(); }
};

}  // namespace detail

// on_recv() is `case v, ok := <-ch:`.
template <class T, class F>
detail::RecvCase<T, F> on_recv(const Chan<T>& ch, F f) {
  return {ch.core(), std::move(f)};
}
template <class T, class F>
detail::RecvCase<T, F> on_recv(const RecvChan<T>& ch, F f) {
  return {ch.core(), std::move(f)};
}
// on_send() is `case ch <- v:`.
template <class T, class V, class F>
detail::SendCase<T, F> on_send(const Chan<T>& ch, V&& v, F f) {
  return {ch.core(), T(std::forward<V>(v)), std::move(f)};
}
template <class T, class V, class F>
detail::SendCase<T, F> on_send(const SendChan<T>& ch, V&& v, F f) {
  return {ch.core(), T(std::forward<V>(v)), std::move(f)};
}
// on_default() is `default:`.
template <class F>
detail::DefaultCase<F> on_default(F f) {
  return {std::move(f)};
}

// select() is Go's select statement; see the top of this file.
template <class... Cases>
size_t select(Cases&&... cases) {
  constexpr size_t kDefaults = ((std::decay_t<Cases>::is_default ? 1 : 0) + ... + 0);
  static_assert(kDefaults <= 1, "select: at most one on_default");
  constexpr size_t kChans = sizeof...(Cases) - kDefaults;
  auto all = std::forward_as_tuple(cases...);
  std::array<detail::SelectCase, kChans + 1> erased{};  // +1: never zero-sized
  std::array<size_t, kChans + 1> position{};            // erased index -> argument position
  size_t default_position = 0;
  {
    size_t k = 0, pos = 0;
    auto add = [&](auto& c) {
      if constexpr (std::decay_t<decltype(c)>::is_default) {
        default_position = pos;
      } else {
        erased[k] = c.erase();
        position[k++] = pos;
      }
      ++pos;
    };
    std::apply([&](auto&... c) { (add(c), ...); }, all);
  }
  detail::SelectResult r = detail::selectgo(erased.data(), kChans, kDefaults == 1);
  size_t chosen = r.index == kChans ? default_position : position[r.index];
  size_t pos = 0;
  auto fire = [&](auto& c) {
    if (pos++ == chosen) c.fire(r.recv_ok);
  };
  std::apply([&](auto&... c) { (fire(c), ...); }, all);
  return chosen;
}

}  // namespace goro
