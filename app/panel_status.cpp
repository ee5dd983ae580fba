// app/panel_status.cpp: the status bar along the bottom of the window: the run's state, the data
// races and leaked goroutines it found (hover for the list), the clock and the goroutines' states.
#include <imgui.h>

#include <algorithm>

#include "app.hpp"
#include "cli.hpp"
#include "leaks.hpp"

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
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(src.failed() ? pal.blocked : pal.running), "%s",
                     src.state().c_str());
  ImGui::SameLine();
  // What the run found, from the model (live or replayed): data races, and goroutines left
  // behind when main returned, each with where it waits (hover for the list).
  if (size_t races = m.races()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.deadlock), "| %zu data race%s", races,
                       races == 1 ? "" : "s");
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (const goro::visual::Variable& v : m.variables())
        for (const goro::visual::RaceMark& r : v.races) {
          const goro::visual::Goroutine *a = m.goroutine(r.g), *b = m.goroutine(r.other);
          ImGui::Text("%s: %s (%llu) %s, %s (%llu) %s", v.name.c_str(), a ? a->name.c_str() : "?",
                      static_cast<unsigned long long>(r.g), r.g_writes ? "writes" : "reads",
                      b ? b->name.c_str() : "?", static_cast<unsigned long long>(r.other),
                      r.other_writes ? "wrote" : "read");
        }
      ImGui::TextDisabled("Go's reports: the console; click the variable for the inspector");
      ImGui::EndTooltip();
    }
    ImGui::SameLine();
  }
  // Whether the detector ran is a live run's spec (a recording does not say).
  if (const Session* run = app.live(); run && !run->spec().config.race) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.text_dim), "| no race detector");
    if (ImGui::IsItemHovered()) {
      if (app.race_off_for_goroutines())
        ImGui::SetTooltip(
            "This program makes more than %zu goroutines: the window runs it without the race\n"
            "detector (whose cost grows with the goroutines), so no shared variable is drawn.",
            kRaceGoroutinesMax);
      else
        ImGui::SetTooltip(
            "This program did not end within its rehearsal (%lld ms, run before it is shown):\n"
            "the window runs it without the race detector, so no shared variable is drawn.",
            static_cast<long long>(kRehearsalBudget.count()));
    }
    ImGui::SameLine();
  }
  if (m.exit_status() == goro::ExitStatus::Ok) {
    auto leaks = goro::visual::leaks(m, 40);
    if (!leaks.empty()) {
      size_t n = std::max<size_t>(leaks.size(), m.leaked());
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.runnable), "| %zu goroutine%s leaked", n,
                         n == 1 ? "" : "s");
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted("still blocked when main returned:");
        for (const goro::visual::Leak& l : leaks) ImGui::BulletText("%s", goro::visual::leak_text(l).c_str());
        if (n > leaks.size()) ImGui::Text("... and %zu more", n - leaks.size());
        ImGui::EndTooltip();
      }
      ImGui::SameLine();
    }
  }
  if (size_t t = m.timers()) {  // time.After, Tick, AfterFunc: runtime timers, no goroutines
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.text_dim), "| %zu timer%s pending", t,
                       t == 1 ? "" : "s");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "time.After, time.Tick, NewTimer and AfterFunc wait in runtime timers, as in Go:\n"
          "drawn as a clock on their channel, never as goroutines, never leaked");
    ImGui::SameLine();
  }
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.text_dim),
                     "| %s time %s | %.0f events/s | goroutines: %zu running, %zu runnable, %zu blocked, %zu "
                     "sleeping, %zu finished | frame %.1f ms | F1 keys",
                     src.virtual_clock() ? "virtual" : "real", format_time(m.time()).c_str(), rate,
                     m.count(GState::Running), m.count(GState::Runnable), m.count(GState::Blocked),
                     m.count(GState::Sleeping), m.count(GState::Finished), frame_ms);
}

}  // namespace goroscope
