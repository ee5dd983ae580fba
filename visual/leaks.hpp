// visual/leaks.hpp: the goroutine-leak pitfall named from the model alone: the goroutines still
// alive when the program ended, each with where it waits, as Go's goroutine leak profile and
// goleak list them ("line 12, chan receive on results"). No ImGui here.
//
// Invariant: leaks() is empty until the model has seen the program's Exit; then it lists every
// goroutine but main that had not finished, in id order (Exit's leaked count, when the stream
// is whole).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model.hpp"

namespace goro::visual {

// Leak is one goroutine alive when the program ended, and where.
struct Leak {
  uint64_t g = 0;
  std::string name;   // its name, or "goroutine N"
  uint32_t line = 0;  // the source line it stands on (0: not known)
  std::string where;  // Go's wait reason and the object: "chan receive on results", "runnable"
};

// leaks() lists the goroutines still alive at the program's end (empty before it ended), the
// first `most` of them (a million leaked goroutines: ask for the few a panel shows).
std::vector<Leak> leaks(const Model& m, size_t most = SIZE_MAX);

// leak_text() is one leak in a line: "receive forever (2): line 12, chan receive on results".
std::string leak_text(const Leak& l);

}  // namespace goro::visual
