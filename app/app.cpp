// app/app.cpp: the window's layout around the diagram, the narration line, presentations,
// clips' frames and the keyboard. The panels are in panel_*.cpp.
#include "app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
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
    if (opts.at >= 0) replay_->seek_time(opts.at);
    if (opts.at_event >= 0) replay_->seek(std::min(static_cast<size_t>(opts.at_event), replay_->size()));
    if (opts.play) replay_->play();
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

void App::open(std::shared_ptr<Replay> r) {
  if (clip_) {
    file_message_ = "a clip is being made: wait for it or cancel it before opening " + r->path();
    return;
  }
  replay_ = std::move(r);
  clip_panel_.reset_range(replay_->duration());
  session_->control().pause();  // the live program waits while we replay
  diagram_.reset();
  planned_ = false;  // every box in its place once the replay's last state is known (plan_replay)
  plan_replay();
  sel_.key.reset();
  replay_->seek(0);
  timeline_view_.reset();
  if (const Scenario* s = find_scenario(
          replay_->recording().header.count("scenario") ? replay_->recording().header.at("scenario") : ""))
    scenario_ = s, original_ = nullptr;
  file_message_ =
      "opened " + replay_->path() + (replay_->recording().complete ? "" : " (incomplete recording)");
}

void App::sync_breakpoints() {
  goro::Control& ctl = session_->control();
  if (breakpoints_.push(*session_)) line_stops_seen_ = 0;
  if (uint64_t n = ctl.line_stops(); n != line_stops_seen_) {
    line_stops_seen_ = n;
    goro::Control::LineStop at = ctl.last_line_stop();
    sel_.key = goro::visual::NodeKey{goro::visual::NodeKind::Goroutine, at.g};
    const goro::visual::Goroutine* g = session_->model().goroutine(at.g);
    std::string who =
        "goroutine " + std::to_string(at.g) + (g && !g->name.empty() ? " (" + g->name + ")" : "");
    file_message_ = at.breakpoint ? "breakpoint: " + who + " reached line " + std::to_string(at.line)
                                  : who + " stepped to line " + std::to_string(at.line);
  }
}

void App::step() {
  if (replay_) return;
  if (session_->done()) {
    restart(true);  // Step after the end shows the run again, paused at its first event
    return;
  }
  fold_from_ = session_->events().size();
  fold_left_ = 256;
  session_->control().step();
}

void App::fold_step() {
  if (!fold_left_ || replay_) return;
  const auto& evs = session_->events();
  goro::Control& c = session_->control();
  if (evs.size() <= fold_from_ || !c.paused()) return;  // the step has not happened yet
  if (session_->done() || goro::visual::seen(session_->model(), evs.back(), session_->strings())) {
    fold_left_ = 0;
    return;
  }
  fold_from_ = evs.size();
  fold_left_--;
  c.step();
}

size_t App::seen_step(bool forward) const {
  const goro::Recording& rec = replay_->recording();
  const goro::visual::Model* all = replay_->final_model();  // every goroutine's name known
  const goro::visual::Model& m = all ? *all : replay_->model();
  auto seen = [&](size_t i) { return goro::visual::seen(m, rec.events[i], rec.strings); };
  size_t n = rec.events.size(), at = replay_->cursor();  // events [0, at) applied
  if (forward) {
    size_t i = at;
    while (i < n && i - at < 4096 && !seen(i)) i++;
    return std::min(i + 1, n);
  }
  if (at <= 1) return 0;
  size_t i = at - 2;  // the event before the one shown last
  while (i > 0 && at - i < 4096 && !seen(i)) i--;
  return i + 1;
}

void App::step_line() {
  if (replay_) return;
  if (session_->done()) {
    restart(true);
    return;
  }
  uint64_t g = sel_.key && sel_.key->kind == goro::visual::NodeKind::Goroutine ? sel_.key->id : 1;
  const goro::visual::Goroutine* gr = session_->model().goroutine(g);
  session_->control().step_line(g, gr ? gr->line : 0, hold_others_ && config_.procs == 1);
}

goro::SourceFile App::shown_source() const {
  if (replay_ && !replay_->recording().source.name.empty()) return replay_->recording().source;
  if (replay_) return {scenario_->go_file, scenario_->source};  // an older recording: the program's
  return session_->source();
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
  if (replay_) replay_.reset();
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
  if (replay_) replay_.reset();
  restart();
  file_message_ = "running " + scenario_->name;
  return true;
}

