// app/app.cpp: the window's layout around the diagram, the narration line, presentations,
// clips' frames and the keyboard. The panels are in panel_*.cpp.
#include "app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>

#include "cli.hpp"
#include "columns.hpp"
#include "fit_text.hpp"
#include "narration.hpp"
#include "source_edit.hpp"

namespace goroscope {

namespace {

ImVec4 col(uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

// kPresentTextScale: presentations keep the diagram's text this much larger than kMinTextPx.
constexpr float kPresentTextScale = 1.5f;

}  // namespace

std::string default_shot_path() { return "goroscope-" + std::to_string(std::time(nullptr)) + ".png"; }

App::App(const AppOptions& opts, Settings& settings) : settings_(settings) {
  config_.clock = goro::ClockMode::Real;  // watching: real time, adjustable speed
  if (opts.config_set) config_ = opts.config;
  const Scenario* s = find_scenario(opts.scenario.empty() ? settings.scenario : opts.scenario);
  select_scenario(s ? s : &default_scenario());
  if (opts.params_set) params_ = opts.params;
  if (opts.break_line > 0) breakpoints_.lines(scenario_->go_file).insert(opts.break_line);
  restart(opts.start_paused);
  select_timeline_ = opts.timeline;
  diagram_only_ = opts.diagram_only;
  presentation_ = opts.present;
  if (opts.find_failing) explore_panel_.said = explore_panel_.start(*this);
  if (opts.replay) {
    open(opts.replay);
    if (opts.at >= 0) source_->seek_time(opts.at);
    if (opts.at_event >= 0) source_->seek(static_cast<size_t>(opts.at_event));
    if (opts.play) source_->play();
  }
}

std::string App::open(const std::string& path) {
  try {
    open(std::make_shared<Replay>(path));
  } catch (const goro::RecordingError& e) {
    return e.what();
  }
  return "";
}

bool App::open(std::shared_ptr<Replay> r) {
  if (clip_) {
    file_message_ = "a clip is being made: wait for it or cancel it before opening " + r->path();
    return false;
  }
  const goro::Recording& rec = r->recording();
  file_message_ = "opened " + r->path() + (rec.complete ? "" : " (incomplete recording)");
  if (const Scenario* s = find_scenario(rec.header.count("scenario") ? rec.header.at("scenario") : ""))
    scenario_ = s, original_ = nullptr;
  r->seek(0);
  source_ = std::move(r);  // the live run, if any, ends here
  clip_panel_.reset_range(source_->duration());
  diagram_.reset();
  planned_ = false;  // every box in its place once the replay's last state is known (plan_final)
  plan_final();
  sel_.key.reset();
  timeline_view_.reset();
  explore_note_.reset();
  return true;
}

void App::sync_breakpoints() {
  Session* run = live();
  if (!run) return;
  goro::Control& ctl = run->control();
  if (breakpoints_.push(*run)) line_stops_seen_ = 0;
  if (uint64_t n = ctl.line_stops(); n != line_stops_seen_) {
    line_stops_seen_ = n;
    goro::Control::LineStop at = ctl.last_line_stop();
    sel_.key = goro::visual::NodeKey{goro::visual::NodeKind::Goroutine, at.g};
    const goro::visual::Goroutine* g = run->model().goroutine(at.g);
    std::string who =
        "goroutine " + std::to_string(at.g) + (g && !g->name.empty() ? " (" + g->name + ")" : "");
    file_message_ = at.breakpoint ? "breakpoint: " + who + " reached line " + std::to_string(at.line)
                                  : who + " stepped to line " + std::to_string(at.line);
  }
}

void App::step(bool forward) {
  Source& src = source();
  size_t from = src.position();
  if (!src.step(forward)) {
    if (forward) restart(true);  // Step after the end shows the run again, paused at its first event
    return;
  }
  if (src.can_seek() && src.position() != from + 1) diagram_.settle();  // a jump shows no value moving
}

void App::step_line() {
  Session* run = live();  // a line step is the live scheduler's
  if (!run) return;
  if (run->done()) {
    restart(true);
    return;
  }
  uint64_t g = sel_.key && sel_.key->kind == goro::visual::NodeKind::Goroutine ? sel_.key->id : 1;
  const goro::visual::Goroutine* gr = run->model().goroutine(g);
  run->control().step_line(g, gr ? gr->line : 0, hold_others_ && config_.procs == 1);
}

goro::SourceFile App::shown_source() const {
  const goro::SourceFile& f = source_->program();
  if (f.name.empty()) return {scenario_->go_file, scenario_->source};  // an older recording: the program's
  return f;
}

App::~App() {
  if (scenario_->builtin) settings_.scenario = scenario_->name;
}

std::string App::open_go_file(const std::string& path) {
  std::string err;
  const Scenario* s = open_program(path, &err);
  if (!s) return err;
  auto& recent = settings_.recent;
  recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
  recent.insert(recent.begin(), path);
  if (recent.size() > Settings::kMaxRecent) recent.resize(Settings::kMaxRecent);
  select_scenario(s);
  restart();
  file_message_ = "opened " + path;
  return "";
}

void App::open_dropped(const std::string& path) {
  std::string err =
      path.size() > 3 && path.compare(path.size() - 3, 3, ".go") == 0 ? open_go_file(path) : open(path);
  if (!err.empty()) file_message_ = err;
}

bool App::run_edited(const std::string& text, std::vector<lang::Diagnostic>* errors) {
  std::optional<Scenario> s = edited_program(*scenario_, text, errors);
  if (!s) return false;
  const Scenario* from = original_ ? original_ : scenario_;
  edited_.push_back(std::move(*s));
  select_scenario(&edited_.back());
  original_ = from;
  restart();
  file_message_ = "running " + scenario_->name;
  return true;
}

void App::revert() {
  select_scenario(original_ ? original_ : scenario_);
  restart();
}

void App::select_scenario(const Scenario* s) {
  scenario_ = s;
  original_ = nullptr;
  params_ = s->defaults();
  if (s->builtin) settings_.scenario = s->name;  // the user's file is opened by name each time
}

void App::restart(bool paused) {
  source_.reset();  // stops the old program (or closes the recording)
  diagram_.reset();
  // The race detector watches the shared variables (drawn as nodes) of programs that make few
  // goroutines: the rehearsal runs with it, and if the program makes more goroutines than that
  // (or does not end), once more without it. The rehearsal is compiled as the run will be
  // (race, statement lines), so one compile serves both: a compile is most of a program's start
  // in the page, where the compiler runs about 30 times slower than here.
  RunSpec spec{scenario_, params_, config_};
  spec.lines = true;  // breakpoints and Step line stop at any statement
  spec.config.race = true;
  spec.config.race_values = true;  // each shared variable's value in its box
  const auto began = std::chrono::steady_clock::now();
  goro::visual::Model planned = rehearse(spec, kRehearsalEvents, kRehearsalBudget, kRaceGoroutinesMax);
  race_off_for_goroutines_ = planned.goroutines().size() > kRaceGoroutinesMax;
  if (!planned.exited() || race_off_for_goroutines_) {
    spec.config.race = false;
    spec.config.race_values = false;
    // The second rehearsal has what the first left of the budget, at least kRehearsalBudgetLeast:
    // a program that computes all through the first does not keep the page waiting twice as long.
    const auto spent =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began);
    planned = rehearse(spec, kRehearsalEvents, std::max(kRehearsalBudget - spent, kRehearsalBudgetLeast));
  }
  diagram_.plan(planned);  // the boxes hold still while it runs
  sel_.key.reset();
  // Choosing by hand: a choice at every synchronising call and every shared read and write (as
  // the schedule explorer has), so that two counter++ can be interleaved to lose an update.
  spec.config.preempt_at_sync = choose_ && config_.procs == 1;
  auto run = std::make_shared<Session>(spec, "", true, true);  // held until its breakpoints are set
  run->control().choose_mode(choose_ && config_.procs == 1);
  source_ = run;
  planned_ = true;  // by the rehearsal
  explore_note_.reset();
  timeline_view_.reset();
  sync_breakpoints();
  if (!paused && !settings_.start_paused) run->play();
  status_ = StatusBar{};
  status_.rate_start = now_;
}

void App::back_to_live() {
  file_message_.clear();
  restart();
}

// plan_final() lays out every node the source will ever hold, once it knows its last state (a
// replay's indexing: at once for a small recording; a big one shows its first moment meanwhile).
void App::plan_final() {
  if (planned_) return;
  if (const goro::visual::Model* last = source_->final_model()) {
    diagram_.plan(*last);
    planned_ = true;
  }
}

std::optional<double> App::live_run_seconds() const {
  Session* run = live();
  return run ? run->wall_seconds() : std::nullopt;
}

std::optional<std::string> App::live_output() const {
  Session* run = live();
  if (!run || !run->wall_seconds()) return std::nullopt;
  return run->exit().output;
}

std::optional<double> App::live_timeline_seconds() const {
  Session* run = live();
  return run ? run->timeline_seconds() : std::nullopt;
}

bool App::busy() const { return source_->busy() || diagram_.animating() || (clip_ && !clip_->all_taken()); }

bool App::may_skip_drawing(double now) const {
  const Session* s = live();
  return s && s->playing() && s->computing() && last_update_events_ == 0 &&
         now - last_frame_ < kUndrawnMost && !diagram_.animating() && !clip_ && !png_path_ &&
         !explore_panel_.job;
}

void App::run_undrawn(double now) {
  now_ = now;
  last_update_events_ = live()->pump_undrawn();
  status_.count(last_update_events_, now);
}

void App::keys() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || clip_) return;
  auto pressed = [](int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); };
  if (io.KeyCtrl) {  // zoom: the panels and the diagram
    if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD))
      settings_.ui_zoom = std::min(3.f, settings_.ui_zoom * 1.1f), zoom_changed_ = true;
    if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT))
      settings_.ui_zoom = std::max(0.5f, settings_.ui_zoom / 1.1f), zoom_changed_ = true;
    if (pressed(GLFW_KEY_0)) settings_.ui_zoom = 1, zoom_changed_ = true;
    return;
  }
  bool question = false;
  for (ImWchar c : io.InputQueueCharacters) question |= c == '?';
  if (pressed(GLFW_KEY_F1, false) || question) help_.open = !help_.open;
  if (pressed(GLFW_KEY_ESCAPE, false)) {
    if (help_.open)
      help_.open = false;
    else
      presentation_ = false;
  }
  if (pressed(GLFW_KEY_P, false)) presentation_ = !presentation_;
  if (pressed(GLFW_KEY_L, false)) diagram_.legend = !diagram_.legend;
  if (pressed(GLFW_KEY_F12, false)) shot_path_ = default_shot_path();
  Source& src = source();
  if (pressed(GLFW_KEY_SPACE, false)) src.playing() ? src.pause() : src.play();
  if (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_N)) {
    step();  // may restart: src is then the old run
    return;
  }
  if (pressed(GLFW_KEY_LEFT) || pressed(GLFW_KEY_B)) step(false);
  // The rest is a live program's: its line steps, its run again, its real clock.
  Session* run = live();
  if (!run) return;
  if (pressed(GLFW_KEY_DOWN)) {
    step_line();  // may restart, as step()
    return;
  }
  if (pressed(GLFW_KEY_R, false)) {
    restart();  // run is the old run: done with it
    return;
  }
  bool faster = pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD);
  bool slower = pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT);
  if (faster || slower) {
    config_.speed = std::clamp(config_.speed * (faster ? 1.5 : 1 / 1.5), 0.01, 1000.0);
    run->set_speed(config_.speed);
  }
}

