// app/panel_replay.cpp: the replay's controls (the left panel while a recording is open).
#include <imgui.h>

#include <string>

#include "app.hpp"
#include "cli.hpp"
#include "page.hpp"

namespace goroscope {

namespace {

ImVec4 col(uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

// one_line() is v's first line, cut to a panel's width in characters, with "..." where cut.
std::string one_line(const std::string& v, size_t width = 48) {
  std::string s = v.substr(0, v.find('\n'));
  bool cut = s.size() != v.size() || s.size() > width;
  if (s.size() > width) s.resize(width);
  return cut ? s + "..." : s;
}

// draw_recording_details() is how the recording was made (its header), folded away by default
// below the transport, one line per value: a found failure's expected output, schedule and
// seed are long and must never push Play and Step out of sight.
void draw_recording_details(const Replay& r, const goro::visual::Palette& pal) {
  const auto& h = r.recording().header;
  if (auto f = h.find("explore.failure"); f != h.end()) {
    ImGui::PushTextWrapPos();
    ImGui::TextColored(col(pal.text_dim), "found by the search: %s", one_line(f->second, 160).c_str());
    ImGui::PopTextWrapPos();
  }
  if (!ImGui::TreeNode("how it was recorded")) return;
  for (const auto& [k, v] : h) {
    if (k == "goroscope") continue;
    ImGui::TextColored(col(pal.text_dim), "%s = %s", k.c_str(), one_line(v).c_str());
    if (ImGui::IsItemHovered() && v.size() > 48) ImGui::SetTooltip("%s", one_line(v, 2000).c_str());
  }
  ImGui::TreePop();
}

}  // namespace

void ReplayPanel::draw(App& app, Replay& r) {
  const auto& pal = app.pal();
  ImGui::TextColored(col(pal.text_dim), "Replay");
  ImGui::PushTextWrapPos();
  ImGui::TextUnformatted(r.path().c_str());
  if (!r.recording().complete)
    ImGui::TextColored(col(pal.runnable), "incomplete: the run did not finish writing it");
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  float bw = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
  if (ImGui::Button("|<", ImVec2(bw, 0))) app.jump(0);
  ImGui::SameLine();
  if (ImGui::Button("<", ImVec2(bw, 0))) app.step(false);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("one event back (Left or B)");
  ImGui::SameLine();
  if (ImGui::Button(r.playing() ? "Pause" : "Play", ImVec2(bw, 0))) r.playing() ? r.pause() : r.play();
  ImGui::SameLine();
  if (ImGui::Button(">", ImVec2(bw, 0))) app.step();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("one event forward (Right or N)");
  float speed = static_cast<float>(r.speed());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##rspeed", &speed, 0.01f, 100000.f, "speed %.2fx", ImGuiSliderFlags_Logarithmic))
    r.set_speed(speed);
  int cur = static_cast<int>(r.position());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##cursor", &cur, 0, static_cast<int>(r.length()), "event %d"))
    app.jump(static_cast<size_t>(cur));
  ImGui::TextColored(col(pal.text_dim), "time %s of %s", format_time(r.time()).c_str(),
                     format_time(r.duration()).c_str());
  if (size_t end = r.find_end()) {
    if (ImGui::Button("Jump to the panic / deadlock", ImVec2(-1, 0))) app.jump(end);
  }
  ImGui::BeginDisabled(!app.sel_.key);
  if (ImGui::Button("Next event of the selection", ImVec2(-1, 0))) {
    const auto& evs = r.recording().events;
    for (size_t i = r.cursor(); i < evs.size(); i++)
      if (goro::visual::concerns(evs[i], *app.sel_.key, app.diagram_.layout())) {
        app.jump(i + 1);
        break;
      }
  }
  ImGui::EndDisabled();
  draw_recording_details(r, pal);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(col(pal.text_dim), "Bookmarks (talking points)");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##caption", "caption for this moment", caption, sizeof caption);
  if (ImGui::Button("Add at cursor") && caption[0]) {
    r.add_bookmark(r.time(), caption);
    caption[0] = 0;
  }
  ImGui::SameLine();
  if (ImGui::Button("Save into the file")) {
    try {
      r.save();
      if (kInPage) g_page_files.download(r.path());  // the page's copy: the browser downloads it
      app.file_message_ = "bookmarks saved in " + r.path();
    } catch (const goro::RecordingError& e) {
      app.file_message_ = e.what();
    }
  }
  for (size_t i = 0; i < r.recording().bookmarks.size(); i++) {
    const auto& b = r.recording().bookmarks[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("x")) {
      r.remove_bookmark(i);
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    if (ImGui::Selectable((format_time(b.time) + "  " + b.caption).c_str())) app.jump_time(b.time);
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::Separator();
  app.clip_panel_.draw(app);
  app.draw_file_message();  // below the buttons, so that a message does not move them
  ImGui::Spacing();
  if (ImGui::Button("Back to live programs", ImVec2(-1, 0))) {
    app.back_to_live();
    return;
  }
  ImGui::Spacing();
  ImGui::Checkbox("legend (L)", &app.diagram_.legend);
  ImGui::SameLine();
  if (ImGui::Button("Present (P)")) app.presentation_ = true;
  if (ImGui::Button("Keys (F1)")) app.help_.open = true;
}

}  // namespace goroscope
