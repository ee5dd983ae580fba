// app/session.hpp: one run of a Go program on its own thread, observed through a Tap: the CLI
// and the window both drive programs through this. The runtime runs on the session's thread;
// the owner applies events (pump) on its own thread and keeps the model and recording. When
// the events are kept (the window), a drain thread of the session's own empties the tap's rings
// into an EventStore as fast as the program fills them, so that a program never waits while the
// window draws; pump() then applies what the store holds. Without kept events (the CLI, a
// rehearsal), pump() drains the tap itself.
//
// Invariants: strings() always covers every string an event already pumped refers to;
// events() holds every event pumped so far, in seq order (when keep_events is on); the model is
// the state after exactly those events; the drain thread only appends to the store.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "event_store.hpp"
#include "goro/goro.hpp"
#include "goro/record.hpp"
#include "goro/tap.hpp"
#include "model.hpp"
#include "runner.hpp"
#include "scenario.hpp"
#include "source.hpp"
#include "timeline.hpp"

namespace goroscope {

// RunSpec is everything that determines a run: the program, its parameter values, the config.
struct RunSpec {
  const Scenario* scenario = nullptr;  // the program (its source, compiled once per values)
  Params params;
  goro::Config config;
  bool lines = false;  // compiled with line marks: breakpoints and line steps at any statement
};

// header_of() is the recording header describing a run.
std::map<std::string, std::string> header_of(const RunSpec& spec);

// Session runs one program and gathers what it emits; as a Source, it is the live run.
class Session : public Source {
 public:
  // start() begins the run (paused first if start_paused); writes a recording if record_path
  // is not empty (throws goro::RecordingError if it cannot).
  Session(RunSpec spec, const std::string& record_path = "", bool start_paused = false,
          bool keep_events = true);
  ~Session() override;  // stops the program if still running and waits for its thread
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // pump() applies new events to the model (and recording); returns them (valid until the next
  // pump). With kept events it applies at most kPumpMost at a time, those the drain thread has
  // stored, and drains the tap itself first when it has applied all of them (so the event a
  // paused program stopped at is seen at once).
  std::span<const goro::Event> pump();
  static constexpr size_t kPumpMost = 8192;
  // In the page each pump() first runs the program for up to slice_ (Runner::advance): kSlice,
  // and in pump_frame() three quarters of the time the page was away since the last frame, at
  // most kMaxSlice, so that a program that computes gets three times the time the page's own
  // frame takes (a frame of 5 ms, as with a GPU, gives it 15 ms: 75% of the page's time at 60
  // frames a second), up to kMaxSlice a frame where the browser draws slowly.
  static constexpr std::chrono::microseconds kSlice{4000};
  static constexpr std::chrono::microseconds kMaxSlice{50000};
  // pump_for() pumps again and again while events keep coming, for at most `budget` of wall
  // time (a window's frame: the program refills the tap's rings as they drain, so a fast program
  // is not held to one ring of events per frame); returns how many it applied.
  size_t pump_for(std::chrono::microseconds budget);
  // pump_frame() is a window frame's pumping: pump_for() three times as long as the window was
  // away since the last one (drawing), 8 to 100 ms. While the program floods the store (more
  // than kFloodRate events a second came while the window drew), a frame also waits for
  // events until flood_frame(away) has passed since the last one began: six times as long as
  // the window was away drawing, 100 to 250 ms, so that drawing takes at most about a sixth of
  // the machine while the program floods it (a frame drawn by software, under Xvfb, costs 30 to
  // 60 ms of CPU on two threads of Mesa's own; on a GPU a frame is a few ms, and the window
  // still draws 10 frames a second). In a flood the timeline (twice the model's cost per
  // event) is put off: the model, which the diagram draws, is applied first, and the timeline
  // catches up in what is left of a frame's budget once the model has nothing more to apply
  // and the flood is over (indexing() tells how far it got while it lags by kTimelineLag
  // events or more).
  size_t pump_frame();
  // pump_undrawn() is the page's frame that is not drawn (App::run_undrawn): the program runs
  // for kUndrawnSlice, then its events, if any, are applied; returns how many.
  size_t pump_undrawn();
  // computing() says whether the program used the whole of its last slice and would have gone
  // on (the page: it computes rather than waits; on the desktop, with a thread of its own, false).
  bool computing() const { return computing_; }
  static constexpr std::chrono::microseconds kUndrawnSlice{50000};
  static constexpr double kFloodRate = 100000;
  static constexpr std::chrono::milliseconds kFloodFrame{100};
  static constexpr std::chrono::milliseconds kFloodFrameMost{250};
  static std::chrono::microseconds flood_frame(std::chrono::microseconds away) {
    return std::clamp<std::chrono::microseconds>(6 * away, kFloodFrame, kFloodFrameMost);
  }
  // wall_seconds() is the wall time from the run's start to the pump that drained its end
  // (none before).
  std::optional<double> wall_seconds() const { return wall_seconds_; }
  // done() tells whether the run has ended and every one of its events has been pumped.
  bool done() const;
  const goro::Exit& exit() const { return exit_; }  // valid once done()
  int exit_code() const { return exit_code_; }      // os.Exit's code, or -1 (valid once done())

  goro::Control& control() { return control_; }
  const goro::visual::Model& model() const override { return model_; }
  const std::vector<std::string>& strings() const override { return strings_; }
  // events() is every event pumped so far (none unless keep_events).
  goro::EventLog events() const { return store_ ? store_->log(applied_, store_) : goro::EventLog(); }

