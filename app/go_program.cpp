// app/go_program.cpp: `goroscope run FILE.go` and `goroscope vet FILE.go` (see go_program.hpp).
// The program runs on its own thread under goro::run with a tap; this thread prints its output
// as it comes, feeds the model (for the summary) and writes the recording.
#include "go_program.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "findings.hpp"
#include "goro/goro.hpp"
#include "goro/record.hpp"
#include "goro/tap.hpp"
#include "goroscope/lang.hpp"
#include "model.hpp"

namespace goroscope {

namespace {

constexpr int kUsage = 64;

int usage(const std::string& msg) {
  std::cerr << "goroscope: " << msg << "\n(goroscope --help for usage)\n";
  return kUsage;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

std::optional<long long> whole(const std::string& v, long long lo, long long hi) {
  try {
    size_t used = 0;
    long long x = std::stoll(v, &used);
    if (used != v.size() || x < lo || x > hi) return std::nullopt;
    return x;
  } catch (...) {
    return std::nullopt;
  }
}

// compile_or_say() reads, parameterises and compiles a file, printing gc-style errors.
std::shared_ptr<const lang::Program> compile_or_say(const std::string& path,
                                                    const std::map<std::string, long long>& set, int& status,
                                                    const lang::CompileOptions& options = {}) {
  std::optional<std::string> src = read_file(path);
  if (!src) {
    std::cerr << "goroscope: cannot read " << path << "\n";
    status = 1;
    return nullptr;
  }
  std::string source = *src;
  if (!set.empty()) {
    std::string err;
    source = lang::apply_params(source, set, &err);
    if (!err.empty()) {
      status = usage(err);
      return nullptr;
    }
  }
  lang::CompileResult c = lang::compile(source, path, options);
  if (!c.program) {
    for (const std::string& e : c.errors) std::cerr << e << "\n";
    status = 1;
    return nullptr;
  }
  return c.program;
}

}  // namespace

bool is_go_file(const std::string& arg) {
  return arg.size() > 3 && arg.compare(arg.size() - 3, 3, ".go") == 0;
}

int go_vet(const std::vector<std::string>& a) {
  if (a.size() != 2) return usage("vet takes one Go file: goroscope vet FILE.go");
  if (!is_go_file(a[1])) return usage("vet needs a .go file, not '" + a[1] + "'");
  int status = 0;
  return compile_or_say(a[1], {}, status) ? 0 : status;
}

int go_run(const std::vector<std::string>& a) {
  const std::string& path = a[1];
  std::map<std::string, long long> set;
  goro::Config cfg;
  std::string record;
  bool leaks = false;
  for (size_t i = 2; i < a.size(); i++) {
    const std::string& o = a[i];
    if (o == "--race") {  // the race detector: checks compiled in, Go's report, exit status 66
      cfg.race = true;
      continue;
    }
    if (o == "--leaks") {  // list the goroutines still blocked when main returns
      leaks = true;
      continue;
    }
    if (i + 1 >= a.size())
      return usage(o.rfind("--", 0) == 0 ? o + " needs a value" : "unexpected argument '" + o + "'");
    const std::string& v = a[++i];
    if (o == "--set") {
      size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0) return usage("--set needs NAME=VALUE, not '" + v + "'");
      auto x = whole(v.substr(eq + 1), INT64_MIN, INT64_MAX);
      if (!x) return usage("--set " + v.substr(0, eq) + " needs a whole number");
      set[v.substr(0, eq)] = *x;
    } else if (o == "--procs") {
      auto n = whole(v, 1, 64);
      if (!n) return usage("--procs must be a whole number from 1 to 64");
      cfg.procs = static_cast<int>(*n);
    } else if (o == "--seed") {
      auto n = whole(v, 0, INT64_MAX);
      if (!n) return usage("--seed must be a non-negative whole number");
      cfg.seed = static_cast<uint64_t>(*n);
    } else if (o == "--clock") {
      if (v == "virtual")
        cfg.clock = goro::ClockMode::Virtual;
      else if (v == "real")
        cfg.clock = goro::ClockMode::Real;
      else
        return usage("--clock must be virtual or real");
    } else if (o == "--speed") {
      char* end = nullptr;
      double x = std::strtod(v.c_str(), &end);
      if (*end || !(x > 0) || !std::isfinite(x) || x > 1e6)
        return usage("--speed must be a number above 0 (at most 1e6)");
      cfg.speed = x;
    } else if (o == "--record") {
      record = v;
    } else {
      return usage("unknown option '" + o + "'");
    }
  }
  int status = 0;
  lang::CompileOptions options;
  options.race = cfg.race;
  std::shared_ptr<const lang::Program> prog = compile_or_say(path, set, status, options);
  if (!prog) return status;
  cfg.stack_size = std::max(cfg.stack_size, lang::goroutine_stack_size());

