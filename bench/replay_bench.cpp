// bench/replay_bench.cpp: `replay_bench FILE.gorec [SEEKS]`: how long a recording takes to load
// (read and check every block) and to open for replay (load, snapshots, the timeline), and the latency of
// random seeks and of one step back from random points (the worst case of a seek: the most events after a
// snapshot), and what a playing replay redoes each frame the model changed: the diagram's layout and the
// counts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "goro/record.hpp"
#include "layout.hpp"
#include "replay.hpp"
#include "timeline.hpp"

namespace {

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

void report(const char* what, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  double sum = 0;
  for (double x : v) sum += x;
  std::printf("%-28s mean %7.2f ms  median %7.2f ms  p95 %7.2f ms  worst %7.2f ms  (%zu)\n", what,
              sum / static_cast<double>(v.size()), v[v.size() / 2], v[v.size() * 95 / 100], v.back(),
              v.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: replay_bench FILE.gorec [SEEKS]\n");
    return 64;
  }
  int seeks = argc > 2 ? std::atoi(argv[2]) : 50;
  auto t = std::chrono::steady_clock::now();
  size_t loaded = goro::load_recording(argv[1]).events.size();
  std::printf("load_recording (map, checksums, event checks): %.0f ms for %zu events\n", ms_since(t), loaded);
  t = std::chrono::steady_clock::now();
  goroscope::Replay r(argv[1]);
  std::printf("open (load; the first moment can be shown): %.0f ms\n", ms_since(t));
  r.wait_indexed();
  std::printf(
      "indexed (snapshots and timeline, in the background): %.0f ms after opening began; a snapshot every "
      "%zu events\n",
      ms_since(t), r.snapshot_every());
  t = std::chrono::steady_clock::now();
  goro::visual::Model alone;
  for (const auto& e : r.recording().events) alone.apply(e, r.recording().strings);
  std::printf("  of which the model alone (one pass): %.0f ms\n", ms_since(t));
  t = std::chrono::steady_clock::now();
  goro::visual::Timeline tl;
  for (const auto& e : r.recording().events) tl.add(e);
  std::printf("  of which the timeline alone (one pass): %.0f ms\n", ms_since(t));
  std::mt19937_64 rng(7);
  std::vector<double> jump, back;
  for (int i = 0; i < seeks; i++) {
    size_t to = rng() % (r.size() + 1);
    t = std::chrono::steady_clock::now();
    r.seek(to);
    jump.push_back(ms_since(t));
    if (r.cursor() == 0) continue;
    t = std::chrono::steady_clock::now();
    r.seek(r.cursor() - 1);
    back.push_back(ms_since(t));
  }
  report("random seek", jump);
  report("one step back", back);
  goro::visual::LayoutEngine engine;
  std::vector<double> layout, counts;
  goro::visual::Layout l;
  // The first layout reads every goroutine; later ones only what changed since (the window's
  // first is the plan, of the last moment, made when the replay opens).
  r.seek(r.size());
  t = std::chrono::steady_clock::now();
  l = engine.compute(r.model());
  std::printf("first layout (the last moment, nothing kept yet): %.1f ms\n", ms_since(t));
  for (int i = 0; i < std::min(seeks, 20); i++) {
    r.seek(rng() % (r.size() + 1));
    t = std::chrono::steady_clock::now();
    l = engine.compute(r.model());
    layout.push_back(ms_since(t));
    t = std::chrono::steady_clock::now();
    size_t n = 0;
    for (int s = 0; s < 5; s++) n += r.model().count(static_cast<goro::visual::GState>(s));
    counts.push_back(ms_since(t));
    if (n != r.model().goroutines().size() || l.nodes.empty() != r.model().goroutines().empty()) std::abort();
  }
  report("layout at a random point", layout);
  report("counts by state", counts);
}
