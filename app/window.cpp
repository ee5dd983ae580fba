// app/window.cpp: the desktop window: GLFW + OpenGL 3 + Dear ImGui setup, fonts and themes,
// the frame loop, and screenshots (PNG via stb_image_write). Everything inside the window is
// App's (app.cpp).
#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

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

namespace goroscope {

namespace {

const char* kAppHelp =
    "usage: goroscope [options]            open the window\n"
    "  --scenario NAME        the program to open (goroscope list shows them)\n"
    "  --set NAME=VALUE       a parameter of it (repeatable)\n"
    "  --procs N --seed S --clock virtual|real --speed X   as for `goroscope run`\n"
    "  --theme dark|light     the colours\n"
    "  --size WxH             the window's size in pixels\n"
    "  --scale F              draw everything F times larger (0.5 to 4; the window too)\n"
    "  --screenshot FILE.png  render --frames frames (default 90), write a PNG, and exit\n"
    "  --frames N             frames to render before the screenshot\n"
    "  FILE.gorec             open a recording for replay (or drop one on the window)\n"
    "  --at TIME              with a recording: open it at that moment\n"
    "  --play                 with a recording: open it playing\n"
    "  --timeline             show the timeline below the diagram (else the console)\n"
    "  --diagram              the diagram alone, filling the window (pictures and clips for slides)\n"
    "In the window: Space pause/resume, Right or N step one event, R restart, +/- speed,\n"
    "Ctrl +/- zoom the interface, F12 screenshot.\n";

std::string g_glfw_error;
void on_glfw_error(int, const char* what) { g_glfw_error = what ? what : "unknown"; }

const char* kSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kMono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

// load_fonts() builds the atlas for a size; returns the monospace font (or null).
ImFont* load_fonts(float px) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2000, 0x22FF, 0};  // Latin-1, arrows, ×, …, ←
  ImFont* sans = std::ifstream(kSans) ? io.Fonts->AddFontFromFileTTF(kSans, px, nullptr, ranges) : nullptr;
  if (!sans) {
    std::cerr << "goroscope: font " << kSans
              << " not found (apt-get install fonts-dejavu-core); using ImGui's own\n";
    io.Fonts->AddFontDefault();
  }
  ImFont* mono =
      std::ifstream(kMono) ? io.Fonts->AddFontFromFileTTF(kMono, px * 0.95f, nullptr, ranges) : nullptr;
  io.Fonts->Build();
  return mono;
}

// read_pixels() is what has been drawn into the back buffer, RGBA, bottom row first.
std::vector<unsigned char> read_pixels(int w, int h) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  return px;
}

bool write_png(const std::string& path, int w, int h) {
  std::vector<unsigned char> px = read_pixels(w, h);
  for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // opaque
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4) != 0;
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

// apply_theme() sets the colours and sizes, the sizes times scale (HiDPI, zoom, --scale).
void apply_theme(bool dark, float scale) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  dark ? ImGui::StyleColorsDark() : ImGui::StyleColorsLight();
  s.WindowRounding = 6;
  s.ChildRounding = 6;
  s.FrameRounding = 5;
  s.GrabRounding = 5;
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.ScaleAllSizes(scale);
}

}  // namespace