  std::map<std::string, std::string> header;
  header["goroscope"] = "1";
  header["program"] = path;
  header["seed"] = std::to_string(cfg.seed);
  header["procs"] = std::to_string(cfg.procs);
  header["clock"] = cfg.clock == goro::ClockMode::Virtual ? "virtual" : "real";
  header["speed"] = std::to_string(cfg.speed);
  if (cfg.race) header["race"] = "1";
  for (const auto& [k, v] : set) header["param." + k] = std::to_string(v);
  std::unique_ptr<goro::RecordingWriter> writer;
  if (!record.empty()) {
    try {
      writer = std::make_unique<goro::RecordingWriter>(record, header);
    } catch (const goro::RecordingError& e) {
      std::cerr << "goroscope: " << e.what() << "\n";
      return 1;
    }
  }

  goro::Tap tap;
  goro::Control control;
  goro::Exit exit;
  int code = -1;
  std::atomic<bool> done{false};
  std::thread runner([&] {
    exit = goro::run(cfg, goro::Observer{&tap, &control}, lang::main_function(prog, cfg.procs, &code));
    done.store(true);
  });
  goro::visual::Model model;
  std::vector<std::string> strings{std::string()};
  std::vector<goro::Event> batch;
  for (;;) {
    bool was_done = done.load() && tap.finished();
    batch.clear();
    tap.drain(batch);
    if (!batch.empty()) {
      tap.strings(strings.size(), strings);
      for (const goro::Event& e : batch) {
        model.apply(e, strings);
        if (e.kind == goro::EventKind::Output) std::cout << strings[e.text];
      }
      std::cout.flush();
      if (writer) writer->add(batch, strings);
    }
    if (was_done && batch.empty()) break;
    if (batch.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  runner.join();
  if (writer) writer->finish(strings);

  int result;
  if (code >= 0) {
    result = code;  // os.Exit
    if (code != 0) std::cerr << "exit status " << code << "\n";
  } else if (exit.status != goro::ExitStatus::Ok) {
    std::cerr << exit.message << "exit status 2\n";
    result = 2;
  } else {
    result = 0;
  }
  std::cerr << "goroscope: " << exit.goroutines << (exit.goroutines == 1 ? " goroutine, " : " goroutines, ")
            << model.channel_ops()
            << (model.channel_ops() == 1 ? " channel operation, " : " channel operations, ")
            << format_time(exit.end_time) << " of "
            << (cfg.clock == goro::ClockMode::Virtual ? "virtual" : "real") << " time";
  if (exit.leaked)
    std::cerr << ", " << exit.leaked << " leaked (still blocked or unfinished when main returned)";
  std::cerr << "\n";
  if (leaks) print_leaks(exit, std::cerr, path);
  print_races(exit, std::cerr);
  if (!record.empty()) std::cerr << "goroscope: recorded to " << record << "\n";
  if (result == 0 && !exit.races.empty()) {
    std::cerr << "exit status " << kRaceExit << "\n";
    result = kRaceExit;
  }
  return result;
}

}  // namespace goroscope
