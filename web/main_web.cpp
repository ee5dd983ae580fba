// web/main_web.cpp: the page's entry: GLFW on the page's canvas (emscripten's GLFW3), WebGL2,
// Dear ImGui and the same App as the desktop window (app/window.cpp), one frame per call from
// the page's frame loop (emscripten_set_main_loop). The program runs in slices of those frames
// (app/runner_slices.cpp), so the page never waits on it.
//
// URL parameters (docs/web.md): ?program=NAME (one of `goroscope list`'s) or ?program=URL (a .go
// file next to the page), #src=BASE64URL (a program's source in the fragment), ?rec=URL (a
// recording), &run=1 (run at once; else a built-in program stands paused at its first event),
// &clock=virtual or real (the window's default: real), &at=TIME or &at=bookmark (a recording
// opens at TIME, or at its first bookmark),
// &shot=1 (a PNG of the page once the run has ended). Files come in through web/shell.html
// (picker, drag and drop, fetches), which writes them into the page's file system and calls
// goroscope_open_file().
//
// What the page tells the browser's console (tests/web/check_page.sh and bench/web read it): when
// the live run has ended, its console text, a line each, as "goroscope-output: LINE", then
// "goroscope-output-end" and "goroscope-run: SECONDS s, FRAMES frames, ..."; a recording opened
// and indexed, "goroscope-replay: ..." and its bookmarks ("goroscope-bookmark: TIME: CAPTION"),
// and with &at the caption shown there ("goroscope-caption: ...") and the state there as
// `goroscope inspect --at` prints it ("goroscope-state: LINE", then "goroscope-state-end");
// compile errors in gc's words
// ("goroscope-compile-error: FILE:LINE:COL: ..."); the program shown ("goroscope-program: NAME");
// settings written to the browser's storage ("goroscope-settings-kept").
//
// Invariant: settings.ini and imgui.ini live in the browser's localStorage; the page's file
// system holds a copy that is read at start and written back whenever the app changes it.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app.hpp"
#include "duration.hpp"
#include "page.hpp"
#include "palette.hpp"
#include "replay.hpp"
#include "scenario.hpp"
#include "settings.hpp"
#include "views.hpp"
#include "window_style.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// FrameTimes is what the page's frames cost (the frame function's own time, not the wait
// between frames), from the start of a live run to its end: the first frame (it makes the app
// and its fonts) apart, and of the others how much App::frame() took (the program's slices,
// the model, the drawing's lists) and how much handing them to WebGL.
struct FrameTimes {
  float first = -1;
  size_t undrawn = 0;      // frames lent to the program whole (App::run_undrawn), not among ms
  float undrawn_most = 0;  // the longest of them (ms)
  std::vector<float> ms, app_ms;
  void add(float m, float app) {
    if (first < 0) {
      first = m;
      return;
    }
    ms.push_back(m);
    app_ms.push_back(app);
  }
  std::string summary() {
    if (ms.empty()) return "no frames";
    double app = 0;
    for (float m : app_ms) app += m;
    std::vector<float> s = ms;
    std::sort(s.begin(), s.end());
    double sum = 0;
    for (float m : s) sum += m;
    char buf[240];
    std::snprintf(
        buf, sizeof buf,
        "%zu frames, mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms (App::frame mean %.1f ms); "
        "the first frame %.0f ms; %zu frames undrawn, max %.1f ms",
        s.size(), sum / double(s.size()), double(s[s.size() / 2]), double(s[s.size() * 95 / 100]),
        double(s.back()), app / double(s.size()), double(first), undrawn, double(undrawn_most));
    return buf;
  }
};

// Page is what lives from one frame to the next.
struct Page {
  GLFWwindow* win = nullptr;
  goroscope::Settings settings, saved;
  std::string ini_saved;  // imgui.ini as last kept in localStorage
  goroscope::AppOptions opts;
  std::unique_ptr<goroscope::App> app;
  Clock::time_point t0, last;
  bool output_told = false;
  std::vector<std::string> pending;  // files given to the page, opened at the next frame
  const goroscope::Replay* replay_told = nullptr;
  Clock::time_point replay_opened;  // when the last file given was opened
  double opened_ms = 0;             // how long opening it took (a recording: read, first moment shown)
  int64_t at = -1;                  // &at: where a recording opens (ns)
  bool at_bookmark = false;         // &at=bookmark: at its first bookmark
  bool shot = false, shot_taken = false;
  std::vector<std::string> errors_told;
  std::string program_told;
  FrameTimes frames;
  ImFont* mono = nullptr;   // the source's font, made in main()
  float fonts_ms = 0;       // how long making the fonts took
  bool styled_dark = true;  // the theme ImGui's style was last made for
};
Page g_page;

