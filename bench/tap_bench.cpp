// bench/tap_bench.cpp: what observing costs: unbuffered ping-pong with no tap, with a tap
// attached and drained by another thread, and recorded to a file as it runs.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "goro/record.hpp"
#include "goro/tap.hpp"
#include "workloads.hpp"

namespace {

constexpr int kRoundTrips = 200000;

// Drainer empties a tap on its own thread (and writes a recording when given a path).
class Drainer {
 public:
  Drainer(goro::Tap& tap, const char* path) : tap_(tap) {
    if (path)
      writer_ = std::make_unique<goro::RecordingWriter>(
          path, std::map<std::string, std::string>{{"bench", "pingpong"}});
    th_ = std::thread([this] {
      std::vector<goro::Event> evs;
      std::vector<std::string> strings{std::string()};
      while (!stop_.load() || !tap_.finished()) {
        evs.clear();
        if (tap_.drain(evs) == 0) {
          std::this_thread::sleep_for(std::chrono::microseconds(100));  // as a recorder would
          continue;
        }
        tap_.strings(strings.size(), strings);
        if (writer_) writer_->add(evs, strings);
      }
      if (writer_) writer_->finish(strings);
    });
  }
  ~Drainer() {
    stop_ = true;
    th_.join();
  }

 private:
  goro::Tap& tap_;
  std::unique_ptr<goro::RecordingWriter> writer_;
  std::atomic<bool> stop_{false};
  std::thread th_;
};

void run(benchmark::State& state, bool tap_on, const char* path) {
  for (auto _ : state) {
    goro::Tap tap;
    bench::Result r;
    if (tap_on) {
      Drainer d(tap, path);
      r = bench::pingpong(1, kRoundTrips, goro::Observer{&tap, nullptr});
    } else {
      r = bench::pingpong(1, kRoundTrips);
    }
    state.SetIterationTime(double(r.ns) / 1e9);
  }
  state.SetItemsProcessed(state.iterations() * kRoundTrips);
}

void BM_PingPongNoTap(benchmark::State& s) { run(s, false, nullptr); }
void BM_PingPongTapDrained(benchmark::State& s) { run(s, true, nullptr); }
void BM_PingPongRecording(benchmark::State& s) { run(s, true, "/tmp/goroscope-bench.gorec"); }

}  // namespace

BENCHMARK(BM_PingPongNoTap)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PingPongTapDrained)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PingPongRecording)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
