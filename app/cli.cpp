// app/cli.cpp: `goroscope list | run | inspect | export | help`, each reading its arguments
// with the one parser (args.hpp). Exit status: 0 ok, 2 the program panicked or deadlocked (as
// `go run`), 1 a file could not be read or written (or memory ran out), 64 a bad command line,
// 128 + N stopped by signal N.
#include "cli.hpp"

#include <sys/stat.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <new>
#include <set>
#include <thread>

#include "chrome_trace.hpp"
#include "explore.hpp"
#include "findings.hpp"
#include "go_program.hpp"
#include "goro/output_file.hpp"
#include "goro/quote.hpp"
#include "goro/record.hpp"
#include "goroscope/lang.hpp"
#include "model.hpp"
#include "run_end.hpp"
#include "session.hpp"
#include "signals.hpp"

namespace goroscope {

namespace {

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
    "  goroscope render FILE --png OUT [--at TIME]    a picture of the window at a moment, by default\n"
    "                                                 the end (needs a display)\n"
    "  goroscope render FILE --gif OUT | --mp4 OUT [--from T --to T --fps N --size WxH]\n"
    "                                                 a clip of the replay (needs ffmpeg and a display)\n"
    "  goroscope explore NAME [options]               search schedules for a run that fails, record it\n"
    "                                                 (goroscope explore --help)\n"
    "\n"
    "run options:\n"
    "  --set NAME=VALUE     a parameter (repeatable, each parameter once); see `goroscope list`\n"
    "  --procs N            processors, 1 to 64 (default 1)\n"
    "  --seed S             seed for every random choice, 0 to 18446744073709551615 (default 1)\n"
    "  --clock virtual|real virtual time jumps to the next timer (default); real is wall time\n"
    "  --speed X            real clock only: program seconds per wall second, 0.01 to 1000 (default 1)\n"
    "  --max-memory MIB     the program's memory ceiling in MiB, 16 to 1048576 (default 4096); over\n"
    "                       it the program ends with Go's \"fatal error: runtime: out of memory\"\n"
    "  --record FILE        write a recording of the run (Ctrl-C stops the run and ends it properly)\n"
    "  --race               detect data races (Go's report; exit status 66 if any)\n"
    "  --leaks              list the goroutines still blocked when main returned, and on what\n"
    "\n"
    "Options are --name VALUE or --name=VALUE, each given once; numbers are plain decimals.\n"
    "TIME is 1.5s, 200ms, 30us, 42ns or a number of nanoseconds.\n"
    "Output files: a regular file is replaced only once completely written; a FIFO or device\n"
    "(/dev/stdout) is written through; a symbolic link is refused.\n"
    "Exit status: 0 ok, 2 the program panicked or deadlocked, 1 file error or out of memory,\n"
    "64 bad usage, 130/143 stopped by SIGINT/SIGTERM; run --race: 66 a data race was found.\n";

// say() prints one error line.
void say(const std::string& msg) { std::cerr << "goroscope: " << msg << "\n"; }

// load_or_say() loads a recording (its complete prefix, if the run died), or says why not.
std::optional<goro::Recording> load_or_say(const std::string& path) {
  try {
    return goro::load_recording(path, {.allow_truncated = true});
  } catch (const goro::RecordingError& e) {
    say(e.what());
    return std::nullopt;
  }
}

// one_file() is the single positional argument a verb takes, or a UsageError naming it.
const std::string& one_file(const Args& a, const std::string& verb, const std::string& what,
                            const std::string& usage) {
  if (a.positional().empty()) throw UsageError(verb + " needs " + what + ": " + usage);
  if (a.positional().size() > 1) throw UsageError("unexpected argument '" + a.positional()[1] + "'");
  return a.positional()[0];
}

int cmd_list(const std::vector<std::string>& args) {
  Args a(args, 1, {});
  if (!a.positional().empty()) throw UsageError("list takes no arguments");
  for (const Scenario& s : scenarios()) {
    std::cout << s.name << "  (" << s.go_file << ")\n    " << s.description << "\n";
    for (const Param& p : s.params)
      std::cout << "    --set " << p.name << "=" << p.def << "   " << p.help << " [" << p.min << ".." << p.max
                << "]\n";
  }
  return 0;
}

const char* signal_name(int sig) {
  return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "a signal";
}

int cmd_run(const std::vector<std::string>& args) {
  std::vector<OptionSpec> specs = run_option_specs();
  specs.push_back({"--record"});
  specs.push_back({"--race", true});
  specs.push_back({"--leaks", true});
  Args a(args, 1, specs);
  if (a.help()) {
    std::cout << kHelp;
    return 0;
  }
  const std::string& name = one_file(a, "run", "a program", "goroscope run NAME (goroscope list shows them)");
  const Scenario* sc = find_scenario(name);
  if (!sc && is_go_file(name)) {  // the user's file, unreadable: as go run, exit 1
    std::string err;
    open_program(name, &err);
    say(err);
    return 1;
  }
  if (!sc) throw UsageError("no scenario named '" + name + "' (goroscope list shows them)");
  RunSpec spec{sc, sc->defaults(), {}};
  if (std::string err = apply_sets(*sc, a.values("--set"), spec.params); !err.empty()) throw UsageError(err);
  std::vector<lang::Diagnostic> errors;
  if (!sc->compile(spec.params, &errors, a.has("--race"))) {  // gc's messages, exit 1, as go run
    for (const lang::Diagnostic& e : errors) std::cerr << e.text() << "\n";
    return 1;
  }
  std::vector<std::string> notes;
  read_config(a, spec.config, notes);
  std::string record = a.file("--record").value_or("");
  spec.config.race = a.has("--race");
  spec.config.race_values = !record.empty();  // a recording keeps the variables' values for its replay
  for (const std::string& n : notes) say(n);

  StopOnSignal stop;  // Ctrl-C: stop the program, end the recording properly, exit 130
  std::unique_ptr<Session> session;
  int stopped_by = 0;
  try {
    session = std::make_unique<Session>(spec, record, false, /*keep_events=*/false);
    for (;;) {
      if (int sig = StopOnSignal::stop_signal(); sig && !stopped_by) {
        stopped_by = sig;
        session->control().stop();
      }
      bool was_done = session->done();
      const auto& evs = session->pump();
      for (const goro::Event& e : evs)
        if (e.kind == goro::EventKind::Output) (e.aux ? std::cerr : std::cout) << session->strings()[e.text];
      std::cout.flush();
      if (was_done && evs.empty()) break;
      if (evs.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  } catch (const goro::RecordingError& e) {  // the recording cannot be written (a full disk)
    say(e.what());
    return 1;
  }
  const goro::Exit& ex = session->exit();
  const goro::visual::Model& m = session->model();
  const int os_exit = session->exit_code();
  // Go's race reports, then what the run ends with, as the window's console says it: Go's own
  // words always (as go run prints them), the goroutines left behind with --leaks
  for (const goro::RaceReport& r : ex.races) std::cerr << r.text;
  for (const goro::visual::EndLine& l : goro::visual::run_end(m, os_exit, SIZE_MAX))
    if (l.tone == goro::visual::EndLine::Tone::Error || a.has("--leaks")) std::cerr << l.text << "\n";
  // Timers (time.After, Tick, AfterFunc) are runtime timers in Go: neither goroutines nor leaks.
  const size_t timers = ex.goroutines - std::min<size_t>(ex.goroutines, m.program_goroutines());
  const size_t goroutines = ex.goroutines - timers;
  std::cerr << "goroscope: " << goroutines << (goroutines == 1 ? " goroutine, " : " goroutines, ");
  if (timers) std::cerr << timers << (timers == 1 ? " timer, " : " timers, ");
  std::cerr << m.channel_ops() << (m.channel_ops() == 1 ? " channel operation, " : " channel operations, ")
            << format_time(ex.end_time) << " of "
            << (spec.config.clock == goro::ClockMode::Virtual ? "virtual" : "real") << " time";
  if (m.leaked())
    std::cerr << ", " << m.leaked() << " leaked (still blocked or unfinished when main returned)";
  std::cerr << "\n";
  if (stopped_by) say(std::string("stopped by ") + signal_name(stopped_by));
  if (!record.empty()) say("recorded to " + record);
  if (stopped_by) return signal_exit_status(stopped_by);
  if (os_exit >= 0) return os_exit;
  if (ex.status != goro::ExitStatus::Ok) return 2;
  return ex.races.empty() ? 0 : kRaceExit;
}

int cmd_inspect(const std::vector<std::string>& args) {
  Args a(args, 1, {{"--at"}});
  if (a.help()) {
    std::cout << kHelp;
    return 0;
  }
  const std::string& path = one_file(a, "inspect", "a recording", "goroscope inspect FILE.gorec [--at TIME]");
  std::optional<int64_t> at = a.time("--at");
  std::optional<goro::Recording> loaded = load_or_say(path);
  if (!loaded) return 1;
  const goro::Recording& rec = *loaded;
  // What the file says is printed escaped (goro/quote.hpp): a name or caption from a stranger's
  // file may hold escape sequences, NUL, invalid UTF-8 or a newline that forges a line.
  using goro::terminal_text;
  goro::visual::Model full;
  size_t objects = 0;
  for (const goro::Event& e : rec.events) {
    full.apply(e, rec.strings);
    if (e.kind == goro::EventKind::ObjMake) objects++;
  }
  const goro::TimeIndex times(rec.events);
  std::cout << "recording: " << path
            << (rec.complete ? "" : "  (incomplete: the run did not finish writing it)") << "\n";
  for (const auto& [k, v] : rec.header)
    std::cout << "  " << terminal_text(k) << " = " << terminal_text(v) << "\n";
  std::cout << "events: " << rec.events.size() << "\nduration: " << format_time(times.end_time())
            << "\ngoroutines: " << full.goroutine_count() << "\nobjects: " << objects << " ("
            << full.channels().size() << " channels, " << full.waitgroups().size() << " wait groups, "
            << full.mutexes().size() << " mutexes, " << full.onces().size() << " onces)\n";
  for (const auto& c : full.channels())
    std::cout << "  chan " << terminal_text(c.name) << " cap " << c.cap << "\n";
  for (const auto& b : rec.bookmarks)
    std::cout << "bookmark " << format_time(b.time) << ": " << terminal_text(b.caption) << "\n";
  if (full.exited()) {
    const char* st[] = {"ok", "panic", "deadlock"};
    auto status = static_cast<size_t>(full.exit_status());
    std::cout << "exit: " << (status < 3 ? st[status] : "unknown") << ", " << full.leaked() << " leaked\n";
    if (!full.exit_message().empty()) std::cout << goro::terminal_lines(full.exit_message());
  }
  if (at) {  // the state at a time: every event up to the last one at or before it (TimeIndex)
    goro::visual::Model m;
    for (size_t i = 0, n = times.until(*at); i < n; i++) m.apply(rec.events[i], rec.strings);
    std::cout << "\nstate at " << format_time(*at) << ":\n" << m.dump();
  }
  return 0;
}

int cmd_export(const std::vector<std::string>& args) {
  Args a(args, 1, {{"--chrome"}});
  if (a.help()) {
    std::cout << kHelp;
    return 0;
  }
  const std::string& path = one_file(a, "export", "a recording", "goroscope export FILE --chrome OUT.json");
  std::optional<std::string> chrome = a.file("--chrome");
  if (!chrome) throw UsageError("export needs --chrome OUT.json");
  std::optional<goro::Recording> loaded = load_or_say(path);
  if (!loaded) return 1;
  const goro::Recording& rec = *loaded;
  try {
    goro::OutputStream out(*chrome);  // a signal meanwhile removes the temporary file (signals.hpp)
    goro::visual::write_chrome_trace(rec, out);
    out.commit();
  } catch (const goro::OutputError& e) {
    say(e.what());
    return 1;
  }
  if (!rec.complete)
    say("note: " + path + " is incomplete (the run did not finish writing it); exported its " +
        std::to_string(rec.events.size()) + " events");
  say("wrote " + *chrome + " (open it in https://ui.perfetto.dev or chrome://tracing)");
  return 0;
}

// a_recording() tells whether a first argument names a recording for the window.
bool a_recording(const std::string& arg) {
  struct stat st {};
  return arg.find(".gorec") != std::string::npos || ::stat(arg.c_str(), &st) == 0;
}

std::optional<int> dispatch(const std::vector<std::string>& args) {
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kHelp;
    return 0;
  }
  if (cmd == "list") return cmd_list(args);
  if (cmd == "vet") return go_vet(args);
  if (cmd == "run") return cmd_run(args);
  if (cmd == "inspect") return cmd_inspect(args);
  if (cmd == "export") return cmd_export(args);
  if (cmd == "explore") return cmd_explore(args);
  if (cmd.rfind("-", 0) == 0 || a_recording(cmd) || is_go_file(cmd))
    return std::nullopt;  // the window's options
  throw UsageError("unknown command '" + cmd + "'");
}

}  // namespace

std::vector<OptionSpec> run_option_specs() {
  return {{"--set", false, true}, {"--procs"}, {"--seed"}, {"--clock"}, {"--speed"}, {"--max-memory"}};
}

bool read_config(const Args& a, goro::Config& c, std::vector<std::string>& notes) {
  if (auto n = a.whole("--procs", 1, 64)) c.procs = static_cast<int>(*n);
  if (auto s = a.seed("--seed")) c.seed = *s;
  if (auto mib = a.whole("--max-memory", 16, 1 << 20)) lang::set_max_memory(*mib << 20);
  if (auto v = a.choice("--clock", {"virtual", "real"}))
    c.clock = *v == "real" ? goro::ClockMode::Real : goro::ClockMode::Virtual;
  if (auto x = a.number("--speed", kMinSpeed, kMaxSpeed)) {
    c.speed = *x;
    if (c.clock == goro::ClockMode::Virtual)
      notes.push_back(
          "--speed does nothing with the virtual clock (time jumps from timer to timer); "
          "add --clock real");
  }
  return a.has("--procs") || a.has("--seed") || a.has("--clock") || a.has("--speed");
}

std::string apply_sets(const Scenario& s, const std::vector<std::string>& sets, Params& p) {
  std::set<std::string> seen;
  for (const std::string& a : sets) {
    if (std::string err = s.set(p, a); !err.empty()) return err;
    std::string name = a.substr(0, a.find('='));
    if (!seen.insert(name).second) return "--set " + name + " is given twice (set each parameter once)";
  }
  return "";
}

std::optional<int> cli_main(const std::vector<std::string>& args) {
  if (args.empty()) return std::nullopt;
  try {
    return dispatch(args);
  } catch (const UsageError& e) {
    std::cerr << "goroscope: " << e.what() << "\n(goroscope --help for usage)\n";
    return kUsageExit;
  } catch (const std::bad_alloc&) {
    say("out of memory");
    return 1;
  }
}

}  // namespace goroscope
