// app/findings.hpp: what a run found besides its output, said as Go says it: data races
// (`run --race`, Go's race detector's report, exit status 66) and goroutines still blocked when
// main returned (`run --leaks`, as Go's goroutine leak profile and goleak list them).
#pragma once

#include <ostream>
#include <string>

#include "goro/run.hpp"

namespace goroscope {

constexpr int kRaceExit = 66;  // GORACE's default exitcode

// print_races() writes every race report, then "Found N data race(s)" (nothing when none).
void print_races(const goro::Exit& e, std::ostream& out);
// print_leaks() lists the goroutines still alive when main returned, with where they wait
// (nothing when none); `file` names the source its lines are in ("" for none).
void print_leaks(const goro::Exit& e, std::ostream& out, const std::string& file = "");

}  // namespace goroscope
