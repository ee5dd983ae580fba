// app/replay.hpp: a recording opened for replay: no runtime runs; the model is the state at the
// time cursor, reached from the nearest snapshot before it. As a Source, it plays on its own
// clock (play, pause, speed), and knows its timeline.
//
// Invariants: model() is exactly the state after the first cursor() events (seek to any point
// gives the same state as replaying from the start); snapshots are taken every
// snapshot_every() events, so a seek applies at most that many events; while playing, the
// clock never runs ahead of the cursor by more than one frame.
#pragma once

#include <string>
#include <vector>

#include "goro/record.hpp"
#include "model.hpp"
#include "source.hpp"

namespace goroscope {

class Replay : public Source {
 public:
  // Loads path (throws goro::RecordingError); a truncated recording opens as its prefix.
  explicit Replay(const std::string& path);

  const goro::Recording& recording() const { return rec_; }
  const std::string& path() const { return path_; }
  const goro::visual::Model& model() const override { return model_; }
  // final_model() is the state after the last event: every object the recording will ever
  // hold (the diagram lays them all out before the first frame).
  const goro::visual::Model& final_model() const { return final_; }
  size_t cursor() const { return cursor_; }
  size_t size() const { return rec_.events.size(); }
  int64_t duration() const { return rec_.events.empty() ? 0 : rec_.events.back().time; }
  size_t snapshot_every() const { return every_; }

  // seek() moves to just after the first n events.
  void seek(size_t n);
  // seek_time() moves to just after the last event at or before time t, or to event `limit`
  // if that comes first.
  void seek_time(int64_t t, size_t limit = SIZE_MAX);
  // time() is the cursor's time (the last applied event's, 0 before any).
  int64_t time() const { return cursor_ ? rec_.events[cursor_ - 1].time : 0; }
  // find_end() is the index just after the Panic or Deadlock event (0 when there is none).
  size_t find_end() const { return end_; }

  // The clock: play() starts (from the start again when at the end) and pause() stops playing;
  // update(dt) advances the cursor by dt seconds times speed() while playing: by program time,
  // or 30 events a second at 1x when time stood still the whole run. A frame applies at most
  // kMaxEventsPerFrame events: a replay too dense to keep up with plays slower than asked.
  void play();
  void pause() { playing_ = false; }
  bool playing() const { return playing_; }
  double speed() const { return speed_; }
  void set_speed(double s) { speed_ = s; }
  static constexpr double kEventsPerSecond = 30;
  static constexpr size_t kMaxEventsPerFrame = 12000;

  // Source.
  size_t update(double dt) override;
  const std::vector<std::string>& strings() const override { return rec_.strings; }
  std::span<const goro::Event> shown_events() const override { return {rec_.events.data(), cursor_}; }
  const goro::visual::Timeline& timeline() const override;  // built on first use
  bool virtual_clock() const override;
  bool is_replay() const override { return true; }

  // Bookmarks: a caption at a time, kept in time order; save() writes them into the file.
  void add_bookmark(int64_t time, std::string caption);
  void remove_bookmark(size_t i);
  // caption_at() is the caption of the last bookmark at or before t ("" when none).
  std::string caption_at(int64_t t) const;
  // save() rewrites the recording (with its bookmarks) at path(); throws goro::RecordingError.
  void save() const;

 private:
  std::string path_;
  goro::Recording rec_;
  goro::visual::Model model_;
  goro::visual::Model final_;
  size_t cursor_ = 0;
  size_t every_ = 1;
  size_t end_ = 0;  // just after the Panic or Deadlock event, found once
  bool playing_ = false;
  double speed_ = 1.0;
  double clock_ = 0;       // ns, while playing
  double events_due_ = 0;  // events due but not yet applied, while playing a timeless recording
  mutable goro::visual::Timeline timeline_;
  mutable bool timeline_built_ = false;
  std::vector<goro::visual::Model>
      snapshots_;  // snapshots_[i]: state after i * every_ events; they share chunks
};

}  // namespace goroscope
