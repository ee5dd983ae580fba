// app/explore.hpp: `goroscope explore PROGRAM [options]`: search for a schedule that fails
// (explorer.hpp), save the failing run as a recording, and say how to open it.
#pragma once

#include <string>
#include <vector>

namespace goroscope {

// cmd_explore() runs the verb; returns the exit status: 0 nothing found, 1 the recording could
// not be written, 3 found (the recording is written), 64 a bad command line.
int cmd_explore(const std::vector<std::string>& args);

}  // namespace goroscope
