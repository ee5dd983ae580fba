// visual/chrome_trace.hpp: a recording as Chrome Trace Event JSON, which Perfetto's UI and
// chrome://tracing open: goroutines as threads, their states as slices, channel transfers as
// flow arrows from sender to receiver, channel lengths and WaitGroup counters as counter
// tracks, program output and bookmarks as instant events.
//
// Invariants: the output is one JSON object; on every thread slices never overlap (each state
// span ends where the next begins); every flow start has exactly one flow end with its id.
#pragma once

#include <ostream>

#include "goro/record.hpp"

namespace goro::visual {

// write_chrome_trace() writes r as Trace Event JSON (timestamps in microseconds).
void write_chrome_trace(const Recording& r, std::ostream& out);

}  // namespace goro::visual