// url_parameter() is the page URL's parameter `name` ("" when absent).
std::string url_parameter(const std::string& name) {
  const std::string js = "new URLSearchParams(location.search).get('" + name + "') || ''";
  return emscripten_run_script_string(js.c_str());
}

// say() writes one line to the browser's console.
void say(const std::string& line) {
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}

// say_lines() writes text to the browser's console, a line each after prefix, then end.
void say_lines(const std::string& text, const std::string& prefix, const std::string& end) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) say(prefix + line);
  say(end);
}

// ---- The browser's storage: settings.ini and imgui.ini in localStorage ----

// stored() is localStorage's value for key ("" when none; key is plain text, no quotes).
std::string stored(const std::string& key) {
  return emscripten_run_script_string(("goroscopeStored('" + key + "')").c_str());
}

// store() keeps value under key in localStorage (a page without storage keeps nothing).
void store(const char* key, const std::string& value) {
  EM_ASM({ goroscopeStore(UTF8ToString($0), UTF8ToString($1)); }, key, value.c_str());
}

std::string settings_path() { return goroscope::Settings::dir() + "/settings.ini"; }

// load_settings() reads the settings kept in the browser into the page's file system, then
// reads them as the desktop does.
goroscope::Settings load_settings() {
  const std::string text = stored("goroscope/settings.ini");
  const size_t text_size = text.size();
  if (!text.empty()) {
    EM_ASM({ FS.mkdirTree(UTF8ToString($0)); }, goroscope::Settings::dir().c_str());
    if (std::FILE* f = std::fopen(settings_path().c_str(), "wb")) {
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
    }
  }
  say("goroscope-settings-loaded: " + std::to_string(text_size) + " bytes from the browser's storage");
  return goroscope::Settings::load();
}

// keep_settings() writes settings and imgui.ini back to the browser when they changed.
void keep_settings(Page& p) {
  if (!(p.settings == p.saved)) {
    p.settings.save();
    p.saved = p.settings;
    std::string text;
    if (std::FILE* f = std::fopen(settings_path().c_str(), "rb")) {
      char buf[4096];
      for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
      std::fclose(f);
    }
    store("goroscope/settings.ini", text);
    say("goroscope-settings-kept");
  }
  if (ImGui::GetIO().WantSaveIniSettings) {
    ImGui::GetIO().WantSaveIniSettings = false;
    std::string ini = ImGui::SaveIniSettingsToMemory();
    if (ini != p.ini_saved) store("goroscope/imgui.ini", p.ini_saved = ini);
  }
}

// ---- Files given to the page ----

// export_png() hands the canvas, as drawn this frame, to the browser as a PNG download named
// name; with &shot=1 its bytes also go to the console (base64, in lines), for the test.
void export_png(const std::string& name, bool to_console) {
  EM_ASM({ goroscopeExportPng(UTF8ToString($0), $1); }, name.c_str(), to_console);
}

// tell_replay() says, once a recording opened has been indexed, how long that took, and with
// &at the state at that time as `goroscope inspect FILE --at TIME` prints it.
void tell_replay(Page& p) {
  const goroscope::Replay* r = p.app->shown_replay();
  if (!r || r == p.replay_told || !r->index_done()) return;
  p.replay_told = r;
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - p.replay_opened).count();
  char buf[400];
  std::snprintf(
      buf, sizeof buf,
      "goroscope-replay: %s, %zu events, %zu bookmarks, opened in %.0f ms, indexed %.0f ms after opening",
      r->path().c_str(), r->size(), r->recording().bookmarks.size(), p.opened_ms, ms);
  say(buf);
  for (const goro::Bookmark& b : r->recording().bookmarks)
    say("goroscope-bookmark: " + goro::visual::format_time(b.time) + ": " + b.caption);
  if (p.at_bookmark && !r->recording().bookmarks.empty()) p.at = r->recording().bookmarks.front().time;
  if (p.at >= 0) {
    p.app->seek_time(p.at);
    say("goroscope-caption: " + p.app->shown_replay()->caption());
    say_lines("state at " + goro::visual::format_time(p.at) + ":\n" + p.app->shown_replay()->model().dump(),
              "goroscope-state: ", "goroscope-state-end");
  }
}

