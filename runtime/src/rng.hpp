// runtime/src/rng.hpp: Rng, the small seeded generator (splitmix64) behind every random choice
// of a program: select's poll order, goro::rand, stealing victims, the seeded schedule.
// Invariant: the same state gives the same numbers, on every machine.
#pragma once

#include <cstdint>

namespace goro::detail {

// Rng is a splitmix64 generator; each P owns one.
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // below() is uniform in [0, n).
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
};

}  // namespace goro::detail
