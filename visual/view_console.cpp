// visual/view_console.cpp: the program's output with Go's race reports where they were found
// (in red), its standard error (from print and println, after it in another colour), then what
// the run ended with (run_end.hpp, the command line's text); last, the compile errors of a Run
// that did not compile, as `go run` prints them.
#include <imgui.h>

#include <algorithm>

#include "run_end.hpp"
#include "views.hpp"

namespace goro::visual {

void draw_console(const Model& m, const Palette& pal, bool& follow,
                  const std::vector<std::string>& build_errors, int os_exit) {
  ImGui::BeginChild("console", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const std::string& out = m.output();
  if (out.empty() && !m.exited() && build_errors.empty()) ImGui::TextDisabled("(no output yet)");
  ImVec4 red = ImGui::ColorConvertU32ToFloat4(pal.blocked);
  // Races in the order found, each after what had been printed by then.
  std::vector<const RaceMark*> races;
  for (const Variable& v : m.variables())
    for (const RaceMark& r : v.races) races.push_back(&r);
  std::stable_sort(races.begin(), races.end(), [](const RaceMark* a, const RaceMark* b) {
    return a->output_at != b->output_at ? a->output_at < b->output_at : a->time < b->time;
  });
  size_t shown = 0;
  for (const RaceMark* r : races) {
    size_t at = std::min(r->output_at, out.size());
    if (at > shown) ImGui::TextUnformatted(out.data() + shown, out.data() + at);
    shown = std::max(shown, at);
    ImGui::PushStyleColor(ImGuiCol_Text, red);
    ImGui::TextUnformatted(r->report.empty() ? "WARNING: DATA RACE" : r->report.c_str());
    ImGui::PopStyleColor();
  }
  if (shown < out.size()) ImGui::TextUnformatted(out.data() + shown, out.data() + out.size());
  if (const std::string& err = m.errors(); !err.empty()) {  // print/println: standard error
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.runnable));
    ImGui::TextUnformatted(err.data(), err.data() + err.size());
    ImGui::PopStyleColor();
  }
  if (m.exited()) {
    std::vector<EndLine> end = run_end(m, os_exit, 100);
    if (end.empty()) ImGui::TextDisabled("(program exited)");
    for (const EndLine& l : end) {
      uint32_t c = l.tone == EndLine::Tone::Error     ? pal.blocked
                   : l.tone == EndLine::Tone::Warning ? pal.runnable
                                                      : pal.text_dim;
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c));
      ImGui::TextUnformatted(l.text.c_str());
      ImGui::PopStyleColor();
    }
  }
  if (!build_errors.empty()) {
    if (!out.empty() || m.exited()) ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.blocked));
    for (const std::string& line : build_errors) ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
  }
  if (follow && ImGui::GetScrollY() < ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace goro::visual
