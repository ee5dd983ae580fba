// app/findings.hpp: data races a run found, said as Go's race detector says them (`run --race`
// and `explore --until race`; exit status 66). What a run ends with (races counted, panics,
// leaked goroutines) is visual/run_end.hpp, shared with the window.
#pragma once

#include <ostream>
#include <string>

#include "goro/run.hpp"

namespace goroscope {

constexpr int kRaceExit = 66;  // GORACE's default exitcode

// print_races() writes every race report, then "Found N data race(s)" (nothing when none).
void print_races(const goro::Exit& e, std::ostream& out);

}  // namespace goroscope
