// app/explore.cpp: the `explore` verb (see explore.hpp): options, the progress line, and the
// failing run saved as a recording.
#include "explore.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "explorer.hpp"
#include "findings.hpp"
#include "go_program.hpp"
#include "signals.hpp"

namespace goroscope {

namespace {

const char* kExploreHelp =
    "usage: goroscope explore NAME [options]\n"
    "\n"
    "Runs the program again and again under schedules it chooses (procs 1, virtual clock; every\n"
    "lock, channel operation and checked variable access is a point where it may switch\n"
    "goroutines), stops at the first run that fails, and saves that run as a recording with its\n"
    "schedule: `goroscope FILE` replays it, opened at the moment it failed.\n"
    "\n"
    "  --runs N                   give up after N runs (default 10000)\n"
    "  --strategy random|pct      a random walk (default), or PCT (probabilistic concurrency testing)\n"
    "  --depth D                  PCT: the bug depth to aim for, 1 to 16 (default 3)\n"
    "  --until LIST               what counts as failing, comma-separated from deadlock, panic,\n"
    "                             race, output-differs (default deadlock,panic,race; race turns\n"
    "                             on the race detector; output-differs compares the lines printed\n"
    "                             in any order, as goroutines' print order varies)\n"
    "  --expect FILE              the expected output (default: what the program prints when no\n"
    "                             goroutine is ever preempted: each runs until it blocks)\n"
    "  --seed S                   the search's seed: the same seed and options find the same run\n"
    "  --procs 1                  (the explorer schedules one processor)\n"
    "  --set NAME=VALUE           a parameter of the program\n"
    "  --record FILE              where to save the failing run (default NAME-failing.gorec)\n"
    "\n"
    "Exit status: 0 nothing found, 3 found (and recorded), 1 the recording could not be written,\n"
    "64 bad usage.\n";

constexpr int kFoundExit = 3;

std::string read_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw UsageError("--expect: cannot read " + path);
  std::string s;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
  std::fclose(f);
  return s;
}

void progress(const ExploreResult& r, bool tty, bool last) {
  double rate = r.seconds > 0 ? static_cast<double>(r.runs) / r.seconds : 0;
  char line[160];
  std::snprintf(line, sizeof line, "explore: %llu runs, %.0f runs/s, %s",
                static_cast<unsigned long long>(r.runs), rate,
                r.found() ? "found a failing run" : "nothing found yet");
  if (tty)
    std::cerr << "\r" << line << "\033[K" << (last ? "\n" : "") << std::flush;
  else if (last)
    std::cerr << line << "\n";
}

}  // namespace

int cmd_explore(const std::vector<std::string>& args) {
  Args a(args, 1,
         {{"--set", false, true},
          {"--procs"},
          {"--seed"},
          {"--runs"},
          {"--strategy"},
          {"--depth"},
          {"--until"},
          {"--expect"},
          {"--record"}});
  if (a.help()) {
    std::cout << kExploreHelp;
    return 0;
  }
  if (a.positional().empty())
    throw UsageError("explore needs a program: goroscope explore NAME (goroscope list)");
  if (a.positional().size() > 1) throw UsageError("unexpected argument '" + a.positional()[1] + "'");
  const std::string& name = a.positional()[0];
  const Scenario* sc = find_scenario(name);
  if (!sc && is_go_file(name)) {  // the user's file, unreadable: as go run, exit 1
    std::string err;
    open_program(name, &err);
    std::cerr << "goroscope: " << err << "\n";
    return 1;
  }
  if (!sc) throw UsageError("no scenario named '" + name + "' (goroscope list shows them)");
  ExploreOptions o;
  o.spec = RunSpec{sc, sc->defaults(), {}};
  if (std::string err = apply_sets(*sc, a.values("--set"), o.spec.params); !err.empty())
    throw UsageError(err);
  // A program that does not compile has no schedule to search: gc's messages, exit 1, as go run.
  // (Compiled as the search's runs are, with the race detector's checks; kept for them.)
  std::vector<lang::Diagnostic> errors;
  if (!sc->compile(o.spec.params, &errors, true)) {
    for (const lang::Diagnostic& e : errors) std::cerr << e.text() << "\n";
    return 1;
  }
  if (auto t = a.text("--procs"); t && *t != "1")
    throw UsageError("explore schedules one processor: --procs must be 1, not '" + *t + "'");
  if (auto s = a.seed("--seed")) {
    o.seed = *s;
    o.spec.config.seed = *s;
  }
  if (auto n = a.whole("--runs", 1, 1000000000)) o.runs = static_cast<uint64_t>(*n);
  if (auto s = a.choice("--strategy", {"random", "pct"}))
    o.strategy = *s == "pct" ? Strategy::Pct : Strategy::Random;
  if (auto d = a.whole("--depth", 1, 16)) o.depth = static_cast<int>(*d);
  if (auto u = a.text("--until")) {
    o.until = 0;
    std::istringstream in(*u);
    for (std::string w; std::getline(in, w, ',');) {
      unsigned f = 0;
      for (unsigned k : {kDeadlock, kPanic, kRace, kOutputDiffers})
        if (w == failure_name(k)) f = k;
      if (!f)
        throw UsageError("--until takes deadlock, panic, race or output-differs (comma-separated), not '" +
                         w + "'");
      o.until |= f;
    }
  }
  if (auto f = a.file("--expect")) o.expect = read_file(*f);
  std::string record = a.file("--record").value_or(sc->short_name() + "-failing.gorec");

  StopOnSignal stop;  // Ctrl-C ends the search; nothing is written
  Explorer ex(o);
  bool tty = isatty(STDERR_FILENO);
  double shown = -1;
  while (ex.step()) {
    if (StopOnSignal::stop_signal()) ex.cancel();
    if (ex.result().seconds - shown >= 0.2) {
      progress(ex.result(), tty, false);
      shown = ex.result().seconds;
    }
  }
  const ExploreResult& r = ex.result();
  progress(r, tty, true);
  if (int sig = StopOnSignal::stop_signal()) return signal_exit_status(sig);
  if (!r.found()) {
    std::cerr << "goroscope: no failing run in " << r.runs << (r.runs == 1 ? " run" : " runs") << " ("
              << "until " << (a.text("--until") ? *a.text("--until") : "deadlock,panic,race") << ")\n";
    return 0;
  }
  std::cerr << "goroscope: run " << r.runs << " failed: " << r.outcome.what << "\n";
  Outcome again;
  try {
    again = record_failure(o, r, record);
  } catch (const goro::RecordingError& e) {
    std::cerr << "goroscope: " << e.what() << "\n";
    return 1;
  }
  if (again.failed != r.outcome.failed)
    std::cerr << "goroscope: note: the recorded run did not fail the same way (" << again.what << ")\n";
  if (r.outcome.failed == kRace) print_races(again.exit, std::cerr);
  if (r.outcome.failed == kDeadlock || r.outcome.failed == kPanic) std::cerr << again.exit.message;
  std::cout << "recorded the failing run (its schedule: " << r.schedule->picks.size() << " choices) to "
            << record << "\nopen it at the moment it failed: goroscope " << record << " --at "
            << format_time(again.failed_at) << "\n";
  return kFoundExit;
}

}  // namespace goroscope
