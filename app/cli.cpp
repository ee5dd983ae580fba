// app/cli.cpp: `goroscope list | run | inspect`. Exit status: 0 ok, 2 the program panicked or
// deadlocked (as `go run`), 1 a file could not be read or written, 64 a bad command line.
#include "cli.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "chrome_trace.hpp"
#include "go_program.hpp"
#include "goro/record.hpp"
#include "model.hpp"
#include "scenarios/scenario.hpp"
#include "session.hpp"

namespace goroscope {

namespace {

constexpr int kUsage = 64;

const char* kHelp =
    "Goroscope: Go-style concurrency, made visible.\n"
    "\n"
    "usage:\n"
    "  goroscope [--scenario NAME] [--set k=v]...     open the window (see goroscope --help-app)\n"
    "  goroscope FILE.gorec                           open a recording in the window\n"
    "  goroscope list                                 the article's programs and their parameters\n"
    "  goroscope run NAME [options]                   run one headless, print its output\n"
    "  goroscope run FILE.go [options]                run a Go program (docs/go-subset.md)\n"
    "  goroscope vet FILE.go                          a Go program's compile errors only\n"
    "  goroscope inspect FILE [--at TIME]             what a recording holds; the state at TIME\n"
    "  goroscope export FILE --chrome OUT.json        Chrome Trace Event JSON (Perfetto, chrome://tracing)\n"
    "  goroscope render FILE --png OUT [--at TIME]    a picture of the window at a moment (needs a display)\n"
    "  goroscope render FILE --gif OUT | --mp4 OUT [--from T --to T --fps N --size WxH]\n"
    "                                                 a clip of the replay (needs ffmpeg and a display)\n"
    "\n"
    "run options:\n"
    "  --set NAME=VALUE     a parameter (repeatable); see `goroscope list`\n"
    "  --procs N            processors, 1 to 64 (default 1)\n"
    "  --seed S             seed for every random choice (default 1)\n"
    "  --clock virtual|real virtual time jumps to the next timer (default); real is wall time\n"
    "  --speed X            real clock only: program seconds per wall second (default 1)\n"
    "  --record FILE        write a recording of the run\n"
    "\n"
    "TIME is 1.5s, 200ms, 30us, 42ns or a number of nanoseconds.\n"
    "Exit status: 0 ok, 2 the program panicked or deadlocked, 1 file error, 64 bad usage.\n";

int usage_error(const std::string& msg) {
  std::cerr << "goroscope: " << msg << "\n(goroscope --help for usage)\n";
  return kUsage;
}

// load_or_say() loads a recording (its complete prefix, if the run died), or says why not.
std::optional<goro::Recording> load_or_say(const std::string& path) {
  try {
    return goro::load_recording(path, {.allow_truncated = true});
  } catch (const goro::RecordingError& e) {
    std::cerr << "goroscope: " << e.what() << "\n";
    return std::nullopt;
  }
}

int cmd_list() {
  for (const Scenario& s : scenarios()) {
    std::cout << s.name << "  (" << s.go_file << ")\n    " << s.description << "\n";
    for (const Param& p : s.params)
      std::cout << "    --set " << p.name << "=" << p.def << "   " << p.help << " [" << p.min << ".." << p.max
                << "]\n";
  }
  return 0;
}

int cmd_run(const std::vector<std::string>& a) {
  if (a.size() < 2 || a[1] == "--help" || a[1] == "-h") {
    std::cout << kHelp;
    return a.size() < 2 ? kUsage : 0;
  }
  const Scenario* sc = find_scenario(a[1]);
  if (!sc) return usage_error("no scenario named '" + a[1] + "' (goroscope list shows them)");
  RunSpec spec{sc, sc->defaults(), {}};
  std::string record;
  for (size_t i = 2; i < a.size(); i++) {
    const std::string& o = a[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= a.size()) return std::nullopt;
      return a[++i];
    };
    auto number = [&](const std::string& v, long long lo, long long hi) -> std::optional<long long> {
      try {
        size_t used = 0;
        long long x = std::stoll(v, &used);
        if (used != v.size() || x < lo || x > hi) return std::nullopt;
        return x;
      } catch (...) {
        return std::nullopt;
      }
    };
    if (o == "--help" || o == "-h") {
      std::cout << kHelp;
      return 0;
    }
    auto v = value();
    if (!v)
      return usage_error(o.rfind("--", 0) == 0 ? o + " needs a value" : "unexpected argument '" + o + "'");
    if (o == "--set") {
      std::string err = sc->set(spec.params, *v);
      if (!err.empty()) return usage_error(err);
    } else if (o == "--procs") {
      auto n = number(*v, 1, 64);
      if (!n) return usage_error("--procs must be a whole number from 1 to 64");
      spec.config.procs = static_cast<int>(*n);
    } else if (o == "--seed") {
      auto n = number(*v, 0, INT64_MAX);
      if (!n) return usage_error("--seed must be a non-negative whole number");
      spec.config.seed = static_cast<uint64_t>(*n);
    } else if (o == "--clock") {
      if (*v == "virtual")
        spec.config.clock = goro::ClockMode::Virtual;
      else if (*v == "real")
        spec.config.clock = goro::ClockMode::Real;
      else
        return usage_error("--clock must be virtual or real");
    } else if (o == "--speed") {
      char* end = nullptr;
      double x = std::strtod(v->c_str(), &end);
      if (*end || !(x > 0) || !std::isfinite(x) || x > 1e6)
        return usage_error("--speed must be a number above 0 (at most 1e6)");
      spec.config.speed = x;
    } else if (o == "--record") {
      record = *v;
    } else {
      return usage_error("unknown option '" + o + "'");
    }
  }
  std::unique_ptr<Session> session;
  try {
    session = std::make_unique<Session>(spec, record, false, /*keep_events=*/false);
  } catch (const goro::RecordingError& e) {
    std::cerr << "goroscope: " << e.what() << "\n";
    return 1;
  }
  for (;;) {
    bool was_done = session->done();
    const auto& evs = session->pump();
    for (const goro::Event& e : evs)
      if (e.kind == goro::EventKind::Output) std::cout << session->strings()[e.text];
    std::cout.flush();
    if (was_done && evs.empty()) break;
    if (evs.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const goro::Exit& ex = session->exit();
  const goro::visual::Model& m = session->model();
  if (ex.status != goro::ExitStatus::Ok) std::cerr << ex.message << "exit status 2\n";
  std::cerr << "goroscope: " << ex.goroutines << (ex.goroutines == 1 ? " goroutine, " : " goroutines, ")
            << m.channel_ops() << (m.channel_ops() == 1 ? " channel operation, " : " channel operations, ")
            << format_time(ex.end_time) << " of "
            << (spec.config.clock == goro::ClockMode::Virtual ? "virtual" : "real") << " time";
  if (ex.leaked) std::cerr << ", " << ex.leaked << " leaked (still blocked or unfinished when main returned)";
  std::cerr << "\n";
  if (!record.empty()) std::cerr << "goroscope: recorded to " << record << "\n";
  return ex.status == goro::ExitStatus::Ok ? 0 : 2;
}

int cmd_inspect(const std::vector<std::string>& a) {
  if (a.size() < 2 || a[1] == "--help" || a[1] == "-h") {
    std::cout << kHelp;
    return a.size() < 2 ? kUsage : 0;
  }
  std::optional<int64_t> at;
  for (size_t i = 2; i < a.size(); i++) {
    if (a[i] == "--at") {
      if (i + 1 >= a.size()) return usage_error("--at needs a time");
      at = parse_time(a[++i]);
      if (!at) return usage_error("--at: '" + a[i] + "' is not a time (1.5s, 200ms, 30us, 42ns)");
    } else {
      return usage_error("unknown option '" + a[i] + "'");
    }
  }
  std::optional<goro::Recording> loaded = load_or_say(a[1]);
  if (!loaded) return 1;
  const goro::Recording& rec = *loaded;
  goro::visual::Model full;
  size_t objects = 0;
  for (const goro::Event& e : rec.events) {
    full.apply(e, rec.strings);
    if (e.kind == goro::EventKind::ObjMake) objects++;
  }
  std::cout << "recording: " << a[1]
            << (rec.complete ? "" : "  (incomplete: the run did not finish writing it)") << "\n";
  for (const auto& [k, v] : rec.header) std::cout << "  " << k << " = " << v << "\n";
  std::cout << "events: " << rec.events.size() << "\nduration: " << format_time(full.time())
            << "\ngoroutines: " << full.goroutines().size() << "\nobjects: " << objects << " ("
            << full.channels().size() << " channels, " << full.waitgroups().size() << " wait groups, "
            << full.mutexes().size() << " mutexes, " << full.onces().size() << " onces)\n";
  for (const auto& c : full.channels()) std::cout << "  chan " << c.name << " cap " << c.cap << "\n";
  for (const auto& b : rec.bookmarks)
    std::cout << "bookmark " << format_time(b.time) << ": " << b.caption << "\n";
  if (full.exited()) {
    const char* st[] = {"ok", "panic", "deadlock"};
    std::cout << "exit: " << st[static_cast<int>(full.exit_status())] << ", " << full.leaked() << " leaked\n";
    if (!full.exit_message().empty()) std::cout << full.exit_message();
  }
  if (at) {
    goro::visual::Model m;
    for (const goro::Event& e : rec.events) {
      if (e.time > *at) break;
      m.apply(e, rec.strings);
    }
    std::cout << "\nstate at " << format_time(*at) << ":\n" << m.dump();
  }
  return 0;
}

int cmd_export(const std::vector<std::string>& a) {
  if (a.size() < 2 || a[1] == "--help" || a[1] == "-h") {
    std::cout << kHelp;
    return a.size() < 2 ? kUsage : 0;
  }
  std::string chrome;
  for (size_t i = 2; i < a.size(); i++) {
    if (a[i] == "--chrome" && i + 1 < a.size())
      chrome = a[++i];
    else
      return usage_error(a[i] == "--chrome" ? "--chrome needs a file" : "unknown option '" + a[i] + "'");
  }
  if (chrome.empty()) return usage_error("export needs --chrome OUT.json");
  std::optional<goro::Recording> loaded = load_or_say(a[1]);
  if (!loaded) return 1;
  const goro::Recording& rec = *loaded;
  std::string tmp = chrome + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) {
      std::cerr << "goroscope: cannot write " << chrome << "\n";
      return 1;
    }
    goro::visual::write_chrome_trace(rec, out);
    if (!out.flush()) {
      std::cerr << "goroscope: cannot write " << chrome << "\n";
      std::remove(tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), chrome.c_str()) != 0) {
    std::cerr << "goroscope: cannot write " << chrome << "\n";
    std::remove(tmp.c_str());
    return 1;
  }
  std::cerr << "goroscope: wrote " << chrome << " (open it in https://ui.perfetto.dev or chrome://tracing)\n";
  return 0;
}

}  // namespace

