// lang/types/go_api.hpp: what Go 1.19's packages export, for the packages Goroscope provides
// in part: a name Go has that Goroscope's package lacks is "not supported yet", not
// "undefined" (which, as gc says it, reads as the student's typo).
#pragma once

#include <string>

namespace golang {

// in_go_api() tells whether Go 1.19's package `path` exports a function, variable, constant or
// type `name` (lang/types/go_api_names.inc, written by go_api_names.sh).
bool in_go_api(const std::string& path, const std::string& name);

}  // namespace golang
