// tests/support/gorec_forge.hpp: recordings made byte by byte from docs/recording-format.md, apart from
// the project's writer (goro::RecordingWriter), so that tests can build what the writer never
// writes: any version 1 to 4, blocks of any size (an EVENTS block of 0 or 5,000 events), blocks
// in any order, damaged fields with their checksums made right again (repair()).
//
// Invariants: Forge follows the document, not record.cpp: the checksum is computed here from
// its description; a file built without changes is one a reader must accept.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "goro/event.hpp"

namespace forge {

// checksum() is the format's block checksum: four lanes (one in version 1) of multiply-rotate
// over the payload's 8-byte words, the lanes folded into lane 0, the tail bytes, then a final mix.
inline uint32_t checksum(uint32_t version, uint8_t type, const char* p, size_t n) {
  auto mix = [](uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    return (h << 31) | (h >> 33);
  };
  const uint64_t seed = 0x9e3779b97f4a7c15ULL ^ type ^ (uint64_t(n) << 8);
  uint64_t lane[4];
  for (int i = 0; i < 4; i++) lane[i] = seed + (version >= 2 ? uint64_t(i) * 0x632be59bd9b4e019ULL : 0);
  size_t words = n / 8;
  for (size_t k = 0; k < words; k++) {
    uint64_t w;
    std::memcpy(&w, p + 8 * k, 8);
    uint64_t& h = lane[version >= 2 ? k % 4 : 0];
    h = mix(h, w);
  }
  uint64_t h = lane[0];
  if (version >= 2)
    for (int i = 1; i < 4; i++) h = mix(h, lane[i]);
  for (size_t i = 8 * words; i < n; i++) h = (h ^ static_cast<uint8_t>(p[i])) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// head_sum() is a block head's sum (versions 3 and 4): the low 16 bits of the checksum of a
// block of this type and length with no payload bytes fed in.
inline uint16_t head_sum(uint8_t type, uint32_t len) {
  auto mix = [](uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    return (h << 31) | (h >> 33);
  };
  const uint64_t seed = 0x9e3779b97f4a7c15ULL ^ type ^ (uint64_t(len) << 8);
  uint64_t h = seed;
  for (int i = 1; i < 4; i++) h = mix(h, seed + uint64_t(i) * 0x632be59bd9b4e019ULL);
  h ^= h >> 29;
  return static_cast<uint16_t>(h ^ (h >> 32));
}

template <class T>
void put(std::string& s, T v) {
  s.append(reinterpret_cast<const char*>(&v), sizeof v);
}

enum Type : uint8_t { kStrings = 1, kEvents = 2, kBookmark = 3, kEnd = 4, kSource = 5 };

// Payloads, as the document lays them out.
inline std::string strings(uint32_t first, const std::vector<std::string>& ss) {
  std::string p;
  put(p, first);
  put(p, static_cast<uint32_t>(ss.size()));
  for (const std::string& s : ss) put(p, static_cast<uint32_t>(s.size())), p += s;
  return p;
}
inline std::string events(uint32_t version, const goro::Event* e, size_t n) {
  std::string p;
  put(p, static_cast<uint32_t>(n));
  if (version >= 3) put(p, uint32_t(0));
  p.append(reinterpret_cast<const char*>(e), n * sizeof(goro::Event));
  return p;
}
inline std::string bookmark(int64_t time, const std::string& caption) {
  std::string p;
  put(p, time);
  put(p, static_cast<uint32_t>(caption.size()));
  return p + caption;
}
inline std::string source(const std::string& name, const std::string& text) {
  std::string p;
  put(p, static_cast<uint32_t>(name.size()));
  p += name;
  put(p, static_cast<uint32_t>(text.size()));
  return p + text;
}
inline std::string end(uint64_t events) {
  std::string p;
  put(p, events);
  return p;
}

// File is a recording being built: the header first, then blocks.
class File {
 public:
  File(uint32_t version, const std::string& header_text) : version_(version) {
    bytes_.assign("GOROREC1", 8);
    put(bytes_, version);
    put(bytes_, static_cast<uint32_t>(header_text.size()));
    bytes_ += header_text;
    if (version >= 3) {
      put(bytes_, checksum(version, 0, header_text.data(), header_text.size()));
      pad();
    }
  }
  // block() appends a block with a right head sum and checksum.
  File& block(uint8_t type, const std::string& payload) {
    const auto len = static_cast<uint32_t>(payload.size());
    put(bytes_, type);
    if (version_ >= 3) {
      put(bytes_, uint8_t(0));
      put(bytes_, head_sum(type, len));
    }
    put(bytes_, len);
    bytes_ += payload;
    put(bytes_, checksum(version_, type, payload.data(), payload.size()));
    if (version_ >= 3) pad();
    return *this;
  }
  // events() appends EVENTS blocks of `per_block` events each (the last one shorter).
  File& events(const std::vector<goro::Event>& evs, size_t per_block) {
    for (size_t i = 0; i < evs.size() || (i == 0 && evs.empty()); i += per_block) {
      size_t n = std::min(per_block, evs.size() - i);
      block(kEvents, forge::events(version_, evs.data() + i, n));
      if (per_block == 0) break;
    }
    return *this;
  }
  const std::string& bytes() const { return bytes_; }
  std::string& bytes() { return bytes_; }
  uint32_t version() const { return version_; }

 private:
  void pad() { bytes_.append((8 - bytes_.size() % 8) % 8, '\0'); }
  uint32_t version_;
  std::string bytes_;
};

// repair() makes every checksum in a (damaged) file right again where its structure can still be
// followed: the header's sum, each block's head sum and checksum, walking blocks by their length
// fields until one runs past the end. What a checksum guards is then read, not refused as damage.
inline void repair(std::string& f) {
  if (f.size() < 16 || f.compare(0, 8, "GOROREC1") != 0) return;
  uint32_t version, hlen;
  std::memcpy(&version, f.data() + 8, 4);
  std::memcpy(&hlen, f.data() + 12, 4);
  if (version < 1 || version > 4) return;
  size_t at = 16 + size_t(hlen);
  if (version >= 3) {
    if (at + 4 > f.size()) return;
    uint32_t sum = checksum(version, 0, f.data() + 16, hlen);
    std::memcpy(&f[at], &sum, 4);
    at += 4;
    at += (8 - at % 8) % 8;
  }
  while (at < f.size()) {
    const size_t head = version >= 3 ? 8 : 5;
    if (at + head > f.size()) return;
    const auto type = static_cast<uint8_t>(f[at]);
    uint32_t len;
    std::memcpy(&len, f.data() + at + head - 4, 4);
    if (version >= 3) {
      f[at + 1] = 0;
      uint16_t hs = head_sum(type, len);
      std::memcpy(&f[at + 2], &hs, 2);
    }
    if (at + head + size_t(len) + 4 > f.size()) return;
    uint32_t sum = checksum(version, type, f.data() + at + head, len);
    std::memcpy(&f[at + head + len], &sum, 4);
    at += head + size_t(len) + 4;
    if (version >= 3) at += (8 - at % 8) % 8;
  }
}

}  // namespace forge
