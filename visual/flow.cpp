// visual/flow.cpp: the FIFO pairing of sends with receives.
#include "flow.hpp"

namespace goro::visual {

std::optional<Flow> FlowPairing::add(const Event& e) {
  switch (e.kind) {
    case EventKind::ChanHandoff:
      return Flow{e.g, static_cast<uint64_t>(e.arg), e.obj, e.time, e.time, e.seq, e.seq};
    case EventKind::ChanSend:
      if (e.obj == 0) return std::nullopt;
      if (e.obj > buffered_.size()) buffered_.resize(e.obj);
      buffered_[e.obj - 1].push_back({e.g, e.time, e.seq});
      return std::nullopt;
    case EventKind::ChanRecv: {
      if (e.obj == 0 || e.obj > buffered_.size() || buffered_[e.obj - 1].empty()) return std::nullopt;
      auto& q = buffered_[e.obj - 1];
      Sent s = q.front();
      q.pop_front();
      return Flow{s.g, e.g, e.obj, s.t, e.time, s.s, e.seq};
    }
    default:
      return std::nullopt;
  }
}

}  // namespace goro::visual
