// lang/lang.cpp: the public API (goroscope/lang.hpp): parameters from comments, compile
// (parse, check the imports' preludes and the program, compile to bytecode) and run.
#include "goroscope/lang.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "base/deadline.hpp"
#include "compile/compiler.hpp"
#include "front/parser.hpp"
#include "goro/goro.hpp"
#include "std/std.hpp"
#include "vm/objects.hpp"
#include "vm/vm.hpp"

namespace goroscope::lang {

class Program {
 public:
  golang::Program p;
};

namespace {

// one declaration line with a slider comment:
//   name := 3 // goroscope: slider 1..64 "help"
//   const name = 3 // goroscope: slider ...
//   var name = 3 // ...     (also inside const/var groups: name = 3 // ...)
const std::regex& param_re() {
  static const std::regex re(
      R"(^(\s*(?:const\s+|var\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\s*(?::=|=|[A-Za-z0-9_]+\s*=)\s*)(-?[0-9]+)(\s*//\s*goroscope:\s*slider\s+(-?[0-9]+)\s*\.\.\s*(-?[0-9]+)(?:\s+\"([^\"]*)\")?.*)$)");
  return re;
}

}  // namespace

std::vector<Param> params(const std::string& src) {
  std::vector<Param> out;
  std::istringstream in(src);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    n++;
    std::smatch m;
    if (!std::regex_match(line, m, param_re())) continue;
    Param p;
    p.name = m[2];
    p.def = std::stoll(m[4]);
    p.min = std::stoll(m[6]);
    p.max = std::stoll(m[7]);
    p.help = m[8];
    p.line = n;
    if (p.min > p.max) std::swap(p.min, p.max);
    out.push_back(p);
  }
  return out;
}

std::string apply_params(const std::string& src, const std::map<std::string, long long>& values,
                         std::string* err) {
  std::vector<Param> ps = params(src);
  for (auto& [k, v] : values) {
    auto it = std::find_if(ps.begin(), ps.end(), [&name = k](const Param& p) { return p.name == name; });
    if (it == ps.end()) {
      std::string known;
      for (auto& p : ps) known += (known.empty() ? "" : ", ") + p.name;
      if (err)
        *err = "no parameter named '" + k + "'" +
               (known.empty() ? " (the program has none)" : " (it has: " + known + ")");
      return src;
    }
    if (v < it->min || v > it->max) {
      if (err) *err = k + " must be from " + std::to_string(it->min) + " to " + std::to_string(it->max);
      return src;
    }
  }
  std::istringstream in(src);
  std::string line, out;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, param_re())) {
      auto it = values.find(m[2]);
      if (it != values.end())
        line = std::string(m[1]) + std::string(m[2]) + std::string(m[3]) + std::to_string(it->second) +
               std::string(m[5]);
    }
    out += line + "\n";
  }
  if (!src.empty() && src.back() != '\n') out.pop_back();
  return out;
}

std::string Diagnostic::text() const {
  if (line == 0) return file + ": " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + message;
}

namespace {
std::atomic<int64_t> g_compile_time_limit_ms{0};

CompileResult compile_within_limit(const std::string& src, const std::string& filename,
                                   const CompileOptions& options);
}  // namespace

void set_compile_time_limit(std::chrono::milliseconds limit) { g_compile_time_limit_ms.store(limit.count()); }

CompileResult compile(const std::string& src, const std::string& filename, const CompileOptions& options) {
  std::chrono::milliseconds limit{g_compile_time_limit_ms.load()};
  golang::CompileDeadline deadline(limit);
  try {
    return compile_within_limit(src, filename, options);
  } catch (const golang::CompileTimeout&) {
    CompileResult r;
    std::string took = limit.count() % 1000 == 0 ? std::to_string(limit.count() / 1000) + " s"
                                                 : std::to_string(limit.count()) + " ms";
    r.errors.push_back({filename, 0, 0,
                        "compiling took longer than " + took +
                            " and was stopped (the program is too large to compile here)"});
    return r;
  }
}

namespace {
CompileResult compile_within_limit(const std::string& src, const std::string& filename,
                                   const CompileOptions& options) {
  CompileResult r;
  auto prog = std::make_shared<Program>();
  golang::Program& p = prog->p;
  // the front end's objects live for the compile only: the Program refers to none of them
  golang::Arena arena;
  golang::Universe universe;
  golang::Checker checker(universe, arena, golang::std_package);
  p.filename = filename;
  p.race = options.race;
  p.lines = options.lines;
  std::vector<golang::Diag> errs;
  auto say = [&](const std::vector<golang::Diag>& ds) {
    // gc stops at its tenth error and says so at that error's position
    size_t n = 0;
    for (const auto& d : ds) {
      const std::string& file = d.file.empty() ? filename : d.file;
      r.errors.push_back({file, d.pos.line, d.pos.col, d.msg});
      if (++n == 10) {
        r.errors.push_back({file, d.pos.line, d.pos.col, "too many errors"});
        break;
      }
    }
  };
  // the runtime's error type: what index out of range & co panic with
  golang::Type* runtime_error = universe.named("Error", "runtime");
  runtime_error->under_ = universe.basic(golang::TK::String);
  golang::File* f = golang::parse_file(src, arena, errs);
  if (!f) {
    say(errs);
    return r;
  }
  golang::Package* main = checker.add_package("main", f, filename, false);
  if (!checker.check(main)) {
    say(checker.errors());
    return r;
  }
  golang::compile_program(p, golang::Front{universe, checker, arena, runtime_error}, main, errs);
  if (!errs.empty()) {
    std::stable_sort(errs.begin(), errs.end(), [](const golang::Diag& a, const golang::Diag& b) {
      return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
    });
    say(errs);
    return r;
  }
  if (std::getenv("GOROSCOPE_DISASM")) golang::disassemble(p, true);
  r.program = prog;
  return r;
}

std::atomic<int64_t> g_max_memory{kDefaultMaxMemory};
}  // namespace

void set_max_memory(int64_t bytes) { g_max_memory.store(bytes); }
int64_t max_memory() { return g_max_memory.load(); }

std::function<void()> main_function(std::shared_ptr<const Program> prog, int procs, int* exit_code) {
  return [prog, procs, exit_code] {
    auto run = std::make_shared<golang::Run>();
    run->set_parallel(procs > 1);
    run->set_max_memory(max_memory());
    run->self = run;
    run->prog = &prog->p;
    run->procs = procs;
    run->exit_out = exit_code;
    if (exit_code) *exit_code = -1;
    run->globals = golang::Value::of_obj(new golang::ArrObj(static_cast<size_t>(prog->p.nglobals)));
    golang::Thread t(*run);
    try {
      t.main();
    } catch (const golang::ExitProgram& e) {
      throw goro::Panic("exit status " + std::to_string(e.code));
    }
  };
}

size_t goroutine_stack_size() { return golang::kGoroutineCStack; }

goro::Exit run(const Program& p, const goro::Config& config, const goro::Observer* observer, int* exit_code) {
  goro::Config cfg = config;
  cfg.stack_size = std::max(cfg.stack_size, goroutine_stack_size());
  int code = -1;
  // the program outlives the run: share it without owning
  std::shared_ptr<const Program> ref(&p, [](const Program*) {});
  goro::Exit e = observer ? goro::run(cfg, *observer, main_function(ref, cfg.procs, &code))
                          : goro::run(cfg, main_function(ref, cfg.procs, &code));
  if (exit_code) {
    if (code >= 0)
      *exit_code = code;
    else
      *exit_code = e.status == goro::ExitStatus::Ok ? 0 : 2;
  }
  return e;
}

}  // namespace goroscope::lang
