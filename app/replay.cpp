// app/replay.cpp: replaying a recording with periodic snapshots.
#include "replay.hpp"

#include <algorithm>
#include <cmath>

namespace goroscope {

Replay::Replay(const std::string& path)
    : path_(path), rec_(goro::load_recording(path, {.allow_truncated = true})) {
  // About 256 snapshots, at least 20,000 events apart. Snapshots share what did not change
  // between them (the model's goroutines are copy-on-write), so each costs about what changed
  // since the one before; when they would hold more than about 1 GB in all, keep every other
  // one and space them twice as far.
  constexpr size_t kBudget = size_t(1) << 30;
  every_ = std::max<size_t>(20000, rec_.events.size() / 256 + 1);
  goro::visual::Model m;
  snapshots_.push_back(m);
  size_t bytes = 0;
  for (size_t i = 0; i < rec_.events.size(); i++) {
    m.apply(rec_.events[i], rec_.strings);
    if (rec_.events[i].kind == goro::EventKind::Panic || rec_.events[i].kind == goro::EventKind::Deadlock)
      end_ = i + 1;
    if ((i + 1) % every_ != 0) continue;
    bytes += m.own_bytes();  // before the copy: what no earlier snapshot shares
    snapshots_.push_back(m);
    if (bytes > kBudget) {
      std::vector<goro::visual::Model> kept;
      for (size_t k = 0; k < snapshots_.size(); k += 2) kept.push_back(std::move(snapshots_[k]));
      snapshots_ = std::move(kept);
      every_ *= 2;
      bytes /= 2;
    }
  }
  seek(rec_.events.size());
  final_ = model_;
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

void Replay::seek_time(int64_t t, size_t limit) {
  auto it = std::upper_bound(rec_.events.begin(), rec_.events.end(), t,
                             [](int64_t x, const goro::Event& e) { return x < e.time; });
  seek(std::min(limit, static_cast<size_t>(it - rec_.events.begin())));
}

void Replay::play() {
  if (cursor_ >= rec_.events.size()) seek(0);
  playing_ = true;
  clock_ = static_cast<double>(time());
}

size_t Replay::update(double dt) {
  if (!playing_) return 0;
  size_t before = cursor_;
  dt = std::min(dt, 0.1);  // a stalled frame does not skip ahead
  if (duration() == 0) {   // time stood still the whole run: play by events
    events_due_ += dt * speed_ * kEventsPerSecond;
    seek(before + std::min(kMaxEventsPerFrame, static_cast<size_t>(events_due_)));
    events_due_ -= std::floor(events_due_);
  } else {
    clock_ += dt * speed_ * 1e9;
    seek_time(static_cast<int64_t>(clock_), before + kMaxEventsPerFrame);
    if (cursor_ == before + kMaxEventsPerFrame) clock_ = static_cast<double>(time());  // behind: slow down
    if (cursor_ == before && cursor_ < rec_.events.size() &&
        rec_.events[cursor_].time <= static_cast<int64_t>(clock_))
      seek(before + 1);
  }
  if (cursor_ >= rec_.events.size()) playing_ = false;
  return cursor_ - before;
}

const goro::visual::Timeline& Replay::timeline() const {
  if (!timeline_built_) {
    for (const goro::Event& e : rec_.events) timeline_.add(e);
    timeline_built_ = true;
  }
  return timeline_;
}

bool Replay::virtual_clock() const {
  auto it = rec_.header.find("clock");
  return it == rec_.header.end() || it->second == "virtual";
}

void Replay::add_bookmark(int64_t time, std::string caption) {
  auto& b = rec_.bookmarks;
  auto at = std::upper_bound(b.begin(), b.end(), time,
                             [](int64_t t, const goro::Bookmark& x) { return t < x.time; });
  b.insert(at, goro::Bookmark{time, std::move(caption)});
}

void Replay::remove_bookmark(size_t i) {
  if (i < rec_.bookmarks.size()) rec_.bookmarks.erase(rec_.bookmarks.begin() + static_cast<ptrdiff_t>(i));
}

std::string Replay::caption_at(int64_t t) const {
  std::string c;
  for (const auto& b : rec_.bookmarks)
    if (b.time <= t) c = b.caption;
  return c;
}

void Replay::save() const { goro::save_recording(path_, rec_); }

}  // namespace goroscope
