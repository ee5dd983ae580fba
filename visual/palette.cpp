// visual/palette.cpp: the two themes' colours. State colours follow go tool trace's habits:
// green runs, amber waits to run, red is blocked, blue sleeps, grey is done.
#include "palette.hpp"

namespace goro::visual {

namespace {

constexpr uint32_t rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;
}

const Palette kDark{rgba(24, 26, 31),    rgba(38, 41, 48),    rgba(230, 232, 236), rgba(150, 155, 165),
                    rgba(44, 48, 56),    rgba(90, 96, 108),   rgba(255, 214, 10),  rgba(120, 128, 140, 160),
                    rgba(120, 190, 255), rgba(255, 196, 0),   rgba(20, 20, 20),    rgba(36, 52, 74),
                    rgba(58, 76, 102),   rgba(150, 200, 255), rgba(200, 80, 80),   rgba(52, 199, 89),
                    rgba(255, 170, 40),  rgba(235, 77, 75),   rgba(90, 150, 255),  rgba(110, 114, 122),
                    rgba(60, 50, 80),    rgba(255, 60, 60)};

const Palette kLight{rgba(250, 250, 252), rgba(232, 234, 238), rgba(30, 32, 38),    rgba(110, 115, 125),
                     rgba(255, 255, 255), rgba(170, 175, 185), rgba(230, 150, 0),   rgba(120, 128, 140, 170),
                     rgba(20, 110, 220),  rgba(235, 140, 0),   rgba(255, 255, 255), rgba(225, 236, 250),
                     rgba(190, 208, 232), rgba(20, 80, 160),   rgba(200, 50, 50),   rgba(30, 160, 70),
                     rgba(230, 140, 0),   rgba(215, 50, 50),   rgba(40, 110, 230),  rgba(160, 164, 172),
                     rgba(236, 228, 250), rgba(220, 30, 30)};

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

const Palette& palette(bool dark) { return dark ? kDark : kLight; }

}  // namespace goro::visual
