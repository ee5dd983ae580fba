// goroscope/lang.hpp: Go programs in, goro goroutines out. Compiles Go source (a subset of Go
// 1.22: see docs/go-subset.md) to bytecode and runs it on goro::runtime, where every
// goroutine is a goro goroutine and every channel, select, sync and sleep operation is goro's,
// so the tap sees the program as it sees the C++ API.
//
// Example:
//   auto c = goroscope::lang::compile(source, "prog.go");
//   if (!c.errors.empty()) { for (auto& e : c.errors) std::cerr << e << "\n"; return 1; }
//   int code = 0;
//   goro::Exit e = goroscope::lang::run(*c.program, goro::Config{}, nullptr, &code);
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "goro/run.hpp"
#include "goro/tap.hpp"

namespace goroscope::lang {

// Param is a `// goroscope: slider MIN..MAX "help"` comment on a constant or variable
// declaration with an integer literal: a knob the app can draw and --set can change.
struct Param {
  std::string name;
  long long def = 0, min = 0, max = 0;
  std::string help;
  int line = 0;  // 1-based
};

// params() finds the parameters in a program's source.
std::vector<Param> params(const std::string& src);

// apply_params() rewrites the literal of each named parameter; on an unknown name or a value
// out of range it sets *err and returns the source unchanged.
std::string apply_params(const std::string& src, const std::map<std::string, long long>& values,
                         std::string* err);

class Program;  // a compiled program (immutable; may be run many times, also at once)

// Diagnostic is one compile error, as data: the file it is in (the program's file name as
// given to compile(), or a standard-library file "$GOROOT/src/fmt/fmt.go"), its 1-based line
// and byte column (0 when it has no place), and gc's words for it.
struct Diagnostic {
  std::string file;
  int line = 0;
  int col = 0;
  std::string message;
  // text() is gc's form: "prog.go:12:5: undefined: foo" ("prog.go: msg" without a place).
  std::string text() const;
};

struct CompileResult {
  std::shared_ptr<const Program> program;  // null when there are errors
  std::vector<Diagnostic> errors;          // in gc's order, at most 10 then "too many errors"
};

// CompileOptions choose what the bytecode carries besides the program.
struct CompileOptions {
  // race: check every access to memory that several goroutines may reach with goro's race
  // detector (run it with goro::Config::race). Without it the program has no checks at all.
  bool race = false;
  // lines: mark each statement of the program's file, so that a goro::Control's breakpoints
  // and line steps stop at any statement, not only at those with events (goro::at_line).
  bool lines = false;
};

// compile() checks and compiles a package main; filename is used in messages. Past the time
// limit (set_compile_time_limit) it stops with one error, without a place.
CompileResult compile(const std::string& src, const std::string& filename,
                      const CompileOptions& options = {});

// run() runs a compiled program to its end under goro::run. *exit_code (if given) is what
// `go run` would exit with: 0, 2 for a panic or deadlock, or the code given to os.Exit.
goro::Exit run(const Program& p, const goro::Config& cfg, const goro::Observer* observer, int* exit_code);

// goroutine_stack_size() is the C stack an interpreted goroutine needs (goro::Config's
// stack_size should be at least this): the VM keeps Go's frames on its own heap stack, but its
// loop runs on the fiber's, and a sanitizer build's loop is far larger.
size_t goroutine_stack_size();

// kDefaultMaxMemory is a program's memory ceiling unless set_max_memory() says otherwise.
constexpr int64_t kDefaultMaxMemory = int64_t{4} << 30;
// set_max_memory() sets the memory ceiling of the programs run from now on (bytes; 0: none):
// going over it ends a program with Go's "fatal error: runtime: out of memory" (exit status 2).
// max_memory() is the current one.
void set_max_memory(int64_t bytes);
int64_t max_memory();

// set_compile_time_limit() bounds every compile from now on (0: none, as gc; the window sets
// one so that no program can keep it waiting).
void set_compile_time_limit(std::chrono::milliseconds limit);

// main_function() is the program's main goroutine, for callers that call goro::run
// themselves; *exit_code (optional, must outlive the run) receives os.Exit's code, or -1.
std::function<void()> main_function(std::shared_ptr<const Program> p, int procs, int* exit_code);

}  // namespace goroscope::lang
