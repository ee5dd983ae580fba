// lang/std/std.cpp: finding a standard-library package's embedded file (see std.hpp).
#include "std/std.hpp"

namespace golang {

bool std_package(const std::string& path, std::string* filename, std::string* src) {
  std::string base = path.substr(path.rfind('/') + 1);  // npos + 1 == 0: the whole path
  std::string file = path + "/" + base + ".go";
  for (const auto& [name, text] : std_files())
    if (name == file) {
      if (filename) *filename = "$GOROOT/src/" + file;
      if (src) *src = text;
      return true;
    }
  return false;
}

}  // namespace golang
