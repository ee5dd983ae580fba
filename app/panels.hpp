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

#include "goro/record.hpp"
#include "palette.hpp"
#include "scenario.hpp"

struct ImFont;

namespace goroscope {

class App;

// default_shot_path() is where F12 writes: a new name in the working folder.
std::string default_shot_path();

// ControlsPanel: pick a program, run, pause, step, the clock, the parameters, procs and seed,
// choosing the next goroutine, saving a recording, the view.
struct ControlsPanel {
  char path[512] = "";
  std::string path_for;  // the program the recording's name was made for: it follows the program
  void draw(App& app);
};

// ReplayPanel: the replay's transport (step, play, seek, speed), jumps, bookmarks.
struct ReplayPanel {
  char caption[256] = "";
  void draw(App& app);
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

// SourcePanel: the shown program's own Go source (the live run's, its parameters written in,
// or the one a replayed recording keeps), with line numbers.
struct SourcePanel {
  void draw(const goro::SourceFile& src, const goro::visual::Palette& pal, ImFont* mono);
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
