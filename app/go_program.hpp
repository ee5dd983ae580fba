// app/go_program.hpp: the command line's Go programs: `goroscope run FILE.go [options]` runs a
// Go source file on goro through goroscope::lang (output as `go run` prints it, then a
// summary), and `goroscope vet FILE.go` reports its compile errors only.
//
// Exit status: as `go run`: 0 ok, 2 panic or deadlock, os.Exit's code, 1 for compile errors or
// an unreadable file; 64 for a bad command line.
#pragma once

#include <string>
#include <vector>

namespace goroscope {

// is_go_file() is true for an argument that names a Go source file ("prog.go").
bool is_go_file(const std::string& arg);

// go_run() runs `goroscope run FILE.go [--set k=v] [--procs N] [--seed S] [--clock virtual|real]
// [--speed X] [--record F]` (args[0] is "run").
int go_run(const std::vector<std::string>& args);

// go_vet() runs `goroscope vet FILE.go` (args[0] is "vet"): 0 when it compiles, 1 with gc-style
// errors on stderr otherwise.
int go_vet(const std::vector<std::string>& args);

}  // namespace goroscope
