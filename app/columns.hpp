// app/columns.hpp: how wide the window's right column (the inspector above the Go source) stands
// beside the diagram: by default wide enough for a 60-column line of Go (in a window too narrow
// for that, a little over half the room: the diagram keeps the rest), else as wide as the
// user dragged the splitter between them (kept in the settings in font sizes, so that it follows
// --scale and the interface's zoom). Pure arithmetic; the window draws the splitter.
//
// Invariants: the column is never narrower than kSourceMinEm font sizes, and never leaves the
// diagram less than kDiagramMinEm, unless the room holds less than both (then the diagram's
// minimum gives way first to the column's).
#pragma once

#include <algorithm>

namespace goroscope {

constexpr float kSourceMinEm = 14;            // the source column at its narrowest
constexpr float kDiagramMinEm = 24;           // the diagram at its narrowest beside it
constexpr int kSourceDefaultCols = 60;        // a Go line this long fits by default ...
constexpr float kSourceDefaultShare = 0.55f;  // ... in at most this share of the room (1600 px: it fits)

// ColumnMetrics is what the width is made of, in pixels.
struct ColumnMetrics {
  float em = 17;      // the interface's font size
  float cell = 10;    // a cell of the source's monospace font
  float chrome = 40;  // the column's padding, border and scrollbar, and the source view's gutter
};

// source_default_width() holds a kSourceDefaultCols-column line and its gutter.
inline float source_default_width(const ColumnMetrics& m) {
  return m.chrome + static_cast<float>(kSourceDefaultCols + 1) * m.cell;
}

// source_column_width() is the column's width in a room of `room` pixels (the diagram's and the
// column's together); saved_em: the width the splitter left, in font sizes (0: the default).
inline float source_column_width(float room, const ColumnMetrics& m, float saved_em) {
  float want = saved_em > 0 ? saved_em * m.em : std::min(source_default_width(m), kSourceDefaultShare * room);
  float lo = kSourceMinEm * m.em, hi = std::max(lo, room - kDiagramMinEm * m.em);
  return std::clamp(want, lo, hi);
}

}  // namespace goroscope
