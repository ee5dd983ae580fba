// app/source.cpp: what every source says the same way.
#include "source.hpp"

#include "narration.hpp"

namespace goroscope {

uint64_t Source::cursor_seq() const {
  auto ev = shown_events();
  return ev.empty() ? 0 : ev.back().seq;
}

std::string Source::narration() const {
  auto ev = shown_events();
  if (ev.empty()) return "";
  int64_t prev = ev.size() >= 2 ? ev[ev.size() - 2].time : -1;
  return goro::visual::narrate(model(), ev.back(), strings(), prev, virtual_clock());
}

}  // namespace goroscope
