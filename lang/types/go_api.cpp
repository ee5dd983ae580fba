// lang/types/go_api.cpp: in_go_api() over the sorted list of Go 1.19's exported names.
#include "types/go_api.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace golang {

namespace {
const char* const kNames[] = {
#include "types/go_api_names.inc"
};
}  // namespace

bool in_go_api(const std::string& path, const std::string& name) {
  const std::string key = path + "." + name;
  return std::binary_search(std::begin(kNames), std::end(kNames), key.c_str(),
                            [](const char* a, const char* b) { return std::strcmp(a, b) < 0; });
}

}  // namespace golang
