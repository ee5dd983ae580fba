// app/replay.hpp: a recording opened for replay: no runtime runs; the model is the state at the
// time cursor, reached from the nearest snapshot before it.
//
// Opening is quick: the recording is read in place, and one pass over its events, on a thread
// of its own, takes the snapshots and builds the timeline while the first moment is already
// shown (indexed() and progress() tell how far it got; timeline() is there once it is done).
//
// Invariants: model() is exactly the state after the first cursor() events (seek to any point
// gives the same state as replaying from the start, indexed or not); once indexing is done,
// snapshots lie every snapshot_every() events, so a seek applies at most that many events;
// before, a seek applies the events after the last snapshot taken so far. Only the indexing
// thread writes the snapshots, under mu_; everything else is the owner's thread's.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "goro/record.hpp"
#include "model.hpp"
#include "timeline.hpp"

namespace goroscope {

class Replay {
 public:
  // Loads path (throws goro::RecordingError); a truncated recording opens as its prefix.
  explicit Replay(const std::string& path);
  ~Replay();
  Replay(const Replay&) = delete;
  Replay& operator=(const Replay&) = delete;

  const goro::Recording& recording() const { return rec_; }
  const std::string& path() const { return path_; }
  const goro::visual::Model& model() const { return model_; }
  size_t cursor() const { return cursor_; }
  size_t size() const { return rec_.events.size(); }
  int64_t duration() const { return rec_.events.empty() ? 0 : rec_.events.back().time; }
  size_t snapshot_every() const;

  // Indexing (snapshots and the timeline, on their own thread): how many events it has passed,
  // as a fraction, and whether it is done; wait_indexed() waits until it is.
  size_t indexed() const { return indexed_.load(std::memory_order_acquire); }
  double progress() const { return size() ? double(indexed()) / double(size()) : 1.0; }
  bool index_done() const { return done_.load(std::memory_order_acquire); }
  void wait_indexed();
  // timeline() is the whole recording's timeline once indexing is done (null before).
  const goro::visual::Timeline* timeline() const { return index_done() ? timeline_.get() : nullptr; }

  // seek() moves to just after the first n events.
  void seek(size_t n);
  // seek_time() moves to just after the last event at or before time t, or to event `limit`
  // if that comes first.
  void seek_time(int64_t t, size_t limit = SIZE_MAX);
  // time() is the cursor's time (the last applied event's, 0 before any).
  int64_t time() const { return cursor_ ? rec_.events[cursor_ - 1].time : 0; }
  // find_end() is the index just after the Panic or Deadlock event (0 when there is none).
  size_t find_end() const { return end_; }

  // Bookmarks: a caption at a time, kept in time order; save() writes them into the file.
  void add_bookmark(int64_t time, std::string caption);
  void remove_bookmark(size_t i);
  // caption_at() is the caption of the last bookmark at or before t ("" when none).
  std::string caption_at(int64_t t) const;
  // save() rewrites the recording (with its bookmarks) at path(); throws goro::RecordingError.
  void save() const;

 private:
  void index();  // the indexing thread's work

  std::string path_;
  goro::Recording rec_;
  goro::visual::Model model_;
  size_t cursor_ = 0;
  size_t end_ = 0;  // just after the Panic or Deadlock event, found once

  mutable std::mutex mu_;  // guards snapshots_ and every_
  std::vector<goro::visual::Model>
      snapshots_;  // snapshots_[i]: the state after i * every_ events; they share chunks
  size_t every_ = 1;
  std::unique_ptr<goro::visual::Timeline> timeline_;  // the indexing thread's until done_
  std::atomic<size_t> indexed_{0};
  std::atomic<bool> done_{false};
  std::atomic<bool> stop_{false};
  std::thread indexer_;
};

}  // namespace goroscope
