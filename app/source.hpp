// app/source.hpp: what the window shows, live or replayed: one interface that a running
// Session and an opened Replay both implement, so that the diagram, the timeline, the
// inspector, the narration and the status bar never ask which it is.
//
// Invariants: model() is the state just after the last of shown_events(); timeline() holds
// every event the source knows (a live run's so far, a recording's all); a source changes only
// in update() and in the calls its own panel makes (seek, pause, step).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "goro/event.hpp"
#include "goro/event_log.hpp"
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
  virtual bool is_replay() const = 0;

  // cursor_seq() is the seq of the last shown event (0 before any).
  uint64_t cursor_seq() const;
  // narration() is the last shown event in words ("" before any).
  std::string narration() const;
};

}  // namespace goroscope
