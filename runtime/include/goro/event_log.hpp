// goro/event_log.hpp: EventLog, the events of a recording in seq order, wherever they lie: in the
// recording's file, mapped into memory and read in place (no copy, so opening a big recording
// touches no fresh memory per event), or in memory of its own.
//
// Invariants: the events are in runs of kRun (512) events each, every run but the last full, each
// run contiguous and 8-byte aligned, so event i is runs_[i / kRun][i % kRun] (O(1)); what holds
// the events (the mapping or an owned vector) and the table of runs live as long as any EventLog
// that points into them, and are never written after construction, so copies and prefixes share
// them (a copy costs two reference counts, not a copy of the table).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

#include "goro/event.hpp"

namespace goro {

class EventLog {
 public:
  static constexpr size_t kRunShift = 9;
  static constexpr size_t kRun = size_t(1) << kRunShift;  // events per run (a recording's block)

  EventLog() = default;
  // An EventLog of events held in memory.
  explicit EventLog(std::vector<Event> events);
  // An EventLog over runs that lie in memory kept alive by `keep` (each run kRun events, the last
  // `size - kRun * (runs.size() - 1)`).
  EventLog(std::vector<const Event*> runs, size_t size, std::shared_ptr<const void> keep)
      : table_(std::make_shared<const std::vector<const Event*>>(std::move(runs))),
        runs_(table_->data()),
        size_(size),
        keep_(std::move(keep)) {}

  // borrow() is an EventLog over n contiguous events that the caller keeps alive and unchanged
  // for as long as the EventLog is used.
  static EventLog borrow(const Event* events, size_t n);

  // prefix() is the first n events (all of them if there are fewer), sharing everything.
  EventLog prefix(size_t n) const {
    EventLog p = *this;
    p.size_ = std::min(n, size_);
    return p;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Event& operator[](size_t i) const { return runs_[i >> kRunShift][i & (kRun - 1)]; }
  const Event& front() const { return (*this)[0]; }
  const Event& back() const { return (*this)[size_ - 1]; }
  // run() is the contiguous run of events that holds event i (from its start), and run_size() its length.
  const Event* run(size_t i) const { return runs_[i >> kRunShift]; }
  size_t run_size(size_t i) const { return std::min(kRun, size_ - (i & ~(kRun - 1))); }

  // const_iterator walks the events in order (random access).
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Event;
    using difference_type = std::ptrdiff_t;
    using pointer = const Event*;
    using reference = const Event&;
    const_iterator() = default;
    const_iterator(const EventLog* log, size_t i) : log_(log), i_(i) {}
    reference operator*() const { return (*log_)[i_]; }
    pointer operator->() const { return &(*log_)[i_]; }
    reference operator[](difference_type n) const { return (*log_)[i_ + static_cast<size_t>(n)]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator operator++(int) { return {log_, i_++}; }
    const_iterator& operator--() { return --i_, *this; }
    const_iterator operator--(int) { return {log_, i_--}; }
    const_iterator& operator+=(difference_type n) { return i_ += static_cast<size_t>(n), *this; }
    const_iterator& operator-=(difference_type n) { return i_ -= static_cast<size_t>(n), *this; }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
    friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

   private:
    const EventLog* log_ = nullptr;
    size_t i_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

  // copy() is the events [from, to) as a vector.
  std::vector<Event> copy(size_t from, size_t to) const;

 private:
  std::shared_ptr<const std::vector<const Event*>> table_;  // where each run starts
  const Event* const* runs_ = nullptr;                      // table_'s data, for O(1) indexing
  size_t size_ = 0;
  std::shared_ptr<const void> keep_;
};

// TimeIndex answers "which events make the state at time t": a recording's times grow only per
// goroutine (events of different goroutines on different Ps may be stamped slightly out of
// order), so the state at t is the one after every event up to the last one at or before t,
// even if some before it are stamped later (they happened first: seq is the order). Inspect,
// the window and render all take "the state at t" from here.
//
// Invariants: min_from_[b] is the least time of the events from run b to the end, so it never
// decreases with b; an answer costs a binary search over runs and a scan of one run.
class TimeIndex {
 public:
  TimeIndex() = default;
  explicit TimeIndex(const EventLog& log);
  // until() is how many events make the state at t: the index just after the last event whose
  // time is at or before t (0 when every event is later).
  size_t until(int64_t t) const;
  // end_time() is the latest time of any event (0 for none): how long the recording lasts.
  int64_t end_time() const { return end_time_; }

 private:
  EventLog log_;
  std::vector<int64_t> min_from_;  // per run of kRun events
  int64_t end_time_ = 0;
};

}  // namespace goro
