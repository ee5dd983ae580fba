// app/window_options.hpp: what the command line asks of the window, read by the one parser
// (args.hpp) from the window's options (`goroscope [options] [FILE]`) and from `goroscope
// render FILE ...`, which is the window making a picture or a clip and closing.
//
// Invariants: a WindowOptions that parsing returned is within every range the help states;
// video is set only with a recording; png/screenshot and video are never both set.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "goro/run.hpp"

namespace goroscope {

struct WindowOptions {
  bool help = false;              // print the help and exit 0
  std::string scenario;           // --scenario ("" : the last one used)
  std::vector<std::string> sets;  // --set NAME=VALUE, in order (checked against the scenario)
  goro::Config config;            // --procs --seed --clock --speed (the window's clock: real)
  bool config_set = false;        // any of those was given
  std::string recording;          // FILE: replay this recording
  int64_t at = -1;                // --at (ns); -1: from the start
  int64_t at_event = -1;          // render --event N: after the first N events (-1: not given)
  bool at_end = false;            // open the recording at its end (render --png without --at)
  bool play = false, timeline = false, diagram_only = false;
  bool present = false;       // --present: diagram and narration, large type, high contrast
  bool find_failing = false;  // --find-failing: start "Find a failing schedule" at once
  int break_line = 0;         // --break LINE: a breakpoint on that line of the program (0: none)
  bool start_paused = false;  // --paused: the program stops at its first event
  int theme = -1;             // --theme: -1 the saved one, 0 light, 1 dark
  std::string screenshot;     // --screenshot FILE.png: render `frames` frames, write, exit
  int frames = 90;
  int width = 0, height = 0;  // --size WxH (0: the saved size)
  float scale = 1;            // --scale
  std::string video;          // a clip (render --gif/--mp4)
  std::string video_format;   // "gif" or "mp4"
  int64_t from = 0, to = -1;  // the clip's range (to -1: the end)
  int fps = 10;
  std::vector<std::string> notes;  // warnings to print (an option that does nothing here)
};

// parse_window_options() reads the window's options; throws UsageError.
WindowOptions parse_window_options(const std::vector<std::string>& args);
// parse_render_options() reads `render FILE ...` (args[0] is "render"); throws UsageError.
WindowOptions parse_render_options(const std::vector<std::string>& args);

// The help texts.
extern const char* const kWindowHelp;
extern const char* const kRenderHelp;

}  // namespace goroscope
