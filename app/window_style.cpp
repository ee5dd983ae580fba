// app/window_style.cpp: the window's fonts and ImGui style (see window_style.hpp).
#include "window_style.hpp"

#include <imgui.h>

#include <fstream>
#include <iostream>

namespace goroscope {

namespace {

const char* kSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kMono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

}  // namespace

ImFont* load_fonts(float px) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2000, 0x22FF, 0};  // Latin-1, arrows, ×, …, ←
  ImFont* sans = std::ifstream(kSans) ? io.Fonts->AddFontFromFileTTF(kSans, px, nullptr, ranges) : nullptr;
  if (!sans) {
    std::cerr << "goroscope: font " << kSans
              << " not found (apt-get install fonts-dejavu-core); using ImGui's own\n";
    io.Fonts->AddFontDefault();
  }
  ImFont* mono =
      std::ifstream(kMono) ? io.Fonts->AddFontFromFileTTF(kMono, px * 0.95f, nullptr, ranges) : nullptr;
  io.Fonts->Build();
  return mono;
}

void apply_theme(bool dark, float scale) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  dark ? ImGui::StyleColorsDark() : ImGui::StyleColorsLight();
  s.WindowRounding = 6;
  s.ChildRounding = 6;
  s.FrameRounding = 5;
  s.GrabRounding = 5;
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.ScaleAllSizes(scale);
}

}  // namespace goroscope