// tell_changes() says what the console lines above describe, when it changes.
void tell_changes(Page& p) {
  if (p.app->program_name() != p.program_told)
    say("goroscope-program: " + (p.program_told = p.app->program_name()));
  if (p.app->compile_errors() != p.errors_told) {
    p.errors_told = p.app->compile_errors();
    for (const std::string& e : p.errors_told) say("goroscope-compile-error: " + e);
  }
  tell_replay(p);
  if (!p.output_told)
    if (auto out = p.app->live_output()) {
      say_lines(*out, "goroscope-output: ", "goroscope-output-end");
      char buf[400];
      std::snprintf(buf, sizeof buf, "goroscope-run: %.3f s, %s", p.app->live_run_seconds().value_or(-1),
                    p.frames.summary().c_str());
      say(buf);
      p.output_told = true;
    }
}

void frame_or_say();

// on_scroll() hands ImGui the wheel in notches, up positive: emscripten's GLFW (3.1.6) gives the
// scroll callback the wheel event's raw deltaX and deltaY (pixels, down positive), so that a
// notch down scrolled up a hundred lines; web/shell.html keeps the event's delta in notches.
void on_scroll(GLFWwindow* win, double, double) {
  const double x = EM_ASM_DOUBLE({ return Module.goroscopeWheel ? Module.goroscopeWheel[0] : 0; });
  const double y = EM_ASM_DOUBLE({ return Module.goroscopeWheel ? Module.goroscopeWheel[1] : 0; });
  ImGui_ImplGlfw_ScrollCallback(win, x, y);
}

float ms_since(Clock::time_point t) {
  return std::chrono::duration<float, std::milli>(Clock::now() - t).count();
}

// input_seen() tells whether the user touched the page (pointer, wheel, keys, its size, a file
// dropped) since the last call: web/shell.html's listeners set the flag this reads and clears.
bool input_seen() {
  return EM_ASM_INT({
    const seen = Module.goroscopeInput;
    Module.goroscopeInput = 0;
    return seen;
  });
}

void frame() {
  try {
    frame_or_say();
  } catch (const std::exception& e) {
    std::printf("goroscope: error: %s\n", e.what());
    emscripten_cancel_main_loop();
  }
}

void frame_or_say() {
  Page& p = g_page;
  const Clock::time_point start = Clock::now();
  if (!p.app) {
    // Made in the first frame, not in main(): its run switches fibers, and a switch unwinds the
    // wasm stack up to the JavaScript that called in (main's caller is the page's start-up).
    // A program in the URL's fragment is given before the first frame: the app starts with it
    // (running, as a file opened runs), not with the last program shown, whose compile and
    // rehearsal would be thrown away.
    if (p.pending.size() == 1 && p.pending[0].ends_with(".go") && goroscope::find_scenario(p.pending[0])) {
      p.opts.scenario = std::exchange(p.pending, {})[0];
      p.opts.start_paused = false;
    }
    p.app = std::make_unique<goroscope::App>(p.opts, p.settings);
    p.app->mono = p.mono;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "goroscope-start: the app made in %.0f ms (its program compiled, rehearsed), fonts %.0f ms",
                  ms_since(start), p.fonts_ms);
    say(buf);
    p.t0 = p.last = Clock::now();
  }
  for (const std::string& path : std::exchange(p.pending, {})) {
    p.replay_opened = Clock::now();
    p.app->open_dropped(path);
    p.opened_ms = std::chrono::duration<double, std::milli>(Clock::now() - p.replay_opened).count();
    p.output_told = false;
    p.frames = {};
  }
  glfwPollEvents();
  auto t = Clock::now();
  const double now = std::chrono::duration<double>(t - p.t0).count();
  // The status bar's frame time is the page's, from one frame to the next, drawn or not.
  const float frame_ms = std::chrono::duration<float, std::milli>(t - p.last).count();
  p.last = t;
  // A frame that could show nothing new is not drawn: the program gets it (App::may_skip_drawing).
  if (p.pending.empty() && !input_seen() && p.app->may_skip_drawing(now)) {
    p.app->run_undrawn(now);
    if (!p.output_told) {
      p.frames.undrawn++;
      p.frames.undrawn_most = std::max(p.frames.undrawn_most, ms_since(start));
    }
    return;
  }
  // The zoom (Ctrl+= and Ctrl+-, Ctrl+0) and the theme (the View section), as the desktop window
  // applies them: the fonts made again at the new size, the style for the new scale or theme.
  if (p.app->zoom_changed()) {
    p.app->mono = p.mono = goroscope::load_fonts(std::round(goro::visual::kBaseFontPx * p.settings.ui_zoom));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    p.styled_dark = !p.settings.dark;  // styled again below
  }
  if (p.settings.dark != p.styled_dark)
    goroscope::apply_theme(p.styled_dark = p.settings.dark, p.settings.ui_zoom);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  p.app->frame(now, frame_ms);
  const float app_ms = ms_since(t);
  ImGui::Render();
  int fw, fh;
  glfwGetFramebufferSize(p.win, &fw, &fh);
  glViewport(0, 0, fw, fh);
  ImVec4 bg = ImGui::ColorConvertU32ToFloat4(goro::visual::palette(p.settings.dark).canvas);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // The canvas as drawn: a PNG asked for (F12, Screenshot) or, with &shot=1, once the run ended.
  if (auto shot = p.app->take_screenshot()) {
    export_png(shot->substr(shot->find_last_of('/') + 1), false);
    p.app->screenshot_done(*shot, true);
  } else if (p.shot && !p.shot_taken && p.output_told) {
    p.shot_taken = true;
    export_png("goroscope.png", true);
  }
  tell_changes(p);
  keep_settings(p);
  if (!p.output_told) p.frames.add(ms_since(start), app_ms);
}

}  // namespace