std::optional<int64_t> parse_time(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double x = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || !std::isfinite(x) || x < 0) return std::nullopt;
  std::string unit(end);
  double scale = 0;
  if (unit.empty() || unit == "ns")
    scale = 1;
  else if (unit == "us" || unit == "µs")
    scale = 1e3;
  else if (unit == "ms")
    scale = 1e6;
  else if (unit == "s")
    scale = 1e9;
  else if (unit == "m")
    scale = 60e9;
  else
    return std::nullopt;
  double ns = x * scale;
  if (ns > 9e18) return std::nullopt;
  return static_cast<int64_t>(std::llround(ns));
}

std::string format_time(int64_t ns) {
  char b[64];
  double a = std::fabs(static_cast<double>(ns));
  if (a < 1e3)
    std::snprintf(b, sizeof b, "%lldns", static_cast<long long>(ns));
  else if (a < 1e6)
    std::snprintf(b, sizeof b, "%.4gus", ns / 1e3);
  else if (a < 1e9)
    std::snprintf(b, sizeof b, "%.4gms", ns / 1e6);
  else
    std::snprintf(b, sizeof b, "%.6gs", ns / 1e9);
  return b;
}

std::optional<int> cli_main(const std::vector<std::string>& args) {
  if (args.empty()) return std::nullopt;
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kHelp;
    return 0;
  }
  if (cmd == "list") return args.size() == 1 ? cmd_list() : usage_error("list takes no arguments");
  if (cmd == "run" && args.size() > 1 && is_go_file(args[1])) return go_run(args);  // Go source
  if (cmd == "vet") return go_vet(args);
  if (cmd == "run") return cmd_run(args);
  if (cmd == "inspect") return cmd_inspect(args);
  if (cmd == "export") return cmd_export(args);
  if (cmd.rfind("-", 0) == 0 || cmd.find(".gorec") != std::string::npos)
    return std::nullopt;  // the window's options
  return usage_error("unknown command '" + cmd + "'");
}

}  // namespace goroscope
