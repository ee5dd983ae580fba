// visual/duration.hpp: program times written for people and read back, in one place for the
// command line, the window and the timeline ("1.5s", "200ms", "30us", "42ns").
//
// Invariants: parse_time(format_time(t)) is t to format_time's precision; parse_time() takes
// only what it can read whole (no sign, no spaces, no trailing letters) and never overflows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace goro::visual {

// parse_time() reads "1.5s", "200ms", "30us", "42ns", "2m" or a plain number of nanoseconds;
// nullopt for anything else, negative or beyond ~292 years.
std::optional<int64_t> parse_time(std::string_view s);
// format_time() writes nanoseconds for people ("1.5s", "200ms", "42ns").
std::string format_time(int64_t ns);

}  // namespace goro::visual
