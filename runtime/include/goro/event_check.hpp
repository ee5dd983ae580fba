// goro/event_check.hpp: EventCheck, the event contract of event.hpp checked one event at a time,
// for events that come from outside (a recording from a stranger) before anything applies them.
//
// Invariants: after check() accepted events 1..n, every id they name is within bounds a reader
// may allocate for (a goroutine or object id is at most its event's seq + kIdSlack, so arrays
// indexed by id stay a small multiple of the events' own size), every goroutine they name other
// than 0 was created by an earlier GoCreate (once), every object by an earlier ObjMake (once)
// and of the kind the event needs, every kind-specific byte (wait reason, object kind, lock mode,
// exit status) is one the runtime writes, times are never negative and never go back for a
// goroutine. The states the events build are possible ones too: a channel's buffer never holds
// more than its capacity nor gives a value it does not hold (and a send's or receive's length is
// the buffer's), a WaitGroup's counter is never below zero, a goroutine waits in one wait queue
// at a time (a GoPark's object's, or the channels of one select, joined just before it parks),
// is in none when it runs, yields or ends (a GoReady takes it out of all), and a goroutine that
// ended is never named again as the subject of a state change. Whatever passes can be applied by
// the visual model without a bounds check failing, and gives a state the runtime could have.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "goro/event.hpp"

namespace goro {

class EventCheck {
 public:
  // Ids may run ahead of seq by this much (ids are taken before their creation's seq).
  static constexpr uint64_t kIdSlack = 1 << 16;
  static constexpr int64_t kMaxTime = int64_t(1) << 62;  // ~146 years in ns: room for arithmetic
  static constexpr int64_t kMaxChanCap = int64_t(1) << 40;

  // lines: the events may carry source lines (recordings of version 4 on, and live runs);
  // values: they may be VarRead and VarWrite (version 5 on, and live runs).
  explicit EventCheck(size_t strings, bool lines = true, bool values = true)
      : strings_(strings), lines_(lines), values_(values) {}
  // strings() tells how many strings are defined now (a recording defines them as it goes).
  void strings(size_t n) { strings_ = n; }

  // check() takes the next event (in seq order) and tells whether it keeps the contract; when
  // it does not, problem() says what is wrong, in words ("names goroutine 0, which was never
  // created").
  bool check(const Event& e);
  const std::string& problem() const { return problem_; }

 private:
  bool created(uint64_t g) const { return g && g <= gs_.size() && gs_[g - 1].created; }
  uint8_t object_kind(uint64_t obj) const { return obj && obj <= objs_.size() ? objs_[obj - 1].kind : kNone; }
  bool fail(std::string why) {
    problem_ = std::move(why);
    return false;
  }
  bool goroutine(uint64_t g, const char* role);  // g was created (else fails, naming its role)
  bool state(const Event& e);                    // the rules on states, after the rules on ids

  static constexpr uint8_t kNone = 0xff;
  struct G {
    bool created = false;
    bool finished = false;      // after its GoEnd
    uint32_t select_waits = 0;  // channel queues joined by SelectWait since its last GoReady
    uint64_t parked_on = 0;     // the object whose wait queue its GoPark joined (0: none)
    int64_t last_time = 0;
  };
  struct Obj {
    uint8_t kind = kNone;  // its ObjKind, kNone until made
    bool closed = false;   // a channel, after its ChanClose
    int64_t cap = 0;       // a channel's capacity
    int64_t len = 0;       // the values in a channel's buffer
  };
  size_t strings_;
  bool lines_;
  bool values_;
  std::string problem_;
  uint64_t seq_ = 0;
  std::vector<G> gs_;      // index: goroutine id - 1
  std::vector<Obj> objs_;  // index: object id - 1
};

}  // namespace goro
