// tests/gui/gui_edit_test.cpp: the window opens a Go file from disk and a parameter's value lands in
// the source it shows and in what the program prints: the same file at two values of its slider
// differs in the source panel and in the console, and at the same value it draws the same.
// A literal of a program without annotations made a slider changes its source and its output
// alike. Skipped where xvfb-run is missing.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#ifndef GOROSCOPE_BINARY
#error "GOROSCOPE_BINARY must name the goroscope executable"
#endif

namespace {

struct Picture {
  int w = 0, h = 0;
  std::vector<unsigned char> px;  // RGB
};

// picture() is the window showing go_file with `set` ("" or "--set n=7") once it has run.
Picture picture(const std::string& go_file, const std::string& set, const std::string& name) {
  std::string dir = ::testing::TempDir(), png = dir + "goroscope-edit-" + name + ".png";
  std::remove(png.c_str());
  std::string cmd =
      "XDG_CONFIG_HOME=" + dir + "goroscope-edit-config xvfb-run -a -s '-screen 0 1600x1000x24' " +
      std::string(GOROSCOPE_BINARY) + " " + go_file + " " + set +
      " --clock virtual --theme dark --size 1600x1000 --frames 40 --screenshot " + png + " >/dev/null 2>&1";
  Picture p;
  if (std::system(cmd.c_str()) != 0) return p;
  int n = 0;
  unsigned char* px = stbi_load(png.c_str(), &p.w, &p.h, &n, 3);
  if (!px) return p;
  p.px.assign(px, px + 3 * p.w * p.h);
  stbi_image_free(px);
  return p;
}

// differing() counts the pixels that differ in the part [x0, x1) x [y0, y1) (fractions of the
// size) of two pictures of the same size.
int differing(const Picture& a, const Picture& b, double x0, double x1, double y0, double y1) {
  int n = 0;
  for (int y = static_cast<int>(a.h * y0); y < static_cast<int>(a.h * y1); y++)
    for (int x = static_cast<int>(a.w * x0); x < static_cast<int>(a.w * x1); x++) {
      size_t i = 3 * (static_cast<size_t>(y) * a.w + x);
      n += a.px[i] != b.px[i] || a.px[i + 1] != b.px[i + 1] || a.px[i + 2] != b.px[i + 2];
    }
  return n;
}

}  // namespace

TEST(WindowEdit, AGoFilesParameterIsInItsSourceAndItsOutput) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string go = ::testing::TempDir() + "goroscope_edit_count.go";
  std::ofstream(go) << "// Counting goroutines\n"
                       "\n"
                       "package main\n"
                       "\n"
                       "import \"fmt\"\n"
                       "\n"
                       "func main() {\n"
                       "\tn := 2 // goroscope: slider 1..9 \"how many\"\n"
                       "\tdone := make(chan int)\n"
                       "\tfor i := 0; i < n; i++ {\n"
                       "\t\tgo func(i int) { done <- i }(i)\n"
                       "\t}\n"
                       "\tfor i := 0; i < n; i++ {\n"
                       "\t\t<-done\n"
                       "\t\tfmt.Println(\"got one\")\n"
                       "\t}\n"
                       "}\n";
  Picture two = picture(go, "", "two"), again = picture(go, "", "again"),
          seven = picture(go, "--set n=7", "seven");
  ASSERT_FALSE(two.px.empty());
  ASSERT_FALSE(again.px.empty());
  ASSERT_FALSE(seven.px.empty());
  ASSERT_EQ(two.w, seven.w);
  ASSERT_EQ(two.h, seven.h);
  // The source panel: the right column below the inspector; the console:
  // under the diagram.
  const double src[4] = {0.65, 1.0, 0.4, 0.95}, console[4] = {0.2, 0.6, 0.75, 0.95};
  EXPECT_EQ(differing(two, again, src[0], src[1], src[2], src[3]), 0);  // it draws the same each time
  EXPECT_EQ(differing(two, again, console[0], console[1], console[2], console[3]), 0);
  EXPECT_GT(differing(two, seven, src[0], src[1], src[2], src[3]), 20);  // "n := 7" in the source
  EXPECT_GT(differing(two, seven, console[0], console[1], console[2], console[3]), 200);  // five more lines
}

// A program without annotations: its `n := 2` made a slider from the command line (as the
// right button's "Make this a slider" makes it) and set to 7 shows `n := 7` with the slider's
// comment written in, and prints five more lines; a call's argument, held by its place (no
// comment can name it), changes what is printed as well; a string's digit is no literal.
TEST(WindowEdit, ALiteralMadeASliderRewritesTheSourceAndTheRun) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run not installed";
  std::string go = ::testing::TempDir() + "goroscope_edit_literal.go";
  std::ofstream(go) << "// Counting goroutines, no sliders\n"
                       "\n"
                       "package main\n"
                       "\n"
                       "import \"fmt\"\n"
                       "\n"
                       "func main() {\n"
                       "\tn := 2\n"
                       "\tdone := make(chan int)\n"
                       "\tfor i := 0; i < n; i++ {\n"
                       "\t\tgo func(i int) { done <- i }(i)\n"
                       "\t}\n"
                       "\tfor i := 0; i < n; i++ {\n"
                       "\t\t<-done\n"
                       "\t\tfmt.Println(\"got 1 of\", 100+i) // 3 in a comment\n"
                       "\t}\n"
                       "}\n";
  Picture plain = picture(go, "", "literal-plain"), made = picture(go, "--slider 8", "literal-made"),
          seven = picture(go, "--slider 8=7", "literal-seven"),
          arg = picture(go, "--slider 15:27=5", "literal-arg");
  ASSERT_FALSE(plain.px.empty());
  ASSERT_FALSE(made.px.empty());
  ASSERT_FALSE(seven.px.empty());
  ASSERT_FALSE(arg.px.empty());
  const double src[4] = {0.65, 1.0, 0.4, 0.95}, console[4] = {0.2, 0.6, 0.75, 0.95};
  // Made a slider at its own value: the comment appears in the source, the output is the same.
  EXPECT_GT(differing(plain, made, src[0], src[1], src[2], src[3]), 20);
  EXPECT_EQ(differing(plain, made, console[0], console[1], console[2], console[3]), 0);
  // At 7: the source says so and the console holds five more lines.
  EXPECT_GT(differing(made, seven, src[0], src[1], src[2], src[3]), 20);
  EXPECT_GT(differing(made, seven, console[0], console[1], console[2], console[3]), 200);
  // The argument at 5: "got 1 of 5" and "... 6" printed, not 100 and 101; the source shows it.
  EXPECT_GT(differing(plain, arg, console[0], console[1], console[2], console[3]), 50);
  EXPECT_GT(differing(plain, arg, src[0], src[1], src[2], src[3]), 10);
  // A string's digits are no literal: nothing is made of them, and the window does not open.
  std::string cmd = std::string(GOROSCOPE_BINARY) + " " + go + " --slider 15:20 >/dev/null 2>&1";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 64);
}
