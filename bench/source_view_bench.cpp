// bench/source_view_bench.cpp: what the source view costs per frame: gathering the goroutines
// by line (a million of them, as the article's last program has), and colouring a source
// (the worker pool, and a long file) with the front end's scanner.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "goroscope/highlight.hpp"
#include "source_markers.hpp"

namespace {

// million() is a model's goroutines: n of them, most blocked on one line, a few elsewhere.
goro::visual::CowVector<goro::visual::Goroutine> million(size_t n) {
  goro::visual::CowVector<goro::visual::Goroutine> gs;
  gs.grow(n);
  for (size_t i = 0; i < n; i++) {
    auto& g = gs.mut(i);
    g.id = i + 1;
    g.name = "worker";
    g.state = i % 100 ? goro::visual::GState::Blocked : goro::visual::GState::Runnable;
    g.reason = static_cast<uint8_t>(goro::WaitReason::WaitGroupWait);
    g.line = i % 1000 ? 17 : static_cast<uint32_t>(20 + i % 7);
  }
  return gs;
}

void BM_SourceMarkersMillion(benchmark::State& state) {
  auto gs = million(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(goro::visual::source_markers(gs, 77));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SourceMarkersMillion)->Arg(1000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

std::string worker_pool() {
  std::ifstream f(GOROSCOPE_ASSETS "/programs/08_worker_pool.go");
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void BM_HighlightWorkerPool(benchmark::State& state) {
  std::string src = worker_pool();
  for (auto _ : state) benchmark::DoNotOptimize(goroscope::lang::highlight(src));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(src.size()));
}
BENCHMARK(BM_HighlightWorkerPool)->Unit(benchmark::kMicrosecond);

void BM_HighlightLongFile(benchmark::State& state) {
  std::string one = worker_pool(), src;
  while (src.size() < 1'000'000) src += one;  // about 20,000 lines
  for (auto _ : state) benchmark::DoNotOptimize(goroscope::lang::highlight(src));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(src.size()));
}
BENCHMARK(BM_HighlightLongFile)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
