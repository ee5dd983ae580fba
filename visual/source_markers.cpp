// visual/source_markers.cpp: the goroutines by source line (see source_markers.hpp).
#include "source_markers.hpp"

#include <algorithm>

namespace goro::visual {

namespace {
// kMaxLine: a line past it (a damaged recording) counts as unknown rather than growing the
// table to it.
constexpr uint32_t kMaxLine = 1u << 20;
}  // namespace

const LineMarkers* SourceMarkers::at(uint32_t line) const {
  auto it = std::lower_bound(lines.begin(), lines.end(), line,
                             [](const LineMarkers& l, uint32_t n) { return l.line < n; });
  return it != lines.end() && it->line == line ? &*it : nullptr;
}

SourceMarkers source_markers(const CowVector<Goroutine>& gs, uint64_t selected, size_t keep) {
  SourceMarkers out;
  // Indexed by line while counting (source files are short), compacted at the end.
  std::vector<LineMarkers> by_line;
  std::vector<std::array<uint64_t, 256>> reasons;  // per line with blocked goroutines, lazily
  std::vector<uint32_t> reason_slot;               // line -> index in reasons + 1 (0: none yet)
  for (const Goroutine& g : gs) {
    if (g.state == GState::Finished) continue;
    if (g.line == 0 || g.line > kMaxLine) {
      out.unplaced++;
      continue;
    }
    if (g.line >= by_line.size()) by_line.resize(g.line + 1), reason_slot.resize(g.line + 1);
    LineMarkers& l = by_line[g.line];
    l.total++;
    l.by_state[static_cast<size_t>(g.state)]++;
    if (l.some.size() < keep) l.some.push_back({g.id, g.name, g.state, g.reason});
    if (g.state == GState::Blocked) {
      uint32_t& slot = reason_slot[g.line];
      if (slot == 0)
        reasons.emplace_back(), reasons.back().fill(0), slot = static_cast<uint32_t>(reasons.size());
      reasons[slot - 1][g.reason]++;
    }
  }
  for (uint32_t n = 1; n < by_line.size(); n++) {
    LineMarkers& l = by_line[n];
    if (l.total == 0) continue;
    l.line = n;
    if (reason_slot[n])
      for (size_t r = 0; r < 256; r++)
        if (uint64_t c = reasons[reason_slot[n] - 1][r])
          l.blocked_reasons.emplace_back(static_cast<uint8_t>(r), c);
    std::stable_sort(l.blocked_reasons.begin(), l.blocked_reasons.end(),
                     [](auto& a, auto& b) { return a.second > b.second; });
    out.lines.push_back(std::move(l));
  }
  // The selected goroutine is always among its line's chips (in place of the last one kept).
  if (const Goroutine* g = selected && selected <= gs.size() ? &gs[selected - 1] : nullptr;
      g && g->state != GState::Finished && g->line != 0 && keep > 0) {
    auto it = std::lower_bound(out.lines.begin(), out.lines.end(), g->line,
                               [](const LineMarkers& l, uint32_t n) { return l.line < n; });
    auto& some = it->some;
    if (std::none_of(some.begin(), some.end(), [&](auto& w) { return w.id == selected; })) {
      some.back() = {g->id, g->name, g->state, g->reason};
      std::sort(some.begin(), some.end(), [](auto& a, auto& b) { return a.id < b.id; });
    }
  }
  return out;
}

}  // namespace goro::visual
