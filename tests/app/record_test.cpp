// tests/app/record_test.cpp: recordings round-trip, are byte-identical for a seed, and broken
// files get clear errors (never a crash), including under random corruption.
#include "goro/record.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "app_support.hpp"

namespace {

std::string tmp(const std::string& name) { return ::testing::TempDir() + "goroscope_" + name; }

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void spit(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
}

std::string error_of(const std::string& path, goro::LoadOptions o = {}) {
  try {
    goro::load_recording(path, o);
  } catch (const goro::RecordingError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Recording, RoundTripsEventsStringsAndHeader) {
  std::string path = tmp("rt.gorec");
  auto s = run_session(*goroscope::find_scenario("worker_pool"), 1, 7, path);
  goro::Recording r = goro::load_recording(path);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.header.at("scenario"), "worker_pool");
  EXPECT_EQ(r.header.at("seed"), "7");
  EXPECT_EQ(r.header.at("param.numWorkers"), "3");
  ASSERT_EQ(r.events.size(), s->events().size());
  EXPECT_EQ(0,
            std::memcmp(r.events.copy(0, r.events.size()).data(), s->events().copy(0, r.events.size()).data(),
                        r.events.size() * sizeof(goro::Event)));
  for (const auto& e : r.events) ASSERT_LT(e.text, r.strings.size());
  EXPECT_EQ(r.strings,
            std::vector<std::string>(s->strings().begin(), s->strings().begin() + r.strings.size()));
}

TEST(Recording, SameSeedGivesByteIdenticalFiles) {
  std::string a = tmp("a.gorec"), b = tmp("b.gorec");
  run_session(*goroscope::find_scenario("channels_workers"), 1, 3, a);
  run_session(*goroscope::find_scenario("channels_workers"), 1, 3, b);
  std::string x = slurp(a), y = slurp(b);
  EXPECT_GT(x.size(), 1000u);
  EXPECT_TRUE(x == y);
}

TEST(Recording, BookmarksRoundTrip) {
  std::string path = tmp("bm.gorec");
  run_session(*goroscope::find_scenario("select"), 1, 1, path);
  goro::Recording r = goro::load_recording(path);
  r.bookmarks.push_back({100'000'000, "ch1 is ready first"});
  r.bookmarks.push_back({200'000'000, "then ch2"});
  goro::save_recording(path, r);
  goro::Recording back = goro::load_recording(path);
  ASSERT_EQ(back.bookmarks.size(), 2u);
  EXPECT_EQ(back.bookmarks[1].caption, "then ch2");
  EXPECT_EQ(back.bookmarks[0].time, 100'000'000);
  EXPECT_EQ(back.events.size(), r.events.size());
}

TEST(Recording, BrokenFilesGetClearErrors) {
  std::string good = tmp("good.gorec");
  run_session(*goroscope::find_scenario("million"), 1, 1, good);  // many blocks
  std::string bytes = slurp(good);
  std::string p = tmp("broken.gorec");

  EXPECT_NE(error_of(tmp("does-not-exist.gorec")).find("cannot open"), std::string::npos);
  spit(p, "hello, I am a text file\n");
  EXPECT_NE(error_of(p).find("not a Goroscope recording"), std::string::npos);
  spit(p, "");
  EXPECT_NE(error_of(p).find("not a Goroscope recording"), std::string::npos);

  std::string v6 = bytes;
  v6[8] = 6;
  spit(p, v6);
  EXPECT_NE(error_of(p).find("version 6 is not supported"), std::string::npos);
  std::string v2 =
      bytes;  // versions 1 and 2 lay blocks out otherwise: a version 5 file labelled 2 is corrupt
  v2[8] = 2;
  spit(p, v2);
  EXPECT_NE(error_of(p).find("corrupted"), std::string::npos);

  spit(p, bytes.substr(0, bytes.size() * 2 / 3));
  std::string err = error_of(p);
  EXPECT_NE(err.find("truncated"), std::string::npos) << err;
  goro::Recording prefix = goro::load_recording(p, {.allow_truncated = true});
  EXPECT_FALSE(prefix.complete);
  EXPECT_GT(prefix.events.size(), 0u);

  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  spit(p, flipped);
  EXPECT_NE(error_of(p).find("corrupted"), std::string::npos);

  spit(p, bytes + "x");
  EXPECT_NE(error_of(p).find("after the end block"), std::string::npos);
}

// Every byte of the header is checked: a changed seed or speed is damage, not another run.
TEST(Recording, AChangedHeaderIsCorrupted) {
  std::string good = tmp("header-src.gorec");
  run_session(*goroscope::find_scenario("select"), 1, 1, good);
  std::string bytes = slurp(good);
  size_t seed = bytes.find("seed=1\n");
  ASSERT_NE(seed, std::string::npos);
  std::string p = tmp("header.gorec");
  for (size_t at : {seed + 5, size_t(17), bytes.find('=') + 1}) {
    std::string changed = bytes;
    changed[at] ^= 0x02;
    spit(p, changed);
    std::string err = error_of(p);
    EXPECT_NE(err.find("header"), std::string::npos) << at << ": " << err;
    EXPECT_NE(err.find("corrupted"), std::string::npos) << at << ": " << err;
  }
}

// A damaged block length is damage, not a run cut short, even when it points past the end.
TEST(Recording, ADamagedBlockLengthIsNotTruncation) {
  std::string good = tmp("len-src.gorec");
  run_session(*goroscope::find_scenario("million"), 1, 1, good);
  std::string bytes = slurp(good);
  uint32_t hlen;
  std::memcpy(&hlen, bytes.data() + 12, 4);
  size_t first_block = (16 + hlen + 4 + 7) / 8 * 8;
  std::string p = tmp("len.gorec");
  for (int bit : {0, 5, 12, 20, 27}) {
    std::string flipped = bytes;
    flipped[first_block + 4 + bit / 8] ^= static_cast<char>(1 << (bit % 8));
    spit(p, flipped);
    std::string err = error_of(p);
    EXPECT_NE(err.find("corrupted"), std::string::npos) << bit << ": " << err;
    EXPECT_EQ(err.find("truncated"), std::string::npos) << bit << ": " << err;
    EXPECT_THROW(goro::load_recording(p, {.allow_truncated = true}), goro::RecordingError);
  }
}

TEST(Recording, RandomCorruptionNeverCrashes) {
  std::string good = tmp("fuzz-src.gorec");
  run_session(*goroscope::find_scenario("select"), 1, 1, good);
  std::string bytes = slurp(good);
  std::string p = tmp("fuzz.gorec");
  std::mt19937 rng(12345);
  int loaded = 0, refused = 0;
  for (int round = 0; round < 1500; round++) {
    std::string b = bytes;
    switch (rng() % 4) {
      case 0:
        b.resize(rng() % (b.size() + 1));
        break;  // truncate
      case 1:
        for (int k = 0; k < 4; k++) b[rng() % b.size()] = char(rng());
        break;  // scribble
      case 2:
        b.insert(rng() % b.size(), std::string(1 + rng() % 16, char(rng())));
        break;  // insert
      default:
        b.erase(rng() % b.size(), 1 + rng() % 16);
        break;  // delete
    }
    spit(p, b);
    try {
      goro::Recording r = goro::load_recording(p, {.allow_truncated = bool(rng() % 2)});
      for (const auto& e : r.events) ASSERT_LT(e.text, r.strings.size());
      loaded++;
    } catch (const goro::RecordingError&) {
      refused++;
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_EQ(loaded + refused, 1500);
}

TEST(Recording, UnwritablePathIsAClearError) {
  goroscope::RunSpec spec{
      goroscope::find_scenario("select"), goroscope::find_scenario("select")->defaults(), {}};
  try {
    goroscope::Session s(spec, "/nonexistent-dir/x.gorec");
    FAIL() << "expected an error";
  } catch (const goro::RecordingError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot write /nonexistent-dir/x.gorec"), std::string::npos);
  }
}

// A recording written by version 1 of the format (a worker pool, 3 jobs, 2 workers, seed 1)
// still opens, with its events and state.
TEST(Recording, Version1FilesStillOpen) {
  goro::Recording r = goro::load_recording(GOROSCOPE_TEST_DATA "/v1-worker-pool.gorec");
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.events.size(), 60u);
  EXPECT_EQ(r.header.at("scenario"), "worker_pool");
  goro::visual::Model m;
  for (const auto& e : r.events) m.apply(e, r.strings);
  EXPECT_EQ(m.exit_status(), goro::ExitStatus::Ok);
  EXPECT_EQ(m.goroutines().size(), 4u);
  EXPECT_NE(m.output().find("Result for job 3"), std::string::npos);
}
