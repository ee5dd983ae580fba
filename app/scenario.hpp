// app/scenario.hpp: the programs the app runs, one registry for all of them: the article's
// programs (assets/programs/*.go, embedded in the binary at build time) and any Go file a user
// opens. A program is its Go source; its title and one-line description come from the source's
// leading comment (first line: the title, the lines after it: the description), its
// parameters from its `// goroscope: slider MIN..MAX "help"` comments (goroscope::lang) and from
// literals the user made sliders of in the window (held by their place: literal_slider.hpp), and its
// main compiles the parameter-applied source (once for each set of values) and runs it on goro.
//
// Invariants: names are unique (a built-in's is its file name less the number, the category
// word "pitfall_" or "performance_" and ".go": 08_worker_pool.go is "worker_pool",
// 13_pitfall_data_race.go "data_race"; a user's is the path it was opened by); every parameter's default lies
// in [min, max]; a place-held parameter's bytes are an integer literal of the source, on no
// annotated parameter's line; a Scenario handed out by scenarios() or find_scenario() lives until the process
// ends, so a `const Scenario*` may be kept; a Scenario may be run many times, also at once.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "goro/run.hpp"
#include "goroscope/lang.hpp"

namespace goroscope {

// Param is one knob of a program, shown as a slider.
struct Param {
  std::string name;  // the Go constant or variable it sets
  int def;
  int min;
  int max;
  std::string help;
  int line = 0;  // the 1-based line of its literal in the program's source
  // A parameter made of a literal that no `// goroscope: slider` comment names (literal_slider.hpp)
  // is held by its place: bytes [at, at + length) of the program's source (-1: an annotated one).
  int at = -1, length = 0;
};

// Params holds a program's parameter values by name.
class Params {
 public:
  // operator[] is a parameter's value; a name the program does not declare is a mistake:
  // std::out_of_range, naming it.
  int operator[](const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end())
      throw std::out_of_range("the program reads parameter '" + name + "', which it does not declare");
    return it->second;
  }
  std::map<std::string, int> values;
};

// Scenario is one program: its Go source and what the app shows of it.
struct Scenario {
  std::string name;         // command-line name, e.g. "worker_pool", or the user's path
  std::string title;        // e.g. "Worker pool"
  std::string description;  // one line ("" when the source has none)
  std::string go_file;      // its file name, e.g. "08_worker_pool.go"
  std::string source;       // its Go source text
  bool builtin = false;     // one of the article's programs
  std::vector<Param> params;

  // short_name() names files made from it: the name, or the user's file name less ".go".
  std::string short_name() const {
    return builtin || go_file.size() <= 3 ? name : go_file.substr(0, go_file.size() - 3);
  }
  // defaults() is every parameter at its default.
  Params defaults() const;
  // set() parses "name=value" into p; returns an error message, or "" when fine.
  std::string set(Params& p, std::string_view assignment) const;
  // source_with() is the source with p's values written into its parameters' literals.
  std::string source_with(const Params& p) const;
  // compile() is the program with p applied, compiled once for each set of values (thread-safe);
  // null with gc-style messages in *errors when it does not compile. race: with the race
  // detector's checks (for a run with Config::race); lines: with line marks, for breakpoints
  // and line steps at any statement (lang::CompileOptions).
  std::shared_ptr<const lang::Program> compile(const Params& p,
                                               std::vector<lang::Diagnostic>* errors = nullptr,
                                               bool race = false, bool lines = false) const;
  // main_function() is the main goroutine for goro::run (with a Config from program_config()):
  // compiles (or finds the compiled) program and runs it; one that does not compile runs nothing
  // and exits with status 1, as go run does (its callers show gc's errors: compile()).
  // *exit_code (optional; must outlive the run) receives os.Exit's code, or -1.
  // race: compiled with the race detector's checks (the run's Config::race); lines: with line marks.
  std::function<void()> main_function(const Params& p, int procs, int* exit_code = nullptr, bool race = false,
                                      bool lines = false) const;

  std::shared_ptr<struct CompiledCache> cache;  // compiled programs by parameter values
};

// program_from_source() makes a program of Go source; name as Scenario::name, file_name for
// messages ("prog.go:3:5: undefined: x").
Scenario program_from_source(std::string name, std::string file_name, std::string source);

// keep_program() keeps a program made here (a slider added from the command line) for the rest of
// the process, as the user's files are, so that find_scenario() finds it by its name (made unique).
const Scenario* keep_program(Scenario s);

// program_config() is cfg with what an interpreted program needs (a big enough C stack).
goro::Config program_config(goro::Config cfg);

// scenarios() lists the article's programs, in the article's order.
const std::vector<Scenario>& scenarios();
// find_scenario() finds a program by name or by its Go file's name (with or without ".go");
// an argument ending in ".go" that is none of the built-ins is read as the user's file
// (kept for the rest of the process). Null if none (or the file cannot be read).
const Scenario* find_scenario(std::string_view name);
// open_program() reads the user's Go file at path; null with the reason in *err when it cannot
// be read (the program is not compiled here). Read again unchanged (or unreadable now), it is
// the program read before; changed since (edited, or a new file given the page under the same
// name), a program of its own.
const Scenario* open_program(const std::string& path, std::string* err);
// default_scenario() is the program the window opens first: the worker pool, found by name.
const Scenario& default_scenario();

// embedded_programs() are assets/programs/*.go as built into the binary: file name -> text
// (generated at build time, embedded_programs.cpp).
const std::vector<std::pair<std::string, std::string>>& embedded_programs();

}  // namespace goroscope
