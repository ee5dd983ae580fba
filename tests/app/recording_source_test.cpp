// tests/app/recording_source_test.cpp: format version 4's additions: the program's source kept in
// the recording (SOURCE block) and a source line in every event, with version 3 files (the same
// bytes, the line being the high half of a 64-bit object id) still read.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "goro/goro.hpp"
#include "goro/record.hpp"
#include "goro/tap.hpp"

namespace {

std::string tmp(const std::string& name) { return ::testing::TempDir() + "/recsrc-" + name; }

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const std::string& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

struct Traced {
  std::vector<goro::Event> events;
  std::vector<std::string> strings{std::string()};
};

// A small C++ program's events: no source lines.
Traced small_run() {
  goro::Tap tap;
  Traced t;
  goro::run(goro::Config{}, goro::Observer{&tap, nullptr}, [] {
    auto ch = goro::make_chan<int>(1, "ch");
    goro::go("worker", [=] { ch.send(7); });
    (void)ch.recv();
    goro::println("done");
  });
  tap.drain(t.events);
  tap.strings(1, t.strings);
  return t;
}

std::string write(const std::string& name, const Traced& t, const goro::SourceFile& src) {
  std::string p = tmp(name);
  goro::RecordingWriter w(p, {{"scenario", "small"}}, src);
  w.add(t.events, t.strings);
  w.finish(t.strings);
  return p;
}

std::string error_of(const std::string& p) {
  try {
    goro::load_recording(p);
  } catch (const goro::RecordingError& e) {
    return e.what();
  }
  return "";
}

TEST(RecordingSource, TheSourceAndTheLinesComeBack) {
  Traced t = small_run();
  ASSERT_GT(t.events.size(), 4u);
  for (size_t i = 0; i < t.events.size(); i++) t.events[i].line = static_cast<uint32_t>(i % 5);
  const std::string text = "package main\n\nfunc main() {\n\tprintln(\"tab\\tand ünïcode\")\n}\n";
  std::string p = write("with-source.gorec", t, {"prog.go", text});
  goro::Recording r = goro::load_recording(p);
  EXPECT_EQ(r.source.name, "prog.go");
  EXPECT_EQ(r.source.text, text);
  ASSERT_EQ(r.events.size(), t.events.size());
  for (size_t i = 0; i < t.events.size(); i++) EXPECT_EQ(r.events[i].line, t.events[i].line);

  // save_recording keeps it too.
  std::string q = tmp("saved.gorec");
  goro::save_recording(q, r);
  EXPECT_EQ(goro::load_recording(q).source.text, text);
}

TEST(RecordingSource, AProgramWithoutSourceHasNone) {
  goro::Recording r = goro::load_recording(write("no-source.gorec", small_run(), {}));
  EXPECT_TRUE(r.source.name.empty());
  EXPECT_TRUE(r.source.text.empty());
}

TEST(RecordingSource, Version3FilesAreReadInPlace) {
  // A version 5 file without source, lines and values is a version 3 file but for its version.
  Traced t = small_run();
  std::string bytes = slurp(write("v5.gorec", t, {}));
  ASSERT_EQ(bytes[8], 5);
  bytes[8] = 3;
  std::string p = tmp("v3.gorec");
  spit(p, bytes);
  goro::Recording r = goro::load_recording(p);
  ASSERT_EQ(r.events.size(), t.events.size());
  for (size_t i = 0; i < t.events.size(); i++) {
    EXPECT_EQ(r.events[i].obj, t.events[i].obj);
    EXPECT_EQ(r.events[i].line, 0u);
  }

  // In version 3 the line's bytes were an object id's high half: not zero is an id far beyond.
  t.events[3].line = 1;
  bytes = slurp(write("v4-lines.gorec", t, {}));
  bytes[8] = 3;
  spit(p, bytes);
  EXPECT_NE(error_of(p).find("far beyond the objects"), std::string::npos) << error_of(p);

  // And a SOURCE block is not a version 3 block.
  bytes = slurp(write("v4-source.gorec", small_run(), {"prog.go", "package main\n"}));
  bytes[8] = 3;
  spit(p, bytes);
  EXPECT_NE(error_of(p).find("unknown block type 5"), std::string::npos) << error_of(p);
}

TEST(RecordingSource, ADamagedSourceBlockIsRefused) {
  std::string good = slurp(write("src.gorec", small_run(), {"prog.go", "package main\n"}));
  // Flip a byte of the source text: the block's checksum no longer matches.
  size_t at = good.find("package main");
  ASSERT_NE(at, std::string::npos);
  std::string bad = good;
  bad[at] = 'P';
  std::string p = tmp("bad-src.gorec");
  spit(p, bad);
  EXPECT_NE(error_of(p).find("corrupted"), std::string::npos) << error_of(p);
}

}  // namespace
