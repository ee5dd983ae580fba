// visual/palette.hpp: every colour the diagram uses, by meaning, for the light and dark
// themes and their high-contrast forms (presentations), in one place. Colours are 0xAABBGGRR
// (ImGui's packing) but this file needs no ImGui.
#pragma once

#include <cstdint>

#include "model.hpp"

namespace goro::visual {

// Palette is one theme's colours.
struct Palette {
  uint32_t canvas;       // the diagram's background
  uint32_t grid;         // its grid lines
  uint32_t text;         // labels
  uint32_t text_dim;     // secondary text
  uint32_t node_fill;    // a goroutine's box
  uint32_t node_border;  // boxes' outline when no state colours it
  uint32_t selection;    // the selected node's ring, bookmark captions
  uint32_t edge;         // an edge that carried something
  uint32_t edge_hot;     // an edge carrying something now, or of the selected node
  uint32_t token;        // a value (travelling, or in a buffer cell)
  uint32_t token_text;   // the text on a value
  uint32_t chan_fill;    // a channel's box
  uint32_t chan_slot;    // an empty buffer cell
  uint32_t closed;       // a closed channel's outline and word
  uint32_t running, runnable, blocked, sleeping, finished;  // goroutine states (see state())
  uint32_t sync_fill;                                       // WaitGroup, Mutex and Once boxes
  uint32_t deadlock;                                        // the pulsing ring of a deadlocked goroutine
  // state() is the colour of a goroutine state.
  uint32_t state(GState s) const;
};

// palette() is the theme's palette (dark or light); high_contrast: the presentation form
// (black or white canvas, stronger text and state colours).
const Palette& palette(bool dark, bool high_contrast = false);

}  // namespace goro::visual
