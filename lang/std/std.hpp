// lang/std/std.hpp: the standard-library packages Goroscope provides, as Go source files
// (lang/std/PATH/NAME.go, embedded in the binary at build time). A function declared without
// a body is a native: the VM implements it (vm/natives*.cpp, by "pkg.Name" or
// "pkg.Type.Method"); `type T __native` is a type the runtime implements (sync.Mutex & co).
// Everything else is ordinary Go that the checker checks and the VM runs like the program's.
//
// Invariants: a package is exactly one file, lang/std/PATH/BASE.go where BASE is the last
// element of PATH ("sync/atomic" -> sync/atomic/atomic.go).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace golang {

// std_files() are the embedded files: (path under lang/std, text), sorted by path.
const std::vector<std::pair<std::string, std::string>>& std_files();

// std_package() finds the package with this import path: its file's name as tracebacks and
// messages give it ("$GOROOT/src/fmt/fmt.go") and its text; false if Goroscope has no such
// package.
bool std_package(const std::string& path, std::string* filename, std::string* src);

}  // namespace golang
