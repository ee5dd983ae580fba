// runtime/src/tracer.hpp: Tracer, what every primitive records its events through, so that
// none of them reaches into the scheduler's tap for itself; the race detector's
// happens-before edges are fed at the same places, through race().
//
// Invariants: a Tracer is made at the start of one operation on one object. In a run without a
// tap (or with the tap built out) it is null: flush(), emit() and locked() do nothing, and
// event() must not be called (guard it with `if (tr)`, so that an untapped run builds no
// event). In a tapped run the object is announced (ObjMake) before any event about it, and
// before any lock is taken: announcing may pause the program. race() is the detector in a run
// with Config::race (tapped or not), else null.
#pragma once

#include <cstddef>
#include <string>

#include "sched.hpp"

namespace goro::detail {

// Tracer records one operation's events on one object (or on none: select, sema).
class Tracer {
 public:
  // Tracer() is about no object in particular.
  Tracer() { look(); }
  // Tracer(...) is about the object traced by t, announcing it in this run if need be (with
  // *cap, a channel's capacity; a pointer, so that an untapped run does not even read it).
  Tracer(ObjTrace& t, ObjKind kind, const std::string& name, const size_t* cap = nullptr) {
    look();
    if (s_) oid_ = s_->announce(t, kind, name, cap ? static_cast<int64_t>(*cap) : 0);
  }
  // introduce() announces an object as it is made (its ObjMake comes now, not at first use).
  static void introduce(ObjTrace& t, ObjKind kind, const std::string& name, const size_t* cap = nullptr) {
    Tracer tr(t, kind, name, cap);
  }

  // race() is the running program's race detector, or null.
  Race* race() const { return race_; }

  // A Tracer is true in a tapped run.
  explicit operator bool() const { return s_ != nullptr; }
  // oid() is the object's id in this run (0: untapped).
  uint64_t oid() const { return oid_; }
  // announce() is another object's id in this run (a select's channels).
  uint64_t announce(ObjTrace& t, ObjKind kind, const std::string& name, int64_t cap = 0) {
    return s_ ? s_->announce(t, kind, name, cap) : 0;
  }

  // event() makes an event about the current goroutine and the object (tapped runs only).
  Event event(EventKind kind, int64_t arg = 0) const { return s_->event(kind, oid_, arg); }
  // event_on() makes one about another object (tapped runs only).
  Event event_on(EventKind kind, uint64_t obj, int64_t arg = 0) const { return s_->event(kind, obj, arg); }
  // intern() is text's index in the run's string table (tapped runs only).
  uint32_t intern(std::string_view text) const { return s_->intern(text); }
  // value() puts a channel value into e (tapped runs only).
  void value(Event& e, const ElemOps* ops, const void* v) const { s_->trace_value(e, ops, v); }
  // proto() is what a GoPark on the object starts from: its id (0 untapped).
  Event proto() const {
    Event e{};
    e.obj = oid_;
    return e;
  }

  // locked() sequences e under the primitive's lock; flush() publishes it once that is released.
  void locked(const Event& e) const {
    if (s_) s_->emit_locked(e);
  }
  void flush() const {
    if (s_) s_->flush();
  }
  // emit() publishes e now (no spin lock held: the program may pause here).
  void emit(const Event& e) const {
    if (s_) s_->emit(e);
  }

 private:
  void look() {
    if (g_tracing.load(std::memory_order_relaxed) == 0) [[likely]]
      return;
    s_ = traced_sched();
    if (g_racing.load(std::memory_order_relaxed) != 0)
      if (P* p = current_p()) race_ = p->sched->race();
  }
  Sched* s_ = nullptr;
  Race* race_ = nullptr;
  uint64_t oid_ = 0;
};

}  // namespace goro::detail
