// app/panel_source.cpp: the program's Go source beside the diagram.
#include <imgui.h>

#include <fstream>
#include <sstream>

#include "app.hpp"

namespace goroscope {

const std::string& SourcePanel::source_of(const Scenario& s) {
  auto it = sources.find(s.go_file);
  if (it != sources.end()) return it->second;
  std::ifstream f(assets_dir() + "/programs/" + s.go_file);
  std::stringstream ss;
  if (f)
    ss << f.rdbuf();
  else
    ss << "(source " << s.go_file << " not found in " << assets_dir() << "/programs)";
  return sources[s.go_file] = ss.str();
}

void SourcePanel::draw(const Scenario& s, const goro::visual::Palette& pal, ImFont* mono) {
  ImVec4 dim = ImGui::ColorConvertU32ToFloat4(pal.text_dim);
  ImGui::TextColored(dim, "Go source: %s", s.go_file.c_str());
  ImGui::BeginChild("source", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  if (mono) ImGui::PushFont(mono);
  std::istringstream in(source_of(s));
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
