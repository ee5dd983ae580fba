// tests/app/clip_test.cpp: clips through ffmpeg without a window: the frames asked for, at the
// size given; clear refusals; nothing left behind by a clip that was dropped or failed.
#include "clip.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "probe.hpp"

using goroscope::Clip;
using goroscope::ClipSpec;

namespace {

bool have_ffmpeg() {
  return std::system("command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1") == 0;
}

// frame() is a w x h picture: a bar whose length grows with i.
std::vector<unsigned char> frame(int w, int h, int i) {
  std::vector<unsigned char> px(static_cast<size_t>(w * h * 4), 30);
  for (int y = 0; y < h / 4; y++)
    for (int x = 0; x < (i + 1) * w / 8 && x < w; x++) px[static_cast<size_t>((y * w + x) * 4)] = 250;
  return px;
}

void make(Clip& c, int w, int h) {
  for (int i = 0; !c.all_taken(); i++) ASSERT_EQ(c.add(frame(w, h, i).data(), w, h), "");
  c.finish();
  while (!c.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace

TEST(Clip, RefusesBadNamesRangesRatesAndFolders) {
  std::string dir = ::testing::TempDir();
  EXPECT_NE(Clip::check({dir + "c.png", 0, 1'000'000'000, 10}).find(".gif or .mp4"), std::string::npos);
  EXPECT_NE(Clip::check({dir + "c.gif", 5, 5, 10}).find("end after it starts"), std::string::npos);
  EXPECT_NE(Clip::check({dir + "c.gif", 0, 1'000'000'000, 0}).find("frame rate"), std::string::npos);
  EXPECT_NE(Clip::check({dir + "c.gif", 0, 1'000'000'000, 61}).find("frame rate"), std::string::npos);
  EXPECT_NE(Clip::check({"/no/such/folder/c.gif", 0, 1'000'000'000, 10}).find("no folder /no/such/folder"),
            std::string::npos);
  if (have_ffmpeg()) {
    EXPECT_EQ(Clip::check({dir + "c.mp4", 0, 1'000'000'000, 10}), "");
  }
}

TEST(Clip, DevicesAndFifosTakeAGifButNeverAnMp4) {
  EXPECT_EQ(Clip::format_of({"a.gif"}), "gif");
  EXPECT_EQ(Clip::format_of({"/dev/stdout", 0, 1, 10, "gif"}), "gif");
  EXPECT_EQ(Clip::format_of({"a.png"}), "");
  EXPECT_NE(Clip::check({"/dev/null", 0, 1'000'000'000, 10, "mp4"}).find("an MP4 must go to a regular file"),
            std::string::npos);
  std::string link = ::testing::TempDir() + "clip-link.gif";
  std::filesystem::remove(link);
  std::filesystem::create_symlink("/dev/null", link);
  EXPECT_NE(Clip::check({link, 0, 1'000'000'000, 10}).find("symbolic link"), std::string::npos);
  if (have_ffmpeg()) {
    EXPECT_EQ(Clip::check({"/dev/null", 0, 1'000'000'000, 10, "gif"}), "");
    Clip c({"/dev/null", 0, 200'000'000, 10, "gif"});  // written through: /dev/null stays a device
    make(c, 64, 48);
    EXPECT_EQ(c.result(), "");
    EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
  }
}

TEST(Clip, AClipReplacesAnOldFileOnlyWhenWritten) {
  if (!have_ffmpeg()) GTEST_SKIP() << "ffmpeg not installed";
  std::string path = ::testing::TempDir() + "clip-old.gif";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("old", f);
    std::fclose(f);
  }
  {
    Clip c({path, 0, 1'000'000'000, 10});
    auto px = frame(64, 48, 0);
    ASSERT_EQ(c.add(px.data(), 64, 48), "");
  }  // dropped half-way: the old file stays
  EXPECT_EQ(std::filesystem::file_size(path), 3u);
  {
    Clip c({path, 0, 200'000'000, 10});
    make(c, 64, 48);
    EXPECT_EQ(c.result(), "");
  }
  EXPECT_EQ(probe(path), "64,48,3");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(Clip, TakesOneFramePerTickBothEndsIncluded) {
  Clip c({"x.gif", 1'000'000'000, 3'000'000'000, 10});
  EXPECT_EQ(c.frames(), 21);
  EXPECT_EQ(c.next_time(), 1'000'000'000);
  Clip d({"x.gif", 0, 250'000'000, 4});  // 0, 250 ms
  EXPECT_EQ(d.frames(), 2);
}

TEST(Clip, GifAndMp4HaveTheFramesAndSizeGiven) {
  if (!have_ffmpeg()) GTEST_SKIP() << "ffmpeg not installed";
  std::string dir = ::testing::TempDir();
  for (const char* name : {"clip-test.gif", "clip-test.mp4"}) {
    std::string path = dir + name;
    {
      Clip c({path, 0, 600'000'000, 10});  // 7 frames
      make(c, 160, 120);
      EXPECT_EQ(c.result(), "");
    }
    EXPECT_TRUE(std::filesystem::exists(path)) << name;
    EXPECT_EQ(probe(path), "160,120,7") << name;
  }
}

TEST(Clip, ADroppedOrFailedClipLeavesNoFile) {
  if (!have_ffmpeg()) GTEST_SKIP() << "ffmpeg not installed";
  std::string path = ::testing::TempDir() + "clip-dropped.gif";
  {
    Clip c({path, 0, 1'000'000'000, 10});
    auto px = frame(64, 48, 0);
    ASSERT_EQ(c.add(px.data(), 64, 48), "");
  }  // cancelled half-way
  EXPECT_FALSE(std::filesystem::exists(path));
  {
    Clip c({path, 0, 1'000'000'000, 10});
    auto px = frame(64, 48, 0);
    ASSERT_EQ(c.add(px.data(), 64, 48), "");
    auto big = frame(80, 48, 1);
    EXPECT_EQ(c.add(big.data(), 80, 48), "the window changed size during the clip");
    c.finish();
    while (!c.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(c.result(), "the window changed size during the clip");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}
