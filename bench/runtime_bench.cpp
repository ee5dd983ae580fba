// bench/runtime_bench.cpp: Google Benchmark over the reference workloads, at procs 1 and 2.
// Each iteration is one whole program; the reported time is its measured region only.
#include <benchmark/benchmark.h>

#include "workloads.hpp"

namespace {

template <class F>
void measure(benchmark::State& state, long ops, F run) {
  for (auto _ : state) {
    bench::Result r = run();
    state.SetIterationTime(double(r.ns) / 1e9);
  }
  state.SetItemsProcessed(state.iterations() * ops);
}

void BM_Spawn(benchmark::State& s) {
  measure(s, 100000, [&] { return bench::spawn(s.range(0), 100000); });
}
void BM_PingPong(benchmark::State& s) {
  measure(s, 100000, [&] { return bench::pingpong(s.range(0), 100000); });
}
void BM_Buffered(benchmark::State& s) {
  measure(s, 1000000, [&] { return bench::buffered(s.range(0), 1000000, 128); });
}
void BM_Pool3(benchmark::State& s) {
  measure(s, 100000, [&] { return bench::pool(s.range(0), 100000, 3, -1); });
}
void BM_Pool64(benchmark::State& s) {
  measure(s, 100000, [&] { return bench::pool(s.range(0), 100000, 64, -1); });
}
void BM_Mutex(benchmark::State& s) {
  measure(s, 100000, [&] { return bench::mutex(s.range(0), 100, 1000); });
}
void BM_Select(benchmark::State& s) {
  measure(s, 100000, [&] { return bench::select2(s.range(0), 100000); });
}
void BM_Alive100k(benchmark::State& s) {
  measure(s, 100000, [&] { return bench::alive(s.range(0), 100000); });
  s.counters["vmhwm_kb"] = double(bench::vm_kb("VmHWM"));
}

}  // namespace

#define PROCS ->Arg(1)->Arg(2)->UseManualTime()->Unit(benchmark::kMillisecond)
BENCHMARK(BM_Spawn) PROCS;
BENCHMARK(BM_PingPong) PROCS;
BENCHMARK(BM_Buffered) PROCS;
BENCHMARK(BM_Pool3) PROCS;
BENCHMARK(BM_Pool64) PROCS;
BENCHMARK(BM_Mutex) PROCS;
BENCHMARK(BM_Select) PROCS;
BENCHMARK(BM_Alive100k) PROCS;
BENCHMARK_MAIN();
