// app/replay.hpp: a recording opened for replay: no runtime runs; the model is the state at the
// time cursor, reached from the nearest snapshot before it. As a Source, it plays on its own
// clock (play, pause, speed), steps and seeks anywhere, and knows its timeline.
//
// Opening is quick: the recording is read in place, and its indexing (one pass over its events
// taking the snapshots and the final state, and one building the timeline) runs while the first
// moment is already shown; indexed(), progress() and index_done() tell how far it got. On the
// desktop the two passes run on threads of their own (Indexing::Threads); in the page, which has
// no threads, update() runs both a few milliseconds a frame (Indexing::Slices, index_for()).
//
// Invariants: model() is exactly the state after the first cursor() events (seek to any point
// gives the same state as replaying from the start, indexed or not); once indexing is done,
// snapshots lie every snapshot_every() events, so a seek applies at most that many events
// (before, it applies those after the last snapshot taken so far); while playing, the clock
// never runs ahead of the cursor by more than one frame. The indexing threads write only
// snapshots_ and every_ (under mu_), final_ and the timeline, and publish the last two with
// done_; everything else belongs to the owner's thread.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "goro/record.hpp"
#include "model.hpp"
#include "page.hpp"
#include "source.hpp"

namespace goroscope {

class Replay : public Source {
 public:
  // Indexing is where the indexing runs: threads of its own, or slices of the owner's frames.
  enum class Indexing { Threads, Slices };
  // Loads path (throws goro::RecordingError); a truncated recording opens as its prefix.
  explicit Replay(const std::string& path, Indexing how = kInPage ? Indexing::Slices : Indexing::Threads);
  ~Replay() override;
  Replay(const Replay&) = delete;
  Replay& operator=(const Replay&) = delete;

  const goro::Recording& recording() const { return rec_; }
  const std::string& path() const { return path_; }
  const goro::visual::Model& model() const override { return model_; }
  // final_model() is the state after the last event: every object the recording will ever
  // hold (the diagram lays them all out once it is known); null until indexing is done.
  const goro::visual::Model* final_model() const override { return index_done() ? &final_ : nullptr; }
  size_t cursor() const { return cursor_; }
  size_t size() const { return rec_.events.size(); }
  // duration() is the latest time of any event (times grow per goroutine, not overall).
  int64_t duration() const override { return times_.end_time(); }
  size_t snapshot_every() const;

  // Indexing: how many events the snapshots have passed, as a fraction, and whether all is
  // done (snapshots, final state, timeline); wait_indexed() waits until it is.
  size_t indexed() const { return indexed_.load(std::memory_order_acquire); }
  double progress() const { return size() ? double(indexed()) / double(size()) : 1.0; }
  bool index_done() const { return done_.load(std::memory_order_acquire); }
  void wait_indexed();
  // index_for() (Indexing::Slices) indexes for about budget of the caller's time, then returns
  // (update() calls it each frame); true when indexing is done.
  bool index_for(std::chrono::microseconds budget);
  // kIndexSlice is the least update(dt) lends the indexing each frame in the page (half of dt, up to 50 ms).
  static constexpr std::chrono::microseconds kIndexSlice{8000};

  // seek() moves to just after the first n events.
  void seek(size_t n) override;
  // seek_time() moves to the state at time t (goro::TimeIndex: just after the last event at or
  // before t), or to event `limit` if that comes first.
  void seek_time(int64_t t) override { seek_time(t, SIZE_MAX); }
  void seek_time(int64_t t, size_t limit);
  // seen_step() is the cursor one event a student sees forward (or back): timers' and
  // variables' bookkeeping folded in (goro::visual::seen()).
  size_t seen_step(bool forward) const;
  // time() is the cursor's time (the last applied event's, 0 before any).
  int64_t time() const override { return cursor_ ? rec_.events[cursor_ - 1].time : 0; }
  // find_end() is the index just after the Panic or Deadlock event (0 when there is none).
  size_t find_end() const { return end_; }

