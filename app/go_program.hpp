// app/go_program.hpp: the command line's Go files: is_go_file() tells a Go source argument
// ("prog.go") from a program's name, and `goroscope vet FILE.go` reports its compile errors
// only. (`goroscope run FILE.go` runs it as any program: cli.cpp, scenario.hpp.)
//
// Exit status of vet: 0 it compiles, 1 compile errors (gc's form, on stderr) or an unreadable
// file, 64 a bad command line.
#pragma once

#include <string>
#include <vector>

namespace goroscope {

// is_go_file() is true for an argument that names a Go source file ("prog.go").
bool is_go_file(const std::string& arg);

// go_vet() runs `goroscope vet FILE.go` (args[0] is "vet"): 0 when it compiles, 1 with gc-style
// errors on stderr otherwise.
int go_vet(const std::vector<std::string>& args);

}  // namespace goroscope
