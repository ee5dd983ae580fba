// app/panel_explore.hpp: "Find a failing schedule", beside the program in the controls panel:
// it runs the schedule explorer (explore_job.hpp) on the current program and parameters in the
// background, shows its progress (runs done, runs per second, strategy) with Cancel, and when
// it finds a failing run opens that run's recording in replay at the moment it went wrong.
//
// Invariant: at most one search runs; it never blocks a frame (poll() only reads its state).
#pragma once

#include <memory>
#include <string>

#include "explore_job.hpp"

namespace goroscope {

class App;

// ExplorePanel: the button, its options, the progress bar and Cancel, and what the last search
// said.
struct ExplorePanel {
  int strategy = 0;  // 0 random, 1 pct
  int runs = 10000;
  int depth = 3;
  // What counts as failing: deadlock, panic and race by default; other output (lines the
  // reference never printed, in any order) only when asked, as print order varies legitimately.
  bool deadlock = true, panic = true, race = true, output = false;
  std::unique_ptr<ExploreJob> job;
  std::string said;  // what the last search ended with ("" while none ended)
  // draw() is the section in the controls panel.
  void draw(App& app);
  // poll() runs each frame: once the search is over, it opens what it found (or says why not).
  void poll(App& app);
  // start() begins a search of the app's program; returns "" or why it cannot.
  std::string start(App& app);
};

}  // namespace goroscope
