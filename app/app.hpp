// app/app.hpp: the window's contents: the diagram with its narration line, the timeline and
// the console, the inspector, and the panels around them (panels.hpp), over one Source: the
// live Session or an opened Replay. The window (window.cpp) owns GLFW, GL and ImGui; App only
// draws and reacts.
//
// Invariants: one Source is shown at a time, and at most one Session lives (opening a recording
// ends the live run; leaving the replay runs the program afresh); changing a parameter, procs, seed or clock
// restarts the program at once with the new values; window runs watch shared variables with the
// race detector (programs of up to kRaceGoroutinesMax goroutines); the UI thread never blocks on the program
// (it drains the tap each frame, bounded by the rings' size); everything shown reads source(),
// and the transport (Space, Step, seeking) goes through it, so live and replay are drawn and
// driven by the same code; only what one kind alone has (a live run's Control, spec and
// editing; a recording's bookmarks and header) asks for the concrete type, through live() and
// replay().
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "breakpoints.hpp"
#include "clip.hpp"
#include "panel_explore.hpp"
#include "panels.hpp"
#include "replay.hpp"
#include "session.hpp"
#include "settings.hpp"
#include "views.hpp"

struct ImFont;
struct ImDrawList;

namespace goroscope {

// AppOptions is what the command line asks of the window.
struct AppOptions {
  std::string scenario;  // "" : the last one used
  Params params;
  bool params_set = false;
  goro::Config config;
  bool config_set = false;
  std::shared_ptr<Replay> replay;  // replay this recording instead (loaded before the window opens)
  int64_t at = -1;                 // ... from this time (ns); -1: from the start
  int64_t at_event = -1;           // ... or after its first this many events (-1: not given)
  bool play = false;               // ... playing
  bool timeline = false;           // open with the timeline showing (else the console)
  bool diagram_only = false;       // draw the diagram alone, filling the window (for slides)
  bool present = false;            // --present: diagram and narration only, large type, high contrast
  bool find_failing = false;       // --find-failing: start "Find a failing schedule" at once
  int break_line = 0;              // --break: a breakpoint on this line of the program (0: none)
  bool start_paused = false;       // --paused: the program stops at its first event
};

// kRaceGoroutinesMax: the window runs the race detector on programs that make at most this many
// goroutines (its vector clocks grow with them; a million-goroutine program runs without it).
constexpr size_t kRaceGoroutinesMax = 4096;

class App {
 public:
  App(const AppOptions& opts, Settings& settings);
  ~App();

  // frame() draws one frame filling the viewport; now is wall-clock seconds.
  void frame(double now, float frame_ms);
  // busy() tells whether the next frame must come soon (running or animating).
  bool busy() const;
  // The page (web/main_web.cpp) draws a frame only where it may show something new: while a live run
  // plays, its program computes (Session::computing: it used its whole slice) and its last frame
  // applied no event, nothing animates and no picture or clip is being taken, may_skip_drawing()
  // says that a frame the user gave no input may go undrawn, for at most kUndrawnMost seconds after
  // the last frame drawn (the clock and the status bar move on twice a second; drawn by SwiftShader,
  // a frame costs the program about 80 ms); run_undrawn() then lends that frame to the program whole
  // (Session::pump_undrawn) and the canvas keeps its picture. A program that waits (on timers, say)
  // needs no more time: its frames are drawn as they come.
  bool may_skip_drawing(double now) const;
  void run_undrawn(double now);
  static constexpr double kUndrawnMost = 0.5;
  // live_run_seconds() is the wall time from the live run's start to the frame that drained its
  // end (none while it runs, or in a replay): bench/window_run.sh.
  std::optional<double> live_run_seconds() const;
  // live_timeline_seconds() is when its timeline held every event, if that came later.
  std::optional<double> live_timeline_seconds() const;
  // live_output() is what the live run printed (its console text), once it ended and drained.
  std::optional<std::string> live_output() const;
  // What the page tells the browser's console (web/main_web.cpp): the replay shown (null: a
  // live run), the program's name, and the last compile errors in gc's words.
  const Replay* shown_replay() const { return replay(); }
  const std::string& program_name() const { return scenario_->name; }
  const std::vector<std::string>& compile_errors() const { return source_panel_.messages; }
  // take_screenshot() is where to write this frame as a PNG, if asked (F12, or "Save" with a
  // .png name); the window then says how it went with screenshot_done().
  std::optional<std::string> take_screenshot() { return std::exchange(shot_path_, std::nullopt); }
  void screenshot_done(const std::string& path, bool ok);
  bool zoom_changed() { return std::exchange(zoom_changed_, false); }
  ImFont* mono = nullptr;  // set by the window

