// app/window.cpp: the desktop window: GLFW + OpenGL 3 + Dear ImGui setup, fonts and themes,
// the frame loop, and screenshots (PNG via stb_image_write). Everything inside the window is
// App's (app.cpp); the window's and render's command lines are read by window_options.hpp.
#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "app.hpp"
#include "cli.hpp"
#include "goro/output_file.hpp"
#include "window_options.hpp"
#include "window_style.hpp"

namespace goroscope {

namespace {

std::string g_glfw_error;
void on_glfw_error(int, const char* what) { g_glfw_error = what ? what : "unknown"; }

// Offscreen is a framebuffer of its own, for pictures and clips: they are the size asked for,
// whatever the display's (a window is cut to the screen, and its pixels beyond it are undefined).
struct Offscreen {
  GLuint fbo = 0, colour = 0;
  int w = 0, h = 0;
  // make() allocates a w x h one; false where the GL cannot (too large, no framebuffers).
  bool make(int width, int height) {
    GLint max = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max);
    if (width > max || height > max) return false;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (ok) w = width, h = height;
    return ok;
  }
  // free() gives it back; called while its GL context is still current.
  void free() {
    if (fbo) glDeleteFramebuffers(1, &fbo);
    if (colour) glDeleteRenderbuffers(1, &colour);
    fbo = colour = 0;
  }
};

// read_pixels() is what has been drawn into the frame (the offscreen one when bound, else the
// back buffer), RGBA, bottom row first.
std::vector<unsigned char> read_pixels(int w, int h) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  GLint bound = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &bound);
  glReadBuffer(bound ? GL_COLOR_ATTACHMENT0 : GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  return px;
}

// write_png() writes the back buffer as a PNG by the output-path rules (goro/output_file.hpp);
// returns "" or what went wrong.
std::string write_png(const std::string& path, int w, int h) {
  std::vector<unsigned char> px = read_pixels(w, h);
  for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // opaque
  stbi_flip_vertically_on_write(1);
  std::string png;
  auto append = [](void* to, void* data, int n) {
    static_cast<std::string*>(to)->append(static_cast<const char*>(data), static_cast<size_t>(n));
  };
  if (!stbi_write_png_to_func(append, &png, w, h, 4, px.data(), w * 4)) return "cannot encode " + path;
  try {
    goro::OutputFile out(path);
    out.write(png);
    out.commit();
  } catch (const goro::OutputError& e) {
    return e.what();
  }
  return "";
}

// render_lists() draws some of a frame's draw lists.
void render_lists(const ImDrawData& frame, std::vector<ImDrawList*>& lists) {
  ImDrawData part = frame;
  part.CmdLists = lists.data();
  part.CmdListsCount = static_cast<int>(lists.size());
  part.TotalVtxCount = part.TotalIdxCount = 0;
  for (ImDrawList* l : lists)
    part.TotalVtxCount += l->VtxBuffer.Size, part.TotalIdxCount += l->IdxBuffer.Size;
  ImGui_ImplOpenGL3_RenderDrawData(&part);
}

// kCompileTimeLimit bounds a compile in the window (lang::set_compile_time_limit).
constexpr std::chrono::seconds kCompileTimeLimit{5};

