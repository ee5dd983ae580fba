// app/settings.cpp: reading and writing settings.ini.
#include "settings.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace goroscope {

std::string Settings::dir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::string base = xdg && *xdg ? xdg : std::string(home && *home ? home : "/tmp") + "/.config";
  return base + "/goroscope";
}

Settings Settings::load() {
  Settings s;
  std::ifstream f(dir() + "/settings.ini");
  std::string line;
  int n = 0;
  while (std::getline(f, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    std::string k = line.substr(0, eq), v = eq == std::string::npos ? "" : line.substr(eq + 1);
    try {
      if (k == "theme" && (v == "dark" || v == "light"))
        s.dark = v == "dark";
      else if (k == "ui_zoom")
        s.ui_zoom = std::stof(v);
      else if (k == "scenario")
        s.scenario = v;
      else if (k == "window_w")
        s.window_w = std::stoi(v);
      else if (k == "window_h")
        s.window_h = std::stoi(v);
      else if (k == "window_x")
        s.window_x = std::stoi(v);
      else if (k == "window_y")
        s.window_y = std::stoi(v);
      else if (k == "start_paused" && (v == "0" || v == "1"))
        s.start_paused = v == "1";
      else if (k == "source_width")
        s.source_em = std::stof(v);
      else if (k == "recent" && !v.empty() && s.recent.size() < kMaxRecent)
        s.recent.push_back(v);
      else
        throw std::invalid_argument(k);
    } catch (const std::exception&) {
      std::cerr << "goroscope: settings.ini line " << n << " ignored: " << line << "\n";
    }
  }
  if (!(s.ui_zoom >= 0.5f && s.ui_zoom <= 3.0f)) s.ui_zoom = 1.0f;
  if (!(s.source_em >= 0 && s.source_em <= 1000)) s.source_em = 0;  // the window clamps it to fit
  if (s.window_w < 640 || s.window_w > 10000) s.window_w = 1600;
  if (s.window_h < 480 || s.window_h > 10000) s.window_h = 1000;
  return s;
}

void Settings::save() const {
  std::string d = dir();
  std::string parent = d.substr(0, d.rfind('/'));
  ::mkdir(parent.c_str(), 0755);
  ::mkdir(d.c_str(), 0755);
  std::string tmp = d + "/settings.ini.tmp";
  {
    std::ofstream f(tmp);
    if (!f) return;
    f << "theme=" << (dark ? "dark" : "light") << "\nui_zoom=" << ui_zoom << "\nscenario=" << scenario
      << "\nwindow_w=" << window_w << "\nwindow_h=" << window_h << "\nwindow_x=" << window_x
      << "\nwindow_y=" << window_y << "\nstart_paused=" << (start_paused ? 1 : 0) << "\n";
    if (source_em > 0) f << "source_width=" << source_em << "\n";
    for (const std::string& r : recent) f << "recent=" << r << "\n";
  }
  std::rename(tmp.c_str(), (d + "/settings.ini").c_str());
}

}  // namespace goroscope
