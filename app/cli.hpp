// app/cli.hpp: the commands that need no display: list, run, inspect, export and help. The
// window and `render` (window.cpp) read their options with window_options.hpp; every verb
// reads its arguments with the one parser (args.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "args.hpp"
#include "duration.hpp"
#include "goro/run.hpp"
#include "scenario.hpp"

namespace goroscope {

// cli_main() runs a command; returns the process exit status, or nullopt when the arguments
// ask for the window instead. Exit status: 0 ok, 2 the program panicked or deadlocked (as `go
// run`), 1 a file could not be read or written (or memory ran out), 64 a bad command line,
// 128 + N the run was stopped by signal N (its recording is complete up to there).
std::optional<int> cli_main(const std::vector<std::string>& args);

// The options that say how to run a program (run and the window): --set, --procs, --seed,
// --clock, --speed. read_config() reads all but --set into c; returns whether any was given,
// and adds to notes an option that does nothing (--speed with the virtual clock).
std::vector<OptionSpec> run_option_specs();
bool read_config(const Args& a, goro::Config& c, std::vector<std::string>& notes);
// apply_sets() applies --set NAME=VALUE assignments to p, each parameter at most once;
// returns "" or what is wrong.
std::string apply_sets(const Scenario& s, const std::vector<std::string>& sets, Params& p);
constexpr double kMinSpeed = 0.01, kMaxSpeed = 1000;  // --speed, and the window's +/- keys

// Program times for people, in one place (visual/duration.hpp).
using goro::visual::format_time;
using goro::visual::parse_time;

}  // namespace goroscope
