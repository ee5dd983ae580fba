// app/panel_explore.cpp: the "Find a failing schedule" section of the controls panel and the
// opening of what it found (see panel_explore.hpp).
#include "panel_explore.hpp"

#include <imgui.h>

#include <cstdio>

#include "app.hpp"
#include "page.hpp"

namespace goroscope {

namespace {

ImVec4 col(uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

std::string ExplorePanel::start(App& app) {
  if (job && !job->done()) return "a search is running already";
  std::vector<lang::Diagnostic> errors;  // compiled as the search's runs are (with race checks); kept
  if (!app.scenario_->compile(app.params_, &errors, true))
    return "the program does not compile (" + (errors.empty() ? std::string("?") : errors.front().text()) +
           "): no schedule to search";
  ExploreOptions o;
  o.spec = RunSpec{app.scenario_, app.params_, app.config_};
  o.strategy = strategy == 1 ? Strategy::Pct : Strategy::Random;
  o.runs = static_cast<uint64_t>(std::max(1, runs));
  o.depth = std::clamp(depth, 1, 16);
  o.seed = app.config_.seed;
  // A race counts only where the window runs the detector (it costs too much in big programs).
  const Session* run = app.live();
  bool detector = run && run->spec().config.race;
  o.until = 0;
  if (deadlock) o.until |= kDeadlock;
  if (panic) o.until |= kPanic;
  if (race && detector) o.until |= kRace;
  if (output) o.until |= kOutputDiffers;
  if (!o.until) return "tick at least one kind of failure to look for";
  said.clear();
  job = std::make_unique<ExploreJob>(o, app.scenario_->name + "-failing.gorec");
  return "";
}

void ExplorePanel::poll(App& app) {
  if (!job || !job->done()) return;
  std::unique_ptr<ExploreJob> j = std::move(job);
  ExploreProgress p = j->progress();
  const Finding& f = j->finding();
  char runs_text[96];
  std::snprintf(runs_text, sizeof runs_text, "%llu run%s (%.0f runs/s, %s)",
                static_cast<unsigned long long>(p.runs), p.runs == 1 ? "" : "s", p.rate(),
                strategy_name(j->options().strategy));
  switch (j->state()) {
    case ExploreJob::State::Running:
      break;
    case ExploreJob::State::Cancelled:
      said = std::string("cancelled after ") + runs_text;
      break;
    case ExploreJob::State::Failed:
      said = "the search stopped: " + f.error;
      break;
    case ExploreJob::State::NothingFound:
      said = std::string("nothing failed in ") + runs_text + ": no deadlock, panic" +
             ((j->options().until & kRace) ? ", data race" : "") +
             ((j->options().until & kOutputDiffers) ? " or other output" : "");
      break;
    case ExploreJob::State::Found: {
      said = "run " + std::to_string(f.run) + " of " + runs_text + " failed: " + f.what;
      std::shared_ptr<Replay> r;
      try {
        r = std::make_shared<Replay>(f.path);
      } catch (const goro::RecordingError& e) {
        said += " (cannot open its recording: " + std::string(e.what()) + ")";
        break;
      }
      if (!app.open(r)) break;  // a clip is being made: App::open said so
      size_t at = failure_event(r->recording(), f.failed, f.reference, f.at);
      app.jump(at);
      app.explore_note_ = App::ExploreNote{at, "Found in run " + std::to_string(f.run) + ": " + f.what};
      app.file_message_ = said + "; its recording: " + f.path + " (opened at the moment it failed)";
      break;
    }
  }
}

void ExplorePanel::draw(App& app) {
  const auto& pal = app.pal();
  if (job && !job->done()) {
    ExploreProgress p = job->progress();
    char overlay[64], line[96];
    std::snprintf(overlay, sizeof overlay, "%llu / %llu runs", static_cast<unsigned long long>(p.runs),
                  static_cast<unsigned long long>(p.budget));
    std::snprintf(line, sizeof line, "searching: %.0f runs/s, %s", p.rate(),
                  job->options().strategy == Strategy::Pct ? "PCT" : "random walk");
    float frac = p.budget ? static_cast<float>(p.runs) / static_cast<float>(p.budget) : 0.f;
    float cancel_w = ImGui::CalcTextSize("Cancel").x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::ProgressBar(
        frac, ImVec2(ImGui::GetContentRegionAvail().x - cancel_w - ImGui::GetStyle().ItemSpacing.x, 0),
        overlay);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) job->cancel();
    ImGui::TextColored(col(pal.text_dim), "%s", line);
    return;
  }
  if (kInPage) {  // the search and its recording run on threads of their own (docs/web.md)
    ImGui::TextWrapped(
        "Find a failing schedule: not in the page yet (the search records the failing run on a thread "
        "of its own). The desktop app or `goroscope explore` finds one; open its .gorec here to replay it.");
    return;
  }
  if (ImGui::Button("Find a failing schedule", ImVec2(-1, 0))) {
    if (std::string why = start(app); !why.empty()) said = why;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Run this program again and again under schedules chosen to break it (one processor,\n"
        "virtual clock, a switch possible at every lock, channel operation and shared access)\n"
        "until a run deadlocks, panics or races (or, when ticked, prints other lines than a run\n"
        "without preemption, in any order); then replay that run from the moment it went wrong.");
  if (ImGui::TreeNode("search options")) {
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##strategy", &strategy, "random walk\0PCT (priorities)\0");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputInt("##runs", &runs, 100, 1000);
    runs = std::clamp(runs, 1, 1000000000);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("give up after this many runs");
    if (strategy == 1) {
      ImGui::SetNextItemWidth(-1);
      ImGui::SliderInt("##depth", &depth, 1, 16, "bug depth %d");
    }
    ImGui::Checkbox("deadlock", &deadlock);
    ImGui::SameLine();
    ImGui::Checkbox("panic", &panic);
    ImGui::Checkbox("data race", &race);
    ImGui::SameLine();
    ImGui::Checkbox("other output", &output);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "a run that prints a line the run without preemption did not (or misses one) fails;\n"
          "the order of the lines is not compared: it varies in correct programs");
    ImGui::TreePop();
  }
  if (!said.empty()) {
    ImGui::PushTextWrapPos();
    ImGui::TextColored(col(pal.text_dim), "%s", said.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace goroscope