void App::frame(double now, float frame_ms) {
  double dt = now - last_frame_;
  last_frame_ = now;
  now_ = now;
  frames_++;
  plan_final();
  clip_overlay_ = nullptr;
  if (clip_) end_clip();
  // A clip's frame shows its moment from the first frame after it started (the frame that
  // started it showed the window as it was, and is not one of its frames).
  if (Clip* c = clip()) seek_time(c->next_time());
  if (png_path_) {  // drawn as asked this frame, written after it
    show_diagram_only_for_a_while(png_diagram_);
    shot_path_ = std::exchange(png_path_, std::nullopt);
  }
  explore_panel_.poll(*this);  // a search that ended opens what it found
  last_update_events_ = source_->update(dt);
  status_.count(last_update_events_, now);
  sync_breakpoints();
  keys();
  const auto& pal = this->pal();
  diagram_.text_scale = presentation_ ? kPresentTextScale : 1.0f;
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg,
                        presentation_ ? col(pal.canvas) : ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
  ImGui::Begin("Goroscope", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  if (diagram_only_ || presentation_) {
    draw_diagram_alone(now);
    clip_panel_.draw_progress(*this);
    ImGui::End();
    help_.draw(pal);
    return;
  }
  float status_h = ImGui::GetFrameHeightWithSpacing();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // The side panels leave the diagram most of the width (its text stays >= kMinTextPx).
  float em = ImGui::GetFontSize();
  float left_w = std::clamp(avail.x * 0.17f, std::min(16.5f * em, avail.x * 0.22f), 28 * em);
  // The right column (inspector, source): a share of the room by default, at most a 60-column
  // line of Go, else as the splitter left it (columns.hpp).
  const ImGuiStyle& style = ImGui::GetStyle();
  ColumnMetrics cm;
  cm.em = em;
  cm.cell = mono ? mono->CalcTextSizeA(mono->FontSize, FLT_MAX, 0, "0").x : ImGui::CalcTextSize("0").x;
  float mono_em = mono ? mono->FontSize : em;
  cm.chrome = 2 * style.WindowPadding.x + style.ScrollbarSize + 2 * style.ChildBorderSize + 2.9f * mono_em +
              3 * cm.cell;
  float right_w = source_column_width(avail.x - left_w - 2 * style.ItemSpacing.x, cm, settings_.source_em);
  // A narrow window (or large type) folds the inspector and the source away: the diagram first.
  bool right_panel = avail.x >= 60 * em;
  if (!right_panel) right_w = -ImGui::GetStyle().ItemSpacing.x;
  float body_h = avail.y - status_h;

  ImGui::BeginChild("left", ImVec2(left_w, body_h), true);
  // The left panel is the one place each kind of source has its own: a live run's controls, a
  // recording's transport and bookmarks.
  if (Replay* r = replay())
    replay_panel_.draw(*this, *r);
  else
    controls_.draw(*this);
  ImGui::EndChild();
  ImGui::SameLine();

  Source& src = source();
  const goro::visual::Model& m = src.model();
  ImGui::BeginGroup();
  float center_w = avail.x - left_w - right_w - 2 * ImGui::GetStyle().ItemSpacing.x;
  float diagram_h = body_h * 0.72f;
  ImGui::BeginChild("diagram", ImVec2(center_w, diagram_h), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::TextColored(col(pal.text), "%s%s", src.heading().c_str(), scenario_->title.c_str());
  ImGui::SameLine();
  ImGui::TextColored(col(pal.text_dim), "— %s", scenario_->description.c_str());
  bool deadlock = m.exited() && m.exit_status() == goro::ExitStatus::Deadlock;
  ImVec2 diagram_at = ImGui::GetCursorScreenPos();
  diagram_.draw(m, pal, sel_, now, deadlock, src.empty_hint().c_str(), ImGui::GetFrameHeightWithSpacing());
  draw_caption(diagram_at.x, diagram_at.y);
  draw_narration(false);
  ImGui::EndChild();
  ImGui::BeginChild("bottom", ImVec2(center_w, body_h - diagram_h - ImGui::GetStyle().ItemSpacing.y), true);
  if (ImGui::BeginTabBar("bottom tabs")) {
    if (ImGui::BeginTabItem(
            "Console", nullptr,
            std::exchange(source_panel_.show_console, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (mono) ImGui::PushFont(mono);
      // The source panel's compile errors are the live program's (a replay's source is not edited).
      goro::visual::draw_console(m, pal, follow_console_,
                                 live() ? source_panel_.console : std::vector<std::string>{}, src.os_exit());
      if (mono) ImGui::PopFont();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Timeline", nullptr,
                            std::exchange(select_timeline_, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (std::optional<double> built = src.indexing()) {  // the timeline is still being built
        ImGui::TextColored(col(pal.text_dim), "Building the timeline: %.0f%% of %zu events", 100 * *built,
                           src.length());
        ImGui::ProgressBar(static_cast<float>(*built), ImVec2(-1, 0));
      } else if (auto click = timeline_view_.draw(src.timeline(), src.strings(), pal, sel_, src.cursor_seq(),
                                                  m.time());
                 click && src.can_seek()) {
        if (click->by_seq)
          jump(static_cast<size_t>(click->at));
        else
          jump_time(static_cast<int64_t>(click->at));
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  ImGui::EndGroup();
  if (right_panel) {
    // The splitter between the diagram and the right column: drag it; a double click goes back to
    // the default width.
    ImGui::SameLine(0, 0);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##splitter", ImVec2(style.ItemSpacing.x, body_h));
    if (ImGui::IsItemActive() && ImGui::GetIO().MouseDelta.x != 0)
      settings_.source_em = (right_w - ImGui::GetIO().MouseDelta.x) / em;
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) settings_.source_em = 0;
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
      float x = std::round(at.x + style.ItemSpacing.x / 2);
      ImGui::GetWindowDrawList()->AddLine(ImVec2(x, at.y + em), ImVec2(x, at.y + body_h - em), pal.selection,
                                          std::max(2.0f, em * 0.15f));
    }
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
      ImGui::SetTooltip("drag to widen the source (double-click: back to the default width)");
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("right", ImVec2(right_w, body_h), true);
    // a goroutine's variables make the inspector taller
    bool goroutine = sel_.key && sel_.key->kind == goro::visual::NodeKind::Goroutine;
    // (variables are a live run's: its Control reads them)
    ImGui::BeginChild("inspector", ImVec2(0, body_h * (goroutine && live() ? 0.5f : 0.36f)), false);
    ImGui::TextColored(col(pal.text_dim), "Inspector");
    // The events up to the moment shown: what it has seen so far.
    goro::visual::GoroutineVariables vars = inspected_variables();
    goro::visual::draw_inspector(m, sel_, diagram_.layout(), src.shown_events(), src.strings(), &vars);
    ImGui::EndChild();
    ImGui::Separator();
    source_panel_.draw(*this);
    ImGui::EndChild();
  }

  status_.draw(*this, frame_ms);
  clip_panel_.draw_progress(*this);
  ImGui::End();
  help_.draw(pal);
}

goro::visual::GoroutineVariables App::inspected_variables() {
  goro::visual::GoroutineVariables none;
  uint64_t g = sel_.key && sel_.key->kind == goro::visual::NodeKind::Goroutine ? sel_.key->id : 0;
  Session* run = live();  // the live run's Control reads them
  if (!run) {
    none.note = "variables are shown for a running program";
    return none;
  }
  if (vars_run_ != run->run_id() || vars_watched_ != g) {
    run->control().watch_variables(g);
    vars_run_ = run->run_id();
    vars_watched_ = g;
  }
  goro::Control::VarSnapshot s = run->control().variables(g);
  if (s.known) return goro::visual::group_variables(s.vars, s.seq);
  const goro::visual::Goroutine* gr = run->model().goroutine(g);
  none.note = gr && gr->state == goro::visual::GState::Finished
                  ? "it has finished: no variables"
                  : "none known yet: they are read at its next event, or at once while paused";
  return none;
}

// draw_diagram_alone() is the diagram filling the window, with its title, the bookmark's
// caption and (presentations, clips with narration) the narration line: for slides.
void App::draw_diagram_alone(double now) {
  const auto& pal = this->pal();
  const goro::visual::Model& m = source().model();
  bool narrate = presentation_ || clip_narration_;
  if (presentation_) ImGui::SetWindowFontScale(1.25f);
  ImGui::TextColored(col(pal.text), "%s", scenario_->title.c_str());
  ImGui::SameLine();
  ImGui::TextColored(col(pal.text_dim), "  time %s", format_time(m.time()).c_str());
  if (presentation_) {
    const char* hint = "P or Esc: leave the presentation · F1: keys";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(hint).x);
    ImGui::TextColored(col(pal.text_dim), "%s", hint);
  }
  ImGui::SetWindowFontScale(1.0f);
  ImVec2 at = ImGui::GetCursorScreenPos();
  float line = ImGui::GetFrameHeightWithSpacing() * (presentation_ ? 1.5f : 1.0f);
  diagram_.draw(m, pal, sel_, now, m.exited() && m.exit_status() == goro::ExitStatus::Deadlock,
                source().empty_hint().c_str(), narrate ? line : 0);
  draw_caption(at.x, at.y);
  if (narrate) draw_narration(presentation_);
}

// fit_line() is text cut with "…" to w pixels in the current font (visual/fit_text.hpp).
static std::string fit_line(const std::string& text, float w) {
  return goro::visual::fit_text(
      text, w, [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; });
}

void App::draw_narration(bool large) {
  const auto& pal = this->pal();
  const Source& src = source();
  std::string text = src.narration();
  if (text.empty()) text = src.empty_narration();
  if (explore_note_ && explore_note_->event == src.position()) text = explore_note_->text + " — " + text;
  if (large) ImGui::SetWindowFontScale(1.5f);
  // One line: cut in one step (fit_text.hpp), the whole sentence (up to a screenful) in a tooltip.
  std::string shown = fit_line(text, ImGui::GetContentRegionAvail().x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(col(pal.text), "%s", shown.c_str());
  if (shown != text && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", goro::visual::clip_text(text, goro::visual::kFitBytes).c_str());
  if (large) ImGui::SetWindowFontScale(1.0f);
}

void App::show_diagram_only_for_a_while(bool diagram_only) {
  diagram_only_saved_ = diagram_only_;
  diagram_only_ = diagram_only_ || diagram_only;
}

void App::end_diagram_only_for_a_while() {
  if (diagram_only_saved_) diagram_only_ = *std::exchange(diagram_only_saved_, std::nullopt);
}

void App::screenshot_done(const std::string& path, bool ok) {
  file_message_ = (ok ? "wrote " : "cannot write ") + path;
  end_diagram_only_for_a_while();
}

std::string App::start_clip(const ClipSpec& spec, bool diagram_only) {
  if (!source_->can_seek()) return "a clip is made from a recording: open one first";
  if (clip_) return "a clip is being made already";
  if (std::string why = Clip::check(spec); !why.empty()) return why;
  clip_ = std::make_unique<Clip>(spec);
  clip_start_frame_ = frames_;
  clip_result_.reset();
  show_diagram_only_for_a_while(diagram_only);
  source_->pause();
  return "";
}

void App::end_clip() {
  if (clip_->all_taken() || !clip_->result().empty()) clip_->finish();
  if (!clip_->finished()) return;
  clip_result_ = clip_->result();
  file_message_ = clip_->result().empty()
                      ? "wrote " + clip_->spec().path + " (" + std::to_string(clip_->frames()) + " frames)"
                      : "no clip: " + clip_->result();
  end_diagram_only_for_a_while();
  clip_.reset();
}

void App::draw_caption(float x, float y) {
  std::string caption = source().caption();  // the lecture's talking point now
  if (caption.empty()) return;
  caption = fit_line(caption, std::max(0.0f, ImGui::GetContentRegionAvail().x - 48));
  const auto& pal = this->pal();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 ts = ImGui::CalcTextSize(caption.c_str());
  ImVec2 a(x + 12, y + 10), b(a.x + ts.x + 24, a.y + ts.y + 14);
  dl->AddRectFilled(a, b, (pal.node_fill & 0x00ffffff) | 0xE6000000, 8);
  dl->AddRect(a, b, pal.selection, 8, 0, 2);
  dl->AddText(ImVec2(a.x + 12, a.y + 7), pal.text, caption.c_str());
}

void App::jump(size_t event) {
  Source& src = source();
  if (!src.can_seek()) return;
  size_t from = src.position();
  src.seek(event);
  src.pause();
  if (event != from + 1) diagram_.settle();  // a step shows its value moving; a jump shows none
}

void App::jump_time(int64_t t) {
  Source& src = source();
  if (!src.can_seek()) return;
  src.seek_time(t);
  src.pause();
  diagram_.settle();
}

void App::draw_file_message() {
  if (file_message_.empty()) return;
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal().text_dim), "%s", file_message_.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace goroscope
