// tests/support/probe.hpp: what ffprobe says of a video file: "width,height,frames".
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

inline std::string probe(const std::string& file) {
  std::string out = file + ".probe";
  std::string cmd =
      "ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=width,height,nb_read_frames "
      "-of csv=p=0 '" +
      file + "' > '" + out + "'";
  if (std::system(cmd.c_str()) != 0) return "ffprobe failed";
  FILE* f = std::fopen(out.c_str(), "r");
  char buf[128] = {};
  size_t n = f ? std::fread(buf, 1, sizeof buf - 1, f) : 0;
  if (f) std::fclose(f);
  std::string s(buf, n);
  while (!s.empty() && (s.back() == '\n' || s.back() == ',')) s.pop_back();
  return s;
}
