// lang/vm/natives_runtime.hpp: package runtime's natives that look at the running program
// (Goexit, Caller, Callers, Func, Frames); native_lookup() asks here for names it lacks.
#pragma once

#include <string>

#include "vm/value.hpp"

namespace golang {

// runtime_native() is the native named name ("runtime.Caller"), or null.
NativeFn runtime_native(const std::string& name);

}  // namespace golang
