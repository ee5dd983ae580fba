// app/panel_help.cpp: the help overlay: every key of the window, in one place.
#include <imgui.h>

#include "app.hpp"

namespace goroscope {

namespace {

struct Key {
  const char* keys;
  const char* what;
};

const Key kKeys[] = {
    {"F1  or  ?", "this help (Esc closes it)"},
    {"Space", "pause / resume the program; play / pause a replay"},
    {"Right  or  N", "one event forward (Step): the line under the diagram says what it did"},
    {"Down", "Step line: the selected goroutine (main if none) on to its next line of the source"},
    {"Left  or  B", "one event back (replay)"},
    {"R", "run the program again from the start"},
    {"+  /  -", "the real clock's speed"},
    {"Ctrl +  /  Ctrl -  /  Ctrl 0", "zoom the whole interface, the diagram with it"},
    {"P", "presentation: the diagram and its narration only, large type, high contrast"},
    {"L", "the colour legend"},
    {"F12", "a screenshot (PNG) in the working folder"},
    {"Esc", "leave presentation, close this help"},
    {"click", "inspect a goroutine, channel or sync object"},
    {"drag a box / drag space", "move the box (it stays) / pan"},
    {"wheel  /  double-click space", "zoom around the pointer / fit the whole diagram"},
};

}  // namespace

void HelpOverlay::draw(const goro::visual::Palette& pal) {
  if (!open) return;
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.97f);
  if (!ImGui::Begin("Keys", &open,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove)) {
    ImGui::End();
    return;
  }
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
    for (const Key& k : kKeys) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.selection), "%s", k.keys);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k.what);
    }
    ImGui::EndTable();
  }
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.text_dim),
                     "Colours: the Legend button, top right of the diagram (or L).");
  if (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) open = false;
  ImGui::End();
}

}  // namespace goroscope
