// app/window_style.hpp: how the window looks, shared by the desktop's window (window.cpp) and the
// page's (web/main_web.cpp): its fonts and its ImGui style.
#pragma once

struct ImFont;

namespace goroscope {

// load_fonts() loads DejaVu Sans (the UI's) and DejaVu Sans Mono at px pixels, ImGui's own font
// where Sans is missing; returns the monospaced one (null where missing).
ImFont* load_fonts(float px);
// apply_theme() sets ImGui's style, dark or light, every size times scale.
void apply_theme(bool dark, float scale);

}  // namespace goroscope
