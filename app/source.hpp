// app/source.hpp: what the window shows, live or replayed: one interface that a running
// Session and an opened Replay both implement, so that the diagram, the timeline, the
// inspector, the narration, the status bar and the transport (play, pause, step, seek) never
// ask which it is.
//
// Invariants: model() is the state just after the last of shown_events(); position() is how
// many events that is, of length() known; timeline() holds every event the source knows (a
// live run's so far, a recording's all); a source changes only in update() and in its
// transport's calls (play, pause, step, seek, set_speed). A source that cannot seek (a live run:
// its program makes the events as it goes) says so in can_seek(), and its seek() and
// seek_time() do nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "goro/event.hpp"
#include "goro/event_log.hpp"
#include "goro/record.hpp"
#include "model.hpp"
#include "timeline.hpp"

namespace goroscope {

// Source is a stream of events and the state they lead to.
class Source {
 public:
  virtual ~Source() = default;
  // update() moves the source on by one frame of dt wall-clock seconds (a live run drains
  // what its program did; a playing replay advances its clock); returns the events applied.
  virtual size_t update(double dt) = 0;
  virtual const goro::visual::Model& model() const = 0;
  // strings() is the string table the events' text indices refer to.
  virtual const std::vector<std::string>& strings() const = 0;
  // shown_events() are the events up to the moment shown, in order (valid until the source
  // changes).
  virtual goro::EventLog shown_events() const = 0;
  virtual const goro::visual::Timeline& timeline() const = 0;
  // virtual_clock() tells whether time moves only when every goroutine waits.
  virtual bool virtual_clock() const = 0;
  // program() is the Go source whose lines the events point into (name "" when the source
  // does not know it: an older recording).
  virtual const goro::SourceFile& program() const = 0;

  // The transport. playing() tells whether the source moves on by itself: a live run's
  // scheduler not paused, a replay's clock running. play() and pause() start and stop that
  // (a replay at its end plays from the start again).
  virtual bool playing() const = 0;
  virtual void play() = 0;
  virtual void pause() = 0;
  // step() shows one more event a student sees (forward), or one fewer (back), folding in
  // the bookkeeping events around it (goro::visual::seen()): a paused live run lets its
  // scheduler go on event by event over the next frames' update(); a replay seeks there and
  // stops playing. False when the source cannot step that way: a live run backwards, or one
  // that has ended (the window's Step then runs it again).
  virtual bool step(bool forward) = 0;
  // can_seek() tells whether seek() and seek_time() apply: a replay's yes, a live run's no.
  virtual bool can_seek() const = 0;
  // seek() moves to just after the first n events (n past length(): the end); seek_time()
  // to the state at program time t. Neither starts or stops playing.
  virtual void seek(size_t n) = 0;
  virtual void seek_time(int64_t t) = 0;
  // position() is how many events are shown, of length() known.
  virtual size_t position() const = 0;
  virtual size_t length() const = 0;
  // time() is the program time shown; duration() the latest program time known.
  virtual int64_t time() const = 0;
  virtual int64_t duration() const = 0;
  // speed() is how many times faster than the program's time the source moves (a live run's
  // real clock, a replay's playing); set_speed() changes it.
  virtual double speed() const = 0;
  virtual void set_speed(double s) = 0;
  // busy() tells whether the source changes without the user (the window draws the next frame
  // soon): a live run still running, a replay playing or still being indexed.
  virtual bool busy() const = 0;

  // Words for the window. heading() starts the diagram's title ("Replay: ", or nothing);
  // state() is the status bar's word for where it stands, failed() whether that is a failure
  // to draw in the blocked colour; empty_hint() is what the empty diagram says, and
  // empty_narration() what the line under it says before any event.
  virtual std::string heading() const = 0;
  virtual std::string state() const = 0;
  virtual bool failed() const { return false; }
  virtual std::string empty_hint() const = 0;
  virtual std::string empty_narration() const = 0;
  // caption() is the talking point shown over the diagram now ("" when none).
  virtual std::string caption() const { return ""; }
  // os_exit() is the code the program gave os.Exit, once it is known to have ended (-1: none).
  virtual int os_exit() const { return -1; }

  // indexing() is how far a source still building its timeline has got (0 to 1); none once it
  // is whole (a live run's always is).
  virtual std::optional<double> indexing() const { return std::nullopt; }
  // final_model() is the state after the source's last event, when known ahead (a replay's,
  // once indexed: the diagram lays out every object it will hold); null otherwise.
  virtual const goro::visual::Model* final_model() const { return nullptr; }

  // cursor_seq() is the seq of the last shown event (0 before any).
  uint64_t cursor_seq() const;
  // narration() is the last shown event in words ("" before any).
  std::string narration() const;
};

}  // namespace goroscope
