// app/panel_status.cpp: the status bar along the bottom of the window.
#include <imgui.h>

#include "app.hpp"
#include "cli.hpp"

namespace goroscope {

void StatusBar::count(uint64_t events, double now) {
  rate_events += events;
  if (now - rate_start >= 1.0) {
    rate = static_cast<double>(rate_events) / (now - rate_start);
    rate_events = 0;
    rate_start = now;
  }
}

void StatusBar::draw(App& app, float frame_ms) {
  const auto& pal = app.pal();
  const Source& src = app.source();
  const goro::visual::Model& m = src.model();
  using goro::visual::GState;
  bool live_done = !src.is_replay() && app.session_->done();
  std::string state = src.is_replay() ? (app.replay_->playing() ? "replaying" : "replay paused")
                      : live_done     ? (m.exit_status() == goro::ExitStatus::Ok      ? "exited"
                                         : m.exit_status() == goro::ExitStatus::Panic ? "panicked"
                                                                                      : "deadlocked")
                      : app.session_->control().paused() ? "paused"
                                                         : "running";
  bool bad = live_done && m.exit_status() != goro::ExitStatus::Ok;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(bad ? pal.blocked : pal.running), "%s", state.c_str());
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.text_dim),
                     "| %s time %s | %.0f events/s | goroutines: %zu running, %zu runnable, %zu blocked, %zu "
                     "sleeping, %zu finished | frame %.1f ms | F1 keys",
                     src.virtual_clock() ? "virtual" : "real", format_time(m.time()).c_str(), rate,
                     m.count(GState::Running), m.count(GState::Runnable), m.count(GState::Blocked),
                     m.count(GState::Sleeping), m.count(GState::Finished), frame_ms);
}

}  // namespace goroscope
