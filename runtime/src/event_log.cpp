// runtime/src/event_log.cpp: an EventLog over events of its own.
#include "goro/event_log.hpp"

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

}  // namespace goro
