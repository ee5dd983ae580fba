// app/replay.cpp: replaying a recording with periodic snapshots.
#include "replay.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "narration.hpp"

namespace goroscope {

Replay::Replay(const std::string& path, Indexing how)
    : path_(path),
      rec_(goro::load_recording(path, {.allow_truncated = true})),
      times_(rec_.events),
      how_(how) {
  // The panic or deadlock is near the end: look back from the last event, and only when the
  // program did not end well.
  const auto& evs = rec_.events;
  const bool ended_well = !evs.empty() && evs.back().kind == goro::EventKind::Exit &&
                          static_cast<goro::ExitStatus>(evs.back().aux) == goro::ExitStatus::Ok;
  for (size_t i = evs.size(); i > 0 && !ended_well; i--)
    if (evs[i - 1].kind == goro::EventKind::Panic || evs[i - 1].kind == goro::EventKind::Deadlock) {
      end_ = i;
      break;
    }
  // About 256 snapshots, at least 20,000 events apart.
  every_ = std::max<size_t>(20000, rec_.events.size() / 256 + 1);
  snapshots_.emplace_back();
  timeline_ = std::make_unique<goro::visual::Timeline>();
  if (how_ == Indexing::Threads) indexer_ = std::thread([this] { index(); });
}

Replay::~Replay() {
  stop_.store(true);
  if (indexer_.joinable()) indexer_.join();
}

void Replay::index() {
  // The timeline is built beside the snapshots, on a thread of its own: they share nothing
  // but the (read-only) recording.
  std::thread timeline([this] {
    goro::visual::Timeline& tl = *timeline_;
    for (const goro::Event& e : rec_.events) {
      if (stop_.load(std::memory_order_relaxed)) return;
      tl.add(e);
    }
  });
  while (indexed() < rec_.events.size() && !stop_.load(std::memory_order_relaxed)) snapshot_run();
  finish_snapshots();
  timeline.join();
  if (!stop_.load()) done_.store(true, std::memory_order_release);
}

bool Replay::index_for(std::chrono::microseconds budget) {
  if (index_done()) return true;
  const auto deadline = std::chrono::steady_clock::now() + budget;
  const auto& evs = rec_.events;
  do {
    if (indexed() < evs.size()) {
      snapshot_run();
      continue;
    }
    if (timeline_at_ < evs.size()) {  // after the snapshots, so that seeking is quick first
      const size_t n = evs.run_size(timeline_at_);
      const goro::Event* run = evs.run(timeline_at_);
      for (size_t k = 0; k < n; k++) timeline_->add(run[k]);
      timeline_at_ += n;
      continue;
    }
    finish_snapshots();
    done_.store(true, std::memory_order_release);
    return true;
  } while (std::chrono::steady_clock::now() < deadline);
  return false;
}

void Replay::snapshot_run() {
  // Snapshots share what did not change between them (the model's goroutines are copy-on-write),
  // so each costs about what changed since the one before; when they would hold more than about
  // 1 GB in all, keep every other one and space them twice as far.
  constexpr size_t kBudget = size_t(1) << 30;
  goro::visual::Model& m = building_;
  const auto& evs = rec_.events;
  const size_t i = indexed();
  const goro::Event* run = evs.run(i);
  const size_t n = evs.run_size(i);
  for (size_t k = 0; k < n; k++) {
    m.apply(run[k], rec_.strings);
    const size_t done = i + k + 1;
    if (done % every_ != 0) continue;  // every_ changes only here
    building_bytes_ += m.own_bytes();  // before the copy: what no earlier snapshot shares
    std::lock_guard<std::mutex> l(mu_);
    snapshots_.push_back(m);
    if (building_bytes_ > kBudget) {
      std::vector<goro::visual::Model> kept;
      for (size_t s = 0; s < snapshots_.size(); s += 2) kept.push_back(std::move(snapshots_[s]));
      snapshots_ = std::move(kept);
      every_ *= 2;
      building_bytes_ /= 2;
    }
  }
  indexed_.store(i + n, std::memory_order_release);
}

void Replay::finish_snapshots() { final_ = std::move(building_); }

void Replay::wait_indexed() {
  if (how_ == Indexing::Slices)
    while (!index_for(kIndexSlice)) {
    }
  while (!index_done()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

size_t Replay::snapshot_every() const {
  std::lock_guard<std::mutex> l(mu_);
  return every_;
}

void Replay::seek(size_t n) {
  n = std::min(n, rec_.events.size());
  {
    std::lock_guard<std::mutex> l(mu_);
    // Start again from the nearest snapshot when it is nearer than the cursor.
    size_t s = std::min(n / every_, snapshots_.size() - 1);
    if (n < cursor_ || s * every_ > cursor_) {
      model_ = snapshots_[s];
      cursor_ = s * every_;
    }
  }
  for (; cursor_ < n; cursor_++) model_.apply(rec_.events[cursor_], rec_.strings);
}

void Replay::seek_time(int64_t t, size_t limit) { seek(std::min(limit, times_.until(t))); }

size_t Replay::seen_step(bool forward) const {
  const goro::visual::Model* all = final_model();  // every goroutine's name known
  const goro::visual::Model& m = all ? *all : model_;
  auto seen = [&](size_t i) { return goro::visual::seen(m, rec_.events[i], rec_.strings); };
  size_t n = rec_.events.size(), at = cursor_;  // events [0, at) applied
  if (forward) {
    size_t i = at;
    while (i < n && i - at < 4096 && !seen(i)) i++;
    return std::min(i + 1, n);
  }
  if (at <= 1) return 0;
  size_t i = at - 2;  // the event before the one shown last
  while (i > 0 && at - i < 4096 && !seen(i)) i--;
  return i + 1;
}

bool Replay::step(bool forward) {
  seek(seen_step(forward));
  pause();
  return true;
}

void Replay::play() {
  if (cursor_ >= rec_.events.size()) seek(0);
  playing_ = true;
  clock_ = static_cast<double>(time());
}

size_t Replay::update(double dt) {
  if (how_ == Indexing::Slices) {  // half the frame's time (dt), as a live run gets (Session::pump_frame)
    constexpr std::chrono::microseconds kMaxIndexSlice{50000};
    const auto half = std::chrono::microseconds(static_cast<int64_t>(dt * 5e5));
    index_for(std::clamp(half, kIndexSlice, kMaxIndexSlice));
  }
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
  const auto& bs = rec_.bookmarks;
  const int64_t shown = std::max<int64_t>(duration() / kCaptionShare, 1);
  for (size_t i = bs.size(); i-- > 0;)
    if (bs[i].time <= t) return t - bs[i].time < shown ? bs[i].caption : "";
  return "";
}

void Replay::save() const { goro::save_recording(path_, rec_); }

}  // namespace goroscope
