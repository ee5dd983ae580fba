// tests/gui/gui_smoke_test.cpp: the real window under Xvfb: every scenario opens, renders and
// writes a screenshot of the asked size that is not blank. Skipped where xvfb-run is missing.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>

#include <cstdlib>
#include <set>
#include <string>

#include "probe.hpp"
#include "scenario.hpp"

#ifndef GOROSCOPE_BINARY
#error "GOROSCOPE_BINARY must name the goroscope executable"
#endif

class Window : public ::testing::TestWithParam<std::string> {};

namespace {
std::vector<std::string> names() {
  std::vector<std::string> v;
  for (const auto& s : goroscope::scenarios()) v.push_back(s.name);
  return v;
}
}  // namespace

INSTANTIATE_TEST_SUITE_P(EveryScenario, Window, ::testing::ValuesIn(names()));

TEST_P(Window, ScreenshotIsTheRightSizeAndNotBlank) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string png = ::testing::TempDir() + "goroscope-" + GetParam() + ".png";
  std::remove(png.c_str());
  std::string extra = GetParam() == "million" ? " --set n=20000" : "";
  std::string cmd = "XDG_CONFIG_HOME=" + ::testing::TempDir() +
                    "goroscope-config xvfb-run -a -s '-screen 0 1280x800x24' " + GOROSCOPE_BINARY +
                    " --scenario " + GetParam() + extra +
                    " --clock virtual --size 1200x760 --frames 8 --screenshot " + png + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  ASSERT_TRUE(px) << "not a PNG: " << png;
  EXPECT_EQ(w, 1200);
  EXPECT_EQ(h, 760);
  // Not blank: many distinct colours (text, nodes, panels), not one flat fill.
  std::set<unsigned> colours;
  for (int i = 0; i < w * h; i += 7) colours.insert(px[3 * i] << 16 | px[3 * i + 1] << 8 | px[3 * i + 2]);
  stbi_image_free(px);
  EXPECT_GT(colours.size(), 50u);
}

TEST(WindowReplay, OpensARecordingAtATime) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string dir = ::testing::TempDir();
  std::string rec = dir + "goroscope-replay.gorec", png = dir + "goroscope-replay.png";
  std::string bin = GOROSCOPE_BINARY;
  ASSERT_EQ(std::system((bin + " run worker_pool --record " + rec + " >/dev/null 2>&1").c_str()), 0);
  std::string cmd = "XDG_CONFIG_HOME=" + dir + "goroscope-config xvfb-run -a -s '-screen 0 1280x800x24' " +
                    bin + " " + rec + " --at 2s --size 1000x700 --frames 3 --screenshot " + png + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  ASSERT_TRUE(px);
  stbi_image_free(px);
  EXPECT_EQ(w, 1000);
  EXPECT_EQ(h, 700);
  // A broken recording is refused before any window opens.
  EXPECT_NE(std::system((bin + " " + dir + "no-such-file.gorec >/dev/null 2>&1").c_str()), 0);
  // --scale 2: the same picture, twice as many pixels each way.
  std::string big = dir + "goroscope-replay-2x.png";
  cmd = "XDG_CONFIG_HOME=" + dir + "goroscope-config xvfb-run -a -s '-screen 0 1280x800x24' " + bin +
        " render " + rec + " --png " + big + " --at 2s --size 500x350 --scale 2 --diagram 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  px = stbi_load(big.c_str(), &w, &h, &n, 3);
  ASSERT_TRUE(px);
  stbi_image_free(px);
  EXPECT_EQ(w, 1000);
  EXPECT_EQ(h, 700);
}

TEST(WindowRender, GifAndMp4HaveTheAskedFramesAndSize) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1 && command -v ffmpeg >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "xvfb-run or ffmpeg not installed";
  std::string dir = ::testing::TempDir(), bin = GOROSCOPE_BINARY;
  std::string rec = dir + "goroscope-clip.gorec";
  ASSERT_EQ(std::system((bin + " run worker_pool --record " + rec + " >/dev/null 2>&1").c_str()), 0);
  std::string env = "XDG_CONFIG_HOME=" + dir + "goroscope-config xvfb-run -a -s '-screen 0 1280x800x24' ";
  // 4 s at 5 frames a second: 21 frames (both ends included).
  ASSERT_EQ(std::system((env + bin + " render " + rec + " --gif " + dir +
                         "clip.gif --fps 5 --size 640x400 --diagram 2>/dev/null")
                            .c_str()),
            0);
  EXPECT_EQ(probe(dir + "clip.gif"), "640,400,21");
  // 1 s to 3 s at 10 frames a second: 21 frames.
  ASSERT_EQ(std::system((env + bin + " render " + rec + " --mp4 " + dir +
                         "clip.mp4 --fps 10 --from 1s --to 3s --size 800x600 2>/dev/null")
                            .c_str()),
            0);
  EXPECT_EQ(probe(dir + "clip.mp4"), "800,600,21");
  EXPECT_NE(std::system((bin + " render " + rec + " --gif " + dir + "clip.png >/dev/null 2>&1").c_str()), 0);
  // A range that ends before it starts is a bad command line, said before any window opens.
  int rc = std::system(
      (bin + " render " + rec + " --gif " + dir + "back.gif --from 3s --to 1s >/dev/null 2>&1").c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 64);
}

// read_file() is a file's bytes ("" when missing).
std::string read_file(const std::string& path) {
  std::string s;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char b[65536];
    for (size_t n; (n = std::fread(b, 1, sizeof b, f)) > 0;) s.append(b, n);
    std::fclose(f);
  }
  return s;
}

