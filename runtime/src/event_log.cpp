// runtime/src/event_log.cpp: an EventLog over events of its own; the TimeIndex over a log.
#include "goro/event_log.hpp"

#include <climits>

namespace goro {

EventLog::EventLog(std::vector<Event> events) {
  auto owned = std::make_shared<const std::vector<Event>>(std::move(events));
  *this = borrow(owned->data(), owned->size());
  keep_ = std::move(owned);
}

EventLog EventLog::borrow(const Event* events, size_t n) {
  std::vector<const Event*> runs;
  runs.reserve(n / kRun + 1);
  for (size_t i = 0; i < n; i += kRun) runs.push_back(events + i);
  return EventLog(std::move(runs), n, nullptr);
}

std::vector<Event> EventLog::copy(size_t from, size_t to) const {
  std::vector<Event> v;
  v.reserve(to > from ? to - from : 0);
  for (size_t i = from; i < to; i++) v.push_back((*this)[i]);
  return v;
}

TimeIndex::TimeIndex(const EventLog& log) : log_(log) {
  const size_t runs = (log.size() + EventLog::kRun - 1) / EventLog::kRun;
  min_from_.resize(runs);
  int64_t least = INT64_MAX;
  for (size_t b = runs; b-- > 0;) {
    const Event* run = log.run(b * EventLog::kRun);
    for (size_t i = 0, n = log.run_size(b * EventLog::kRun); i < n; i++) {
      least = std::min(least, run[i].time);
      end_time_ = std::max(end_time_, run[i].time);
    }
    min_from_[b] = least;
  }
}

size_t TimeIndex::until(int64_t t) const {
  // The last run that still has an event at or before t holds the last such event.
  auto after = std::upper_bound(min_from_.begin(), min_from_.end(), t);
  if (after == min_from_.begin()) return 0;
  const size_t b = static_cast<size_t>(after - min_from_.begin()) - 1;
  const Event* run = log_.run(b * EventLog::kRun);
  for (size_t i = log_.run_size(b * EventLog::kRun); i-- > 0;)
    if (run[i].time <= t) return b * EventLog::kRun + i + 1;
  return b * EventLog::kRun;  // not reached: min_from_[b] <= t
}

}  // namespace goro
