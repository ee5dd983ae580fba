// visual/timeline.cpp: closing a span and opening the next at every state change, on the
// goroutine's lane and on its P's.
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

void Timeline::run(const Event& e, uint64_t g) {
  auto close = [&](std::vector<RunSpan>& lane) {
    if (lane.empty() || lane.back().t1 >= 0) return;
    lane.back().t1 = e.time, lane.back().s1 = e.seq;
    uint64_t was = lane.back().g;
    if (was && was <= running_on_.size()) running_on_[was - 1] = -1;
  };
  if (g == 0) {  // e.g stops running, wherever it ran
    uint64_t stopped = e.g;
    if (stopped == 0 || stopped > running_on_.size() || running_on_[stopped - 1] < 0) return;
    close(procs_[static_cast<size_t>(running_on_[stopped - 1])]);
    return;
  }
  if (e.p >= procs_.size()) procs_.resize(e.p + 1u);
  if (g > running_on_.size()) running_on_.resize(g, -1);
  if (running_on_[g - 1] >= 0) close(procs_[static_cast<size_t>(running_on_[g - 1])]);
  close(procs_[e.p]);
  procs_[e.p].push_back({e.time, -1, e.seq, 0, g});
  running_on_[g - 1] = e.p;
}

void Timeline::mark(uint64_t g, const Event& e, bool send) {
  if (g == 0) return;
  if (g > marks_.size()) marks_.resize(g);
  marks_[g - 1].push_back({e.time, e.seq, send});
}

void Timeline::sample(uint64_t obj, bool chan, const Event& e, int64_t v) {
  if (obj == 0) return;
  if (obj > counter_of_.size()) counter_of_.resize(obj, 0);
  if (!counter_of_[obj - 1]) {
    counters_.push_back({obj, chan, {}});
    counter_of_[obj - 1] = counters_.size();
  }
  counters_[counter_of_[obj - 1] - 1].samples.push_back({e.time, e.seq, v});
}

void Timeline::add(const Event& e) {
  end_time_ = e.time;
  end_seq_ = e.seq;
  if (auto f = pairing_.add(e)) flows_.push_back(*f);
  switch (e.kind) {
    case EventKind::GoCreate:
      if (e.g) {
        if (e.g > names_.size()) names_.resize(e.g, 0);
        names_[e.g - 1] = e.text;
      }
      [[fallthrough]];
    case EventKind::GoReady:
    case EventKind::GoYield:
      if (e.kind == EventKind::GoYield) run(e, 0);
      begin(e.g, e, GState::Runnable);
      break;
    case EventKind::GoStart:
      run(e, e.g);
      begin(e.g, e, GState::Running);
      break;
    case EventKind::GoPark: {
      run(e, 0);
      uint8_t r = park_reason(e);
      begin(e.g, e, parked_state(r), r, e.obj);
      break;
    }
    case EventKind::GoEnd:
      run(e, 0);
      begin(e.g, e, GState::Finished);
      break;
    case EventKind::ObjMake:
      if (e.obj) {
        if (e.obj > obj_names_.size()) obj_names_.resize(e.obj, 0);
        obj_names_[e.obj - 1] = e.text;
      }
      if (static_cast<ObjKind>(e.aux) == ObjKind::Chan && e.arg > 0) sample(e.obj, true, e, 0);
      if (static_cast<ObjKind>(e.aux) == ObjKind::WaitGroup) sample(e.obj, false, e, 0);
      break;
    case EventKind::ChanSend:
      mark(e.g, e, true);
      sample(e.obj, true, e, e.arg);
      break;
    case EventKind::ChanRecv:
      mark(e.g, e, false);
      sample(e.obj, true, e, e.arg);
      break;
    case EventKind::ChanHandoff:
      mark(e.g, e, true);
      mark(static_cast<uint64_t>(e.arg), e, false);
      break;
    case EventKind::WgAdd:
      sample(e.obj, false, e, e.arg);
      break;
    default:
      break;
  }
}

}  // namespace goro::visual
