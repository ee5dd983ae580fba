// visual/view_console.cpp: the program's output (its standard error, from print and println,
// after it in another colour), then Go's own words when it panics, deadlocks or leaves
// goroutines behind.
#include <imgui.h>

#include "views.hpp"

namespace goro::visual {

void draw_console(const Model& m, const Palette& pal, bool& follow) {
  ImGui::BeginChild("console", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const std::string& out = m.output();
  if (out.empty() && !m.exited()) ImGui::TextDisabled("(no output yet)");
  ImGui::TextUnformatted(out.data(), out.data() + out.size());
  if (const std::string& err = m.errors(); !err.empty()) {  // print/println: standard error
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.runnable));
    ImGui::TextUnformatted(err.data(), err.data() + err.size());
    ImGui::PopStyleColor();
  }
  if (m.exited()) {
    ImVec4 red = ImGui::ColorConvertU32ToFloat4(pal.blocked);
    ImVec4 dim = ImGui::ColorConvertU32ToFloat4(pal.text_dim);
    if (!m.exit_message().empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, red);
      ImGui::TextUnformatted(m.exit_message().c_str());
      ImGui::TextUnformatted("exit status 2");
      ImGui::PopStyleColor();
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, dim);
      ImGui::TextUnformatted("(program exited)");
      ImGui::PopStyleColor();
    }
    if (m.leaked()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.runnable));
      ImGui::Text("%llu goroutine%s leaked: still blocked or unfinished when main returned.",
                  static_cast<unsigned long long>(m.leaked()), m.leaked() == 1 ? "" : "s");
      ImGui::PopStyleColor();
    }
  }
  if (follow && ImGui::GetScrollY() < ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace goro::visual
