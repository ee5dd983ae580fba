// app/panel_clip.cpp: "Clip for slides": a picture of the moment, or a GIF or MP4 of a stretch
// of the replay, and the progress window while a clip is taken.
#include <imgui.h>

#include <cstdio>

#include "app.hpp"
#include "cli.hpp"
#include "page.hpp"

namespace goroscope {

namespace {

ImVec4 col(uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

void ClipPanel::reset_range(int64_t duration) {
  std::snprintf(from, sizeof from, "0s");
  std::snprintf(to, sizeof to, "%s", format_time(duration).c_str());
}

void ClipPanel::draw(App& app) {
  const auto& pal = app.pal();
  if (kInPage) {
    ImGui::TextWrapped("Clips for slides: not in the page (ffmpeg makes them, on the desktop).");
    return;
  }
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal.text_dim),
                     "For slides: a picture of this moment (.png) or a clip (.gif, .mp4), the window's size");
  ImGui::PopTextWrapPos();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##clip path", path, sizeof path);
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(half);
  ImGui::InputText("##clip from", from, sizeof from);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("from (program time: 0s, 1.5s, 200ms)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  ImGui::InputText("##clip to", to, sizeof to);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("to (program time)");
  ImGui::SetNextItemWidth(half);
  ImGui::SliderInt("##clip fps", &fps, 1, 60, "%d frames/s");
  ImGui::SameLine();
  ImGui::Checkbox("diagram only", &diagram);
  ImGui::Checkbox("with the narration line", &app.clip_narration_);
  std::string p = path;
  bool png = p.size() > 4 && p.compare(p.size() - 4, 4, ".png") == 0;
  if (ImGui::Button(png ? "Save the picture" : "Make the clip", ImVec2(-1, 0))) {
    auto f = parse_time(from), t = parse_time(to);
    if (png) {
      app.png_path_ = p, app.png_diagram_ = diagram;
      return;
    }
    if (!f || !t)
      app.file_message_ = "no clip: from and to are times such as 0s, 1.5s, 200ms";
    else if (std::string why = app.start_clip({p, *f, *t, fps}, diagram); !why.empty())
      app.file_message_ = "no clip: " + why;
  }
}

// draw_progress() is the modal progress window over everything while a clip is made; its
// draw list stays out of the clip's frames.
void ClipPanel::draw_progress(App& app) {
  if (!app.clip_) return;
  ImGui::OpenPopup("Making a clip");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Making a clip", nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  app.clip_overlay_ = ImGui::GetWindowDrawList();
  Clip& clip = *app.clip_;
  ImGui::Text("%s", clip.spec().path.c_str());
  float f = static_cast<float>(clip.done()) / static_cast<float>(std::max(1, clip.frames()));
  std::string label = clip.all_taken()
                          ? "ffmpeg is finishing the file..."
                          : "frame " + std::to_string(clip.done()) + " of " + std::to_string(clip.frames());
  ImGui::ProgressBar(f, ImVec2(ImGui::GetFontSize() * 20, 0), label.c_str());
  if (ImGui::Button("Cancel")) {
    app.clip_.reset();  // ffmpeg is closed and the partial file removed
    app.clip_result_ = "cancelled";
    app.file_message_ = "clip cancelled";
    app.end_diagram_only_for_a_while();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace goroscope
