// tests/gui_race_test.cpp: the window under Xvfb draws the data race program's shared variable:
// its screenshot holds the race colour (the red race edges, their markers and the variable's
// border), which a program without shared variables does not show. Skipped where xvfb-run is
// missing.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <string>

#ifndef GOROSCOPE_BINARY
#error "GOROSCOPE_BINARY must name the goroscope executable"
#endif

namespace {

// race_red_pixels() counts the pixels of a screenshot in the dark theme's race colour
// (255, 60, 60), less what the console's and status bar's text may hold.
long race_red_pixels(const std::string& scenario) {
  std::string png = ::testing::TempDir() + "goroscope-race-" + scenario + ".png";
  std::remove(png.c_str());
  std::string cmd = "XDG_CONFIG_HOME=" + ::testing::TempDir() +
                    "goroscope-config xvfb-run -a -s '-screen 0 1600x1000x24' " + GOROSCOPE_BINARY +
                    " --scenario " + scenario + " --theme dark --clock virtual --size 1600x1000 --frames 30" +
                    " --screenshot " + png + " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) {
    ADD_FAILURE() << cmd;
    return -1;
  }
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  if (!px) {
    ADD_FAILURE() << "not a PNG: " << png;
    return -1;
  }
  long red = 0;
  // The diagram only: right of the left panel, above the console (the window's proportions).
  for (int y = h / 20; y < h * 6 / 10; y++)
    for (int x = w * 2 / 10; x < w * 8 / 10; x++) {
      const unsigned char* p = px + 3 * (y * w + x);
      if (p[0] >= 240 && p[1] >= 45 && p[1] <= 75 && p[2] >= 45 && p[2] <= 75) red++;
    }
  stbi_image_free(px);
  return red;
}

}  // namespace

TEST(WindowRace, TheDataRaceShowsItsVariableWithRedEdges) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  long race = race_red_pixels("data_race");
  long none = race_red_pixels("worker_pool");
  EXPECT_GT(race, 1000) << "the counter node's border, two red edges and their markers";
  EXPECT_LT(none, 100) << "no variable, no race";
}
