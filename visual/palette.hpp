// visual/palette.hpp: every colour the diagram uses, by meaning, for the light and dark
// themes, in one place. Colours are 0xAABBGGRR (ImGui's packing) but this file needs no ImGui.
#pragma once

#include <cstdint>

#include "model.hpp"

namespace goro::visual {

// Palette is one theme's colours.
struct Palette {
  uint32_t canvas, grid, text, text_dim, node_fill, node_border, selection, edge, edge_hot, token, token_text;
  uint32_t chan_fill, chan_slot, chan_value, closed;
  uint32_t running, runnable, blocked, sleeping, finished;
  uint32_t sync_fill, deadlock;
  // state() is the colour of a goroutine state.
  uint32_t state(GState s) const;
};

// palette() is the theme's palette (dark or light).
const Palette& palette(bool dark);

}  // namespace goro::visual