  // Source: update() pumps, then goes on with a step over bookkeeping events; the timeline
  // grows with the run (when keep_events). The transport is the scheduler's Control: play()
  // resumes, pause() pauses, step() lets one event happen (and then, over the next updates,
  // up to kFoldEvents more while each is bookkeeping); a live run cannot seek.
  size_t update(double) override;
  goro::EventLog shown_events() const override { return events(); }
  const goro::visual::Timeline& timeline() const override { return timeline_; }
  bool virtual_clock() const override { return spec_.config.clock == goro::ClockMode::Virtual; }
  // program() is the Go source that runs (its parameters' values written in), as recordings keep it.
  const goro::SourceFile& program() const override { return source_; }
  bool playing() const override { return !control_.paused(); }
  void play() override { control_.resume(); }
  void pause() override { control_.pause(); }
  bool step(bool forward) override;
  bool can_seek() const override { return false; }
  void seek(size_t) override {}
  void seek_time(int64_t) override {}
  size_t position() const override { return applied_; }
  size_t length() const override { return applied_; }
  int64_t time() const override { return model_.time(); }
  int64_t duration() const override { return model_.time(); }
  double speed() const override { return speed_; }
  void set_speed(double s) override;
  bool busy() const override { return !done() || timeline_at_ < applied_; }
  std::optional<double> indexing() const override;
  static constexpr size_t kTimelineLag = 100000;
  // timeline_seconds() is the wall time from the run's start until its timeline held every
  // event, when it had to catch up after the run (none otherwise).
  std::optional<double> timeline_seconds() const { return timeline_seconds_; }
  std::string heading() const override { return ""; }
  std::string state() const override;
  bool failed() const override { return done() && model_.exit_status() != goro::ExitStatus::Ok; }
  std::string empty_hint() const override { return "Pick a program and press Run (R)."; }
  std::string empty_narration() const override { return "(nothing has happened yet)"; }
  int os_exit() const override { return done() ? exit_code_ : -1; }
  static constexpr int kFoldEvents = 256;

  const RunSpec& spec() const { return spec_; }
  // run_id() tells this run from every other Session of the process (1, 2, ...): a new run may
  // be made at the address of the one it replaces, so this, not the address, says "another run".
  uint64_t run_id() const { return run_id_; }
  // recording() is what has been pumped so far, as a Recording (for saving).
  goro::Recording recording() const;

 private:
  RunSpec spec_;
  uint64_t run_id_;
  std::chrono::steady_clock::time_point last_frame_pump_{};   // when pump_frame() last ended
  std::chrono::microseconds slice_ = kSlice;                  // what pump() lends the program (the page)
  bool computing_ = false;                                    // its last slice ran out (computing())
  std::chrono::steady_clock::time_point last_frame_begun_{};  // and when it last began
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::optional<double> wall_seconds_;
  goro::SourceFile source_;
  goro::Tap tap_;
  goro::Control control_;
  goro::visual::Model model_;
  std::vector<std::string> strings_{std::string()};
  goro::visual::Timeline timeline_;
  std::vector<goro::Event> batch_;  // without kept events: what the last pump drained
  bool keep_events_;
  // Kept events: the store (shared with the EventLogs handed out), how many of its events are
  // applied, and the drain (drain_once() under drain_mu_, by the drain thread or by pump()).
  std::shared_ptr<EventStore> store_;
  size_t applied_ = 0;
  size_t timeline_at_ = 0;       // events of the store added to the timeline
  bool defer_timeline_ = false;  // pump() leaves the timeline behind (a flood)
  std::optional<double> timeline_seconds_;
  void catch_up_timeline(std::chrono::steady_clock::time_point until);  // or until it is caught up
  bool drain_once();
  std::mutex drain_mu_;                   // one drainer at a time; guards drain_batch_
  std::vector<goro::Event> drain_batch_;  // the drain's scratch
  std::atomic<bool> drained_{false};      // the run ended and the store holds all its events
  std::atomic<bool> stop_drain_{false};
  std::thread drainer_;
  double speed_;
  // A step goes on over bookkeeping events up to fold_left_ more, once the run has gone past
  // fold_from_ events.
  int fold_left_ = 0;
  size_t fold_from_ = 0;
  std::unique_ptr<goro::RecordingWriter> writer_;
  goro::Exit exit_;
  int exit_code_ = -1;
  std::atomic<bool> done_{false};
  std::unique_ptr<Runner> runner_;  // runs the program (exit_, done_)
};

// rehearse() runs spec once more, without a window, on the virtual clock (no waiting), and
// returns its last state, or its state after max_events events, `budget` of wall time or more
// than max_goroutines goroutines if it runs longer: what the diagram lays out before the watched
// run starts, so that nothing moves while it runs (what a cut rehearsal did not reach is placed
// without moving the rest).
constexpr size_t kRehearsalEvents = 200000;
// The page compiles and runs a program several times slower (docs/web.md): its rehearsal gets
// longer there, so that the article's programs end theirs with the race detector on.
// (A second rehearsal, without the race detector, has what the first left of it, at least
// kRehearsalBudgetLeast: App::restart.)
constexpr std::chrono::milliseconds kRehearsalBudgetLeast{150};
#ifdef __EMSCRIPTEN__
constexpr std::chrono::milliseconds kRehearsalBudget{500};
#else
constexpr std::chrono::milliseconds kRehearsalBudget = kRehearsalBudgetLeast;
#endif
goro::visual::Model rehearse(const RunSpec& spec, size_t max_events = kRehearsalEvents,
                             std::chrono::milliseconds budget = kRehearsalBudget,
                             size_t max_goroutines = SIZE_MAX);

}  // namespace goroscope