void App::revert() {
  if (replay_) replay_.reset();
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
  session_.reset();  // stops the old program
  diagram_.reset();
  // The race detector watches the shared variables (drawn as nodes) of programs that make few
  // goroutines; a rehearsal without it tells how many this one makes.
  RunSpec spec{scenario_, params_, config_};
  spec.config.race = false;
  goro::visual::Model planned = rehearse(spec);
  if (planned.exited() && planned.goroutines().size() <= kRaceGoroutinesMax) {
    spec.config.race = true;
    spec.config.race_values = true;  // each shared variable's value in its box
    planned = rehearse(spec);
  }
  diagram_.plan(planned);  // the boxes hold still while it runs
  sel_.key.reset();
  spec.lines = true;  // breakpoints and Step line stop at any statement
  // Choosing by hand: a choice at every synchronising call and every shared read and write (as
  // the schedule explorer has), so that two counter++ can be interleaved to lose an update.
  spec.config.preempt_at_sync = choose_ && config_.procs == 1;
  session_ = std::make_unique<Session>(spec, "", true, true);  // held until its breakpoints are set
  timeline_view_.reset();
  session_->control().choose_mode(choose_ && config_.procs == 1);
  sync_breakpoints();
  if (!paused && !settings_.start_paused) session_->control().resume();
  status_ = StatusBar{};
  status_.rate_start = now_;
}

void App::back_to_live() {
  replay_.reset();
  diagram_.reset();
  sel_.key.reset();
  file_message_.clear();
  restart();
}

// plan_replay() lays out every node the replay will ever hold, once its indexing has found its
// last state (at once for a small recording; a big one shows its first moment meanwhile).
void App::plan_replay() {
  if (!replay_ || planned_) return;
  if (const goro::visual::Model* last = replay_->final_model()) {
    diagram_.plan(*last);
    planned_ = true;
  }
}

std::optional<double> App::live_run_seconds() const {
  return session_ && !replay_ ? session_->wall_seconds() : std::nullopt;
}

bool App::busy() const {
  if (replay_)
    return replay_->playing() || !replay_->index_done() || diagram_.animating() ||
           (clip_ && !clip_->all_taken());
  return (session_ && !session_->done()) || diagram_.animating();
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
  if (replay_) {
    if (pressed(GLFW_KEY_SPACE, false)) replay_->playing() ? replay_->pause() : replay_->play();
    if (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_N)) jump(seen_step(true));
    if (pressed(GLFW_KEY_LEFT) || pressed(GLFW_KEY_B)) jump(seen_step(false));
    return;
  }
  goro::Control& c = session_->control();
  if (pressed(GLFW_KEY_SPACE, false)) c.paused() ? c.resume() : c.pause();
  if (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_N)) {
    step();  // may restart: c is then the old run's
    return;
  }
  if (pressed(GLFW_KEY_DOWN)) {
    step_line();  // may restart, as step()
    return;
  }
  if (pressed(GLFW_KEY_R, false)) {
    restart();  // c is the old run's: done with it
    return;
  }
  bool faster = pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD);
  bool slower = pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT);
  if (faster || slower) {
    config_.speed = std::clamp(config_.speed * (faster ? 1.5 : 1 / 1.5), 0.01, 1000.0);
    c.set_speed(config_.speed);
  }
}