  // restart() runs the program afresh; paused (or with the "start paused" setting on), it stops
  // at its first event.
  void restart(bool paused = false);
  // step() shows one more event a student sees (or, back, one fewer: a replay only); a
  // finished live program starts again, paused at its first event.
  void step(bool forward = true);
  // step_line() runs the selected goroutine (main when none) to its next line, then pauses;
  // with hold_others_ (1 processor) the others run only while it cannot.
  void step_line();
  bool hold_others_ = false;
  // seek_time() moves the source shown to time t and stops its playing, when it can seek
  // (a live run cannot: nothing happens).
  void seek_time(int64_t t) {
    if (source_->can_seek()) source_->seek_time(t), source_->pause();
  }
  // open() replays a recording; returns an error message ("" when it opened). Given the
  // replay, false when it cannot open it now (a clip is being made: the file message says so).
  std::string open(const std::string& path);
  bool open(std::shared_ptr<Replay> r);
  // open_go_file() runs the user's Go file (kept among the recent files); "" or why it cannot.
  // open_dropped() opens a file dropped on the window: a .go file to run, else a recording.
  std::string open_go_file(const std::string& path);
  void open_dropped(const std::string& path);
  // run_edited() runs an edited text of the program shown, as a program of its own, once it
  // compiles; false with gc's messages in *errors otherwise (the run goes on as it was).
  bool run_edited(const std::string& text, std::vector<lang::Diagnostic>* errors);
  // revert() runs the program as the article (or the file as opened) has it, its defaults set.
  void revert();
  // edited_from() is the program an edited one was made from (null: not edited).
  const Scenario* edited_from() const { return original_; }
  // presentation: the diagram and its narration only, large type, high contrast (P toggles).
  bool presentation() const { return presentation_; }
  void set_presentation(bool on) { presentation_ = on; }

  // Clips of the replay (GIF, MP4). start_clip() returns "" or why it cannot start. From the
  // frame after it started, clip() is the clip: the app seeks to clip()->next_time() as each
  // frame begins, and the window hands the frame's pixels to clip()->add(), leaving out
  // clip_overlay() (the progress window). clip_result() is set once a clip ended: "" when its
  // file was written.
  std::string start_clip(const ClipSpec& spec, bool diagram_only);
  Clip* clip() {
    return clip_ && frames_ > clip_start_frame_ && !clip_->all_taken() && clip_->result().empty()
               ? clip_.get()
               : nullptr;
  }
  ImDrawList* clip_overlay() const { return clip_overlay_; }
  const std::optional<std::string>& clip_result() const { return clip_result_; }

 private:
  friend struct ControlsPanel;
  friend struct ReplayPanel;
  friend struct ClipPanel;
  friend struct StatusBar;
  friend struct SourcePanel;
  friend struct ExplorePanel;

  // ExploreNote: where a search's failing run went wrong, and what it found (the narration
  // says it while the replay stands there).
  struct ExploreNote {
    size_t event;  // in the recording it opened (the note goes when another source comes)
    std::string text;
  };
  std::optional<ExploreNote> explore_note_;

