// app/settings.hpp: what the window remembers between launches (theme, zoom, last program,
// window placement, recent Go files, the source column's width), in $XDG_CONFIG_HOME/goroscope/settings.ini
// as name=value lines.
//
// Invariant: a missing, unreadable or partly corrupt file never stops the app: unknown or bad
// lines are skipped (with a warning) and defaults stand.
#pragma once

#include <string>
#include <vector>

namespace goroscope {

struct Settings {
  bool dark = true;
  float ui_zoom = 1.0f;
  std::string scenario = "worker_pool";
  int window_w = 1600, window_h = 1000;
  int window_x = -1, window_y = -1;  // -1: let the system place it
  std::vector<std::string> recent;   // Go files opened, the latest first (at most kMaxRecent)
  bool start_paused = false;         // Run and Restart leave the program paused at its first event
  float source_em = 0;  // the source column's width in font sizes, as its splitter left it (0: default)
  static constexpr size_t kMaxRecent = 8;

  // dir() is the folder of settings.ini and imgui.ini (created on save).
  static std::string dir();
  static Settings load();
  void save() const;
  bool operator==(const Settings&) const = default;
};

}  // namespace goroscope
