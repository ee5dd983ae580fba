// app/panel_controls.cpp: the live run's controls (the left panel while no replay is open).
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app.hpp"
#include "page.hpp"

namespace goroscope {

namespace {

ImVec4 col(uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

// tooltip_below() shows a tooltip under the last item, so that it never hides the item's value.
void tooltip_below(const char* text) {
  ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  ImGui::SetNextWindowPos(ImVec2(lo.x, hi.y + ImGui::GetStyle().ItemSpacing.y));
  ImGui::SetTooltip("%s", text);
}

}  // namespace

void ControlsPanel::draw(App& app) {
  const auto& pal = app.pal();
  // The live run's control, asked for afresh each time: a restart in this frame replaces it.
  // (This panel shows while the source is the live run.)
  auto ctl = [&]() -> goro::Control& { return app.live()->control(); };
  ImGui::TextColored(col(pal.text_dim), "Program");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##program", app.scenario_->title.c_str())) {
    for (const Scenario& s : scenarios()) {
      if (ImGui::Selectable(s.title.c_str(), &s == app.scenario_)) {
        app.select_scenario(&s);
        app.restart();
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n(%s)", s.description.c_str(), s.go_file.c_str());
    }
    if (!app.scenario_->builtin) {  // the user's own file, among the others
      ImGui::Selectable(app.scenario_->title.c_str(), true);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.scenario_->name.c_str());
    }
    if (ImGui::Selectable("Open a .go file...")) app.source_panel_.focus_path = true;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("type its path in the source panel's field, or drop it on the window");
    ImGui::EndCombo();
  }
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal.text_dim), "%s", app.scenario_->description.c_str());
  ImGui::PopTextWrapPos();
  app.explore_panel_.draw(app);  // Find a failing schedule
  ImGui::Spacing();

  // Run controls.
  bool paused = !app.source().playing();
  float bw = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  if (ImGui::Button(app.live()->done() ? "Run" : "Restart", ImVec2(bw, 0))) app.restart();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("R");
  ImGui::SameLine();
  if (ImGui::Button(paused ? "Resume" : "Pause", ImVec2(bw, 0)))
    paused ? app.source().play() : app.source().pause();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");
  ImGui::SameLine();
  if (ImGui::Button("Step", ImVec2(bw, 0))) app.step();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "one event (Right or N); the line under the diagram says what it did.\n"
        "After the end, Step starts the program again, paused at its first event");
  // Step line: the selected goroutine (or main) on to its next line of the source.
  const char* hold_label = "hold the others";
  float hold_w =
      ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(hold_label).x;
  if (ImGui::Button("Step line",
                    ImVec2(ImGui::GetContentRegionAvail().x - hold_w - ImGui::GetStyle().ItemSpacing.x, 0)))
    app.step_line();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "runs the selected goroutine (main if none) on to the next statement on another line of\n"
        "the source, then pauses (Down)");
  ImGui::SameLine();
  const bool one_p = app.config_.procs == 1;
  if (!one_p) ImGui::BeginDisabled();
  ImGui::Checkbox(hold_label, &app.hold_others_);
  if (!one_p) ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(one_p
                          ? "on: while it steps, the others run only when it cannot (it waits on a channel,\n"
                            "a lock or a timer); off: they run as the scheduler decides"
                          : "holding the others needs 1 processor");

  ImGui::Checkbox("start paused", &app.settings_.start_paused);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Run and Restart leave the program paused at its first event:\n"
        "Step (Right) then shows it event by event from the start");

  ImGui::Spacing();
  ImGui::TextColored(col(pal.text_dim), "Clock");
  bool real = app.config_.clock == goro::ClockMode::Real;
  if (ImGui::RadioButton("real", real) && !real) app.config_.clock = goro::ClockMode::Real, app.restart();
  ImGui::SameLine();
  if (ImGui::RadioButton("virtual", !real) && real)
    app.config_.clock = goro::ClockMode::Virtual, app.restart();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("time jumps to the next timer when every goroutine is blocked");
  if (app.config_.clock == goro::ClockMode::Real) {
    float speed = static_cast<float>(app.config_.speed);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##speed", &speed, 0.05f, 20.f, "speed %.2fx", ImGuiSliderFlags_Logarithmic)) {
      app.config_.speed = speed;
      app.source().set_speed(speed);
    }
  }

  ImGui::Spacing();
  ImGui::TextColored(col(pal.text_dim), "Parameters");
  bool changed = false;
  bool held = false, let_go = false;  // a parameter's slider is being dragged, was let go
  if (app.scenario_->params.empty()) {
    ImGui::PushTextWrapPos();
    ImGui::TextColored(col(pal.text_dim), "none: right-click a number in main's source to make one");
    ImGui::PopTextWrapPos();
  }
  for (const Param& p : app.scenario_->params) {
    int v = app.params_[p.name];
    ImGui::SetNextItemWidth(-1);
    int hi = std::min(p.max, std::max(p.def * 4, 32));  // a slider range that stays usable
    hi = std::max(hi, v);                               // ... and holds a typed value
    ImGuiSliderFlags flags = hi - p.min > 1000 ? ImGuiSliderFlags_Logarithmic : 0;
    std::string fmt = p.name + " %d";
    if (ImGui::SliderInt(("##" + p.name).c_str(), &v, p.min, hi, fmt.c_str(), flags))
      app.params_.values[p.name] = std::clamp(v, p.min, p.max);
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
      std::string tip = (p.help.empty() ? "" : p.help + "\n") + "the slider: " + std::to_string(p.min) +
                        " to " + std::to_string(hi);
      if (hi < p.max) tip += "; Ctrl+click to type up to " + std::to_string(p.max);
      tooltip_below(tip.c_str());
    }
    held |= ImGui::IsItemActive();
    let_go |= ImGui::IsItemDeactivated();
  }
  // While a slider is dragged the source shows its value at once (panel_source.cpp) and the run
  // restarts at the pacer's pace; once more on release if it lags.
  bool lags = app.params_.values != app.live()->spec().params.values;
  double now = ImGui::GetTime();
  if (held ? pacer.dragging(lags, now) : let_go && pacer.released(lags, now)) {
    auto t0 = std::chrono::steady_clock::now();
    app.restart();
    pacer.took(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  int procs = app.config_.procs;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##procs", &procs, 1, 8, "procs (GOMAXPROCS) %d")) app.config_.procs = procs;
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  int seed = static_cast<int>(app.config_.seed);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("seed");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputInt("##seed", &seed))
    app.config_.seed = static_cast<uint64_t>(std::max(0, seed)), changed = true;
  if (ImGui::IsItemHovered()) tooltip_below("seed: every random choice (select, the data race's scheduler)");
  if (changed) app.restart();

  // Choosing the interleaving by hand.
  ImGui::Spacing();
  ImGui::BeginDisabled(app.config_.procs != 1);
  if (ImGui::Checkbox("choose who runs next, by hand", &app.choose_)) app.restart();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(app.config_.procs != 1
                          ? "with procs = 1"
                          : "restarts the program; then at every channel operation, lock and\n"
                            "shared variable's read or write, you pick who runs next\n"
                            "(two counter++ interleaved: an update lost)");
  if (app.choose_ && app.config_.procs == 1) {
    auto cands = ctl().candidates();
    if (cands.empty()) ImGui::TextColored(col(pal.text_dim), "(no choice pending)");
    for (const auto& g : cands) {
      std::string label =
          "run next: " + (g.name.empty() ? "goroutine" : g.name) + " (" + std::to_string(g.id) + ")";
      if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) ctl().choose(g.id);
    }
  }

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(col(pal.text_dim), "Recording");
  if (path_for != app.scenario_->name) {  // the name follows the program: saving never overwrites another's
    std::snprintf(path, sizeof path, "%s.gorec", app.scenario_->short_name().c_str());
    path_for = app.scenario_->name;
  }
  if (kInPage) {  // the page's files: the browser's picker (or drop one on the page), and downloads
    if (ImGui::Button("Save recording")) {
      const std::string at = std::string("/tmp/") + path;
      try {
        goro::save_recording(at, app.live()->recording());
        g_page_files.download(at);
        app.file_message_ = std::string("downloaded ") + path + (app.live()->done() ? "" : " (so far)");
      } catch (const goro::RecordingError& e) {
        app.file_message_ = e.what();
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Open a file...")) g_page_files.pick();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("a .gorec recording to replay, or a .go program to run (or drop one on the page)");
  } else {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", path, sizeof path);
    if (ImGui::Button("Save recording")) {
      try {
        goro::save_recording(path, app.live()->recording());
        app.file_message_ = std::string("saved ") + path + (app.live()->done() ? "" : " (so far)");
      } catch (const goro::RecordingError& e) {
        app.file_message_ = e.what();
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Open for replay")) {
      std::string err = app.open(path);
      if (!err.empty()) app.file_message_ = err;
    }
  }
  app.draw_file_message();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(col(pal.text_dim), "View");
  ImGui::Checkbox("dark theme", &app.settings_.dark);  // the window applies it
  ImGui::SameLine();
  ImGui::Checkbox("legend (L)", &app.diagram_.legend);
  if (ImGui::Button("Fit")) app.diagram_.fit();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("show the whole diagram (text never below 14 px: it may scroll)");
  ImGui::SameLine();
  if (ImGui::Button("Re-lay out")) app.diagram_.relayout();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("place every box afresh (they never move by themselves)");
  ImGui::SameLine();
  if (ImGui::Button("Present (P)")) app.presentation_ = true;
  if (ImGui::Button("Screenshot (F12)")) app.shot_path_ = default_shot_path();
  ImGui::SameLine();
  if (ImGui::Button("Keys (F1)")) app.help_.open = true;
}

}  // namespace goroscope
