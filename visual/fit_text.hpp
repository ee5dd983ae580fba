// visual/fit_text.hpp: a text cut to fit a width, for every line the window draws from what a
// program or a recording names (narration, captions, labels). No ImGui here: the caller measures.
//
// Invariants: a text is cut in one step, never shortened a byte at a time and measured again: at
// most kFitBytes of it are ever measured (no line of a window holds more), and the cut is found
// by a binary search over its UTF-8 boundaries, so a 256 KiB name costs about ten measures of at
// most kFitBytes each. The result is s itself or a prefix ending at a UTF-8 boundary plus "…".
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace goro::visual {

constexpr size_t kFitBytes = 1024;

// fit_text() is s when measure(s) <= maxw, else the longest prefix of s that, followed by "…",
// measures at most maxw ("" when not even "…" does). measure(std::string_view) is a width, which
// grows with the text (as a font's advances do).
template <class Measure>
std::string fit_text(std::string_view s, float maxw, Measure measure) {
  if (s.size() <= kFitBytes && measure(s) <= maxw) return std::string(s);
  auto boundary = [&](size_t n) {  // n moved back to the start of a UTF-8 character
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) n--;
    return n;
  };
  auto cut = [&](size_t n) { return std::string(s.substr(0, n)) + "…"; };
  // fits(boundary(n)) only turns from true to false as n grows: search the last n where it holds.
  auto fits = [&](size_t n) { return measure(std::string_view(cut(boundary(n)))) <= maxw; };
  if (!fits(0)) return "";
  size_t lo = 0, hi = std::min(s.size(), kFitBytes);  // fits(lo); the last n that fits is <= hi
  while (lo < hi) {
    size_t mid = lo + (hi - lo + 1) / 2;
    if (fits(mid))
      lo = mid;
    else
      hi = mid - 1;
  }
  return cut(boundary(lo));
}

}  // namespace goro::visual
