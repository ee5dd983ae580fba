// visual/duration.cpp: reading and writing program times.
#include "duration.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace goro::visual {

std::optional<int64_t> parse_time(std::string_view s) {
  double x = 0;
#if defined(__cpp_lib_to_chars)
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x, std::chars_format::fixed);
#else
  // The page's standard library (emscripten 3.1.6) reads no floating point with from_chars: the
  // same fixed-format number (digits, a point, digits) read with strtod.
  const char* end = s.data();
  while (end < s.data() + s.size() && ((*end >= '0' && *end <= '9') || *end == '.')) end++;
  std::errc ec = std::errc::invalid_argument;
  if (end != s.data()) {
    char* stop = nullptr;
    const std::string number(s.data(), end);
    x = std::strtod(number.c_str(), &stop);
    if (stop == number.c_str() + number.size()) ec = std::errc();
  }
#endif
  if (ec != std::errc() || end == s.data() || !std::isfinite(x) || x < 0 || s[0] == '-') return std::nullopt;
  std::string_view unit(end, static_cast<size_t>(s.data() + s.size() - end));
  double scale = 0;
  if (unit.empty() || unit == "ns")
    scale = 1;
  else if (unit == "us" || unit == "µs")
    scale = 1e3;
  else if (unit == "ms")
    scale = 1e6;
  else if (unit == "s")
    scale = 1e9;
  else if (unit == "m")
    scale = 60e9;
  else
    return std::nullopt;
  double ns = x * scale;
  if (!(ns <= 9e18)) return std::nullopt;
  return static_cast<int64_t>(std::llround(ns));
}

std::string format_time(int64_t ns) {
  char b[64];
  double a = std::fabs(static_cast<double>(ns));
  if (a < 1e3)
    std::snprintf(b, sizeof b, "%lldns", static_cast<long long>(ns));
  else if (a < 1e6)
    std::snprintf(b, sizeof b, "%.4gus", static_cast<double>(ns) / 1e3);
  else if (a < 1e9)
    std::snprintf(b, sizeof b, "%.4gms", static_cast<double>(ns) / 1e6);
  else
    std::snprintf(b, sizeof b, "%.6gs", static_cast<double>(ns) / 1e9);
  return b;
}

}  // namespace goro::visual
