// web/main_web.cpp: the page's entry: GLFW on the page's canvas (emscripten's GLFW3), WebGL2,
// Dear ImGui and the same App as the desktop window (app/window.cpp), one frame per call from
// the page's frame loop (emscripten_set_main_loop). The program runs in slices of those frames
// (app/runner_slices.cpp), so the page never waits on it.
//
// URL parameters: ?program=NAME (one of `goroscope list`'s), &run=1 (run at once; else it
// stands paused at its first event), &clock=virtual or real (the window's default: real). When the live run
// has ended, its console text goes to the browser's console, a line each, as "goroscope-output: LINE", then
// "goroscope-output-end" (tests/run_all.sh web compares it with `goroscope run`).
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <sstream>
#include <string>

#include "app.hpp"
#include "palette.hpp"
#include "settings.hpp"
#include "views.hpp"
#include "window_style.hpp"

namespace {

// Page is what lives from one frame to the next.
struct Page {
  GLFWwindow* win = nullptr;
  goroscope::Settings settings;
  goroscope::AppOptions opts;
  std::unique_ptr<goroscope::App> app;
  std::chrono::steady_clock::time_point t0, last;
  bool output_told = false;
};
Page g_page;

// url_parameter() is the page URL's parameter `name` ("" when absent).
std::string url_parameter(const std::string& name) {
  const std::string js = "new URLSearchParams(location.search).get('" + name + "') || ''";
  return emscripten_run_script_string(js.c_str());
}

// tell_output() writes the ended run's console text to the browser's console, a line each.
void tell_output(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) std::printf("goroscope-output: %s\n", line.c_str());
  std::printf("goroscope-output-end\n");
  std::fflush(stdout);
}

void frame_or_say();

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
  if (!p.app) {
    // Made in the first frame, not in main(): its run switches fibers, and a switch unwinds the
    // wasm stack up to the JavaScript that called in (main's caller is the page's start-up).
    p.app = std::make_unique<goroscope::App>(p.opts, p.settings);
    p.app->mono = goroscope::load_fonts(std::round(goro::visual::kBaseFontPx * p.settings.ui_zoom));
    p.t0 = p.last = std::chrono::steady_clock::now();
  }
  glfwPollEvents();
  auto t = std::chrono::steady_clock::now();
  float frame_ms = std::chrono::duration<float, std::milli>(t - p.last).count();
  p.last = t;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  p.app->frame(std::chrono::duration<double>(t - p.t0).count(), frame_ms);
  ImGui::Render();
  int fw, fh;
  glfwGetFramebufferSize(p.win, &fw, &fh);
  glViewport(0, 0, fw, fh);
  ImVec4 bg = ImGui::ColorConvertU32ToFloat4(goro::visual::palette(p.settings.dark).canvas);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (!p.output_told)
    if (auto out = p.app->live_output()) {
      tell_output(*out);
      p.output_told = true;
    }
}

}  // namespace

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
  ImGui::GetIO().IniFilename = nullptr;  // the page keeps no files
  ImGui_ImplGlfw_InitForOpenGL(p.win, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  p.settings = goroscope::Settings::load();
  p.opts.scenario = url_parameter("program");
  p.opts.start_paused = url_parameter("run") != "1";
  if (const std::string clock = url_parameter("clock"); clock == "virtual" || clock == "real") {
    p.opts.config.clock = clock == "virtual" ? goro::ClockMode::Virtual : goro::ClockMode::Real;
    p.opts.config_set = true;
  }
  goroscope::apply_theme(p.settings.dark, p.settings.ui_zoom);
  // main() returns; the frames go on (the runtime stays: emscripten's default).
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
