// tests/visual/source_markers_run_test.cpp: the source view's markers from a real run of the
// article's worker pool (the Go program, interpreted): at every moment of the run each live
// goroutine stands on one line of the source, and the moments a lecturer points at read as
// they should: three workers asleep in time.Sleep while main waits in wg.Wait, then no one.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "goro/tap.hpp"
#include "goroscope/lang.hpp"
#include "model.hpp"
#include "source_markers.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// line_of() is the 1-based line holding `what` (0: none).
uint32_t line_of(const std::string& src, const std::string& what) {
  size_t at = src.find(what);
  return at == std::string::npos ? 0
                                 : static_cast<uint32_t>(std::count(src.begin(), src.begin() + at, '\n') + 1);
}

}  // namespace

TEST(SourceMarkersRun, WorkerPoolAtEveryMoment) {
  std::string src = read(std::string(GOROSCOPE_ASSETS) + "/programs/08_worker_pool.go");
  ASSERT_FALSE(src.empty());
  const uint32_t lines = static_cast<uint32_t>(std::count(src.begin(), src.end(), '\n') + 1);
  const uint32_t sleep_line = line_of(src, "time.Sleep("), wait_line = line_of(src, "wg.Wait()");
  ASSERT_GT(sleep_line, 0u);
  ASSERT_GT(wait_line, 0u);
  auto c = goroscope::lang::compile(src, "08_worker_pool.go");
  ASSERT_TRUE(c.program);
  goro::Tap tap;
  goro::Config cfg;
  cfg.procs = 1;
  cfg.stack_size = std::max(cfg.stack_size, goroscope::lang::goroutine_stack_size());
  goro::Observer observer{&tap, nullptr};
  goroscope::lang::run(*c.program, cfg, &observer, nullptr);
  std::vector<goro::Event> events;
  std::vector<std::string> strings{std::string()};
  tap.drain(events);
  tap.strings(1, strings);
  ASSERT_FALSE(events.empty());

  goro::visual::Model m;
  bool pointed = false;  // the moment: three asleep on the Sleep line, main in wg.Wait
  bool all_placed = false;
  for (const goro::Event& e : events) {
    m.apply(e, strings);
    auto mk = goro::visual::source_markers(m);
    uint64_t alive = m.goroutines().size() - m.count(goro::visual::GState::Finished), placed = 0;
    for (const auto& l : mk.lines) {
      EXPECT_GE(l.line, 1u);
      EXPECT_LE(l.line, lines);
      placed += l.total;
      for (const auto& g : l.some) {
        const goro::visual::Goroutine* gr = m.goroutine(g.id);
        ASSERT_TRUE(gr);
        EXPECT_EQ(gr->line, l.line);
        EXPECT_EQ(gr->state, g.state);
      }
    }
    EXPECT_EQ(placed + mk.unplaced, alive) << "at event " << e.seq;
    // main knows its line from its first statement on, a goroutine from its go statement on.
    if (mk.unplaced == 0) all_placed = true;
    if (all_placed) {
      EXPECT_EQ(mk.unplaced, 0u) << "a goroutine lost its line at event " << e.seq;
    }
    const auto* asleep = mk.at(sleep_line);
    const auto* waiting = mk.at(wait_line);
    if (asleep && asleep->count(goro::visual::GState::Sleeping) == 3 && waiting &&
        waiting->blocked_reasons.size() == 1 &&
        waiting->blocked_reasons[0].first == static_cast<uint8_t>(goro::WaitReason::WaitGroupWait))
      pointed = true;
  }
  EXPECT_TRUE(all_placed);
  EXPECT_TRUE(pointed);
  EXPECT_TRUE(goro::visual::source_markers(m).lines.empty());  // the end: everyone finished
}
