// tests/gui/gui_variables_test.cpp: the window under Xvfb paused at a breakpoint (--break), the
// goroutine that reached it selected and its variables in the inspector: it renders and writes
// its picture; --break's bad values are refused with exit status 64. Skipped where xvfb-run is
// missing.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>

#ifndef GOROSCOPE_BINARY
#error "GOROSCOPE_BINARY must name the goroscope executable"
#endif

namespace {

int status_of(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST(WindowVariables, PausesAtABreakpointWithTheWorkerSelected) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string png = ::testing::TempDir() + "goroscope-variables.png";
  std::remove(png.c_str());
  // line 23 of the worker pool: `results <- Result{` in worker
  std::string cmd =
      "XDG_CONFIG_HOME=" + ::testing::TempDir() + "goroscope-config xvfb-run -a -s '-screen 0 1280x800x24' " +
      GOROSCOPE_BINARY +
      " --scenario worker_pool --break 23 --clock virtual --size 1200x760 --frames 12 --screenshot " + png +
      " 2>&1";
  ASSERT_EQ(status_of(cmd), 0) << cmd;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  ASSERT_TRUE(px) << "not a PNG: " << png;
  stbi_image_free(px);
  EXPECT_EQ(w, 1200);
  EXPECT_EQ(h, 760);
}

TEST(WindowVariables, BreakNeedsALineOfARunningProgram) {
  std::string bin = GOROSCOPE_BINARY;
  EXPECT_EQ(status_of(bin + " --scenario worker_pool --break 0 >/dev/null 2>&1"), 64);
  EXPECT_EQ(status_of(bin + " --scenario worker_pool --break x >/dev/null 2>&1"), 64);
  EXPECT_EQ(status_of(bin + " some.gorec --break 3 >/dev/null 2>&1"), 64);
}

}  // namespace
