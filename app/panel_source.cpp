// app/panel_source.cpp: the program's Go source beside the diagram.
#include <imgui.h>

#include <sstream>

#include "app.hpp"

namespace goroscope {

void SourcePanel::draw(const goro::SourceFile& src, const goro::visual::Palette& pal, ImFont* mono) {
  ImVec4 dim = ImGui::ColorConvertU32ToFloat4(pal.text_dim);
  ImGui::TextColored(dim, "Go source: %s", src.name.c_str());
  ImGui::BeginChild("source", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  if (mono) ImGui::PushFont(mono);
  std::istringstream in(src.text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ImGui::TextColored(dim, "%3d", ++n);
    ImGui::SameLine();
    for (auto& ch : line)
      if (ch == '\t') ch = ' ';
    ImGui::TextUnformatted(line.c_str());
  }
  if (mono) ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace goroscope