  // The clock: play() starts (from the start again when at the end) and pause() stops playing;
  // update(dt) advances the cursor by dt seconds times speed() while playing: by program time,
  // or 30 events a second at 1x when time stood still the whole run. A frame applies at most
  // kMaxEventsPerFrame events: a replay too dense to keep up with plays slower than asked.
  void play() override;
  void pause() override { playing_ = false; }
  bool playing() const override { return playing_; }
  double speed() const override { return speed_; }
  void set_speed(double s) override { speed_ = s; }
  static constexpr double kEventsPerSecond = 30;
  static constexpr size_t kMaxEventsPerFrame = 12000;

  // Source.
  size_t update(double dt) override;
  const std::vector<std::string>& strings() const override { return rec_.strings; }
  goro::EventLog shown_events() const override { return rec_.events.prefix(cursor_); }
  // timeline() is the whole recording's once indexing is done (empty before).
  const goro::visual::Timeline& timeline() const override { return index_done() ? *timeline_ : empty_; }
  bool virtual_clock() const override;
  const goro::SourceFile& program() const override { return rec_.source; }
  bool step(bool forward) override;  // seeks to seen_step(forward) and pauses; always true
  bool can_seek() const override { return true; }
  size_t position() const override { return cursor_; }
  size_t length() const override { return size(); }
  bool busy() const override { return playing_ || !index_done(); }
  std::string heading() const override { return "Replay: "; }
  std::string state() const override { return playing_ ? "replaying" : "replay paused"; }
  std::string empty_hint() const override {
    return "The start of the recording: press Play, or step with Right.";
  }
  std::string empty_narration() const override { return "(the start of the recording)"; }
  std::string caption() const override { return caption_at(time()); }
  std::optional<double> indexing() const override {
    return index_done() ? std::nullopt : std::optional<double>(progress());
  }

  // Bookmarks: a caption at a time, kept in time order; save() writes them into the file.
  void add_bookmark(int64_t time, std::string caption);
  void remove_bookmark(size_t i);
  // caption_at() is the caption of the last bookmark at or before t, for a while: until the
  // next bookmark, or 1/kCaptionShare of the recording's duration after its own time ("" when
  // none, or when its while is over), so that a talking point does not stay for the rest of a
  // replay or clip.
  static constexpr int64_t kCaptionShare = 8;
  std::string caption_at(int64_t t) const;
  // save() rewrites the recording (with its bookmarks) at path(); throws goro::RecordingError.
  void save() const;

 private:
  void index();             // the indexing thread's work (Indexing::Threads)
  void snapshot_run();      // the snapshots' pass over the next run of events (indexed() grows)
  void finish_snapshots();  // the final state, after the snapshots' pass

  std::string path_;
  goro::Recording rec_;
  goro::TimeIndex times_;  // the state at a time: how many events make it
  goro::visual::Model model_;
  goro::visual::Model final_;
  size_t cursor_ = 0;
  size_t end_ = 0;  // just after the Panic or Deadlock event, found once
  bool playing_ = false;
  double speed_ = 1.0;
  double clock_ = 0;       // ns, while playing
  double events_due_ = 0;  // events due but not yet applied, while playing a timeless recording

  mutable std::mutex mu_;                       // guards snapshots_ and every_
  std::vector<goro::visual::Model> snapshots_;  // [i]: the state after i * every_ events; they share chunks
  size_t every_ = 1;
  goro::visual::Model building_;  // the snapshots' pass: the state after indexed() events
  size_t building_bytes_ = 0;     // what the snapshots taken so far hold of their own
  size_t timeline_at_ = 0;        // the timeline's pass (Indexing::Slices): events added
  Indexing how_;
  std::unique_ptr<goro::visual::Timeline> timeline_;  // the indexing threads' until done_
  goro::visual::Timeline empty_;
  std::atomic<size_t> indexed_{0};
  std::atomic<bool> done_{false};
  std::atomic<bool> stop_{false};
  std::thread indexer_;
};

}  // namespace goroscope
