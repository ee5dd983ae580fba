// app/app.cpp: the panels around the diagram and the keyboard.
#include "app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <sstream>

#include "cli.hpp"

namespace goroscope {

namespace {

ImVec4 col(uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

// default_shot_path() is where F12 writes: a new name in the working folder.
std::string default_shot_path() { return "goroscope-" + std::to_string(std::time(nullptr)) + ".png"; }

}  // namespace

std::string assets_dir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    std::string dir = exe.substr(0, exe.rfind('/'));
    for (const std::string& c : {dir + "/assets", dir + "/../assets", dir + "/../share/goroscope/assets"})
      if (std::ifstream(c + "/programs/08_worker_pool.go")) return c;
  }
  return GOROSCOPE_SOURCE_ASSETS;
}

App::App(const AppOptions& opts, Settings& settings) : settings_(settings) {
  config_.clock = goro::ClockMode::Real;  // watching: real time, adjustable speed
  if (opts.config_set) config_ = opts.config;
  const Scenario* s = find_scenario(opts.scenario.empty() ? settings.scenario : opts.scenario);
  select_scenario(s ? s : &scenarios()[7]);
  if (opts.params_set) params_ = opts.params;
  restart();
  select_timeline_ = opts.timeline;
  diagram_only_ = opts.diagram_only;
  if (opts.replay) {
    open(opts.replay);
    if (opts.at >= 0) replay_->seek_time(opts.at);
    playing_ = opts.play;
    replay_time_ = static_cast<double>(replay_->time());
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
  std::snprintf(clip_from_, sizeof clip_from_, "0s");
  std::snprintf(clip_to_, sizeof clip_to_, "%s", format_time(replay_->duration()).c_str());
  const std::string& path = replay_->path();
  session_->control().pause();  // the live program waits while we replay
  diagram_.reset();
  diagram_.plan(replay_->final_model());  // every box in its place from the first frame
  sel_.key.reset();
  playing_ = false;
  replay_->seek(0);
  replay_time_ = 0;
  timeline_.clear();
  timeline_view_.reset();
  for (const goro::Event& e : replay_->recording().events) timeline_.add(e);
  if (const Scenario* s = find_scenario(
          replay_->recording().header.count("scenario") ? replay_->recording().header.at("scenario") : ""))
    scenario_ = s;
  file_message_ = "opened " + path + (replay_->recording().complete ? "" : " (incomplete recording)");
}

App::~App() { settings_.scenario = scenario_->name; }

void App::select_scenario(const Scenario* s) {
  scenario_ = s;
  params_ = s->defaults();
  settings_.scenario = s->name;
}

void App::restart() {
  session_.reset();  // stops the old program
  diagram_.reset();
  diagram_.plan(rehearse(RunSpec{scenario_, params_, config_}));  // the boxes hold still while it runs
  sel_.key.reset();
  session_ = std::make_unique<Session>(RunSpec{scenario_, params_, config_}, "", false, true);
  timeline_.clear();
  timeline_view_.reset();
  session_->control().choose_mode(choose_ && config_.procs == 1);
  rate_events_ = 0;
  rate_start_ = now_;
}

bool App::busy() const {
  if (replay_) return playing_ || diagram_.animating() || (clip_ && !clip_->all_taken());
  return (session_ && !session_->done()) || diagram_.animating();
}

const std::string& App::source_of(const Scenario& s) {
  auto it = sources_.find(s.go_file);
  if (it != sources_.end()) return it->second;
  std::ifstream f(assets_dir() + "/programs/" + s.go_file);
  std::stringstream ss;
  if (f)
    ss << f.rdbuf();
  else
    ss << "(source " << s.go_file << " not found in " << assets_dir() << "/programs)";
  return sources_[s.go_file] = ss.str();
}

void App::keys() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || clip_) return;
  if (replay_ && !io.KeyCtrl) {
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false))
      playing_ = !playing_, replay_time_ = static_cast<double>(replay_->time());
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT) || ImGui::IsKeyPressed(GLFW_KEY_N)) jump(replay_->cursor() + 1);
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT) || ImGui::IsKeyPressed(GLFW_KEY_B))
      jump(replay_->cursor() ? replay_->cursor() - 1 : 0);
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) shot_path_ = default_shot_path();
    return;
  }
  goro::Control& c = session_->control();
  if (io.KeyCtrl) {
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
      settings_.ui_zoom = std::min(3.f, settings_.ui_zoom * 1.1f), zoom_changed_ = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
      settings_.ui_zoom = std::max(0.5f, settings_.ui_zoom / 1.1f), zoom_changed_ = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_0)) settings_.ui_zoom = 1, zoom_changed_ = true;
    return;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) c.paused() ? c.resume() : c.pause();
  if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT) || ImGui::IsKeyPressed(GLFW_KEY_N)) c.step();
  if (ImGui::IsKeyPressed(GLFW_KEY_R, false)) restart();
  if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) shot_path_ = default_shot_path();
  bool faster = ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD);
  bool slower = ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT);
  if (faster || slower) {
    config_.speed = std::clamp(config_.speed * (faster ? 1.5 : 1 / 1.5), 0.01, 1000.0);
    c.set_speed(config_.speed);
  }
}

