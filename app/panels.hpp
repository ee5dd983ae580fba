// app/panels.hpp: the panels around the diagram, each a small struct with its own state and a
// draw(), one file each (panel_*.cpp): the live run's controls, the replay's controls, the
// clip section, the Go source, the status bar and the help overlay (F1 or ?).
//
// Invariant: a panel keeps only what it alone needs between frames; what the window shows
// (the source, the selection, the diagram) stays in App.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "goro/record.hpp"
#include "literal_slider.hpp"
#include "palette.hpp"
#include "restart_pacer.hpp"
#include "scenario.hpp"
#include "source_edit.hpp"
#include "source_markers.hpp"
#include "text_buffer.hpp"
#include "view_source.hpp"

struct ImFont;

namespace goroscope {

class App;
class Replay;

// default_shot_path() is where F12 writes: a new name in the working folder.
std::string default_shot_path();

// ControlsPanel: pick a program, run, pause, step, the clock, the parameters, procs and seed,
// choosing the next goroutine, saving a recording, the view.
struct ControlsPanel {
  char path[512] = "";
  std::string path_for;  // the program the recording's name was made for: it follows the program
  RestartPacer pacer;    // a parameter's slider, dragged, restarts the run at this pace
  void draw(App& app);
};

// ReplayPanel: the replay's transport (step, play, seek, speed), jumps, bookmarks.
struct ReplayPanel {
  char caption[256] = "";
  void draw(App& app, Replay& r);  // r: the source shown
};

// ClipPanel: a picture of the moment or a clip of a stretch (the "Clip for slides" section),
// and the modal progress window while a clip is taken.
struct ClipPanel {
  char path[512] = "goroscope-clip.gif";
  char from[32] = "0s", to[32] = "";
  int fps = 10;
  bool diagram = false;
  void reset_range(int64_t duration);
  void draw(App& app);
  void draw_progress(App& app);
};

// SourcePanel: the program's Go source in the source view (view_source.hpp): coloured by the
// front end's scanner, where each goroutine stands, breakpoints (kept in App); a chip selects
// its goroutine, and the selected goroutine's line is lit. "Edit" makes it editable (live runs
// only); Run (Ctrl+Enter) runs the edited text once it compiles, else shows gc's errors at their
// lines and in the console (as `go run` prints them); a parameter's new value lights its changed
// line and literal for a moment (live while its slider is dragged); the right button makes an
// integer literal of main a slider (literal_slider.hpp); a path field (File >) opens a Go file
// (recent ones kept) or saves the text shown; Revert returns to the program as opened.
struct SourcePanel {
  void draw(App& app);
  void run(App& app);  // Run: the edited text, compiled
  // show_errors() shows compile errors at their lines, above the source and in the console.
  void show_errors(App& app, const std::vector<lang::Diagnostic>& errs);
  void toolbar(App& app);  // Edit, Run, Revert, errors
  void files(App& app);    // the path field: open, recent, save as
  // make_slider() runs the program with a slider made of its literal number k (main_literals).
  void make_slider(App& app, size_t k);
  // literals_for_view() finds the literals the right button offers (once per text and program).
  void literals_for_view(App& app);

  bool editing = false;
  bool files_open = false;              // the path field shows
  bool focus_path = false;              // "Open a .go file..." asked: the path field takes the keyboard
  char path[512] = "";                  // the path field
  std::vector<std::string> messages;    // the last Run's compile errors, gc's words
  std::vector<std::string> console;     // ... as the console shows them (build_report)
  bool show_console = false;            // the console tab comes to the front (new errors)
  std::vector<int> flash_lines;         // lines a new parameter value changed ...
  std::vector<LineChange> flash_spans;  // ... and the bytes in them (the literal) ...
  double flash_from = -1;               // ... lit from this moment for kFlashSeconds
  static constexpr double kFlashSeconds = 1.2;

  goro::SourceFile shown;  // the source the text holds (App::shown_source())
  goro::visual::TextBuffer text;
  goro::visual::SourceView view;
  std::vector<goro::visual::SyntaxSpan> spans;  // of text, at spans_version
  uint64_t spans_version = UINT64_MAX;
  std::vector<goro::visual::SourceError> errors;      // compile errors at their lines
  std::vector<goro::visual::SourceLiteral> literals;  // main's integer literals in text, for the menu
  uint64_t literals_version = UINT64_MAX;             // ... of this version of text
  const Scenario* literals_of = nullptr;              // ... and this program
  bool literals_stale = false;          // text is not the program's (edits not run): no slider made of it
  goro::visual::SourceMarkers markers;  // of the model shown, at markers_seq (see panel_source.cpp)
  const void* markers_model = nullptr;
  uint64_t markers_seq = UINT64_MAX, markers_selected = 0;
  double markers_at = 0, markers_cost = 0;  // when they were gathered, and how long it took (s)
};

// StatusBar: the run's state, the clock, events per second, goroutines by state, frame time.
struct StatusBar {
  double rate_start = 0;
  uint64_t rate_events = 0;
  double rate = 0;
  // count() adds a frame's events; the rate is over the last second.
  void count(uint64_t events, double now);
  void draw(App& app, float frame_ms);
};

// HelpOverlay: every key, over everything (F1 or ? opens it, Esc or its close button closes it).
struct HelpOverlay {
  bool open = false;
  void draw(const goro::visual::Palette& pal);
};

}  // namespace goroscope
