// app/replay.cpp: replaying a recording with periodic snapshots.
#include "replay.hpp"

#include <algorithm>

namespace goroscope {

Replay::Replay(const std::string& path) : path_(path), rec_(goro::load_recording(path, {.allow_truncated = true})) {
  // About 32 snapshots, at least 20,000 events apart (a snapshot is a whole model).
  every_ = std::max<size_t>(20000, rec_.events.size() / 32 + 1);
  goro::visual::Model m;
  snapshots_.push_back(m);
  for (size_t i = 0; i < rec_.events.size(); i++) {
    m.apply(rec_.events[i], rec_.strings);
    if ((i + 1) % every_ == 0) snapshots_.push_back(m);
  }
  seek(rec_.events.size());
}

void Replay::seek(size_t n) {
  n = std::min(n, rec_.events.size());
  if (n < cursor_ || n - cursor_ > every_) {  // start again from the nearest snapshot
    size_t s = std::min(n / every_, snapshots_.size() - 1);
    model_ = snapshots_[s];
    cursor_ = s * every_;
  }
  for (; cursor_ < n; cursor_++) model_.apply(rec_.events[cursor_], rec_.strings);
}

void Replay::seek_time(int64_t t) {
  auto it = std::upper_bound(rec_.events.begin(), rec_.events.end(), t,
                             [](int64_t x, const goro::Event& e) { return x < e.time; });
  seek(static_cast<size_t>(it - rec_.events.begin()));
}

size_t Replay::find_end() const {
  for (size_t i = rec_.events.size(); i-- > 0;)
    if (rec_.events[i].kind == goro::EventKind::Panic || rec_.events[i].kind == goro::EventKind::Deadlock) return i + 1;
  return 0;
}

}  // namespace goroscope