TEST(WindowRender, APictureWithoutAtShowsTheEndAndProgressTakesALineAFrame) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1 && command -v ffmpeg >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "xvfb-run or ffmpeg not installed";
  std::string dir = ::testing::TempDir(), bin = GOROSCOPE_BINARY;
  std::string rec = dir + "goroscope-render.bin";  // a recording need not be called .gorec
  ASSERT_EQ(std::system((bin + " run worker_pool --record " + rec + " >/dev/null 2>&1").c_str()), 0);
  std::string env = "XDG_CONFIG_HOME=" + dir + "goroscope-config xvfb-run -a -s '-screen 0 1280x800x24' ";
  std::string end = dir + "render-end.png", start = dir + "render-start.png";
  ASSERT_EQ(
      std::system(
          (env + bin + " render " + rec + " --png " + end + " --size 640x400 --diagram 2>/dev/null").c_str()),
      0);
  ASSERT_EQ(std::system((env + bin + " render " + rec + " --png " + start +
                         " --at 0 --size 640x400 --diagram 2>/dev/null")
                            .c_str()),
            0);
  EXPECT_FALSE(read_file(end).empty());
  EXPECT_NE(read_file(end), read_file(start));  // not the empty first moment
  // The clip's progress, written to a file: one line a frame.
  std::string log = dir + "render-progress.txt";
  ASSERT_EQ(std::system((env + bin + " render " + rec + " --gif " + dir +
                         "progress.gif --to 400ms --fps 5 --size 640x400 --diagram 2>" + log)
                            .c_str()),
            0);
  std::string text = read_file(log);
  EXPECT_NE(text.find("goroscope: frame 1/3\ngoroscope: frame 2/3\ngoroscope: frame 3/3\ngoroscope: wrote "),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find('\r'), std::string::npos);
}

TEST(WindowCli, BadOptionsAreRefused) {
  std::string bin = GOROSCOPE_BINARY;
  EXPECT_NE(std::system((bin + " --scenario nope >/dev/null 2>&1").c_str()), 0);
  EXPECT_NE(std::system((bin + " --size big >/dev/null 2>&1").c_str()), 0);
  EXPECT_NE(std::system((bin + " --frames >/dev/null 2>&1").c_str()), 0);
  // One parser for the window and every verb: the same rules, exit 64.
  for (const char* bad :
       {" --frames 5abc", " --size 1600x1000x", " --seed -1", " --procs +4", " --theme dark --theme dark",
        " render x.gorec --bogus", " render x.gorec --gif x.gif --fps 5x"})
    EXPECT_EQ(WEXITSTATUS(std::system((bin + bad + " >/dev/null 2>&1").c_str())), 64) << bad;
}

TEST(WindowCli, WithoutADisplayItSaysSo) {
  std::string out = ::testing::TempDir() + "goroscope-nodisplay.txt";
  int rc = std::system(("env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(GOROSCOPE_BINARY) +
                        " --scenario select > " + out + " 2>&1")
                           .c_str());
  EXPECT_NE(rc, 0);
  FILE* f = std::fopen(out.c_str(), "r");
  ASSERT_TRUE(f);
  char buf[2048] = {};
  size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  std::string text(buf, n);
  EXPECT_NE(text.find("cannot open a window"), std::string::npos) << text;
  EXPECT_NE(text.find("goroscope run"), std::string::npos) << text;
}

TEST(WindowScale, APictureIsItsWholeSizeWhateverTheScreen) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string dir = ::testing::TempDir(), png = dir + "goroscope-scale2.png";
  std::string bin = GOROSCOPE_BINARY;
  std::remove(png.c_str());
  // The remembered window is 1600x1000: at --scale 2 a 3200x2000 picture, on a 1280x800 screen
  // too (the window is cut to the screen; the picture is drawn offscreen).
  std::string env =
      "XDG_CONFIG_HOME=" + dir + "goroscope-config-scale xvfb-run -a -s '-screen 0 1280x800x24' ";
  std::string cmd = env + bin + " --scenario worker_pool --clock virtual --scale 2 --frames 3 --screenshot " +
                    png + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  ASSERT_TRUE(px);
  stbi_image_free(px);
  EXPECT_EQ(w, 3200);
  EXPECT_EQ(h, 2000);
  // render --png --scale 2, the slide recipe, without --size: the same, the diagram alone.
  std::string rec = dir + "goroscope-scale2.gorec", slide = dir + "goroscope-slide2x.png";
  ASSERT_EQ(std::system((bin + " run worker_pool --record " + rec + " >/dev/null 2>&1").c_str()), 0);
  cmd = env + bin + " render " + rec + " --png " + slide + " --scale 2 --diagram 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  px = stbi_load(slide.c_str(), &w, &h, &n, 3);
  ASSERT_TRUE(px);
  // No scrollbar, no cut: the picture's right and bottom edges are the canvas's plain colour
  // (the diagram, fitted whole, has a margin all round).
  std::set<unsigned> right, bottom;
  for (int y = 0; y < h; y += 3) {
    const unsigned char* p = px + 3 * (y * w + w - 2);
    right.insert(p[0] << 16 | p[1] << 8 | p[2]);
  }
  for (int x = 0; x < w; x += 3) {
    const unsigned char* p = px + 3 * ((h - 2) * w + x);
    bottom.insert(p[0] << 16 | p[1] << 8 | p[2]);
  }
  stbi_image_free(px);
  EXPECT_EQ(w, 3200);
  EXPECT_EQ(h, 2000);
  EXPECT_LE(right.size(), 2u) << "something drawn along the right edge (a scrollbar, a cut box)";
  EXPECT_LE(bottom.size(), 2u) << "something drawn along the bottom edge";
}