  // source() is what is shown: the live run, or the recording opened.
  Source& source() { return *source_; }
  const Source& source() const { return *source_; }
  // live() is the live run, null while a recording is replayed; replay() the other way round.
  // Only what one kind alone has asks for them: a live run's Control (breakpoints, variables,
  // Step line, choosing by hand), its spec and editing; a recording's bookmarks and header.
  Session* live() const { return dynamic_cast<Session*>(source_.get()); }
  // race_off_for_goroutines() tells why the live run has no race detector: true when its
  // rehearsal made more than kRaceGoroutinesMax goroutines, false when it did not end in time.
  bool race_off_for_goroutines() const { return race_off_for_goroutines_; }
  Replay* replay() const { return dynamic_cast<Replay*>(source_.get()); }
  // shown_source() is the Go source beside the diagram: the source's own (a recording of
  // version 4 keeps it; a live run's has its parameters written in), else the program's.
  goro::SourceFile shown_source() const;
  const goro::visual::Palette& pal() const { return goro::visual::palette(settings_.dark, presentation_); }
  // jump() and jump_time() move the source where the user asked, which stops its playing
  // (when it can seek; else nothing happens).
  void jump(size_t event);
  void jump_time(int64_t t);
  void back_to_live();
  void end_clip();  // once the clip has all its frames, failed, or was cancelled
  // A clip or a picture of the diagram alone shows it alone while it is taken, then returns.
  void show_diagram_only_for_a_while(bool diagram_only);
  void end_diagram_only_for_a_while();
  void draw_diagram_alone(double now);  // diagram-only and presentation
  void draw_caption(float x, float y);  // the source's caption over the diagram (a bookmark's)
  void draw_narration(bool large);      // the line under the diagram: what the last event did
  void draw_file_message();             // what the last file action said
  void keys();
  void select_scenario(const Scenario* s);

  Settings& settings_;
  const Scenario* scenario_ = nullptr;
  std::deque<Scenario> edited_;         // the edited programs run so far (pointers to them stay valid)
  const Scenario* original_ = nullptr;  // what scenario_ was edited from (null: scenario_ is as opened)
  Params params_;
  goro::Config config_;
  bool choose_ = false;
  // source_ is what the window shows: the live run (a Session) or a recording (a Replay); set
  // by restart() and open(), never null after the constructor.
  std::shared_ptr<Source> source_;
  bool planned_ = false;                  // the diagram's nodes are laid out from the source's last state
  bool race_off_for_goroutines_ = false;  // restart()'s reason to run without the race detector
  void plan_final();
  std::string file_message_;
  goro::visual::DiagramView diagram_;
  goro::visual::TimelineView timeline_view_;
  goro::visual::Selection sel_;
  Breakpoints breakpoints_;  // per go file, pushed to each new run
  // The live run's Control has the shown file's breakpoints (sync_breakpoints(), each frame);
  // a pause at one selects its goroutine and says so.
  void sync_breakpoints();
  uint64_t line_stops_seen_ = 0;
  // inspected_variables() is what the inspector shows of the selected goroutine's variables:
  // the live run's Control watches that goroutine (set again when the selection or the run
  // changes), and its latest snapshot comes back each frame.
  goro::visual::GoroutineVariables inspected_variables();
  uint64_t vars_run_ = 0;  // the run_id() watched (0: none)
  uint64_t vars_watched_ = 0;
  bool follow_console_ = true;
  bool select_timeline_ = false;  // select the Timeline tab on the next frame
  bool diagram_only_ = false;
  bool presentation_ = false;
  std::optional<std::string> shot_path_;
  std::optional<std::string> png_path_;  // a PNG asked for from the clip section, taken next frame
  bool png_diagram_ = false;             // ... of the diagram alone
  bool zoom_changed_ = false;
  std::unique_ptr<Clip> clip_;
  uint64_t clip_start_frame_ = 0;           // the frame the clip was started in (not one of its frames)
  bool clip_narration_ = true;              // clips show the narration line under the diagram
  std::optional<bool> diagram_only_saved_;  // what diagram_only_ returns to after a clip or picture
  ImDrawList* clip_overlay_ = nullptr;
  std::optional<std::string> clip_result_;
  uint64_t frames_ = 0;  // frames begun
  double now_ = 0;
  double last_frame_ = 0;          // when the last frame was drawn
  size_t last_update_events_ = 0;  // the events the source's last update applied

  ControlsPanel controls_;
  ExplorePanel explore_panel_;  // after source_: a search ends before the live run does
  ReplayPanel replay_panel_;
  ClipPanel clip_panel_;
  SourcePanel source_panel_;
  StatusBar status_;
  HelpOverlay help_;
};

}  // namespace goroscope
