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
    "  --screenshot FILE.png  render --frames frames (default 90), write a PNG, and exit\n"
    "  --frames N             frames to render before the screenshot\n"
    "  FILE.gorec             open a recording for replay (or drop one on the window)\n"
    "  --at TIME              with a recording: open it at that moment\n"
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
    std::cerr << "goroscope: font " << kSans << " not found (apt-get install fonts-dejavu-core); using ImGui's own\n";
    io.Fonts->AddFontDefault();
  }
  ImFont* mono = std::ifstream(kMono) ? io.Fonts->AddFontFromFileTTF(kMono, px * 0.95f, nullptr, ranges) : nullptr;
  io.Fonts->Build();
  return mono;
}

bool write_png(const std::string& path, int w, int h) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // opaque
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4) != 0;
}

void apply_theme(bool dark) {
  dark ? ImGui::StyleColorsDark() : ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 6;
  s.ChildRounding = 6;
  s.FrameRounding = 5;
  s.GrabRounding = 5;
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
}

}  // namespace

int window_main(const std::vector<std::string>& args) {
  AppOptions opts;
  Settings settings = Settings::load();
  std::string screenshot;
  int frames = 90, width = 0, height = 0;
  std::string video;             // --video FILE.gif|FILE.mp4: frames of the replay through ffmpeg
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
        if (!sc) throw std::invalid_argument("no scenario named '" + opts.scenario + "' (goroscope list shows them)");
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
        opts.config.clock = v == "real" ? goro::ClockMode::Real : goro::ClockMode::Virtual, opts.config_set = true;
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
        if (video.size() < 5 || (video.substr(video.size() - 4) != ".gif" && video.substr(video.size() - 4) != ".mp4"))
          throw std::invalid_argument("--video needs a .gif or .mp4 file name");
      } else if (a == "--from" || a == "--to") {
        auto t = parse_time(next());
        if (!t) throw std::invalid_argument(a + ": not a time (1.5s, 200ms, 30us, 42ns)");
        (a == "--from" ? from : to) = *t;
      } else if (a == "--fps") {
        fps = std::stoi(next());
        if (fps < 1 || fps > 60) throw std::invalid_argument("--fps must be 1 to 60");
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
      } else if (a == "--size") {
        std::string v = next();
        if (std::sscanf(v.c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 240 || width > 8192 || height > 8192)
          throw std::invalid_argument("--size must look like 1600x1000");
      } else if (a.size() > 6 && a.substr(a.size() - 6) == ".gorec") {
        opts.replay = std::make_shared<Replay>(a);  // read it now: a bad file is an error, display or not
      } else {
        throw std::invalid_argument("unknown option '" + a + "'");
      }
    } catch (const std::invalid_argument& e) {
      std::string msg = e.what();
      if (msg == "stoi" || msg == "stoull" || msg == "stod") msg = a + ": not a number";
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

  if (!video.empty() && !opts.replay) {
    std::cerr << "goroscope: a clip is made from a recording: goroscope render FILE.gorec --gif OUT.gif\n";
    return 64;
  }
  if (!video.empty() && std::system("command -v ffmpeg >/dev/null 2>&1") != 0) {
    std::cerr << "goroscope: making a " << video.substr(video.size() - 3) << " needs the ffmpeg program, which is not installed"
              << " (apt-get install ffmpeg, or ./setup.sh)\n";
    return 1;
  }
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    std::cerr << "goroscope: cannot open a window: " << (g_glfw_error.empty() ? "no display" : g_glfw_error) << "\n"
              << "  (is there a display? DISPLAY=" << (std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "unset") << ")\n"
              << "  The command line works without one: goroscope run worker_pool, goroscope --help\n";
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  if (!screenshot.empty()) glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
  int w = width ? width : settings.window_w, h = height ? height : settings.window_h;
  GLFWwindow* win = glfwCreateWindow(w, h, "Goroscope", nullptr, nullptr);
  if (!win) {
    std::cerr << "goroscope: cannot create an OpenGL 3 window: " << g_glfw_error << "\n"
              << "  The command line works without one: goroscope run worker_pool, goroscope --help\n";
    glfwTerminate();
    return 1;
  }
  if (settings.window_x >= 0 && settings.window_y >= 0 && screenshot.empty()) glfwSetWindowPos(win, settings.window_x, settings.window_y);
  glfwMakeContextCurrent(win);
  glfwSwapInterval(screenshot.empty() ? 1 : 0);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  static std::string ini = Settings::dir() + "/imgui.ini";
  io.IniFilename = screenshot.empty() ? ini.c_str() : nullptr;
  ImGui_ImplGlfw_InitForOpenGL(win, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  apply_theme(settings.dark);

  float xs = 1, ys = 1;
  glfwGetWindowContentScale(win, &xs, &ys);
  float hidpi = std::clamp(std::max(xs, ys), 1.0f, 4.0f);
  auto app_owner = std::make_unique<App>(opts, settings);
  App& app = *app_owner;
  glfwSetWindowUserPointer(win, &app);
  glfwSetDropCallback(win, [](GLFWwindow* w, int n, const char** paths) {
    if (n > 0) static_cast<App*>(glfwGetWindowUserPointer(w))->open(paths[0]);
  });
  auto build_fonts = [&] {
    app.mono = load_fonts(std::round(17.0f * hidpi * settings.ui_zoom));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  };
  app.mono = load_fonts(std::round(17.0f * hidpi * settings.ui_zoom));
  bool dark = settings.dark;

  // A clip: one frame per 1/fps of program time from `from` to `to`, piped to ffmpeg.
  std::FILE* encoder = nullptr;
  int clip_frames = 0, clip_done = 0;
  if (!video.empty()) {
    if (to < 0) to = app.replay_duration();
    if (to <= from) to = from + 1;
    clip_frames = std::max(1, static_cast<int>((to - from) * fps / 1'000'000'000) + 1);
    screenshot.clear();
  }
  auto t0 = std::chrono::steady_clock::now();
  auto last = t0;
  int frame = 0;
  int status = 0;
  double frame_sum_ms = 0;  // screenshot runs report their mean frame time (bench/frame_time.sh)
  int frame_count = 0;
  while (!glfwWindowShouldClose(win)) {
    if (screenshot.empty() && video.empty() && !app.busy()) glfwWaitEventsTimeout(0.25);  // idle: no busy loop
    else glfwPollEvents();
    if (!video.empty()) app.seek_replay(from + static_cast<int64_t>(clip_done) * 1'000'000'000 / fps);
    auto t = std::chrono::steady_clock::now();
    float frame_ms = std::chrono::duration<float, std::milli>(t - last).count();
    last = t;
    if (frame > 3) frame_sum_ms += frame_ms, frame_count++;  // the first frames build fonts and start up
    if (app.zoom_changed()) build_fonts();
    if (settings.dark != dark) dark = settings.dark, apply_theme(dark);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
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
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    bool shot = app.screenshot_requested();
    if (!video.empty()) {
      if (!encoder) {
        bool gif = video.substr(video.size() - 4) == ".gif";
        std::string cmd = "ffmpeg -loglevel error -y -f rawvideo -pixel_format rgba -video_size " + std::to_string(fw) + "x" +
                          std::to_string(fh) + " -framerate " + std::to_string(fps) + " -i - " +
                          (gif ? "-vf 'vflip,split[a][b];[a]palettegen[p];[b][p]paletteuse' "
                               : "-vf 'vflip,crop=trunc(iw/2)*2:trunc(ih/2)*2' -pix_fmt yuv420p -c:v libx264 ") +
                          "'" + video + "'";
        encoder = popen(cmd.c_str(), "w");
        if (!encoder) {
          std::cerr << "goroscope: cannot start ffmpeg\n";
          status = 1;
          break;
        }
      }
      std::vector<unsigned char> px(static_cast<size_t>(fw) * static_cast<size_t>(fh) * 4);
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadBuffer(GL_BACK);
      glReadPixels(0, 0, fw, fh, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
      if (std::fwrite(px.data(), 1, px.size(), encoder) != px.size()) {
        std::cerr << "goroscope: ffmpeg stopped taking frames\n";
        status = 1;
        break;
      }
      ++clip_done;
      std::cerr << "\rgoroscope: frame " << clip_done << "/" << clip_frames << std::flush;
      if (clip_done >= clip_frames) break;
    }
    if (!screenshot.empty() && ++frame >= frames) {
      if (!write_png(screenshot, fw, fh)) {
        std::cerr << "goroscope: cannot write " << screenshot << "\n";
        status = 1;
      } else {
        std::cerr << "goroscope: wrote " << screenshot << " (" << fw << "x" << fh << ")";
        if (frame_count) std::cerr << ", mean frame " << frame_sum_ms / frame_count << " ms over " << frame_count << " frames";
        std::cerr << "\n";
      }
      break;
    }
    if (shot) {
      std::string path = "goroscope-" + std::to_string(std::time(nullptr)) + ".png";
      std::cerr << (write_png(path, fw, fh) ? "goroscope: wrote " : "goroscope: cannot write ") << path << "\n";
    }
    glfwSwapBuffers(win);
  }
  if (encoder) {
    int rc = pclose(encoder);
    std::cerr << "\n";
    if (rc != 0) {
      std::cerr << "goroscope: ffmpeg could not write " << video << "\n";
      status = 1;
    } else if (status == 0) {
      std::cerr << "goroscope: wrote " << video << " (" << clip_done << " frames)\n";
    }
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
// [--from T --to T --fps N]) [--size WxH] [--theme dark|light]`, done by the window itself.
int render_main(const std::vector<std::string>& args) {
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
    std::cout << "usage: goroscope render FILE.gorec --png OUT.png [--at TIME] [--size WxH] [--theme dark|light] [--diagram]\n"
                 "       goroscope render FILE.gorec --gif OUT.gif | --mp4 OUT.mp4 [--from T] [--to T] [--fps N] [--size WxH]\n";
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
    if (a == "--png") w.insert(w.end(), {"--screenshot", v, "--frames", "3"}), out = true;
    else if (a == "--gif" || a == "--mp4") {
      if (v.size() < 5 || v.substr(v.size() - 4) != "." + a.substr(2)) {
        std::cerr << "goroscope: " << a << " wants a file ending in ." << a.substr(2) << "\n";
        return 64;
      }
      w.insert(w.end(), {"--video", v}), out = true;
    } else if (a == "--at" || a == "--from" || a == "--to" || a == "--fps" || a == "--size" || a == "--theme") {
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
