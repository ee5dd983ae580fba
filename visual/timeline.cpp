// visual/timeline.cpp: closing a span and opening the next at every state change.
#include "timeline.hpp"

namespace goro::visual {

void Timeline::begin(uint64_t g, const Event& e, GState s, uint8_t reason, uint64_t obj) {
  if (g == 0) return;
  if (g > lanes_.size()) lanes_.resize(g);
  auto& lane = lanes_[g - 1];
  if (!lane.empty() && lane.back().t1 < 0) {
    lane.back().t1 = e.time;
    lane.back().s1 = e.seq;
  }
  if (s != GState::Finished) lane.push_back({e.time, -1, e.seq, 0, s, reason, obj});
}

void Timeline::add(const Event& e) {
  end_time_ = e.time;
  end_seq_ = e.seq;
  switch (e.kind) {
    case EventKind::GoCreate:
    case EventKind::GoReady:
    case EventKind::GoYield: begin(e.g, e, GState::Runnable); break;
    case EventKind::GoStart: begin(e.g, e, GState::Running); break;
    case EventKind::GoPark: {
      uint8_t r = e.aux & 0x7f;
      begin(e.g, e, r == 12 ? GState::Sleeping : GState::Blocked, r, e.obj);
      break;
    }
    case EventKind::GoEnd: begin(e.g, e, GState::Finished); break;
    default: break;
  }
}

}  // namespace goro::visual