int window_main(const std::vector<std::string>& args) {
  AppOptions opts;
  Settings settings = Settings::load();
  std::string screenshot;
  int frames = 90, width = 0, height = 0;
  float scale = 1;    // --scale: everything drawn this many times larger (pictures for slides)
  std::string video;  // --video FILE.gif|FILE.mp4: frames of the replay through ffmpeg
  int64_t from = 0, to = -1;
  int fps = 10;
  const Scenario* sc = nullptr;
  std::vector<std::string> sets;
  for (size_t i = 0; i < args.size(); i++) {
    const std::string& a = args[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
      return args[++i];
    };
    try {
      if (a == "--help-app" || a == "--help" || a == "-h") {
        std::cout << kAppHelp;
        return 0;
      } else if (a == "--scenario") {
        opts.scenario = next();
        sc = find_scenario(opts.scenario);
        if (!sc)
          throw std::invalid_argument("no scenario named '" + opts.scenario +
                                      "' (goroscope list shows them)");
      } else if (a == "--set") {
        sets.push_back(next());
      } else if (a == "--procs") {
        int n = std::stoi(next());
        if (n < 1 || n > 64) throw std::invalid_argument("--procs must be 1 to 64");
        opts.config.procs = n, opts.config_set = true;
      } else if (a == "--seed") {
        opts.config.seed = std::stoull(next()), opts.config_set = true;
      } else if (a == "--clock") {
        std::string v = next();
        if (v != "virtual" && v != "real") throw std::invalid_argument("--clock must be virtual or real");
        opts.config.clock = v == "real" ? goro::ClockMode::Real : goro::ClockMode::Virtual,
        opts.config_set = true;
      } else if (a == "--speed") {
        double v = std::stod(next());
        if (!(v > 0) || v > 1e6) throw std::invalid_argument("--speed must be above 0");
        opts.config.speed = v, opts.config_set = true;
      } else if (a == "--theme") {
        std::string v = next();
        if (v != "dark" && v != "light") throw std::invalid_argument("--theme must be dark or light");
        settings.dark = v == "dark";
      } else if (a == "--screenshot") {
        screenshot = next();
      } else if (a == "--video") {
        video = next();
        if (video.size() < 5 ||
            (video.substr(video.size() - 4) != ".gif" && video.substr(video.size() - 4) != ".mp4"))
          throw std::invalid_argument("--video needs a .gif or .mp4 file name");
      } else if (a == "--from" || a == "--to") {
        auto t = parse_time(next());
        if (!t) throw std::invalid_argument(a + ": not a time (1.5s, 200ms, 30us, 42ns)");
        (a == "--from" ? from : to) = *t;
      } else if (a == "--fps") {
        fps = std::stoi(next());
        if (fps < 1 || fps > 60) throw std::invalid_argument("--fps must be 1 to 60");
      } else if (a == "--play") {
        opts.play = true;
      } else if (a == "--timeline") {
        opts.timeline = true;
      } else if (a == "--diagram") {
        opts.diagram_only = true;
      } else if (a == "--at") {
        auto t = parse_time(next());
        if (!t) throw std::invalid_argument("--at: not a time (1.5s, 200ms, 30us, 42ns)");
        opts.at = *t;
      } else if (a == "--frames") {
        frames = std::stoi(next());
        if (frames < 1 || frames > 100000) throw std::invalid_argument("--frames must be 1 to 100000");
      } else if (a == "--scale") {
        scale = std::stof(next());
        if (!(scale >= 0.5f && scale <= 4)) throw std::invalid_argument("--scale must be 0.5 to 4");
      } else if (a == "--size") {
        std::string v = next();
        if (std::sscanf(v.c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 240 ||
            width > 8192 || height > 8192)
          throw std::invalid_argument("--size must look like 1600x1000");
      } else if (a.size() > 6 && a.substr(a.size() - 6) == ".gorec") {
        opts.replay = std::make_shared<Replay>(a);  // read it now: a bad file is an error, display or not
      } else {
        throw std::invalid_argument("unknown option '" + a + "'");
      }
    } catch (const std::invalid_argument& e) {
      std::string msg = e.what();
      if (msg == "stoi" || msg == "stoull" || msg == "stod" || msg == "stof") msg = a + ": not a number";
      std::cerr << "goroscope: " << msg << "\n(goroscope --help-app for the window's options)\n";
      return 64;
    } catch (const std::out_of_range&) {
      std::cerr << "goroscope: " << a << ": number out of range\n";
      return 64;
    } catch (const goro::RecordingError& e) {
      std::cerr << "goroscope: " << e.what() << "\n";
      return 1;
    }
  }
  if (!sets.empty()) {
    if (!sc) sc = find_scenario(settings.scenario);
    if (!sc) sc = &scenarios()[7];
    opts.scenario = sc->name;
    opts.params = sc->defaults();
    for (const auto& s : sets) {
      std::string err = sc->set(opts.params, s);
      if (!err.empty()) {
        std::cerr << "goroscope: " << err << "\n";
        return 64;
      }
    }
    opts.params_set = true;
  }

  // Pictures and clips show the whole replay, its timeline included: let its indexing finish.
  if (opts.replay && (!screenshot.empty() || !video.empty())) opts.replay->wait_indexed();
  if (!video.empty() && !opts.replay) {
    std::cerr << "goroscope: a clip is made from a recording: goroscope render FILE.gorec --gif OUT.gif\n";
    return 64;
  }
  if (!video.empty()) {  // say what is wrong with the clip before a window opens
    if (to >= 0 && to <= from) {
      std::cerr << "goroscope: --to must come after --from\n";
      return 64;
    }
    if (to < 0)
      to = std::max(opts.replay->duration(), from + 1);  // a recording whose time stood still: one frame
    if (std::string why = Clip::check({video, from, to, fps}); !why.empty()) {
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
  // --scale makes everything larger, never the window larger than the screen: an open window,
  // or a picture whose size was not asked for, is cut to the screen (a --size picture is not).
  if ((screenshot.empty() && video.empty()) || width == 0)
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
    if (n > 0) static_cast<App*>(glfwGetWindowUserPointer(w))->open(paths[0]);
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
    if (std::string why = app.start_clip({video, from, to, fps}, false); !why.empty()) {
      std::cerr << "goroscope: " << why << "\n";
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
  double frame_sum_ms = 0;  // screenshot runs report their mean frame time (bench/frame_time.sh)
  int frame_count = 0;
  while (!glfwWindowShouldClose(win)) {
    if (screenshot.empty() && !app.busy())
      glfwWaitEventsTimeout(video.empty() ? 0.25 : 0.02);  // idle: no busy loop
    else
      glfwPollEvents();
    if (Clip* clip = app.clip()) app.seek_replay(clip->next_time());
    auto t = std::chrono::steady_clock::now();
    float frame_ms = std::chrono::duration<float, std::milli>(t - last).count();
    last = t;
    if (frame > 3) frame_sum_ms += frame_ms, frame_count++;  // the first frames build fonts and start up
    if (app.zoom_changed()) build_fonts();
    if (settings.dark != dark) dark = settings.dark, apply_theme(dark, hidpi * settings.ui_zoom);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (!screenshot.empty() || !video.empty())
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // a picture: no hover, no tooltip
    ImGui::NewFrame();
    app.frame(std::chrono::duration<double>(t - t0).count(), frame_ms);
    ImGui::Render();
    int fw, fh;
    glfwGetFramebufferSize(win, &fw, &fh);
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
      if (clip->add(px.data(), fw, fh).empty() && !video.empty())
        std::cerr << "\rgoroscope: frame " << clip->done() << "/" << clip->frames() << std::flush;
    } else {
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    auto shot = app.take_screenshot();
    if (!video.empty() && app.clip_result()) {
      const std::string& why = *app.clip_result();
      std::cerr << "\n" << (why.empty() ? "goroscope: wrote " + video : "goroscope: " + why) << "\n";
      status = why.empty() ? 0 : 1;
      break;
    }
    if (!screenshot.empty() && ++frame >= frames) {
      if (!write_png(screenshot, fw, fh)) {
        std::cerr << "goroscope: cannot write " << screenshot << "\n";
        status = 1;
      } else {
        std::cerr << "goroscope: wrote " << screenshot << " (" << fw << "x" << fh << ")";
        if (frame_count)
          std::cerr << ", mean frame " << frame_sum_ms / frame_count << " ms over " << frame_count
                    << " frames";
        std::cerr << "\n";
      }
      break;
    }
    if (shot) {
      bool ok = write_png(*shot, fw, fh);
      std::cerr << (ok ? "goroscope: wrote " : "goroscope: cannot write ") << *shot << "\n";
      app.screenshot_done(*shot, ok);
    }
    glfwSwapBuffers(win);
  }
  if (screenshot.empty() && video.empty()) {
    glfwGetWindowSize(win, &settings.window_w, &settings.window_h);
    glfwGetWindowPos(win, &settings.window_x, &settings.window_y);
  }
  app_owner.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(win);
  glfwTerminate();
  if (screenshot.empty() && video.empty()) settings.save();
  return status;
}

// render_main() is `goroscope render FILE (--png OUT [--at T] | --gif OUT | --mp4 OUT
// [--from T --to T --fps N]) [--size WxH] [--scale F] [--theme dark|light]`, done by the window itself.
int render_main(const std::vector<std::string>& args) {
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
    std::cout << "usage: goroscope render FILE.gorec --png OUT.png [--at TIME] [--size WxH] [--scale F] "
                 "[--theme dark|light] [--diagram]\n"
                 "       goroscope render FILE.gorec --gif OUT.gif | --mp4 OUT.mp4 [--from T] [--to T] "
                 "[--fps N] [--size WxH] [--scale F]\n"
                 "  --size is the picture's size at scale 1; --scale F draws everything F times larger\n";
    return args.size() < 2 ? 64 : 0;
  }
  std::vector<std::string> w{args[1], "--timeline"};
  bool out = false;
  for (size_t i = 2; i < args.size(); i++) {
    const std::string& a = args[i];
    if (a == "--diagram") {
      w.push_back(a);
      continue;
    }
    if (i + 1 >= args.size()) {
      std::cerr << "goroscope: " << a << " needs a value\n";
      return 64;
    }
    const std::string& v = args[++i];
    if (a == "--png")
      w.insert(w.end(), {"--screenshot", v, "--frames", "3"}), out = true;
    else if (a == "--gif" || a == "--mp4") {
      if (v.size() < 5 || v.substr(v.size() - 4) != "." + a.substr(2)) {
        std::cerr << "goroscope: " << a << " wants a file ending in ." << a.substr(2) << "\n";
        return 64;
      }
      w.insert(w.end(), {"--video", v}), out = true;
    } else if (a == "--at" || a == "--from" || a == "--to" || a == "--fps" || a == "--size" ||
               a == "--scale" || a == "--theme") {
      w.insert(w.end(), {a, v});
    } else {
      std::cerr << "goroscope: unknown render option '" << a << "'\n";
      return 64;
    }
  }
  if (!out) {
    std::cerr << "goroscope: render needs --png, --gif or --mp4\n";
    return 64;
  }
  return window_main(w);
}

}  // namespace goroscope
