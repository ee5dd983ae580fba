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
  // The last event a student sees (a few back at most: timers' and variables' bookkeeping is
  // folded into the step before it).
  size_t last = ev.size() - 1;
  for (size_t back = 0; back < 16 && last > 0 && !goro::visual::seen(model(), ev[last], strings()); back++)
    last--;
  int64_t prev = last >= 1 ? ev[last - 1].time : -1;
  return goro::visual::narrate(model(), ev[last], strings(), prev, virtual_clock());
}

}  // namespace goroscope
