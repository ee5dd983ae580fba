// visual/palette.cpp: the themes' colours. State colours follow go tool trace's habits:
// green runs, amber waits to run, red is blocked, blue sleeps, grey is done.
#include "palette.hpp"

namespace goro::visual {

namespace {

constexpr uint32_t rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;
}

constexpr Palette kDark{.canvas = rgba(24, 26, 31),
                        .grid = rgba(38, 41, 48),
                        .text = rgba(230, 232, 236),
                        .text_dim = rgba(150, 155, 165),
                        .node_fill = rgba(44, 48, 56),
                        .node_border = rgba(90, 96, 108),
                        .selection = rgba(255, 214, 10),
                        .edge = rgba(150, 158, 172, 220),
                        .edge_hot = rgba(120, 190, 255),
                        .token = rgba(255, 196, 0),
                        .token_text = rgba(20, 20, 20),
                        .chan_fill = rgba(36, 52, 74),
                        .chan_slot = rgba(58, 76, 102),
                        .closed = rgba(200, 80, 80),
                        .running = rgba(52, 199, 89),
                        .runnable = rgba(255, 170, 40),
                        .blocked = rgba(235, 77, 75),
                        .sleeping = rgba(90, 150, 255),
                        .finished = rgba(110, 114, 122),
                        .sync_fill = rgba(60, 50, 80),
                        .deadlock = rgba(255, 60, 60)};

constexpr Palette kLight{.canvas = rgba(250, 250, 252),
                         .grid = rgba(232, 234, 238),
                         .text = rgba(30, 32, 38),
                         .text_dim = rgba(100, 105, 115),
                         .node_fill = rgba(255, 255, 255),
                         .node_border = rgba(170, 175, 185),
                         .selection = rgba(230, 150, 0),
                         .edge = rgba(100, 108, 120, 220),
                         .edge_hot = rgba(20, 110, 220),
                         .token = rgba(235, 140, 0),
                         .token_text = rgba(255, 255, 255),
                         .chan_fill = rgba(225, 236, 250),
                         .chan_slot = rgba(190, 208, 232),
                         .closed = rgba(200, 50, 50),
                         .running = rgba(30, 160, 70),
                         .runnable = rgba(210, 120, 0),
                         .blocked = rgba(215, 50, 50),
                         .sleeping = rgba(40, 110, 230),
                         .finished = rgba(150, 154, 162),
                         .sync_fill = rgba(236, 228, 250),
                         .deadlock = rgba(220, 30, 30)};

constexpr Palette kDarkHigh{.canvas = rgba(0, 0, 0),
                            .grid = rgba(0, 0, 0),
                            .text = rgba(255, 255, 255),
                            .text_dim = rgba(210, 214, 222),
                            .node_fill = rgba(28, 30, 36),
                            .node_border = rgba(200, 205, 215),
                            .selection = rgba(255, 230, 0),
                            .edge = rgba(215, 220, 230),
                            .edge_hot = rgba(130, 200, 255),
                            .token = rgba(255, 210, 0),
                            .token_text = rgba(0, 0, 0),
                            .chan_fill = rgba(16, 40, 76),
                            .chan_slot = rgba(60, 90, 130),
                            .closed = rgba(255, 100, 100),
                            .running = rgba(60, 230, 100),
                            .runnable = rgba(255, 185, 40),
                            .blocked = rgba(255, 80, 80),
                            .sleeping = rgba(110, 170, 255),
                            .finished = rgba(160, 164, 172),
                            .sync_fill = rgba(56, 36, 90),
                            .deadlock = rgba(255, 40, 40)};

constexpr Palette kLightHigh{.canvas = rgba(255, 255, 255),
                             .grid = rgba(255, 255, 255),
                             .text = rgba(0, 0, 0),
                             .text_dim = rgba(40, 44, 52),
                             .node_fill = rgba(255, 255, 255),
                             .node_border = rgba(60, 64, 72),
                             .selection = rgba(200, 110, 0),
                             .edge = rgba(40, 44, 52),
                             .edge_hot = rgba(0, 80, 200),
                             .token = rgba(210, 110, 0),
                             .token_text = rgba(255, 255, 255),
                             .chan_fill = rgba(215, 230, 250),
                             .chan_slot = rgba(150, 175, 210),
                             .closed = rgba(190, 0, 0),
                             .running = rgba(0, 140, 40),
                             .runnable = rgba(190, 100, 0),
                             .blocked = rgba(200, 0, 0),
                             .sleeping = rgba(0, 80, 210),
                             .finished = rgba(110, 114, 122),
                             .sync_fill = rgba(232, 222, 250),
                             .deadlock = rgba(220, 0, 0)};

}  // namespace

uint32_t Palette::state(GState s) const {
  switch (s) {
    case GState::Running:
      return running;
    case GState::Runnable:
      return runnable;
    case GState::Blocked:
      return blocked;
    case GState::Sleeping:
      return sleeping;
    case GState::Finished:
      return finished;
  }
  return finished;
}

const Palette& palette(bool dark, bool high_contrast) {
  if (high_contrast) return dark ? kDarkHigh : kLightHigh;
  return dark ? kDark : kLight;
}

}  // namespace goro::visual