void App::frame(double now, float frame_ms) {
  double dt = now - last_frame_;
  last_frame_ = now;
  now_ = now;
  clip_overlay_ = nullptr;
  if (clip_) end_clip();
  if (png_path_) {  // drawn as asked this frame, written after it
    show_diagram_only_for_a_while(png_diagram_);
    shot_path_ = std::exchange(png_path_, std::nullopt);
  }
  if (replay_ && playing_) {
    size_t before = replay_->cursor();
    if (replay_->duration() == 0) {  // time stood still the whole run: play by events, 30 a second at 1x
      replay_events_ += std::min(dt, 0.1) * replay_speed_ * kEventsPerSecond;
      replay_->seek(before + std::min(kMaxEventsPerFrame, static_cast<size_t>(replay_events_)));
      replay_events_ -= std::floor(replay_events_);
    } else {
      replay_time_ += std::min(dt, 0.1) * replay_speed_ * 1e9;
      replay_->seek_time(static_cast<int64_t>(replay_time_), before + kMaxEventsPerFrame);
      if (replay_->cursor() == before + kMaxEventsPerFrame)
        replay_time_ = static_cast<double>(replay_->time());  // behind: slow down
      if (replay_->cursor() == before && replay_->cursor() < replay_->size() &&
          replay_->recording().events[replay_->cursor()].time <= static_cast<int64_t>(replay_time_))
        replay_->seek(before + 1);
    }
    if (replay_->cursor() >= replay_->size()) playing_ = false;
    rate_events_ += replay_->cursor() - before;
  }
  const auto& evs = session_->pump();
  rate_events_ += replay_ ? 0 : evs.size();
  if (!replay_)
    for (const goro::Event& e : evs) timeline_.add(e);
  if (now - rate_start_ >= 1.0) {
    rate_ = static_cast<double>(rate_events_) / (now - rate_start_);
    rate_events_ = 0;
    rate_start_ = now;
  }
  keys();
  const auto& pal = goro::visual::palette(settings_.dark);
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::Begin("Goroscope", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  if (diagram_only_) {  // the diagram alone, with its title and the bookmark's caption
    const goro::visual::Model& dm = model();
    ImGui::TextColored(col(pal.text), "%s", scenario_->title.c_str());
    ImGui::SameLine();
    ImGui::TextColored(col(pal.text_dim), "  time %s", format_time(dm.time()).c_str());
    ImVec2 at = ImGui::GetCursorScreenPos();
    diagram_.draw(dm, pal, sel_, now, dm.exited() && dm.exit_status() == goro::ExitStatus::Deadlock);
    draw_caption(at.x, at.y);
    draw_clip_progress();
    ImGui::End();
    return;
  }
  float status_h = ImGui::GetFrameHeightWithSpacing();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // The side panels leave the diagram most of the width (its text stays >= kMinTextPx).
  float em = ImGui::GetFontSize();
  float left_w = std::clamp(avail.x * 0.17f, 16.5f * em, 28 * em);
  float right_w = std::clamp(avail.x * 0.17f, 13 * em, 28 * em);
  float body_h = avail.y - status_h;

  ImGui::BeginChild("left", ImVec2(left_w, body_h), true);
  if (replay_)
    draw_replay_controls();
  else
    draw_controls();
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginGroup();
  float center_w = avail.x - left_w - right_w - 2 * ImGui::GetStyle().ItemSpacing.x;
  float diagram_h = body_h * 0.72f;
  ImGui::BeginChild("diagram", ImVec2(center_w, diagram_h), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const goro::visual::Model& m = model();
  ImGui::TextColored(col(pal.text), "%s%s", replay_ ? "Replay: " : "", scenario_->title.c_str());
  ImGui::SameLine();
  ImGui::TextColored(col(pal.text_dim), "— %s", scenario_->description.c_str());
  bool deadlock = m.exited() && m.exit_status() == goro::ExitStatus::Deadlock;
  ImVec2 diagram_at = ImGui::GetCursorScreenPos();
  diagram_.draw(m, pal, sel_, now, deadlock,
                replay_ ? "The start of the recording: press Play, or step with Right."
                        : "Pick a program and press Run (R).");
  draw_caption(diagram_at.x, diagram_at.y);
  ImGui::EndChild();
  ImGui::BeginChild("bottom", ImVec2(center_w, body_h - diagram_h - ImGui::GetStyle().ItemSpacing.y), true);
  if (ImGui::BeginTabBar("bottom tabs")) {
    if (ImGui::BeginTabItem("Console")) {
      if (mono) ImGui::PushFont(mono);
      goro::visual::draw_console(m, pal, follow_console_);
      if (mono) ImGui::PopFont();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Timeline", nullptr,
                            std::exchange(select_timeline_, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
      uint64_t cursor = replay_
                            ? (replay_->cursor() ? replay_->recording().events[replay_->cursor() - 1].seq : 0)
                            : m.seq();
      if (auto click =
              timeline_view_.draw(timeline_, replay_ ? replay_->recording().strings : session_->strings(),
                                  pal, sel_, cursor, m.time());
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
  ImGui::SameLine();

  ImGui::BeginChild("right", ImVec2(right_w, body_h), true);
  ImGui::BeginChild("inspector", ImVec2(0, body_h * 0.45f), false);
  ImGui::TextColored(col(pal.text_dim), "Inspector");
  if (replay_) {
    // The events up to the cursor: what the replayed moment has seen so far.
    std::span<const goro::Event> upto(replay_->recording().events.data(), replay_->cursor());
    goro::visual::draw_inspector(m, sel_, diagram_.layout(), upto, replay_->recording().strings);
  } else {
    goro::visual::draw_inspector(m, sel_, diagram_.layout(), session_->events(), session_->strings());
  }
  ImGui::EndChild();
  ImGui::Separator();
  draw_source();
  ImGui::EndChild();

  draw_status(frame_ms);
  draw_clip_progress();
  ImGui::End();
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
  clip_result_.reset();
  show_diagram_only_for_a_while(diagram_only);
  playing_ = false;
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

// draw_clip_progress() is the modal progress window over everything while a clip is made; its
// draw list stays out of the clip's frames.
void App::draw_clip_progress() {
  if (!clip_) return;
  ImGui::OpenPopup("Making a clip");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Making a clip", nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  clip_overlay_ = ImGui::GetWindowDrawList();
  ImGui::Text("%s", clip_->spec().path.c_str());
  float f = static_cast<float>(clip_->done()) / static_cast<float>(std::max(1, clip_->frames()));
  std::string label = clip_->all_taken() ? "ffmpeg is finishing the file..."
                                         : "frame " + std::to_string(clip_->done()) + " of " +
                                               std::to_string(clip_->frames());
  ImGui::ProgressBar(f, ImVec2(360, 0), label.c_str());
  if (ImGui::Button("Cancel")) {
    clip_.reset();  // ffmpeg is closed and the partial file removed
    clip_result_ = "cancelled";
    file_message_ = "clip cancelled";
    end_diagram_only_for_a_while();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// draw_clip_controls() is the "Clip for slides" section of the replay controls.
void App::draw_clip_controls() {
  const auto& pal = goro::visual::palette(settings_.dark);
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal.text_dim),
                     "For slides: a picture of this moment (.png) or a clip (.gif, .mp4), the window's size");
  ImGui::PopTextWrapPos();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##clip path", clip_path_, sizeof clip_path_);
  float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(half);
  ImGui::InputText("##clip from", clip_from_, sizeof clip_from_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("from (program time: 0s, 1.5s, 200ms)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  ImGui::InputText("##clip to", clip_to_, sizeof clip_to_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("to (program time)");
  ImGui::SetNextItemWidth(half);
  ImGui::SliderInt("##clip fps", &clip_fps_, 1, 60, "%d frames/s");
  ImGui::SameLine();
  ImGui::Checkbox("diagram only", &clip_diagram_);
  std::string path = clip_path_;
  bool png = path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0;
  if (ImGui::Button(png ? "Save the picture" : "Make the clip", ImVec2(-1, 0))) {
    auto from = parse_time(clip_from_), to = parse_time(clip_to_);
    if (png) {
      png_path_ = path, png_diagram_ = clip_diagram_;
      return;
    }
    if (!from || !to)
      file_message_ = "no clip: from and to are times such as 0s, 1.5s, 200ms";
    else if (std::string why = start_clip({clip_path_, *from, *to, clip_fps_}, clip_diagram_); !why.empty())
      file_message_ = "no clip: " + why;
  }
}

void App::draw_controls() {
  const auto& pal = goro::visual::palette(settings_.dark);
  goro::Control& c = session_->control();
  ImGui::TextColored(col(pal.text_dim), "Program");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##program", scenario_->title.c_str())) {
    for (const Scenario& s : scenarios()) {
      if (ImGui::Selectable(s.title.c_str(), &s == scenario_)) {
        select_scenario(&s);
        restart();
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n(%s)", s.description.c_str(), s.go_file.c_str());
    }
    ImGui::EndCombo();
  }
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal.text_dim), "%s", scenario_->description.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();

  // Run controls.
  bool paused = c.paused();
  float bw = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  if (ImGui::Button(session_->done() ? "Run (R)" : "Restart (R)", ImVec2(bw, 0))) restart();
  ImGui::SameLine();
  if (ImGui::Button(paused ? "Resume" : "Pause", ImVec2(bw, 0))) paused ? c.resume() : c.pause();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");
  ImGui::SameLine();
  if (ImGui::Button("Step", ImVec2(bw, 0))) c.step();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("one event (Right or N)");

  ImGui::Spacing();
  ImGui::TextColored(col(pal.text_dim), "Clock");
  bool real = config_.clock == goro::ClockMode::Real;
  if (ImGui::RadioButton("real", real) && !real) config_.clock = goro::ClockMode::Real, restart();
  ImGui::SameLine();
  if (ImGui::RadioButton("virtual", !real) && real) config_.clock = goro::ClockMode::Virtual, restart();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("time jumps to the next timer when every goroutine is blocked");
  if (config_.clock == goro::ClockMode::Real) {
    float speed = static_cast<float>(config_.speed);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##speed", &speed, 0.05f, 20.f, "speed %.2fx", ImGuiSliderFlags_Logarithmic)) {
      config_.speed = speed;
      c.set_speed(speed);
    }
  }

  ImGui::Spacing();
  ImGui::TextColored(col(pal.text_dim), "Parameters");
  bool changed = false;
  for (const Param& p : scenario_->params) {
    int v = params_[p.name];
    ImGui::SetNextItemWidth(-1);
    int hi = std::min(p.max, std::max(p.def * 4, 32));  // a slider range that stays usable
    ImGuiSliderFlags flags = hi - p.min > 1000 ? ImGuiSliderFlags_Logarithmic : 0;
    std::string fmt = p.name + " %d";
    if (ImGui::SliderInt(("##" + p.name).c_str(), &v, p.min, hi, fmt.c_str(), flags))
      params_.values[p.name] = std::clamp(v, p.min, p.max);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s (%d to %d; ctrl+click to type)", p.help.c_str(), p.min, p.max);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
  }
  int procs = config_.procs;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##procs", &procs, 1, 8, "procs (GOMAXPROCS) %d")) config_.procs = procs;
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  int seed = static_cast<int>(config_.seed);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputInt("##seed", &seed))
    config_.seed = static_cast<uint64_t>(std::max(0, seed)), changed = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("seed: every random choice (select, the data race's scheduler)");
  if (changed) restart();

  // Choosing the interleaving by hand.
  ImGui::Spacing();
  ImGui::BeginDisabled(config_.procs != 1);
  if (ImGui::Checkbox("choose who runs next, by hand", &choose_)) c.choose_mode(choose_);
  ImGui::EndDisabled();
  if (config_.procs != 1 && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("with procs = 1");
  if (choose_ && config_.procs == 1) {
    auto cands = c.candidates();
    if (cands.empty()) ImGui::TextColored(col(pal.text_dim), "(no choice pending)");
    for (const auto& g : cands) {
      std::string label =
          "run next: " + (g.name.empty() ? "goroutine" : g.name) + " (" + std::to_string(g.id) + ")";
      if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) c.choose(g.id);
    }
  }

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(col(pal.text_dim), "Recording");
  ImGui::SetNextItemWidth(-1);
  if (!path_buf_[0]) std::snprintf(path_buf_, sizeof path_buf_, "%s.gorec", scenario_->name.c_str());
  ImGui::InputText("##path", path_buf_, sizeof path_buf_);
  if (ImGui::Button("Save recording")) {
    try {
      goro::save_recording(path_buf_, session_->recording());
      file_message_ = std::string("saved ") + path_buf_ + (session_->done() ? "" : " (so far)");
    } catch (const goro::RecordingError& e) {
      file_message_ = e.what();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Open for replay")) {
    std::string err = open(path_buf_);
    if (!err.empty()) file_message_ = err;
  }
  draw_file_message();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(col(pal.text_dim), "View");
  ImGui::Checkbox("dark theme", &settings_.dark);  // the window applies it
  if (ImGui::Button("Fit diagram")) diagram_.fit();
  ImGui::SameLine();
  if (ImGui::Button("Screenshot (F12)")) shot_path_ = default_shot_path();
  ImGui::Spacing();
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal.text_dim),
                     "Keys: Space pause/resume · Right or N step · R restart · +/- speed · Ctrl +/- zoom");
  ImGui::PopTextWrapPos();
}

void App::draw_caption(float x, float y) {
  if (!replay_) return;
  std::string caption = replay_->caption_at(replay_->time());  // the lecture's talking point now
  if (caption.empty()) return;
  const auto& pal = goro::visual::palette(settings_.dark);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 ts = ImGui::CalcTextSize(caption.c_str());
  ImVec2 a(x + 12, y + 10), b(a.x + ts.x + 24, a.y + ts.y + 14);
  dl->AddRectFilled(a, b, (pal.node_fill & 0x00ffffff) | 0xE6000000, 8);
  dl->AddRect(a, b, pal.selection, 8, 0, 2);
  dl->AddText(ImVec2(a.x + 12, a.y + 7), pal.text, caption.c_str());
}

void App::draw_replay_controls() {
  const auto& pal = goro::visual::palette(settings_.dark);
  Replay& r = *replay_;
  ImGui::TextColored(col(pal.text_dim), "Replay");
  ImGui::PushTextWrapPos();
  ImGui::TextUnformatted(r.path().c_str());
  for (const auto& [k, v] : r.recording().header)
    if (k != "goroscope") ImGui::TextColored(col(pal.text_dim), "%s = %s", k.c_str(), v.c_str());
  if (!r.recording().complete)
    ImGui::TextColored(col(pal.runnable), "incomplete: the run did not finish writing it");
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  float bw = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
  if (ImGui::Button("|<", ImVec2(bw, 0))) jump(0);
  ImGui::SameLine();
  if (ImGui::Button("<", ImVec2(bw, 0))) jump(r.cursor() ? r.cursor() - 1 : 0);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("one event back (Left or B)");
  ImGui::SameLine();
  if (ImGui::Button(playing_ ? "Pause" : "Play", ImVec2(bw, 0))) {
    if (!playing_ && r.cursor() >= r.size()) r.seek(0);
    playing_ = !playing_;
    replay_time_ = static_cast<double>(r.time());
  }
  ImGui::SameLine();
  if (ImGui::Button(">", ImVec2(bw, 0))) jump(r.cursor() + 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("one event forward (Right or N)");
  float speed = static_cast<float>(replay_speed_);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##rspeed", &speed, 0.01f, 100000.f, "speed %.2fx", ImGuiSliderFlags_Logarithmic))
    replay_speed_ = speed;
  int cur = static_cast<int>(r.cursor());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##cursor", &cur, 0, static_cast<int>(r.size()), "event %d"))
    jump(static_cast<size_t>(cur));
  ImGui::TextColored(col(pal.text_dim), "time %s of %s", format_time(r.time()).c_str(),
                     format_time(r.duration()).c_str());
  if (size_t end = r.find_end()) {
    if (ImGui::Button("Jump to the panic / deadlock", ImVec2(-1, 0))) jump(end);
  }
  ImGui::BeginDisabled(!sel_.key);
  if (ImGui::Button("Next event of the selection", ImVec2(-1, 0))) {
    const auto& evs = r.recording().events;
    for (size_t i = r.cursor(); i < evs.size(); i++)
      if (goro::visual::concerns(evs[i], *sel_.key, diagram_.layout())) {
        jump(i + 1);
        break;
      }
  }
  ImGui::EndDisabled();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(col(pal.text_dim), "Bookmarks (talking points)");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##caption", "caption for this moment", caption_buf_, sizeof caption_buf_);
  if (ImGui::Button("Add at cursor") && caption_buf_[0]) {
    r.add_bookmark(r.time(), caption_buf_);
    caption_buf_[0] = 0;
  }
  ImGui::SameLine();
  if (ImGui::Button("Save into the file")) {
    try {
      r.save();
      file_message_ = "bookmarks saved in " + r.path();
    } catch (const goro::RecordingError& e) {
      file_message_ = e.what();
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
    if (ImGui::Selectable((format_time(b.time) + "  " + b.caption).c_str())) jump_time(b.time);
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::Separator();
  draw_clip_controls();
  draw_file_message();  // below the buttons, so that a message does not move them
  ImGui::Spacing();
  if (ImGui::Button("Back to live programs", ImVec2(-1, 0))) {
    replay_.reset();
    diagram_.reset();
    sel_.key.reset();
    file_message_.clear();
    restart();
  }
  ImGui::Spacing();
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(pal.text_dim), "Keys: Space play/pause · Right/N, Left/B step · F12 screenshot");
  ImGui::PopTextWrapPos();
}

void App::jump(size_t event) {
  replay_->seek(event);
  playing_ = false;
}

void App::jump_time(int64_t t) {
  replay_->seek_time(t);
  playing_ = false;
}

void App::draw_file_message() {
  if (file_message_.empty()) return;
  ImGui::PushTextWrapPos();
  ImGui::TextColored(col(goro::visual::palette(settings_.dark).text_dim), "%s", file_message_.c_str());
  ImGui::PopTextWrapPos();
}

void App::draw_source() {
  const auto& pal = goro::visual::palette(settings_.dark);
  ImGui::TextColored(col(pal.text_dim), "Go source: %s", scenario_->go_file.c_str());
  ImGui::BeginChild("source", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  if (mono) ImGui::PushFont(mono);
  std::istringstream in(source_of(*scenario_));
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ImGui::TextColored(col(pal.text_dim), "%3d", ++n);
    ImGui::SameLine();
    for (auto& ch : line)
      if (ch == '\t') ch = ' ';
    ImGui::TextUnformatted(line.c_str());
  }
  if (mono) ImGui::PopFont();
  ImGui::EndChild();
}

void App::draw_status(float frame_ms) {
  const auto& pal = goro::visual::palette(settings_.dark);
  const goro::visual::Model& m = model();
  using goro::visual::GState;
  std::string state = replay_                        ? (playing_ ? "replaying" : "replay paused")
                      : session_->done()             ? (m.exit_status() == goro::ExitStatus::Ok      ? "exited"
                                                        : m.exit_status() == goro::ExitStatus::Panic ? "panicked"
                                                                                                     : "deadlocked")
                      : session_->control().paused() ? "paused"
                                                     : "running";
  ImGui::TextColored(
      col(!replay_ && session_->done() && m.exit_status() != goro::ExitStatus::Ok ? pal.blocked
                                                                                  : pal.running),
      "%s", state.c_str());
  ImGui::SameLine();
  ImGui::TextColored(
      col(pal.text_dim),
      "| %s time %s | %.0f events/s | goroutines: %zu running, %zu runnable, %zu blocked, %zu sleeping, %zu "
      "finished | frame %.1f ms",
      replay_ ? (replay_->recording().header.count("clock") ? replay_->recording().header.at("clock").c_str()
                                                            : "?")
      : config_.clock == goro::ClockMode::Virtual ? "virtual"
                                                  : "real",
      format_time(m.time()).c_str(), rate_, m.count(GState::Running), m.count(GState::Runnable),
      m.count(GState::Blocked), m.count(GState::Sleeping), m.count(GState::Finished), frame_ms);
}

}  // namespace goroscope