// run_window() opens the window as o asks; returns the exit status.
int run_window(WindowOptions o) {
  for (const std::string& n : o.notes) std::cerr << "goroscope: " << n << "\n";
  // A compile runs on the window's thread: none may keep the window waiting for long (a
  // compile is linear in its input: 300,000 statements take about a second).
  lang::set_compile_time_limit(kCompileTimeLimit);
  AppOptions opts;
  Settings settings = Settings::load();
  opts.scenario = o.scenario;
  opts.config = o.config;
  opts.config_set = o.config_set;
  opts.at = o.at;
  opts.at_event = o.at_event;
  opts.play = o.play;
  opts.timeline = o.timeline;
  opts.diagram_only = o.diagram_only;
  opts.present = o.present;
  opts.find_failing = o.find_failing;
  opts.break_line = o.break_line;
  opts.start_paused = o.start_paused;
  if (o.theme >= 0) settings.dark = o.theme == 1;
  std::string screenshot = o.screenshot, video = o.video;
  const int frames = o.frames, width = o.width, height = o.height, fps = o.fps;
  const float scale = o.scale;  // everything drawn this many times larger (pictures for slides)
  int64_t from = o.from, to = o.to;
  if (!o.recording.empty()) {
    try {
      opts.replay =
          std::make_shared<Replay>(o.recording);  // read it now: a bad file is an error, display or not
    } catch (const goro::RecordingError& e) {
      std::cerr << "goroscope: " << e.what() << "\n";
      return 1;
    }
    if (o.at_end) opts.at = opts.replay->duration();
  }
  if (!o.sets.empty()) {
    const Scenario* sc = find_scenario(o.scenario.empty() ? settings.scenario : o.scenario);
    if (!sc) sc = &default_scenario();
    opts.scenario = sc->name;
    opts.params = sc->defaults();
    if (std::string err = apply_sets(*sc, o.sets, opts.params); !err.empty()) {
      std::cerr << "goroscope: " << err << "\n";
      return kUsageExit;
    }
    opts.params_set = true;
  }
  if (opts.replay == nullptr) {  // the program must compile before a window opens (gc's messages)
    const Scenario* sc = find_scenario(opts.scenario.empty() ? settings.scenario : opts.scenario);
    if (!sc && !opts.scenario.empty()) {
      std::cerr << "goroscope: no scenario named '" << opts.scenario << "'\n";
      return 1;
    }
    if (!sc) sc = &default_scenario();
    std::vector<lang::Diagnostic> errors;
    if (!sc->compile(opts.params_set ? opts.params : sc->defaults(), &errors)) {
      for (const lang::Diagnostic& e : errors) std::cerr << e.text() << "\n";
      return 1;
    }
  }

  // Pictures and clips show the whole replay, its timeline included: let its indexing finish.
  if (opts.replay && (!screenshot.empty() || !video.empty())) opts.replay->wait_indexed();
  if (!video.empty()) {  // say what is wrong with the clip before a window opens
    if (to < 0)
      to = std::max(opts.replay->duration(), from + 1);  // a recording whose time stood still: one frame
    if (std::string why = Clip::check({video, from, to, fps, o.video_format}); !why.empty()) {
      std::cerr << "goroscope: " << why << "\n";
      return 1;
    }
  }
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    std::cerr << "goroscope: cannot open a window: " << (g_glfw_error.empty() ? "no display" : g_glfw_error)
              << "\n"
              << "  (is there a display? DISPLAY="
              << (std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "unset") << ")\n"
              << "  The command line works without one: goroscope run worker_pool, goroscope --help\n";
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  if (!screenshot.empty()) glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
  int w = static_cast<int>(static_cast<float>(width ? width : settings.window_w) * scale);
  int h = static_cast<int>(static_cast<float>(height ? height : settings.window_h) * scale);
  // --scale makes everything larger, never the window larger than the screen; a picture or a
  // clip is drawn offscreen at its whole size (w x h) whatever the screen's.
  const int picture_w = w, picture_h = h;
  if (GLFWmonitor* mon = glfwGetPrimaryMonitor())
    if (const GLFWvidmode* mode = glfwGetVideoMode(mon))
      w = std::min(w, mode->width), h = std::min(h, mode->height);
  GLFWwindow* win = glfwCreateWindow(w, h, "Goroscope", nullptr, nullptr);
  if (!win) {
    std::cerr << "goroscope: cannot create an OpenGL 3 window: " << g_glfw_error << "\n"
              << "  The command line works without one: goroscope run worker_pool, goroscope --help\n";
    glfwTerminate();
    return 1;
  }
  if (settings.window_x >= 0 && settings.window_y >= 0 && screenshot.empty())
    glfwSetWindowPos(win, settings.window_x, settings.window_y);
  glfwMakeContextCurrent(win);
  glfwSwapInterval(screenshot.empty() ? 1 : 0);
  Offscreen offscreen;
  if ((!screenshot.empty() || !video.empty()) && !offscreen.make(picture_w, picture_h))
    std::cerr << "goroscope: cannot draw a " << picture_w << "x" << picture_h
              << " picture offscreen; it is cut to the window (" << w << "x" << h << ")\n";

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  static std::string ini = Settings::dir() + "/imgui.ini";
  io.IniFilename = screenshot.empty() ? ini.c_str() : nullptr;
  ImGui_ImplGlfw_InitForOpenGL(win, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  float xs = 1, ys = 1;
  glfwGetWindowContentScale(win, &xs, &ys);
  float hidpi = std::clamp(std::max(xs, ys), 1.0f, 4.0f) * scale;
  apply_theme(settings.dark, hidpi * settings.ui_zoom);
  auto app_owner = std::make_unique<App>(opts, settings);
  App& app = *app_owner;
  glfwSetWindowUserPointer(win, &app);
  glfwSetDropCallback(win, [](GLFWwindow* w, int n, const char** paths) {
    if (n > 0) static_cast<App*>(glfwGetWindowUserPointer(w))->open_dropped(paths[0]);
  });
  auto build_fonts = [&] {
    app.mono = load_fonts(std::round(goro::visual::kBaseFontPx * hidpi * settings.ui_zoom));
    apply_theme(settings.dark, hidpi * settings.ui_zoom);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  };
  app.mono = load_fonts(std::round(goro::visual::kBaseFontPx * hidpi * settings.ui_zoom));
  bool dark = settings.dark;

  // A clip from the command line: the window makes it and closes.
  if (!video.empty()) {
    if (std::string why = app.start_clip({video, from, to, fps, o.video_format}, false); !why.empty()) {
      std::cerr << "goroscope: " << why << "\n";
      offscreen.free();
      glfwDestroyWindow(win);
      glfwTerminate();
      return 1;
    }
    screenshot.clear();
  }
  auto t0 = std::chrono::steady_clock::now();
  auto last = t0;
  int frame = 0;
  int status = 0;
  bool progress_shown = false;  // a frame count ends the terminal's line
  double frame_sum_ms = 0;      // screenshot runs report their mean frame time (bench/frame_time.sh)
  int frame_count = 0;
  Settings saved = settings;  // as last written (the window saves a change every 120 frames)
  uint64_t settings_check = 0;
  while (!glfwWindowShouldClose(win)) {
    if (screenshot.empty() && !app.busy())
      glfwWaitEventsTimeout(video.empty() ? 0.25 : 0.02);  // idle: no busy loop
    else
      glfwPollEvents();
    if (Clip* clip = app.clip()) app.seek_time(clip->next_time());
    auto t = std::chrono::steady_clock::now();
    float frame_ms = std::chrono::duration<float, std::milli>(t - last).count();
    last = t;
    if (frame > 3) frame_sum_ms += frame_ms, frame_count++;  // the first frames build fonts and start up
    if (app.zoom_changed()) build_fonts();
    if (settings.dark != dark) dark = settings.dark, apply_theme(dark, hidpi * settings.ui_zoom);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (offscreen.fbo) {  // the picture's size, not the window's
      io.DisplaySize = ImVec2(static_cast<float>(offscreen.w), static_cast<float>(offscreen.h));
      io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    if (!screenshot.empty() || !video.empty())
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // a picture: no hover, no tooltip
    ImGui::NewFrame();
    app.frame(std::chrono::duration<double>(t - t0).count(), frame_ms);
    ImGui::Render();
    int fw, fh;
    glfwGetFramebufferSize(win, &fw, &fh);
    if (offscreen.fbo) fw = offscreen.w, fh = offscreen.h;
    glBindFramebuffer(GL_FRAMEBUFFER, offscreen.fbo);
    glViewport(0, 0, fw, fh);
    const auto& pal = goro::visual::palette(settings.dark);
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(pal.canvas);
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    Clip* clip = app.clip();
    if (clip) {
      // The clip's frame is everything but the progress window, which goes on top afterwards.
      ImDrawData* all = ImGui::GetDrawData();
      std::vector<ImDrawList*> lists(all->CmdLists, all->CmdLists + all->CmdListsCount), overlay;
      if (auto it = std::find(lists.begin(), lists.end(), app.clip_overlay()); it != lists.end())
        overlay.push_back(*it), lists.erase(it);
      render_lists(*all, lists);
      std::vector<unsigned char> px = read_pixels(fw, fh);
      render_lists(*all, overlay);
      if (clip->add(px.data(), fw, fh).empty() && !video.empty()) {
        // One line a frame; on a terminal the line is rewritten in place.
        static const bool tty = isatty(STDERR_FILENO);
        std::cerr << (tty ? "\r" : "") << "goroscope: frame " << clip->done() << "/" << clip->frames()
                  << (tty ? "" : "\n") << std::flush;
        progress_shown = tty;
      }
    } else {
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    auto shot = app.take_screenshot();
    if (!video.empty() && app.clip_result()) {
      const std::string& why = *app.clip_result();
      std::cerr << (progress_shown ? "\n" : "")
                << (why.empty() ? "goroscope: wrote " + video : "goroscope: " + why) << "\n";
      status = why.empty() ? 0 : 1;
      break;
    }
    if (!screenshot.empty() && ++frame >= frames) {
      if (std::string why = write_png(screenshot, fw, fh); !why.empty()) {
        std::cerr << "goroscope: " << why << "\n";
        status = 1;
      } else {
        std::cerr << "goroscope: wrote " << screenshot << " (" << fw << "x" << fh << ")";
        if (frame_count)
          std::cerr << ", mean frame " << frame_sum_ms / frame_count << " ms over " << frame_count
                    << " frames";
        if (auto ran = app.live_run_seconds()) std::cerr << ", the live run took " << *ran << " s";
        if (auto built = app.live_timeline_seconds())
          std::cerr << " (its timeline was complete at " << *built << " s)";
        std::cerr << "\n";
      }
      break;
    }
    // An open window writes its settings when they change, checked every 120 frames (2 s while
    // it draws, half a minute when idle), not only at a clean close: a kill loses little.
    if (screenshot.empty() && video.empty() && ++settings_check % 120 == 0) {
      glfwGetWindowSize(win, &settings.window_w, &settings.window_h);
      glfwGetWindowPos(win, &settings.window_x, &settings.window_y);
      if (!(settings == saved)) settings.save(), saved = settings;
    }
    if (shot) {
      std::string why = write_png(*shot, fw, fh);
      std::cerr << "goroscope: " << (why.empty() ? "wrote " + *shot : why) << "\n";
      app.screenshot_done(*shot, why.empty());
    }
    glfwSwapBuffers(win);
  }
  if (screenshot.empty() && video.empty()) {
    glfwGetWindowSize(win, &settings.window_w, &settings.window_h);
    glfwGetWindowPos(win, &settings.window_x, &settings.window_y);
  }
  app_owner.reset();
  offscreen.free();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(win);
  glfwTerminate();
  if (screenshot.empty() && video.empty()) settings.save();
  return status;
}

}  // namespace

int window_main(const std::vector<std::string>& args) {
  try {
    WindowOptions o = parse_window_options(args);
    if (o.help) {
      std::cout << kWindowHelp;
      return 0;
    }
    return run_window(std::move(o));
  } catch (const UsageError& e) {
    std::cerr << "goroscope: " << e.what() << "\n(goroscope --help-app for the window's options)\n";
    return kUsageExit;
  }
}

// render_main() is `goroscope render FILE ...` (kRenderHelp), done by the window itself.
int render_main(const std::vector<std::string>& args) {
  try {
    WindowOptions o = parse_render_options(args);
    if (o.help) {
      std::cout << kRenderHelp;
      return 0;
    }
    return run_window(std::move(o));
  } catch (const UsageError& e) {
    std::cerr << "goroscope: " << e.what() << "\n(goroscope render --help for usage)\n";
    return kUsageExit;
  }
}

}  // namespace goroscope
