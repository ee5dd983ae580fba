// app/window_options.cpp: the window's options and render's, read by the one parser.
#include "window_options.hpp"

#include <algorithm>

#include "args.hpp"
#include "cli.hpp"
#include "goro/output_file.hpp"
#include "literal_slider.hpp"
#include "scenario.hpp"

namespace goroscope {

const char* const kWindowHelp =
    "usage: goroscope [options] [FILE]        open the window (FILE: a recording to replay,\n"
    "                         or a Go program, FILE.go, to run)\n"
    "  --scenario NAME        the program to open (goroscope list shows them), or FILE.go\n"
    "  --set NAME=VALUE       a parameter of it (repeatable, each parameter once)\n"
    "  --slider LINE[:COL][=VALUE]  make the integer literal of func main at LINE (COL: the\n"
    "                         one at that column) a slider, as its right-click menu does, and\n"
    "                         set it to VALUE (repeatable)\n"
    "  --procs N --seed S --clock virtual|real --speed X --max-memory MIB   as for\n"
    "                         `goroscope run`\n"
    "                         (the window's clock is real unless --clock virtual)\n"
    "  --theme dark|light     the colours\n"
    "  --size WxH             the window's size in pixels (320x240 to 8192x8192)\n"
    "  --scale F              draw everything F times larger (0.5 to 4; the window too)\n"
    "  --present              presentation: the diagram and its narration, large type, high contrast\n"
    "  --screenshot FILE.png  render --frames frames (default 90), write a PNG, and exit\n"
    "  --frames N             frames to render before the screenshot (1 to 100000)\n"
    "  FILE                   open a recording for replay (or drop one on the window)\n"
    "  --at TIME              with a recording: open it at that moment\n"
    "  --play                 with a recording: open it playing\n"
    "  --timeline             show the timeline below the diagram (else the console)\n"
    "  --break LINE           pause when a goroutine reaches line LINE of the program; the\n"
    "                         inspector shows it, its variables too\n"
    "  --paused               start the program paused at its first event (Step: Right)\n"
    "  --find-failing         press \"Find a failing schedule\" at once: search for a run that\n"
    "                         fails, and open it in replay at the moment it went wrong\n"
    "  --diagram              the diagram alone, filling the window (pictures and clips for slides)\n"
    "Each option may be given once (--set once per parameter, --slider once per literal).\n"
    "Exit status 64: a bad command line.\n"
    "In the window: Space pause/resume, Right or N step one event, R restart, +/- speed,\n"
    "Ctrl +/- zoom the interface, F12 screenshot.\n";

const char* const kRenderHelp =
    "usage: goroscope render FILE --png OUT.png [--at TIME | --event N] [--size WxH] [--scale F]\n"
    "                               [--theme dark|light]\n"
    "                               [--diagram] [--present]\n"
    "       goroscope render FILE --gif OUT.gif | --mp4 OUT.mp4 [--from T] [--to T] [--fps N]\n"
    "                               [--size WxH] [--scale F] [--theme dark|light] [--diagram] [--present]\n"
    "  --event N: the moment right after the recording's first N events (0: its start); many\n"
    "  events share a time on the virtual clock. A picture without --at or --event shows the end\n"
    "  of the run. --size is the picture's size at scale 1 (else the saved window's size); it is\n"
    "  drawn offscreen, whatever the display's size; --scale F draws everything F times larger; --fps is 1 "
    "to 60. Needs a display (xvfb-run works);\n"
    "  a clip needs ffmpeg.\n";

namespace {

// read_view() reads what the window and render share.
void read_view(const Args& a, WindowOptions& o) {
  if (auto t = a.choice("--theme", {"dark", "light"})) o.theme = *t == "dark" ? 1 : 0;
  if (auto s = a.size("--size", 320, 240, 8192)) o.width = s->first, o.height = s->second;
  if (auto s = a.number("--scale", 0.5, 4)) o.scale = static_cast<float>(*s);
  o.diagram_only = a.has("--diagram");
  o.present = a.has("--present");
}

const std::vector<OptionSpec> kViewOptions = {
    {"--theme"}, {"--size"}, {"--scale"}, {"--diagram", true}, {"--present", true},
};

std::vector<OptionSpec> with(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

WindowOptions parse_window_options(const std::vector<std::string>& args) {
  std::vector<OptionSpec> specs = with(with(run_option_specs(), kViewOptions), {{"--scenario"},
                                                                                {"--screenshot"},
                                                                                {"--frames"},
                                                                                {"--at"},
                                                                                {"--play", true},
                                                                                {"--timeline", true},
                                                                                {"--find-failing", true},
                                                                                {"--break"},
                                                                                {"--paused", true},
                                                                                {"--help-app", true},
                                                                                {"--slider", false, true}});
  Args a(args, 0, specs);
  WindowOptions o;
  o.help = a.help() || a.has("--help-app");
  if (o.help) return o;
  if (a.positional().size() > 1)
    throw UsageError("one recording at a time: '" + a.positional()[0] + "' and '" + a.positional()[1] + "'");
  if (!a.positional().empty()) {
    const std::string& f = a.positional()[0];
    bool go = f.size() > 3 && f.compare(f.size() - 3, 3, ".go") == 0;
    if (go && a.has("--scenario"))
      throw UsageError("one program at a time: '" + f + "' and --scenario " + *a.text("--scenario"));
    (go ? o.scenario : o.recording) = f;  // a Go file runs; anything else is a recording
  }
  if (auto s = a.text("--scenario")) o.scenario = *s;
  if (!o.scenario.empty() && !find_scenario(o.scenario)) {
    std::string err;
    if (o.scenario.size() > 3 && o.scenario.compare(o.scenario.size() - 3, 3, ".go") == 0 &&
        !open_program(o.scenario, &err))
      throw UsageError(err);
    throw UsageError("no scenario named '" + o.scenario + "' (goroscope list shows them)");
  }
  o.sets = a.values("--set");
  // --slider LINE[:COL][=VALUE]: a literal of main made a slider, as its right-click menu does; the
  // program with it is kept by a name of its own, and VALUE is set as --set would.
  for (const std::string& w : a.values("--slider")) {
    if (!o.recording.empty()) throw UsageError("--slider is for a program, not a recording");
    const Scenario* sc = o.scenario.empty() ? nullptr : find_scenario(o.scenario);
    if (!sc) throw UsageError("--slider " + w + ": give the program (FILE.go or --scenario NAME)");
    size_t eq = w.find('=');
    std::string err;
    std::optional<size_t> k = literal_index(sc->source, w.substr(0, eq), &err);
    std::optional<Scenario> with = k ? with_literal_slider(*sc, *k, &err) : std::nullopt;
    if (!with) throw UsageError("--slider " + w + ": " + err);
    std::string made;
    for (const Param& p : with->params)
      if (std::none_of(sc->params.begin(), sc->params.end(),
                       [&](const Param& q) { return q.name == p.name; }))
        made = p.name;
    o.scenario = keep_program(std::move(*with))->name;
    if (eq != std::string::npos) o.sets.push_back(made + "=" + w.substr(eq + 1));
  }
  o.config.clock = goro::ClockMode::Real;  // watching: real time, adjustable speed
  o.config_set = read_config(a, o.config, o.notes);
  read_view(a, o);
  if (auto f = a.file("--screenshot")) o.screenshot = *f;
  if (auto n = a.whole("--frames", 1, 100000)) o.frames = static_cast<int>(*n);
  if (auto t = a.time("--at")) o.at = *t;
  o.play = a.has("--play");
  o.timeline = a.has("--timeline");
  o.find_failing = a.has("--find-failing");
  o.start_paused = a.has("--paused");
  if (auto n = a.whole("--break", 1, 1000000)) o.break_line = static_cast<int>(*n);
  if (o.break_line && !o.recording.empty())
    throw UsageError("--break pauses a running program: give --scenario or FILE.go, not a recording");
  if (o.start_paused && !o.recording.empty())
    throw UsageError("--paused is for a running program: give --scenario or FILE.go, not a recording");
  if (o.find_failing && !o.recording.empty())
    throw UsageError("--find-failing searches the program's runs: give --scenario, not a recording");
  if (o.recording.empty()) {
    for (const char* opt : {"--at", "--play"})
      if (a.has(opt))
        throw UsageError(std::string(opt) + " needs a recording to replay (goroscope FILE " + opt + ")");
  } else {
    for (const char* opt : {"--scenario", "--set", "--procs", "--seed", "--clock", "--speed"})
      if (a.has(opt))
        o.notes.push_back(std::string(opt) + " does nothing when replaying a recording (it ran as recorded)");
  }
  if (a.has("--frames") && o.screenshot.empty())
    o.notes.push_back("--frames does nothing without --screenshot");
  return o;
}

WindowOptions parse_render_options(const std::vector<std::string>& args) {
  Args a(args, 1,
         with(kViewOptions,
              {{"--png"}, {"--gif"}, {"--mp4"}, {"--at"}, {"--event"}, {"--from"}, {"--to"}, {"--fps"}}));
  WindowOptions o;
  o.help = a.help();
  if (o.help) return o;
  if (a.positional().empty())
    throw UsageError("render needs a recording: goroscope render FILE --png OUT.png");
  if (a.positional().size() > 1) throw UsageError("unexpected argument '" + a.positional()[1] + "'");
  o.recording = a.positional()[0];
  o.timeline = true;
  read_view(a, o);
  int outputs = a.has("--png") + a.has("--gif") + a.has("--mp4");
  if (outputs == 0) throw UsageError("render needs --png OUT.png, --gif OUT.gif or --mp4 OUT.mp4");
  if (outputs > 1) throw UsageError("render makes one thing at a time: --png, --gif or --mp4");
  if (auto png = a.file("--png")) {
    for (const char* opt : {"--from", "--to", "--fps"})
      if (a.has(opt)) throw UsageError(std::string(opt) + " is for a clip (--gif, --mp4), not a picture");
    o.screenshot = *png, o.frames = 3;
    if (a.has("--at") && a.has("--event")) throw UsageError("--at or --event, not both: one moment");
    if (auto t = a.time("--at"))
      o.at = *t;
    else if (auto n = a.whole("--event", 0, INT64_MAX))
      o.at_event = *n;  // many events share a time on the virtual clock: the moment after event N
    else
      o.at_end = true;  // the whole run drawn, not the empty first moment
    return o;
  }
  for (const char* opt : {"--at", "--event"})
    if (a.has(opt))
      throw UsageError(std::string(opt) + " is for a picture (--png); a clip takes --from and --to");
  const std::string ext = a.has("--gif") ? "gif" : "mp4";
  o.video = *a.file("--" + ext);
  o.video_format = ext;
  bool named = o.video.size() > 4 && o.video.compare(o.video.size() - 4, 4, "." + ext) == 0;
  bool through = false;  // a FIFO or a device (/dev/stdout) takes any name
  try {
    through = goro::output_kind(o.video) == goro::OutputKind::Through;
  } catch (const goro::OutputError&) {
  }
  if (!named && !through)
    throw UsageError("--" + ext + " wants a file name ending in ." + ext + ", not '" + o.video + "'");
  if (auto t = a.time("--from")) o.from = *t;
  if (auto t = a.time("--to")) o.to = *t;
  if (o.to >= 0 && o.to <= o.from) throw UsageError("--to must come after --from");
  if (auto n = a.whole("--fps", 1, 60)) o.fps = static_cast<int>(*n);
  return o;
}

}  // namespace goroscope
