// visual/source_markers.hpp: where each goroutine stands in the source, line by line, for the
// source view's gutter: on each line the goroutines there (id, name, state, wait reason),
// counted by state, so that a million on one line read as "x 1000000". No ImGui here.
//
// Invariants: lines are sorted by line number, each holds at least one goroutine, and
// total == the sum of by_state; finished goroutines and those whose line is unknown (0, or past a million)
// stand on no line; `some` holds at most `keep` goroutines of the line, in id order, and always the selected
// one when it stands there. One pass over the goroutines, with no allocation per goroutine: it runs every
// frame.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "cow_vector.hpp"
#include "model.hpp"

namespace goro::visual {

// MarkerGoroutine is one goroutine standing on a line, as its chip shows it.
struct MarkerGoroutine {
  uint64_t id = 0;
  std::string name;
  GState state = GState::Runnable;
  uint8_t reason = 0;  // WaitReason while Blocked or Sleeping
};

// LineMarkers is who stands on one line.
struct LineMarkers {
  uint32_t line = 0;  // 1-based
  uint64_t total = 0;
  std::array<uint64_t, 5> by_state{};  // goroutines by GState (Finished stays 0)
  std::vector<MarkerGoroutine> some;   // the first `keep` by id (the selected one among them)
  // blocked_reasons: how many Blocked goroutines wait for each reason, most first.
  std::vector<std::pair<uint8_t, uint64_t>> blocked_reasons;
  uint64_t count(GState s) const { return by_state[static_cast<size_t>(s)]; }
};

// SourceMarkers is the whole gutter.
struct SourceMarkers {
  std::vector<LineMarkers> lines;  // by line number
  uint64_t unplaced = 0;           // goroutines alive whose line is unknown
  // at() is a line's markers, or null when no goroutine stands there.
  const LineMarkers* at(uint32_t line) const;
};

// source_markers() gathers the goroutines by line; selected (0: none) is always kept among a
// line's `some`.
SourceMarkers source_markers(const CowVector<Goroutine>& goroutines, uint64_t selected = 0, size_t keep = 6);
inline SourceMarkers source_markers(const Model& m, uint64_t selected = 0, size_t keep = 6) {
  return source_markers(m.goroutines(), selected, keep);
}

}  // namespace goro::visual
