// lang/vm/natives_os.hpp: package os's natives for files (natives_os.cpp); native_lookup()
// asks here for names it lacks.
#pragma once

#include <string>

#include "vm/value.hpp"

namespace golang {

// os_native() is the native named name ("os.write"), or null.
NativeFn os_native(const std::string& name);

}  // namespace golang
