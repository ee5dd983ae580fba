// tests/gui/gui_source_test.cpp: the source panel in the real window under Xvfb: a replay of a Go
// program shows, in its source, the goroutines where its events put them (the worker pool's
// three workers asleep in time.Sleep carry the sleeping colour into the source panel), and
// none once they have all finished. Skipped where xvfb-run is missing.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <string>

#ifndef GOROSCOPE_BINARY
#error "GOROSCOPE_BINARY must name the goroscope executable"
#endif

namespace {

// sleeping_pixels() counts the pixels of the dark theme's sleeping colour in the source panel
// (the right column, below the inspector) of a picture of the replay at `at`.
int sleeping_pixels(const std::string& rec, const std::string& at) {
  std::string dir = ::testing::TempDir(), png = dir + "goroscope-source-" + at + ".png";
  std::remove(png.c_str());
  std::string cmd = "XDG_CONFIG_HOME=" + dir +
                    "goroscope-source-config xvfb-run -a -s '-screen 0 1600x1000x24' " +
                    std::string(GOROSCOPE_BINARY) + " " + rec + " --theme dark --at " + at +
                    " --size 1600x1000 --frames 3 --screenshot " + png + " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return -1;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  if (!px) return -1;
  int count = 0;
  for (int y = h * 45 / 100; y < h; y++)
    for (int x = w * 85 / 100; x < w; x++) {
      const unsigned char* p = px + 3 * (y * w + x);
      count += p[0] == 90 && p[1] == 150 && p[2] == 255;
    }
  stbi_image_free(px);
  return count;
}

}  // namespace

TEST(WindowSource, AReplayShowsWhereItsGoroutinesStandInTheSource) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string rec = ::testing::TempDir() + "goroscope-source.gorec";
  std::string run = std::string(GOROSCOPE_BINARY) + " run " + GOROSCOPE_ASSETS +
                    "/programs/08_worker_pool.go --record " + rec + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(run.c_str()), 0) << run;
  int asleep = sleeping_pixels(rec, "1500ms");  // the three workers in time.Sleep
  int done = sleeping_pixels(rec, "4s");        // everyone finished: no marks
  ASSERT_GE(asleep, 0);
  ASSERT_GE(done, 0);
  EXPECT_GT(asleep, 60);
  EXPECT_LT(done, asleep / 4);
}