void App::frame(double now, float frame_ms) {
  double dt = now - last_frame_;
  last_frame_ = now;
  now_ = now;
  frames_++;
  plan_replay();
  clip_overlay_ = nullptr;
  if (clip_) end_clip();
  // A clip's frame shows its moment from the first frame after it started (the frame that
  // started it showed the window as it was, and is not one of its frames).
  if (Clip* c = clip()) seek_replay(c->next_time());
  if (png_path_) {  // drawn as asked this frame, written after it
    show_diagram_only_for_a_while(png_diagram_);
    shot_path_ = std::exchange(png_path_, std::nullopt);
  }
  explore_panel_.poll(*this);  // a search that ended opens what it found
  size_t applied = replay_ ? replay_->update(dt) : 0;
  applied += session_->pump_frame();  // a paused live run while replaying: drains nothing new
  status_.count(applied, now);
  sync_breakpoints();
  fold_step();
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
  if (replay_)
    replay_panel_.draw(*this);
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
  ImGui::TextColored(col(pal.text), "%s%s", replay_ ? "Replay: " : "", scenario_->title.c_str());
  ImGui::SameLine();
  ImGui::TextColored(col(pal.text_dim), "— %s", scenario_->description.c_str());
  bool deadlock = m.exited() && m.exit_status() == goro::ExitStatus::Deadlock;
  ImVec2 diagram_at = ImGui::GetCursorScreenPos();
  diagram_.draw(m, pal, sel_, now, deadlock,
                replay_ ? "The start of the recording: press Play, or step with Right."
                        : "Pick a program and press Run (R).",
                ImGui::GetFrameHeightWithSpacing());
  draw_caption(diagram_at.x, diagram_at.y);
  draw_narration(false);
  ImGui::EndChild();
  ImGui::BeginChild("bottom", ImVec2(center_w, body_h - diagram_h - ImGui::GetStyle().ItemSpacing.y), true);
  if (ImGui::BeginTabBar("bottom tabs")) {
    if (ImGui::BeginTabItem(
            "Console", nullptr,
            std::exchange(source_panel_.show_console, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (mono) ImGui::PushFont(mono);
      goro::visual::draw_console(m, pal, follow_console_,
                                 replay_ ? std::vector<std::string>{} : source_panel_.console,
                                 session_ && session_->done() ? session_->exit_code() : -1);
      if (mono) ImGui::PopFont();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Timeline", nullptr,
                            std::exchange(select_timeline_, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
      if (replay_ && !replay_->index_done()) {  // a replay's timeline is still being built
        ImGui::TextColored(col(pal.text_dim), "Building the timeline: %.0f%% of %zu events",
                           100 * replay_->progress(), replay_->size());
        ImGui::ProgressBar(static_cast<float>(replay_->progress()), ImVec2(-1, 0));
      } else if (auto click = timeline_view_.draw(src.timeline(), src.strings(), pal, sel_, src.cursor_seq(),
                                                  m.time());
                 click && replay_) {
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
    ImGui::BeginChild("inspector", ImVec2(0, body_h * (goroutine && !replay_ ? 0.5f : 0.36f)), false);
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
  if (session_ && (vars_run_ != session_->run_id() || vars_watched_ != g)) {
    session_->control().watch_variables(g);
    vars_run_ = session_->run_id();
    vars_watched_ = g;
  }
  if (replay_ || !session_) {
    none.note = "variables are shown for a running program";
    return none;
  }
  goro::Control::VarSnapshot s = session_->control().variables(g);
  if (s.known) return goro::visual::group_variables(s.vars, s.seq);
  const goro::visual::Goroutine* gr = session_->model().goroutine(g);
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
                replay_ ? "The start of the recording: press Play, or step with Right."
                        : "Pick a program and press Run (R).",
                narrate ? line : 0);
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
  std::string text = source().narration();
  if (text.empty()) text = replay_ ? "(the start of the recording)" : "(nothing has happened yet)";
  if (replay_ && explore_note_ && explore_note_->path == replay_->path() &&
      explore_note_->event == replay_->cursor())
    text = explore_note_->text + " — " + text;
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
  if (!replay_) return "a clip is made from a recording: open one first";
  if (clip_) return "a clip is being made already";
  if (std::string why = Clip::check(spec); !why.empty()) return why;
  clip_ = std::make_unique<Clip>(spec);
  clip_start_frame_ = frames_;
  clip_result_.reset();
  show_diagram_only_for_a_while(diagram_only);
  replay_->pause();
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
  if (!replay_) return;
  std::string caption = replay_->caption_at(replay_->time());  // the lecture's talking point now
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
  size_t from = replay_->cursor();
  replay_->seek(event);
  replay_->pause();
  if (event != from + 1) diagram_.settle();  // a step shows its value moving; a jump shows none
}

void App::jump_time(int64_t t) {
  replay_->seek_time(t);
  replay_->pause();
  diagram_.settle();
}

void App::draw_file_message() {
  if (file_message_.empty()) return;
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal().text_dim), "%s", file_message_.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace goroscope
