// app/cli.hpp: the command line: list, run, inspect (and help). The window is launched by
// main.cpp when no command is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace goroscope {

// cli_main() runs a command; returns the process exit status, or nullopt when the arguments
// ask for the window instead.
std::optional<int> cli_main(const std::vector<std::string>& args);

// parse_time() reads "1.5s", "200ms", "30us", "42ns" or a plain number of nanoseconds.
std::optional<int64_t> parse_time(const std::string& s);
// format_time() writes nanoseconds for people ("1.5s", "200ms").
std::string format_time(int64_t ns);

}  // namespace goroscope
