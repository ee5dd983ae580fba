// tests/app/cli_test.cpp: the command line: times, parameters, scenarios, every bad input with its
// one message and exit 64, the window's and render's options, and output files by the rules.
#include "cli.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "app_support.hpp"
#include "goro/output_file.hpp"
#include "goro/record.hpp"
#include "scenario.hpp"
#include "signals.hpp"
#include "window_options.hpp"

namespace {

using V = std::vector<std::string>;
namespace fs = std::filesystem;

// Outcome is what a command did: its exit status and what it wrote.
struct Outcome {
  std::optional<int> status;
  std::string out, err;
};

Outcome run_cli(const V& args) {
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  Outcome o;
  o.status = goroscope::cli_main(args);
  o.out = testing::internal::GetCapturedStdout();
  o.err = testing::internal::GetCapturedStderr();
  return o;
}

// usage() is the one line a bad command line gets (exit 64, nothing on stdout).
std::string usage(const V& args) {
  Outcome o = run_cli(args);
  EXPECT_EQ(o.status, 64) << args.back();
  EXPECT_EQ(o.out, "") << args.back();
  return o.err.substr(0, o.err.find('\n'));
}

std::string window_error(const V& args) {
  try {
    goroscope::parse_window_options(args);
  } catch (const goroscope::UsageError& e) {
    return e.what();
  }
  return "";
}

std::string render_error(const V& args) {
  try {
    goroscope::parse_render_options(args);
  } catch (const goroscope::UsageError& e) {
    return e.what();
  }
  return "";
}

std::string tmp(const std::string& name) {
  return ::testing::TempDir() + "goroscope_cli_" + std::to_string(::getpid()) + "_" + name;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// a_recording() makes a small recording and returns its path.
std::string a_recording() {
  static std::string path = [] {
    std::string p = tmp("select.gorec");
    EXPECT_EQ(run_cli({"run", "select", "--record", p}).status, 0);
    return p;
  }();
  return path;
}

}  // namespace

TEST(Cli, ParsesTimes) {
  EXPECT_EQ(goroscope::parse_time("1.5s"), 1'500'000'000);
  EXPECT_EQ(goroscope::parse_time("200ms"), 200'000'000);
  EXPECT_EQ(goroscope::parse_time("30us"), 30'000);
  EXPECT_EQ(goroscope::parse_time("42ns"), 42);
  EXPECT_EQ(goroscope::parse_time("42"), 42);
  EXPECT_FALSE(goroscope::parse_time(""));
  EXPECT_FALSE(goroscope::parse_time("soon"));
  EXPECT_FALSE(goroscope::parse_time("-1s"));
  EXPECT_FALSE(goroscope::parse_time("3 parsecs"));
  EXPECT_FALSE(goroscope::parse_time("+1s"));
  EXPECT_FALSE(goroscope::parse_time(" 1s"));
  EXPECT_FALSE(goroscope::parse_time("1s "));
  EXPECT_FALSE(goroscope::parse_time("inf"));
  EXPECT_FALSE(goroscope::parse_time("1e400"));
  EXPECT_FALSE(goroscope::parse_time("-0"));
  EXPECT_FALSE(goroscope::parse_time("300000000000s"));  // past int64 nanoseconds
  EXPECT_EQ(goroscope::parse_time("2m"), 120'000'000'000);
  EXPECT_EQ(goroscope::parse_time(goroscope::format_time(1'500'000'000)), 1'500'000'000);
  EXPECT_EQ(goroscope::format_time(1'500'000'000), "1.5s");
  EXPECT_EQ(goroscope::format_time(200'000'000), "200ms");
}

// The registry and the article's Go sources are one list: each program has its source, each
// source its program (nothing here counts them).
TEST(Cli, EveryArticleProgramIsAScenario) {
  std::set<std::string> sources;
  for (const auto& f : std::filesystem::directory_iterator(GOROSCOPE_ASSETS "/programs"))
    if (f.path().extension() == ".go") sources.insert(f.path().filename().string());
  std::set<std::string> named;
  for (const auto& s : goroscope::scenarios()) named.insert(s.go_file);
  EXPECT_EQ(named, sources);
  EXPECT_EQ(goroscope::default_scenario().name, "worker_pool");
  for (const auto& s : goroscope::scenarios()) {
    EXPECT_EQ(goroscope::find_scenario(s.name), &s);
    EXPECT_EQ(goroscope::find_scenario(s.go_file), &s);
    for (const auto& p : s.params) EXPECT_TRUE(p.min <= p.def && p.def <= p.max) << s.name << " " << p.name;
  }
  EXPECT_EQ(goroscope::find_scenario("nope"), nullptr);
  EXPECT_EQ(goroscope::find_scenario("nope.go"), nullptr);  // a user's file that is not there
}

// A built-in program is its Go source, embedded in the binary: the same text as the asset, its
// title and description from the leading comment, its parameters from the slider comments.
TEST(Cli, ProgramsComeFromTheirGoSource) {
  const auto& s = *goroscope::find_scenario("worker_pool");
  std::ifstream in(GOROSCOPE_ASSETS "/programs/08_worker_pool.go", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(s.source, text.str());
  EXPECT_TRUE(s.builtin);
  EXPECT_EQ(s.title, "Worker pool");
  EXPECT_EQ(s.description, "Workers take jobs from a channel, send results, and count down a WaitGroup.");
  ASSERT_EQ(s.params.size(), 3u);
  EXPECT_EQ(s.params[1].name, "numWorkers");
  EXPECT_EQ(s.params[1].def, 3);
  EXPECT_EQ(s.params[1].max, 1000);
  EXPECT_EQ(goroscope::find_scenario("data_race")->go_file, "13_pitfall_data_race.go");
  // A file whose first comment is a build constraint (Go's talks: "// +build ignore,OMIT") is
  // titled by its name; a comment after the constraint is its title.
  auto tagged = goroscope::program_from_source("boring", "boring.go",
                                               "// +build ignore,OMIT\n\npackage main\n\nfunc main() {}\n");
  EXPECT_EQ(tagged.title, "boring.go");
  auto titled = goroscope::program_from_source(
      "b", "b.go", "//go:build ignore\n\n// Boring\n// a generator\npackage main\n\nfunc main() {}\n");
  EXPECT_EQ(titled.title, "Boring");
  EXPECT_EQ(titled.description, "a generator");
  EXPECT_EQ(goroscope::find_scenario("million")->go_file, "14_performance_million.go");
  EXPECT_EQ(goroscope::find_scenario("deadlock")->title, "Pitfall: deadlock");
  // the same values compile once; other values compile anew, with the literal replaced
  goroscope::Params p = s.defaults();
  EXPECT_EQ(s.compile(p), s.compile(p));
  p.values["numWorkers"] = 8;
  EXPECT_NE(s.source_with(p).find("numWorkers := 8 // goroscope: slider"), std::string::npos);
  EXPECT_NE(s.compile(p), s.compile(s.defaults()));
}

// A user's Go file is a program like the others: name = its path, title from its comment or its
// file name, sliders from its annotations; one that does not compile says so in gc's form.
TEST(Cli, AUsersGoFileIsAProgram) {
  std::string dir = ::testing::TempDir();
  std::string path = dir + "/mine" + std::to_string(::getpid()) + ".go";
  {
    std::ofstream f(path);
    f << "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 4 // goroscope: slider 1..9 \"how many\"\n"
         "\tch := make(chan int, n)\n\tfor i := 0; i < n; i++ {\n\t\tch <- "
         "i\n\t}\n\tfmt.Println(len(ch))\n}\n";
  }
  const goroscope::Scenario* s = goroscope::find_scenario(path);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->name, path);
  EXPECT_FALSE(s->builtin);
  EXPECT_EQ(s->title, "mine" + std::to_string(::getpid()) + ".go");
  ASSERT_EQ(s->params.size(), 1u);
  EXPECT_EQ(s->params[0].name, "n");
  EXPECT_EQ(goroscope::find_scenario(path), s);  // read once
  Outcome o = run_cli({"run", path, "--set", "n=7"});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "7\n");
  std::string bad = dir + "/bad" + std::to_string(::getpid()) + ".go";
  {
    std::ofstream f(bad);
    f << "package main\n\nfunc main() {\n\tx := 1\n}\n";
  }
  std::vector<goroscope::lang::Diagnostic> errors;
  EXPECT_EQ(goroscope::find_scenario(bad)->compile({}, &errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].text(), bad + ":4:2: declared and not used: x");  // the path as given, as gc says it
  Outcome b = run_cli({"run", bad});  // as go run: gc's message with the path given, exit 1
  EXPECT_EQ(b.status, 1);
  EXPECT_EQ(b.err, bad + ":4:2: declared and not used: x\n");
  Outcome gone = run_cli({"run", dir + "/nowhere.go"});
  EXPECT_EQ(gone.status, 1);
  EXPECT_NE(gone.err.find("cannot read"), std::string::npos) << gone.err;
  // In the window such a program runs nothing and exits with status 1, as go run (the window
  // shows gc's errors at their lines): no panic is made up for it.
  auto ses = run_session(*goroscope::find_scenario(bad));
  EXPECT_EQ(ses->exit_code(), 1);
  EXPECT_EQ(ses->model().exit_status(), goro::ExitStatus::Ok);
  EXPECT_EQ(ses->model().exit_message(), "");
  // explore too: no schedule of a program that does not compile is searched (nor "found failing")
  Outcome e = run_cli({"explore", bad});
  EXPECT_EQ(e.status, 1);
  EXPECT_EQ(e.err, bad + ":4:2: declared and not used: x\n");
  EXPECT_EQ(e.out, "");
  Outcome egone = run_cli({"explore", dir + "/nowhere.go"});
  EXPECT_EQ(egone.status, 1);
  EXPECT_NE(egone.err.find("cannot read"), std::string::npos) << egone.err;
  std::string quits = dir + "/quits" + std::to_string(::getpid()) + ".go";
  {
    std::ofstream f(quits);
    f << "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() "
         "{\n\tfmt.Println(\"bye\")\n\tos.Exit(3)\n}\n";
  }
  Outcome q = run_cli({"run", quits});  // os.Exit's code is the exit status, as go run gives it
  EXPECT_EQ(q.status, 3);
  EXPECT_EQ(q.out, "bye\n");
  EXPECT_EQ(q.err.rfind("exit status 3\n", 0), 0u) << q.err;
  std::remove(path.c_str());
  std::remove(bad.c_str());
  std::remove(quits.c_str());
}

TEST(Cli, ParameterAssignmentsAreChecked) {
  const auto& s = *goroscope::find_scenario("worker_pool");
  goroscope::Params p = s.defaults();
  EXPECT_EQ(s.set(p, "numWorkers=8"), "");
  EXPECT_EQ(p["numWorkers"], 8);
  EXPECT_EQ(s.set(p, "numWorkers=0"), "parameter numWorkers must be a whole number from 1 to 1000, not '0'");
  EXPECT_NE(s.set(p, "numWorkers=eight").find("must be a whole number"), std::string::npos);
  EXPECT_NE(s.set(p, "numWorkers=").find("must be a whole number"), std::string::npos);
  EXPECT_NE(s.set(p, "numWorkers=+3").find("not '+3'"), std::string::npos);  // as --procs +3
  EXPECT_NE(s.set(p, "numWorkers= 3").find("not ' 3'"), std::string::npos);
  EXPECT_NE(s.set(p, "numWorkers=99999999999").find("from 1 to 1000"), std::string::npos);
  EXPECT_NE(s.set(p, "wrkers=3").find("has no parameter 'wrkers'"), std::string::npos);
  EXPECT_NE(s.set(p, "numWorkers").find("expected name=value"), std::string::npos);
  EXPECT_EQ(p["numWorkers"], 8);  // failed assignments change nothing
}

TEST(Cli, BadCommandLinesAreUsageErrors) {
  EXPECT_EQ(goroscope::cli_main(V{"frobnicate"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "no_such_program"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--procs", "100"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--clock", "sundial"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--speed", "0"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"run", "select", "--seed"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"inspect"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"inspect", "/nonexistent.gorec"}), 1);
  EXPECT_EQ(goroscope::cli_main(V{"list", "extra"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"export", "x.gorec"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"export", "x.gorec", "--chrome"}), 64);
  EXPECT_EQ(goroscope::cli_main(V{"export", "/nonexistent.gorec", "--chrome", "/tmp/x.json"}), 1);
  EXPECT_EQ(goroscope::cli_main(V{}), std::nullopt);  // the window
}

TEST(Cli, RunExitStatusFollowsTheProgram) {
  EXPECT_EQ(goroscope::cli_main(V{"run", "select"}), 0);
  EXPECT_EQ(goroscope::cli_main(V{"run", "deadlock"}), 2);
  EXPECT_EQ(goroscope::cli_main(V{"run", "buffered_channel", "--set", "capacity=1"}), 2);
}

TEST(Cli, NumbersAreReadOneWayEverywhere) {
  EXPECT_EQ(goroscope::read_whole("42"), 42);
  EXPECT_EQ(goroscope::read_whole("-7"), -7);
  for (const char* bad : {"+4", " 4", "4 ", "3abc", "", "0x10", "1e3", "4.0", "99999999999999999999"})
    EXPECT_FALSE(goroscope::read_whole(bad)) << bad;
  EXPECT_EQ(goroscope::read_unsigned("18446744073709551615"), UINT64_MAX);
  EXPECT_FALSE(goroscope::read_unsigned("-1"));
  EXPECT_FALSE(goroscope::read_unsigned("-0"));
  EXPECT_FALSE(goroscope::read_unsigned("18446744073709551616"));
  EXPECT_EQ(goroscope::read_number("1.5"), 1.5);
  EXPECT_EQ(goroscope::read_number("2e-2"), 0.02);
  for (const char* bad : {"+1", " 1", "1x", "inf", "nan", "", "0x1p3"})
    EXPECT_FALSE(goroscope::read_number(bad)) << bad;
}

TEST(Cli, EveryBadRunLineSaysWhatIsWrong) {
  EXPECT_EQ(usage({"run", "select", "--procs", "+4"}),
            "goroscope: --procs must be a whole number from 1 to 64, not '+4'");
  EXPECT_EQ(usage({"run", "select", "--procs", " 4"}),
            "goroscope: --procs must be a whole number from 1 to 64, not ' 4'");
  EXPECT_EQ(usage({"run", "select", "--procs", "3abc"}),
            "goroscope: --procs must be a whole number from 1 to 64, not '3abc'");
  EXPECT_EQ(usage({"run", "select", "--procs=65"}),
            "goroscope: --procs must be a whole number from 1 to 64, not '65'");
  EXPECT_EQ(usage({"run", "select", "--seed", "-1"}),
            "goroscope: --seed must be a whole number from 0 to 18446744073709551615, not '-1'");
  EXPECT_EQ(
      usage({"run", "select", "--seed", "18446744073709551616"}),
      "goroscope: --seed must be a whole number from 0 to 18446744073709551615, not '18446744073709551616'");
  EXPECT_EQ(usage({"run", "worker_pool", "--set", "numWorkers=+3"}),
            "goroscope: parameter numWorkers must be a whole number from 1 to 1000, not '+3'");
  EXPECT_EQ(usage({"run", "worker_pool", "--set", "numWorkers=3", "--set", "numWorkers=4"}),
            "goroscope: --set numWorkers is given twice (set each parameter once)");
  EXPECT_EQ(usage({"run", "select", "--record", ""}), "goroscope: --record needs a file name, not ''");
  EXPECT_EQ(usage({"run", "select", "--procs", "2", "--procs", "3"}),
            "goroscope: --procs is given twice (give each option once)");
  EXPECT_EQ(usage({"run", "select", "--speed", "1e-300"}),
            "goroscope: --speed must be a number from 0.01 to 1000, not '1e-300'");
  EXPECT_EQ(usage({"run", "select", "--speed", "4.9e-324"}),
            "goroscope: --speed must be a number from 0.01 to 1000, not '4.9e-324'");
  EXPECT_EQ(usage({"run", "select", "--speed", "1001"}),
            "goroscope: --speed must be a number from 0.01 to 1000, not '1001'");
  EXPECT_EQ(usage({"run", "select", "--clock", "sundial"}),
            "goroscope: --clock must be virtual or real, not 'sundial'");
  EXPECT_EQ(usage({"run", "select", "--bogus"}), "goroscope: unknown option '--bogus'");
  EXPECT_EQ(usage({"run", "select", "extra"}), "goroscope: unexpected argument 'extra'");
  EXPECT_EQ(usage({"run", "select", "--seed"}), "goroscope: --seed needs a value");
}

TEST(Cli, AVerbWithoutItsArgumentSaysWhatIsMissing) {
  EXPECT_EQ(usage({"run"}), "goroscope: run needs a program: goroscope run NAME (goroscope list shows them)");
  EXPECT_EQ(usage({"inspect"}),
            "goroscope: inspect needs a recording: goroscope inspect FILE.gorec [--at TIME]");
  EXPECT_EQ(usage({"export"}),
            "goroscope: export needs a recording: goroscope export FILE --chrome OUT.json");
  EXPECT_EQ(usage({"export", "x.gorec"}), "goroscope: export needs --chrome OUT.json");
  EXPECT_EQ(usage({"export", "x.gorec", "--chrome", ""}), "goroscope: --chrome needs a file name, not ''");
  EXPECT_EQ(usage({"inspect", "x.gorec", "--at", "soon"}),
            "goroscope: --at must be a time such as 1.5s, 200ms, 30us or 42ns, not 'soon'");
  Outcome help = run_cli({"run", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("run options:"), std::string::npos);
}

TEST(Cli, SpeedWithTheVirtualClockSaysItDoesNothing) {
  Outcome o = run_cli({"run", "select", "--speed", "2"});
  EXPECT_EQ(o.status, 0);
  EXPECT_NE(o.err.find("--speed does nothing with the virtual clock"), std::string::npos);
  o = run_cli({"run", "select", "--speed", "1000", "--clock", "real"});
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.err.find("does nothing"), std::string::npos);
}

TEST(Cli, TheWindowReadsItsOptionsByTheSameRules) {
  EXPECT_EQ(window_error({"--procs", "3abc"}), "--procs must be a whole number from 1 to 64, not '3abc'");
  EXPECT_EQ(window_error({"--seed", "-1"}),
            "--seed must be a whole number from 0 to 18446744073709551615, not '-1'");
  EXPECT_EQ(window_error({"--frames", "5abc"}),
            "--frames must be a whole number from 1 to 100000, not '5abc'");
  EXPECT_EQ(window_error({"--size", "1600x1000x"}),
            "--size must be WIDTHxHEIGHT from 320x240 to 8192x8192, not '1600x1000x'");
  EXPECT_EQ(window_error({"--size", "x1000"}),
            "--size must be WIDTHxHEIGHT from 320x240 to 8192x8192, not 'x1000'");
  EXPECT_EQ(window_error({"--scale", "2x"}), "--scale must be a number from 0.5 to 4, not '2x'");
  EXPECT_EQ(window_error({"--theme", "pink"}), "--theme must be dark or light, not 'pink'");
  EXPECT_EQ(window_error({"--scenario", "nope"}), "no scenario named 'nope' (goroscope list shows them)");
  // A Go file opens as the program, given alone or with --scenario; one that is not there, or
  // given beside --scenario, is an error.
  EXPECT_EQ(window_error({"/nowhere/x.go"}), "cannot read /nowhere/x.go");
  EXPECT_EQ(window_error({"--scenario", "/nowhere/x.go"}), "cannot read /nowhere/x.go");
  std::string mine = ::testing::TempDir() + "/win" + std::to_string(::getpid()) + ".go";
  std::ofstream(mine) << "package main\n\nfunc main() {}\n";
  EXPECT_EQ(goroscope::parse_window_options({mine}).scenario, mine);
  EXPECT_TRUE(goroscope::parse_window_options({mine}).recording.empty());
  EXPECT_EQ(goroscope::parse_window_options({"--scenario", mine}).scenario, mine);
  EXPECT_NE(window_error({mine, "--scenario", "select"}).find("one program at a time"), std::string::npos);
  std::remove(mine.c_str());
  EXPECT_EQ(window_error({"--screenshot", ""}), "--screenshot needs a file name, not ''");
  EXPECT_EQ(window_error({"--theme", "dark", "--theme", "light"}),
            "--theme is given twice (give each option once)");
  EXPECT_EQ(window_error({"--play"}), "--play needs a recording to replay (goroscope FILE --play)");
  EXPECT_EQ(window_error({"--play=yes", "a.gorec"}), "--play takes no value");
  EXPECT_EQ(window_error({"a.gorec", "b.gorec"}), "one recording at a time: 'a.gorec' and 'b.gorec'");
  EXPECT_EQ(window_error({"--fps", "5x"}), "unknown option '--fps'");  // a clip's option: render takes it

  goroscope::WindowOptions o =
      goroscope::parse_window_options({"--procs", "4", "--seed=18446744073709551615", "--size", "800x500",
                                       "--present", "--set", "numWorkers=3"});
  EXPECT_EQ(o.config.procs, 4);
  EXPECT_EQ(o.config.seed, UINT64_MAX);
  EXPECT_EQ(o.config.clock, goro::ClockMode::Real);  // the window watches in real time
  EXPECT_TRUE(o.config_set);
  EXPECT_EQ(o.width, 800);
  EXPECT_EQ(o.height, 500);
  EXPECT_TRUE(o.present);
  EXPECT_EQ(o.sets, V{"numWorkers=3"});
  o = goroscope::parse_window_options({"--clock", "virtual", "--speed", "2"});
  ASSERT_EQ(o.notes.size(), 1u);
  EXPECT_NE(o.notes[0].find("--speed does nothing"), std::string::npos);
  o = goroscope::parse_window_options({"my-run.rec", "--at", "150ms", "--play"});
  EXPECT_EQ(o.recording, "my-run.rec");  // any name, as inspect and export take
  EXPECT_EQ(o.at, 150'000'000);
  EXPECT_TRUE(o.play);
}

TEST(Cli, RenderReadsItsOptionsByTheSameRules) {
  EXPECT_EQ(render_error({"render", "F", "--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(render_error({"render"}), "render needs a recording: goroscope render FILE --png OUT.png");
  EXPECT_EQ(render_error({"render", "F"}), "render needs --png OUT.png, --gif OUT.gif or --mp4 OUT.mp4");
  EXPECT_EQ(render_error({"render", "F", "--png", "a.png", "--gif", "a.gif"}),
            "render makes one thing at a time: --png, --gif or --mp4");
  EXPECT_EQ(render_error({"render", "F", "--gif", "a.gif", "--fps", "5x"}),
            "--fps must be a whole number from 1 to 60, not '5x'");
  EXPECT_EQ(render_error({"render", "F", "--gif", "a.png"}),
            "--gif wants a file name ending in .gif, not 'a.png'");
  EXPECT_EQ(render_error({"render", "F", "--gif", "a.gif", "--from", "2s", "--to", "1s"}),
            "--to must come after --from");
  EXPECT_EQ(render_error({"render", "F", "--png", "a.png", "--fps", "5"}),
            "--fps is for a clip (--gif, --mp4), not a picture");
  EXPECT_EQ(render_error({"render", "F", "--png", "a.png", "--size", "1600x1000x"}),
            "--size must be WIDTHxHEIGHT from 320x240 to 8192x8192, not '1600x1000x'");

  goroscope::WindowOptions o = goroscope::parse_render_options({"render", "run.bin", "--png", "a.png"});
  EXPECT_EQ(o.recording, "run.bin");  // a recording need not be called .gorec
  EXPECT_EQ(o.screenshot, "a.png");
  EXPECT_TRUE(o.at_end);  // no --at: the end of the run, not its empty first moment
  o = goroscope::parse_render_options({"render", "run.gorec", "--png", "a.png", "--at", "1.5s", "--present"});
  EXPECT_FALSE(o.at_end);
  EXPECT_EQ(o.at, 1'500'000'000);
  EXPECT_TRUE(o.present);
  // --event N: the moment after the first N events (the virtual clock's t=0 holds dozens).
  o = goroscope::parse_render_options({"render", "run.gorec", "--png", "a.png", "--event", "12"});
  EXPECT_FALSE(o.at_end);
  EXPECT_EQ(o.at_event, 12);
  EXPECT_EQ(render_error({"render", "F", "--png", "a.png", "--event", "3", "--at", "1s"}),
            "--at or --event, not both: one moment");
  EXPECT_EQ(render_error({"render", "F", "--gif", "a.gif", "--event", "3"}),
            "--event is for a picture (--png); a clip takes --from and --to");
  o = goroscope::parse_render_options({"render", "run.gorec", "--mp4", "c.mp4", "--fps", "24", "--to", "2s"});
  EXPECT_EQ(o.video, "c.mp4");
  EXPECT_EQ(o.fps, 24);
  EXPECT_EQ(o.to, 2'000'000'000);
  o = goroscope::parse_render_options({"render", "run.gorec", "--gif", "/dev/stdout"});  // a device: any name
  EXPECT_EQ(o.video, "/dev/stdout");
  EXPECT_EQ(o.video_format, "gif");
}

TEST(Cli, ExportWritesThroughToDevicesAndNeverReplacesThem) {
  std::string rec = a_recording();
  Outcome o = run_cli({"export", rec, "--chrome", "/dev/stdout"});
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.out.rfind("{\"displayTimeUnit\"", 0), 0u) << o.out.substr(0, 80);  // the JSON on stdout
  o = run_cli({"export", rec, "--chrome", "/dev/full"});
  EXPECT_EQ(o.status, 1);
  EXPECT_EQ(o.err, "goroscope: cannot write /dev/full: No space left on device\n");
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
  EXPECT_EQ(run_cli({"export", rec, "--chrome", "/dev/null"}).status, 0);
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(Cli, ExportReplacesARegularFileAndRefusesALink) {
  std::string rec = a_recording(), out = tmp("out.json"), link = tmp("link.json");
  std::ofstream(out) << "old";
  EXPECT_EQ(run_cli({"export", rec, "--chrome", out}).status, 0);
  EXPECT_EQ(read(out).rfind("{\"displayTimeUnit\"", 0), 0u);
  EXPECT_FALSE(fs::exists(out + ".tmp"));
  fs::remove(link);
  fs::create_symlink(out, link);
  std::string before = read(out);
  Outcome o = run_cli({"export", rec, "--chrome", link});
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.err.find("it is a symbolic link"), std::string::npos);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read(out), before);
}

TEST(Cli, ExportWritesIntoAFifo) {
  std::string rec = a_recording(), fifo = tmp("fifo.json");
  fs::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = read(fifo); });
  EXPECT_EQ(run_cli({"export", rec, "--chrome", fifo}).status, 0);
  reader.join();
  EXPECT_EQ(got.rfind("{\"displayTimeUnit\"", 0), 0u);
  EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST(Cli, ADiskFullDuringRunRecordIsAnErrorNotACrash) {
  Outcome o = run_cli({"run", "select", "--record", "/dev/full"});
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.err.find("cannot write /dev/full: No space left on device"), std::string::npos);
  std::string old = tmp("kept.gorec");
  std::ofstream(old) << "old recording";
  o = run_cli({"run", "select", "--record", tmp("no/such/dir.gorec")});
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.err.find("No such file or directory"), std::string::npos);
}

TEST(Cli, TheMillionProgramIsDeterministicUnderTheVirtualClock) {
  std::string a = tmp("m1.gorec"), b = tmp("m2.gorec");
  Outcome x = run_cli({"run", "million", "--set", "n=3000", "--record", a});
  Outcome y = run_cli({"run", "million", "--set", "n=3000", "--record", b});
  EXPECT_EQ(x.status, 0);
  EXPECT_EQ(x.out, y.out);
  EXPECT_EQ(x.out, "one goroutine per task: 0s\nworker pool of 8: 0s\n");
  EXPECT_EQ(read(a), read(b));
}

// A signal during run --record stops the program and ends the recording properly.
void record_until_signal(const std::string& path, int sig) {
  std::thread killer([path, sig] {
    while (!fs::exists(path + ".tmp")) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ::kill(::getpid(), sig);
  });
  killer.detach();
  // Main sleeps an hour of real time: only the signal ends this run.
  auto rc = goroscope::cli_main(
      {"run", "goroutine_leak", "--clock", "real", "--set", "sleepMs=3600000", "--record", path});
  std::exit(rc.value_or(99));
}

// expect_recorded_until() checks what a run stopped by a signal left.
void expect_recorded_until(const std::string& path) {
  goro::Recording r = goro::load_recording(path);  // no allow_truncated: it has its END block
  EXPECT_TRUE(r.complete);
  ASSERT_FALSE(r.events.empty());
  EXPECT_EQ(r.events.back().kind, goro::EventKind::Exit);  // the program was stopped, and the file says so
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

// Not tmp(): the death test's child is a new process (another pid) that must name the same file.
TEST(CliDeathTest, SigintDuringRunRecordEndsTheRecordingProperly) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::string path = ::testing::TempDir() + "goroscope_cli_sigint.gorec";
  fs::remove(path);
  EXPECT_EXIT(record_until_signal(path, SIGINT), testing::ExitedWithCode(130), "stopped by SIGINT");
  expect_recorded_until(path);
}

TEST(CliDeathTest, SigtermDuringRunRecordEndsTheRecordingProperly) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::string path = ::testing::TempDir() + "goroscope_cli_sigterm.gorec";
  fs::remove(path);
  EXPECT_EXIT(record_until_signal(path, SIGTERM), testing::ExitedWithCode(143), "stopped by SIGTERM");
  expect_recorded_until(path);
}

TEST(CliDeathTest, ASignalRemovesATemporaryOutputFile) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::string path = ::testing::TempDir() + "goroscope_cli_interrupted.json";
  std::ofstream(path) << "old";
  EXPECT_EXIT(
      {
        goroscope::install_signal_handlers();
        goro::OutputFile f(path);
        f.write("half an export");
        std::raise(SIGTERM);
      },
      testing::KilledBySignal(SIGTERM), "");
  EXPECT_FALSE(fs::exists(path + ".tmp"));
  EXPECT_EQ(read(path), "old");
}

TEST(CliDeathTest, RunningOutOfMemoryOnAnyThreadIsAMessageAndExit1) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        goroscope::install_out_of_memory_handler();
        std::thread([] { throw std::bad_alloc(); }).join();  // as a goroutine stack that cannot be mapped
      },
      testing::ExitedWithCode(1), "goroscope: out of memory");
}

// A program that reads a parameter it does not declare is told so (it used to read 0).
TEST(Cli, AnUndeclaredParameterIsAnError) {
  goroscope::Params p = goroscope::find_scenario("worker_pool")->defaults();
  EXPECT_EQ(p["numWorkers"], 3);
  EXPECT_THROW((void)p["wokers"], std::out_of_range);
}
