// tests/gui/gui_race_test.cpp: the window under Xvfb draws a shared variable and its data race from
// the events alone: a recording of a C++ program whose two goroutines race on a goro::Shared
// counter, opened at its end, holds the race colour (the red race edges, their markers and the
// variable's border); a program without shared variables does not show it. Skipped where
// xvfb-run is missing.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <string>

#include "goro/goro.hpp"
#include "goro/record.hpp"
#include "goro/tap.hpp"
#include "session.hpp"

#ifndef GOROSCOPE_BINARY
#error "GOROSCOPE_BINARY must name the goroscope executable"
#endif

namespace {

// record_race() records the racing counter (race detector on) to path.
void record_race(const std::string& path) {
  goro::Tap tap;
  goro::Config cfg;
  cfg.race = true;
  goro::run(cfg, goro::Observer{&tap, nullptr}, [] {
    goro::Shared<int> counter{0, "counter"};
    goro::WaitGroup wg{"wg"};
    wg.add(2);
    for (int i = 0; i < 2; i++)
      goro::go("counter++", [&] {
        counter.store(counter.load() + 1);
        wg.done();
      });
    wg.wait();
    goro::println("counter:", counter.load());
  });
  goro::Recording rec;
  std::vector<goro::Event> events;
  rec.strings = {std::string()};
  tap.drain(events);
  tap.strings(1, rec.strings);
  rec.header = goroscope::header_of(goroscope::RunSpec{goroscope::find_scenario("data_race"), {}, cfg});
  rec.events = goro::EventLog(events);
  rec.complete = true;
  goro::save_recording(path, rec);
}

// race_red_pixels() counts the diagram's pixels in the dark theme's race colour (255, 60, 60) in
// a screenshot of the window given these arguments.
long race_red_pixels(const std::string& args, const std::string& name) {
  std::string png = ::testing::TempDir() + "goroscope-race-" + name + ".png";
  std::remove(png.c_str());
  std::string cmd = "XDG_CONFIG_HOME=" + ::testing::TempDir() +
                    "goroscope-config xvfb-run -a -s '-screen 0 1600x1000x24' " + GOROSCOPE_BINARY + " " +
                    args + " --theme dark --size 1600x1000 --frames 30 --screenshot " + png +
                    " >/dev/null 2>&1";
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

TEST(WindowRace, ADataRaceShowsItsVariableWithRedEdges) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string rec = ::testing::TempDir() + "goroscope-race.gorec";
  record_race(rec);
  long race = race_red_pixels(rec + " --at 10s", "recording");
  long none = race_red_pixels("--scenario worker_pool --clock virtual", "worker_pool");
  EXPECT_GT(race, 1000) << "the counter node's border, two red edges and their markers";
  EXPECT_LT(none, 100) << "no variable, no race";
  std::remove(rec.c_str());
}