// goroscope_open_file() opens a file the page was given (web/shell.html wrote it at path in the
// page's file system): a .go file runs, anything else opens as a recording.
extern "C" EMSCRIPTEN_KEEPALIVE void goroscope_open_file(const char* path) { g_page.pending.push_back(path); }

int main() {
  Page& p = g_page;
  if (!glfwInit()) {
    std::printf("goroscope: no WebGL here\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  const int w = EM_ASM_INT({ return window.innerWidth; }), h = EM_ASM_INT({ return window.innerHeight; });
  p.win = glfwCreateWindow(w > 0 ? w : 1280, h > 0 ? h : 800, "Goroscope", nullptr, nullptr);
  if (!p.win) {
    std::printf("goroscope: cannot make a WebGL2 context\n");
    return 1;
  }
  glfwMakeContextCurrent(p.win);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // kept in localStorage instead (keep_settings)
  p.ini_saved = stored("goroscope/imgui.ini");
  if (!p.ini_saved.empty()) ImGui::LoadIniSettingsFromMemory(p.ini_saved.c_str(), p.ini_saved.size());
  ImGui_ImplGlfw_InitForOpenGL(p.win, true);
  glfwSetScrollCallback(p.win, on_scroll);  // in place of the backend's, which it calls
  ImGui_ImplOpenGL3_Init("#version 300 es");
  p.settings = p.saved = load_settings();
  if (const std::string program = url_parameter("program");
      !program.empty() && program.find('/') == std::string::npos && program.find(".go") == std::string::npos)
    p.opts.scenario = program;  // a URL is fetched by the page (shell.html)
  p.opts.start_paused = url_parameter("run") != "1";
  if (const std::string clock = url_parameter("clock"); clock == "virtual" || clock == "real") {
    p.opts.config.clock = clock == "virtual" ? goro::ClockMode::Virtual : goro::ClockMode::Real;
    p.opts.config_set = true;
  }
  if (const std::string at = url_parameter("at"); at == "bookmark") {
    p.at_bookmark = true;
  } else if (auto ns = goro::visual::parse_time(at)) {
    p.at = *ns;
  }
  p.shot = url_parameter("shot") == "1";
  goroscope::g_page_files.pick = [] { EM_ASM({ document.getElementById("picker").click(); }); };
  goroscope::g_page_files.download = [](const std::string& path) {
    EM_ASM({ goroscopeDownloadFile(UTF8ToString($0)); }, path.c_str());
  };
  goroscope::apply_theme(p.styled_dark = p.settings.dark, p.settings.ui_zoom);
  // The fonts and WebGL's objects for them (the atlas as a texture, ImGui's shaders) before the
  // first frame: that frame makes the app and starts its program, which need neither.
  const Clock::time_point fonts = Clock::now();
  p.mono = goroscope::load_fonts(std::round(goro::visual::kBaseFontPx * p.settings.ui_zoom));
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  p.fonts_ms = ms_since(fonts);
  // main() returns; the frames go on (the runtime stays: emscripten's default).
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
